"""Builders for moderation tests: submitted audits with known answers, scored by the real audit rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.audits.models import Audit, AuditRound, AuditStatus, CriterionJudgement, Framework
from ehcpqa.audits.services import JudgementInput, derive_scores
from ehcpqa.moderation import services
from ehcpqa.moderation.models import Marking
from ehcpqa.plans.models import Plan
from tests.audits.factories import make_plan, small_framework

ALL_MET = {"A-01": "met", "B-01": "met", "C-01": "met", "E-02": "met", "F-02": "met", "F-06": "met"}


def make_round(
    la: LocalAuthority, framework: Framework | None = None, name: str = "Spring round", start: date = date(2026, 1, 1)
) -> AuditRound:
    return AuditRound.objects.create(
        local_authority=la,
        name=name,
        framework=framework or small_framework(),
        period_start=start,
        period_end=start.replace(month=start.month + 2),
        sample_kind="all",
    )


def submitted_audit(
    audit_round: AuditRound,
    auditor: User,
    *,
    plan: Plan | None = None,
    number: str = "",
    answers: dict[str, str] | None = None,
    **fields: Any,
) -> Audit:
    la = audit_round.local_authority
    count = audit_round.audits.count() + 1
    plan = plan or make_plan(la, f"P-{audit_round.pk}-{count}")
    audit = Audit.objects.create(
        round=audit_round,
        plan=plan,
        version=plan.latest_version(),
        auditor=auditor,
        audit_number=number or f"R{audit_round.pk}-{count:04d}",
        **fields,
    )
    given = {**ALL_MET, **(answers or {})}
    for criterion in audit_round.framework.criteria.all():
        CriterionJudgement.objects.create(
            audit=audit, criterion=criterion, answer=given[criterion.code], comment=f"first view of {criterion.code}"
        )
    derive_scores(audit)
    audit.status, audit.submitted_at = AuditStatus.SUBMITTED, timezone.now()
    audit.save()
    return audit


def mark(marking: Marking, by: User, answers: dict[str, str] | None = None, *, submit: bool = True) -> Marking:
    given = {**ALL_MET, **(answers or {})}
    judgements = {c.pk: JudgementInput(given[c.code], "") for c in marking.framework.criteria.all()}
    services.marking_save(marking=marking, by=by, judgements=judgements)
    if submit:
        services.marking_submit(marking=marking, by=by)
    marking.refresh_from_db()
    return marking
