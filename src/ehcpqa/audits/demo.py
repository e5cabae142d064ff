"""Demo data for audits: one round over the demo plans, partly audited. Synthetic and reproducible.

Called by the plans app's ``seed_demo`` after the demo plans are analysed. Safe to call again: an authority that
already has the demo round is left as it is.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ehcpqa.accounts.models import LocalAuthority, Role, User
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.audits import rules, services
from ehcpqa.audits.frameworks import framework_import_default
from ehcpqa.audits.models import (
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    Criterion,
    CriterionJudgement,
    Decision,
    FindingDecision,
    ParentFeedback,
    Respondent,
)
from ehcpqa.audits.selectors import latest_finished_run

DEMO_ROUND_NAME = "Demo audit round: autumn term"
DEMO_SEED = 2026
SAMPLE_PERCENT = 40
SHARE_SUBMITTED = 0.6
SHARE_IN_PROGRESS = 0.2
FEEDBACK_CALLS = 24


def _answer_for(findings: list[StoredFinding], quality: float, rng: random.Random) -> str:
    """A plausible human answer, correlated with the machine's findings but not identical to them.

    ``quality`` (0-1) is how good this plan looks to the auditor overall; it drives criteria with no finding.
    """
    severities = {f.severity for f in findings}
    roll = rng.random()
    if "red" in severities:
        return Answer.NOT_MET if roll < 0.75 else Answer.PARTLY_MET
    if "amber" in severities:
        return Answer.PARTLY_MET if roll < 0.65 else (Answer.NOT_MET if roll < 0.8 else Answer.MET)
    if roll < quality:
        return Answer.MET
    return Answer.PARTLY_MET if roll < quality + (1 - quality) * 0.6 else Answer.NOT_MET


def _plan_quality(suggested_score: int | None, rng: random.Random) -> float:
    """How good the plan looks to a person: near the machine's suggestion, with a person's own spread."""
    base = (suggested_score or 5) / 10
    return max(0.05, min(0.95, rng.gauss(base - 0.3, 0.15)))


def _audit_demo(audit: Audit, criteria: list[Criterion], *, complete: bool, rng: random.Random) -> None:
    run = latest_finished_run(audit)
    findings = list(StoredFinding.objects.filter(run=run)) if run else []
    by_criterion: dict[str, list[StoredFinding]] = {}
    for f in findings:
        by_criterion.setdefault(f.criterion, []).append(f)
    delegated = dict(audit.section_assignments.values_list("section", "auditor_id"))
    chosen = criteria if complete else [c for c in criteria if rng.random() < 0.5]
    quality = _plan_quality(run.suggested_score if run else None, rng)
    CriterionJudgement.objects.bulk_create(
        CriterionJudgement(
            audit=audit,
            criterion=c,
            answer=_answer_for(by_criterion.get(c.code, []), quality, rng),
            comment="Provision lacks frequency and who delivers it." if c.section == "F" and rng.random() < 0.2 else "",
            updated_by_id=delegated.get(c.section, audit.auditor_id),
        )
        for c in chosen
    )
    FindingDecision.objects.bulk_create(
        FindingDecision(
            audit=audit,
            finding=f,
            decided_by_id=audit.auditor_id,
            decision=Decision.ACCEPTED if rng.random() < 0.8 else Decision.REJECTED,
        )
        for f in findings
        if complete or rng.random() < 0.5
    )
    audit.status = AuditStatus.IN_PROGRESS
    services.derive_scores(audit)
    audit.save()
    if complete:
        if rng.random() < 0.1 and audit.derived_score is not None:
            audit.override_score = max(1, min(10, audit.derived_score + rng.choice((-1, 1))))
            audit.override_reason = "Demo: the overall picture differs from the sum of the criteria."
            audit.save()
        services.audit_submit(
            audit=audit, by=audit.auditor, lock_version=audit.lock_version, today=timezone.localdate()
        )


def _seed_feedback_calls(local_authority: LocalAuthority, recorder: User, rng: random.Random) -> None:
    if ParentFeedback.objects.filter(local_authority=local_authority).exists():
        return
    plans = list(local_authority.plans.order_by("pk")[:FEEDBACK_CALLS])
    today = timezone.localdate()
    ParentFeedback.objects.bulk_create(
        ParentFeedback(
            local_authority=local_authority,
            plan=p,
            recorded_by=recorder,
            call_date=today - timedelta(days=rng.randint(3, 180)),
            respondent=rng.choice(list(Respondent)),
            accuracy=rng.randint(1, 4),
            clarity=rng.randint(1, 4),
            reflects_child=rng.randint(1, 4),
            comments=rng.choice(
                [
                    "",
                    "Family felt the outcomes were clear.",
                    "Therapy hours were not clear.",
                    "The young person did not recognise themselves in section A.",
                ]
            ),
        )
        for p in plans
    )


@transaction.atomic
def seed_demo_audits(local_authority: LocalAuthority) -> AuditRound | None:
    """Create the demo round for ``local_authority`` (once), assign it and complete part of it."""
    existing = AuditRound.objects.filter(local_authority=local_authority, name=DEMO_ROUND_NAME).first()
    if existing is not None:
        return existing
    framework, _ = framework_import_default()
    users = User.objects.filter(local_authority=local_authority, is_active=True).order_by("pk")
    auditors = list(users.filter(role_grants__role=Role.AUDITOR).distinct())
    lead = users.filter(role_grants__role=Role.QA_LEAD).first()
    if not auditors or lead is None or not local_authority.plans.exists():
        return None
    rng = random.Random(DEMO_SEED)
    today = timezone.localdate()
    try:
        audit_round = services.round_create(
            by=lead,
            name=DEMO_ROUND_NAME,
            framework=framework,
            period_start=date(today.year, 9, 1) if today.month >= 9 else date(today.year - 1, 9, 1),
            period_end=today + timedelta(days=60),
            sample_rule={"kind": "random", "percent": SAMPLE_PERCENT, "seed": DEMO_SEED},
            auditors=auditors,
            sections_by_agency=any(a.agency in rules.LEAD_AGENCIES for a in auditors),
        )
    except services.AuditError:
        return None
    criteria = list(framework.criteria.all())
    audits = list(audit_round.audits.order_by("audit_number"))
    for index, audit in enumerate(audits):
        share = index / len(audits)
        if share < SHARE_SUBMITTED:
            _audit_demo(audit, criteria, complete=True, rng=rng)
        elif share < SHARE_SUBMITTED + SHARE_IN_PROGRESS:
            _audit_demo(audit, criteria, complete=False, rng=rng)
    _seed_feedback_calls(local_authority, lead, rng)
    return audit_round
