"""Reads for the audit pages: samples, sections of an audit, the plan text and the machine's suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.audits import rules
from ehcpqa.audits.documents import mask_identity, section_texts
from ehcpqa.audits.models import (
    Audit,
    AuditRound,
    AuditStatus,
    Criterion,
    CriterionJudgement,
    FindingDecision,
    SampleKind,
)
from ehcpqa.audits.sampling import random_sample
from ehcpqa.plans.models import Plan, PlanStatus

FINALISED = (PlanStatus.FINAL, PlanStatus.AMENDED)

# Age phases by National Curriculum year group (Reception = 0, nursery below).
PHASES: dict[str, tuple[int | None, int | None]] = {
    "early_years": (None, 0),
    "primary": (1, 6),
    "secondary": (7, 11),
    "post_16": (12, None),
}
PHASE_LABELS: dict[str, str] = {
    "early_years": "Early years (Reception and younger)",
    "primary": "Primary (Years 1 to 6)",
    "secondary": "Secondary (Years 7 to 11)",
    "post_16": "Post-16 (Year 12 and older)",
}


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def sample_plans(local_authority: LocalAuthority, rule: dict[str, Any]) -> QuerySet[Plan]:
    """The plans a sample rule selects. ``rule`` is AuditRound.sample_rule (JSON-safe values)."""
    plans = Plan.objects.filter(local_authority=local_authority, status__in=FINALISED)
    up_to = _as_date(rule.get("up_to"))
    if up_to is not None:
        plans = plans.filter(issued_date__lte=up_to)
    kind = rule.get("kind")
    if kind == SampleKind.RANDOM:
        ids = random_sample(plans.values_list("pk", flat=True), percent=int(rule["percent"]), seed=int(rule["seed"]))
        return Plan.objects.filter(pk__in=ids)
    if kind == SampleKind.FILTER:
        if rule.get("year9_plus"):
            plans = plans.filter(year_group__gte=9)
        if rule.get("looked_after"):
            plans = plans.filter(looked_after=True)
        phase = rule.get("phase")
        if phase in PHASES:
            low, high = PHASES[phase]
            if low is not None:
                plans = plans.filter(year_group__gte=low)
            if high is not None:
                plans = plans.filter(year_group__lte=high)
        if rule.get("primary_need"):
            plans = plans.filter(primary_need=rule["primary_need"])
        issued_before = _as_date(rule.get("issued_before"))
        if issued_before is not None:
            plans = plans.filter(issued_date__lt=issued_before)
        if rule.get("team"):
            plans = plans.filter(team__iexact=rule["team"])
    return plans


def audit_criteria(audit: Audit) -> list[Criterion]:
    return list(audit.round.framework.criteria.all())


def audit_sections(criteria: list[Criterion]) -> list[str]:
    """The audit's sections, in audit order: those that have at least one criterion."""
    return sorted({c.section for c in criteria}, key=rules.section_sort_key)


def latest_finished_run(audit: Audit) -> AnalysisRun | None:
    if audit.version_id is None:
        return None
    return (
        AnalysisRun.objects.filter(version_id=audit.version_id, status=RunStatus.DONE).order_by("-created_at").first()
    )


@dataclass
class SectionProgress:
    section: str
    title: str
    total: int
    answered: int
    assignee_name: str
    editable: bool

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def section_progress(audit: Audit, criteria: list[Criterion], editable: set[str]) -> list[SectionProgress]:
    answered = set(
        CriterionJudgement.objects.filter(audit=audit)
        .exclude(answer="")
        .values_list("criterion__section", "criterion_id")
    )
    delegated = {a.section: str(a.auditor) for a in audit.section_assignments.select_related("auditor")}
    out = []
    for section in audit_sections(criteria):
        in_section = [c for c in criteria if c.section == section]
        done = sum(1 for c in in_section if (section, c.pk) in answered)
        out.append(
            SectionProgress(
                section,
                rules.section_title(section),
                len(in_section),
                done,
                delegated.get(section, str(audit.auditor)),
                section in editable,
            )
        )
    return out


