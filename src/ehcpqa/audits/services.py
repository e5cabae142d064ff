"""Every write of the audits app. Each function runs in one transaction and records who did what in it."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from ehcp_analysis.answer_scoring import Bands, score_answers
from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.audits import rules
from ehcpqa.audits.access import sections_user_may_edit
from ehcpqa.audits.models import (
    Action,
    ActionStatus,
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    Criterion,
    CriterionJudgement,
    Decision,
    FindingDecision,
    Framework,
    Grade,
    ParentFeedback,
    RoundStatus,
    SectionAssignment,
)
from ehcpqa.audits.sampling import PlanToAssign, assign_balanced
from ehcpqa.audits.selectors import latest_finished_run, sample_plans
from ehcpqa.plans.models import Plan


class AuditError(Exception):
    """A request the rules refuse; the message is written for the person who asked."""


class StaleAudit(AuditError):
    """Someone else saved this audit after the form was opened."""


class AuditLocked(AuditError):
    """The audit has been submitted and can no longer change."""


def bands_for(local_authority: LocalAuthority) -> Bands:
    return Bands(
        requires_improvement_from=local_authority.requires_improvement_from,
        good_from=local_authority.good_from,
        outstanding_from=local_authority.outstanding_from,
    )


# ---- Rounds -------------------------------------------------------------------------------------------------


def _open_load(auditor_ids: Sequence[int]) -> dict[int, int]:
    """Audits not yet submitted, per auditor, so a new round evens out existing work too."""
    rows = (
        Audit.objects.filter(auditor_id__in=auditor_ids, round__status=RoundStatus.OPEN)
        .exclude(status=AuditStatus.SUBMITTED)
        .values("auditor_id")
        .annotate(n=Count("id"))
    )
    return {r["auditor_id"]: r["n"] for r in rows}


@transaction.atomic
def round_create(
    *,
    by: User,
    name: str,
    framework: Framework,
    period_start: date,
    period_end: date,
    sample_rule: dict[str, Any],
    auditors: Sequence[User],
    sections_by_agency: bool = False,
) -> AuditRound:
    """Create a round, draw its sample and assign every sampled plan (and, optionally, agency sections)."""
    la = by.local_authority
    if not framework.published:
        raise AuditError("Choose a published framework version.")
    if framework.local_authority_id not in (None, la.pk):
        raise AuditError("Choose one of your authority's frameworks.")
    if any(a.local_authority_id != la.pk for a in auditors):
        raise AuditError("Auditors must belong to your authority.")
    plans = list(sample_plans(la, sample_rule).order_by("pk"))
    if not plans:
        raise AuditError("The sample has no plans. Change the sample and try again.")
    if sections_by_agency:
        leads = [a for a in auditors if a.agency in rules.LEAD_AGENCIES]
        by_agency = {agency: [a for a in auditors if a.agency == agency] for agency in rules.AGENCY_SECTIONS}
    else:
        leads, by_agency = list(auditors), {}
    if not leads:
        raise AuditError("Choose at least one education or independent auditor to lead the audits.")
    round_ = AuditRound.objects.create(
        local_authority=la,
        name=name,
        framework=framework,
        period_start=period_start,
        period_end=period_end,
        sample_kind=sample_rule.get("kind", ""),
        sample_rule=sample_rule,
        sections_by_agency=sections_by_agency,
        created_by=by,
    )
    to_assign = [PlanToAssign(p.pk, p.case_officer_id) for p in plans]
    lead_ids = [a.pk for a in leads]
    try:
        lead_for = assign_balanced(to_assign, lead_ids, existing_load=_open_load(lead_ids))
    except Exception as exc:
        raise AuditError("A plan could not be assigned: its case officer is the only auditor chosen.") from exc
    # Audit numbers follow a shuffled order so they reveal nothing about the plan reference or register order.
    shuffled = [p.pk for p in plans]
    random.Random(round_.pk).shuffle(shuffled)
    number_of = {plan_id: f"R{round_.pk}-{i + 1:04d}" for i, plan_id in enumerate(shuffled)}
    audits = {
        p.pk: Audit.objects.create(
            round=round_, plan=p, version=p.latest_version(), auditor_id=lead_for[p.pk], audit_number=number_of[p.pk]
        )
        for p in plans
    }
    framework_sections = set(framework.criteria.values_list("section", flat=True))
    for agency, agency_auditors in by_agency.items():
        sections = rules.AGENCY_SECTIONS[agency] & framework_sections
        if not agency_auditors or not sections:
            continue
        ids = [a.pk for a in agency_auditors]
        try:
            chosen = assign_balanced(to_assign, ids, existing_load=_open_load(ids))
        except Exception as exc:
            raise AuditError(
                "A plan's agency sections could not be assigned: its case officer is the only auditor of that agency."
            ) from exc
        SectionAssignment.objects.bulk_create(
            SectionAssignment(audit=audits[plan_id], section=s, auditor_id=auditor_id)
            for plan_id, auditor_id in chosen.items()
            for s in sorted(sections)
        )
    record_activity(
        actor=by,
        local_authority=la,
        verb="audit_round.created",
        target=round_,
        detail={"sample_size": len(plans), "framework": framework.pk, "auditors": lead_ids},
    )
    return round_


@transaction.atomic
def round_transition(*, audit_round: AuditRound, by: User, target: RoundStatus) -> AuditRound:
    current = RoundStatus(audit_round.status)
    audit_round.status = rules.next_status(current, target, rules.ROUND_TRANSITIONS)
    audit_round.save(update_fields=["status"])
    record_activity(
        actor=by,
        local_authority=audit_round.local_authority,
        verb="audit_round.status_changed",
        target=audit_round,
        detail={"from": current.value, "to": target.value},
    )
    return audit_round


# ---- Auditing -----------------------------------------------------------------------------------------------


def _claim_version(audit: Audit, lock_version: int) -> None:
    """Bump the audit's version if it still is ``lock_version``; otherwise refuse the save."""
    updated = (
        Audit.objects.filter(pk=audit.pk, lock_version=lock_version)
        .exclude(status=AuditStatus.SUBMITTED)
        .update(lock_version=F("lock_version") + 1, updated_at=timezone.now())
    )
    if not updated:
        audit.refresh_from_db()
        if audit.status == AuditStatus.SUBMITTED:
            raise AuditLocked("This audit has been submitted and can no longer be changed.")
        raise StaleAudit(
            "Someone else saved this audit after you opened it. Your answers have not been saved: they are shown "
            "below. Check the latest version, then save again."
        )
    audit.refresh_from_db()


