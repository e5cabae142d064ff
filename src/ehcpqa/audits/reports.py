"""The per-plan audit feedback: the page and its PDF download (WeasyPrint, no outside resources)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import User
from ehcpqa.audits import rules
from ehcpqa.audits.models import Answer, AuditStatus, CriterionJudgement
from ehcpqa.plans.models import Plan


def feedback_context(plan: Plan) -> dict[str, Any]:
    """What the case officer needs: results of every submitted audit, the weaker criteria of the latest, actions."""
    audits = list(
        plan.audits.filter(status=AuditStatus.SUBMITTED).select_related("round", "version").order_by("-submitted_at")
    )
    latest = audits[0] if audits else None
    weaker: list[tuple[str, list[CriterionJudgement]]] = []
    if latest is not None:
        rows = (
            CriterionJudgement.objects.filter(audit=latest, answer__in=[Answer.NOT_MET, Answer.PARTLY_MET])
            .select_related("criterion")
            .order_by("criterion__position")
        )
        by_section: dict[str, list[CriterionJudgement]] = {}
        for j in rows:
            by_section.setdefault(j.criterion.section, []).append(j)
        weaker = [(rules.section_title(s), by_section[s]) for s in sorted(by_section, key=rules.section_sort_key)]
    return {
        "plan": plan,
        "audits": audits,
        "latest_audit": latest,
        "section_grades": [
            (rules.section_title(s), g)
            for s, g in sorted(
                (latest.section_grades if latest else {}).items(), key=lambda item: rules.section_sort_key(item[0])
            )
        ],
        "weaker": weaker,
        "actions": list(plan.audit_actions.select_related("assigned_to").order_by("due_date")),
        "open_audits": plan.audits.exclude(status=AuditStatus.SUBMITTED).count(),
    }


@transaction.atomic
def render_feedback_pdf(*, plan: Plan, by: User) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and only this download needs it

    html = render_to_string("audits/feedback_pdf.html", {**feedback_context(plan), "generated": timezone.now()})
    pdf: bytes = HTML(string=html).write_pdf()
    record_activity(actor=by, local_authority=plan.local_authority, verb="plan.feedback_downloaded", target=plan)
    return pdf