def masked_section_text(audit: Audit, run: AnalysisRun | None, section: str) -> dict[str, list[str]] | None:
    """Document section id -> masked paragraphs for the audit section; None when the document is not analysed."""
    if run is None:
        return None
    texts = section_texts(run.document)
    if not texts:
        return None
    wanted = rules.DOCUMENT_SECTIONS_FOR.get(section, (section,))
    plan = audit.plan
    child_names = [plan.child_name] if plan.child_name else []
    metadata_name = run.metadata.get("child_name") if isinstance(run.metadata, dict) else None
    if isinstance(metadata_name, str):
        child_names.append(metadata_name)
    officer = plan.case_officer
    officer_names = [n for n in ((officer.display_name, officer.get_full_name()) if officer else ()) if n]
    metadata_dob = run.metadata.get("date_of_birth") if isinstance(run.metadata, dict) else None
    try:
        other_dob = _as_date(metadata_dob) if isinstance(metadata_dob, str) else None
    except ValueError:  # the reader could not make sense of the date: nothing to mask by it
        other_dob = None

    def mask(text: str) -> str:
        text = mask_identity(
            text, child_names=child_names, date_of_birth=plan.date_of_birth, officer_names=officer_names
        )
        return mask_identity(text, date_of_birth=other_dob) if other_dob else text

    return {sid: [mask(p) for p in texts.get(sid, [])] for sid in wanted}


@dataclass
class Suggestion:
    finding: StoredFinding
    decision: str  # "" when the auditor has not decided
    criterion_code: str
    masked_evidence: str = ""


def section_suggestions(
    audit: Audit, run: AnalysisRun | None, criteria: list[Criterion], section: str
) -> list[Suggestion]:
    """Machine findings that inform this section's criteria (or lie in this section), with the auditor's decision."""
    if run is None:
        return []
    codes_here = {c.code for c in criteria if c.section == section}
    known_codes = {c.code for c in criteria}
    findings = StoredFinding.objects.filter(run=run).filter(Q(criterion__in=codes_here) | Q(section=section))
    decisions = dict(FindingDecision.objects.filter(audit=audit).values_list("finding_id", "decision"))
    plan = audit.plan
    out = []
    for f in findings:
        # A finding whose criterion belongs to another section is shown there, not here.
        if f.criterion in known_codes and f.criterion not in codes_here:
            continue
        evidence = mask_identity(
            f.evidence_text, child_names=[plan.child_name] if plan.child_name else [], date_of_birth=plan.date_of_birth
        )
        out.append(Suggestion(f, decisions.get(f.pk, ""), f.criterion, evidence))
    return out


def judgements_by_criterion(audit: Audit) -> dict[int, CriterionJudgement]:
    return {j.criterion_id: j for j in CriterionJudgement.objects.filter(audit=audit)}


@dataclass
class RoundSummary:
    round: AuditRound
    total: int
    submitted: int
    in_progress: int

    @property
    def not_started(self) -> int:
        return self.total - self.submitted - self.in_progress


def round_summary(audit_round: AuditRound) -> RoundSummary:
    counts = dict(audit_round.audits.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return RoundSummary(
        audit_round, sum(counts.values()), counts.get(AuditStatus.SUBMITTED, 0), counts.get(AuditStatus.IN_PROGRESS, 0)
    )


def round_summaries(rounds: QuerySet[AuditRound]) -> list[RoundSummary]:
    return [round_summary(r) for r in rounds]


def feedback_for_case_officer(user: User) -> QuerySet[Audit]:
    """Submitted audits of the plans the user writes, newest first (their feedback)."""
    return (
        Audit.objects.filter(
            round__local_authority=user.local_authority_id, plan__case_officer=user, status=AuditStatus.SUBMITTED
        )
        .select_related("plan", "round")
        .order_by("-submitted_at")
    )