def derive_scores(audit: Audit) -> None:
    criteria = list(audit.round.framework.criteria.all())
    answers = {
        code: answer
        for code, answer in CriterionJudgement.objects.filter(audit=audit).values_list("criterion__code", "answer")
    }
    scores = score_answers(
        answers,
        criteria,
        section_weights=audit.round.framework.section_weights,
        bands=bands_for(audit.round.local_authority),
    )
    audit.derived_score = scores.overall_score
    audit.derived_grade = scores.overall_grade or ""
    audit.section_grades = scores.section_grades
    if audit.override_score is not None:
        audit.override_grade = bands_for(audit.round.local_authority).grade(audit.override_score)


def _start_if_new(audit: Audit) -> None:
    if audit.status == AuditStatus.ASSIGNED:
        audit.status = rules.next_status(AuditStatus.ASSIGNED, AuditStatus.IN_PROGRESS, rules.AUDIT_TRANSITIONS)


@dataclass(frozen=True)
class JudgementInput:
    answer: str  # one of Answer values, or "" for not yet answered
    comment: str


@transaction.atomic
def audit_save_section(
    *,
    audit: Audit,
    by: User,
    section: str,
    lock_version: int,
    judgements: Mapping[int, JudgementInput],
    decisions: Mapping[int, str],
) -> Audit:
    """Save one section's judgements and finding decisions. Refuses stale or locked audits, changes nothing then."""
    criteria = {c.pk: c for c in audit.round.framework.criteria.filter(section=section)}
    if not criteria or section not in sections_user_may_edit(by, audit, [section]):
        raise PermissionDenied("This section is not assigned to you.")
    if set(judgements) - set(criteria):
        raise AuditError("An answer was given for a criterion that is not in this section.")
    if any(j.answer not in Answer.values and j.answer != "" for j in judgements.values()):
        raise AuditError("Choose met, partly met, not met or not applicable.")
    _claim_version(audit, lock_version)
    run = latest_finished_run(audit)
    allowed_findings = set(StoredFinding.objects.filter(run=run).values_list("pk", flat=True)) if run else set()
    if set(decisions) - allowed_findings or any(d not in Decision.values for d in decisions.values()):
        raise AuditError("A decision was given for a suggestion that is not part of this audit.")
    changed: list[str] = []
    existing = {j.criterion_id: j for j in CriterionJudgement.objects.filter(audit=audit, criterion_id__in=criteria)}
    for criterion_id, given in judgements.items():
        current = existing.get(criterion_id)
        if current and (current.answer, current.comment) == (given.answer, given.comment):
            continue
        CriterionJudgement.objects.update_or_create(
            audit=audit,
            criterion_id=criterion_id,
            defaults={"answer": given.answer, "comment": given.comment, "updated_by": by},
        )
        changed.append(criteria[criterion_id].code)
    for finding_id, decision in decisions.items():
        FindingDecision.objects.update_or_create(
            audit=audit, finding_id=finding_id, defaults={"decision": decision, "decided_by": by}
        )
    _start_if_new(audit)
    derive_scores(audit)
    audit.save(update_fields=["status", "derived_score", "derived_grade", "section_grades", "override_grade"])
    record_activity(
        actor=by,
        local_authority=audit.round.local_authority,
        verb="audit.section_saved",
        target=audit,
        detail={
            "section": section,
            "criteria_changed": changed,
            "decisions": len(decisions),
            "lock_version": audit.lock_version,
        },
    )
    return audit


@transaction.atomic
def audit_set_override(*, audit: Audit, by: User, lock_version: int, score: int | None, reason: str) -> Audit:
    """Record (or clear, with score None) the auditor's own overall score. The derived score is kept beside it."""
    if audit.auditor_id != by.pk:
        raise PermissionDenied("Only the lead auditor can override the score.")
    if score is not None and not (1 <= score <= 10):
        raise AuditError("Enter a score from 1 to 10.")
    if score is not None and not reason.strip():
        raise AuditError("Explain why you are changing the score.")
    _claim_version(audit, lock_version)
    before = {"score": audit.override_score, "grade": audit.override_grade}
    audit.override_score = score
    audit.override_grade = bands_for(audit.round.local_authority).grade(score) if score is not None else ""
    audit.override_reason = reason.strip() if score is not None else ""
    _start_if_new(audit)
    audit.save(update_fields=["override_score", "override_grade", "override_reason", "status"])
    record_activity(
        actor=by,
        local_authority=audit.round.local_authority,
        verb="audit.score_overridden",
        target=audit,
        detail={
            "before": before,
            "after": {"score": score, "grade": audit.override_grade},
            "derived_score": audit.derived_score,
        },
    )
    return audit


def unanswered_criteria(audit: Audit) -> list[Criterion]:
    answered = set(
        CriterionJudgement.objects.filter(audit=audit).exclude(answer="").values_list("criterion_id", flat=True)
    )
    return [c for c in audit.round.framework.criteria.all() if c.pk not in answered]


@transaction.atomic
def audit_submit(*, audit: Audit, by: User, lock_version: int, today: date | None = None) -> Audit:
    """Lock the audit and, for Requires improvement or Inadequate results, create the case officer's action."""
    if audit.auditor_id != by.pk:
        raise PermissionDenied("Only the lead auditor can submit the audit.")
    missing = unanswered_criteria(audit)
    if missing:
        raise AuditError(
            f"Answer every criterion before you submit: {len(missing)} not answered yet (first: {missing[0].code})."
        )
    _claim_version(audit, lock_version)
    derive_scores(audit)
    audit.status = rules.next_status(AuditStatus(audit.status), AuditStatus.SUBMITTED, rules.AUDIT_TRANSITIONS)
    audit.submitted_at = timezone.now()
    audit.save(
        update_fields=["status", "submitted_at", "derived_score", "derived_grade", "section_grades", "override_grade"]
    )
    la = audit.round.local_authority
    record_activity(
        actor=by,
        local_authority=la,
        verb="audit.submitted",
        target=audit,
        detail={
            "derived": [audit.derived_score, audit.derived_grade],
            "override": [audit.override_score, audit.override_grade],
        },
    )
    _create_action_if_needed(audit, today or timezone.localdate(), by)
    return audit


def _create_action_if_needed(audit: Audit, today: date, by: User) -> Action | None:
    grade = audit.final_grade
    due = rules.action_due_date(grade, today)
    if due is None:
        return None
    weak = list(
        CriterionJudgement.objects.filter(audit=audit, answer=Answer.NOT_MET)
        .order_by("criterion__position")
        .values_list("criterion__code", flat=True)
    )
    immediate = grade in rules.IMMEDIATE_ACTION_GRADES
    description = (
        f"The plan was graded {Grade(grade).label} in {audit.round.name}. "
        + (
            "Act now: amend the plan so it meets the criteria marked not met. "
            if immediate
            else "Amend the plan at or before its next review so it meets the criteria marked not met. "
        )
        + (f"Criteria not met: {', '.join(weak)}." if weak else "See the audit feedback for the weaker areas.")
    )
    action = Action.objects.create(
        local_authority=audit.round.local_authority,
        audit=audit,
        plan=audit.plan,
        assigned_to=audit.plan.case_officer,
        grade=grade,
        immediate=immediate,
        description=description,
        due_date=due,
    )
    record_activity(
        actor=by,
        local_authority=action.local_authority,
        verb="action.created",
        target=action,
        detail={"audit": audit.pk, "grade": grade, "due": due.isoformat()},
    )
    return action


@transaction.atomic
def audit_create_reaudit(*, previous: Audit, by: User, auditor: User, audit_round: AuditRound) -> Audit:
    """A new audit of the plan's newest version, linked to the earlier one (after the plan was amended)."""
    la = by.local_authority
    if audit_round.local_authority_id != la.pk or auditor.local_authority_id != la.pk:
        raise AuditError("Choose a round and an auditor of your authority.")
    if audit_round.status != RoundStatus.OPEN:
        raise AuditError("Choose an open round.")
    if previous.status != AuditStatus.SUBMITTED:
        raise AuditError("Only a submitted audit can be followed by a re-audit.")
    plan = previous.plan
    newest = plan.latest_version()
    if newest is None or (previous.version is not None and newest.number <= previous.version.number):
        raise AuditError("Upload the amended plan first: a re-audit looks at a newer version.")
    if auditor.pk == plan.case_officer_id:
        raise AuditError("An auditor cannot audit a plan they wrote.")
    count = audit_round.audits.count()
    audit = Audit.objects.create(
        round=audit_round,
        plan=plan,
        version=newest,
        auditor=auditor,
        reaudit_of=previous,
        audit_number=f"R{audit_round.pk}-{count + 1:04d}",
    )
    while Audit.objects.filter(round=audit_round, audit_number=audit.audit_number).exclude(pk=audit.pk).exists():
        count += 1
        audit.audit_number = f"R{audit_round.pk}-{count + 1:04d}"
        audit.save(update_fields=["audit_number"])
    record_activity(
        actor=by,
        local_authority=la,
        verb="audit.reaudit_created",
        target=audit,
        detail={"previous": previous.pk, "version": newest.pk},
    )
    return audit


@transaction.atomic
def audit_record_document_view(*, audit: Audit, by: User, section: str) -> None:
    """Every view of a plan document is recorded (PRODUCT.md section 10), here a section shown in an audit."""
    record_activity(
        actor=by,
        local_authority=audit.round.local_authority,
        verb="plan.document_viewed",
        target=audit,
        detail={"section": section, "plan": audit.plan_id, "version": audit.version_id},
    )


# ---- Closing the loop ---------------------------------------------------------------------------------------


@transaction.atomic
def action_transition(*, action: Action, by: User, target: ActionStatus) -> Action:
    current = ActionStatus(action.status)
    action.status = rules.next_status(current, target, rules.ACTION_TRANSITIONS)
    action.completed_at = timezone.now() if target == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_at"])
    record_activity(
        actor=by,
        local_authority=action.local_authority,
        verb="action.status_changed",
        target=action,
        detail={"from": current.value, "to": target.value},
    )
    return action


@transaction.atomic
def parent_feedback_record(*, plan: Plan, by: User, **fields: Any) -> ParentFeedback:
    feedback = ParentFeedback.objects.create(local_authority=plan.local_authority, plan=plan, recorded_by=by, **fields)
    record_activity(
        actor=by,
        local_authority=plan.local_authority,
        verb="parent_feedback.recorded",
        target=feedback,
        detail={"plan": plan.pk},
    )
    return feedback
