"""Reads for the timeliness reports. Counting happens in the database; statuses come from ``due`` and ``end``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from ehcpqa.accounts.access import get_tenant_object, require_role, tenant_objects
from ehcpqa.accounts.models import Role, User
from ehcpqa.timeliness.deadlines import Status, Term
from ehcpqa.timeliness.models import CaseImport, TimelinessMeasure
from ehcpqa.timeliness.rules import Rule, statutory_rules

REPORT_READERS = (Role.QA_LEAD, Role.BOARD_VIEWER)
REVIEW_RULES = ("ANNUAL-REVIEW", "UNDER-5-REVIEW")


def status_filter(status: Status, today: date) -> Q:
    return {
        Status.ON_TIME: Q(end__isnull=False, end__lte=F("due")),
        Status.LATE: Q(end__isnull=False, end__gt=F("due")),
        Status.DUE: Q(end__isnull=True, due__gte=today),
        Status.OVERDUE: Q(end__isnull=True, due__lt=today),
    }[status]


@dataclass(frozen=True)
class RuleRow:
    rule: Rule
    completed: int
    on_time: int
    late: int
    due: int
    overdue: int
    with_exceptions: int
    completed_without_exceptions: int
    on_time_without_exceptions: int

    @property
    def percent_on_time(self) -> float | None:
        return round(100 * self.on_time / self.completed, 1) if self.completed else None

    @property
    def percent_on_time_without_exceptions(self) -> float | None:
        n = self.completed_without_exceptions
        return round(100 * self.on_time_without_exceptions / n, 1) if n else None


def measures_for(user: User) -> QuerySet[TimelinessMeasure]:
    return tenant_objects(user, TimelinessMeasure)


def timeliness_summary(user: User, *, today: date) -> list[RuleRow]:
    """One row per rule, counted in the database."""
    require_role(user, *REPORT_READERS)
    return timeliness_counts(local_authority_id=user.local_authority_id, today=today)


def timeliness_counts(*, local_authority_id: int | None, today: date) -> list[RuleRow]:
    """As timeliness_summary, for one authority (or all, when None) with no user: key figures and the bench."""
    measures = TimelinessMeasure.objects.all()
    if local_authority_id is not None:
        measures = measures.filter(local_authority_id=local_authority_id)
    done = Q(end__isnull=False)
    clean = Q(has_exception=False)
    counts: dict[str, dict[str, Any]] = {
        row["rule"]: dict(row)
        for row in measures.values("rule").annotate(
            completed=Count("id", filter=done),
            on_time=Count("id", filter=status_filter(Status.ON_TIME, today)),
            late=Count("id", filter=status_filter(Status.LATE, today)),
            due_count=Count("id", filter=status_filter(Status.DUE, today)),
            overdue=Count("id", filter=status_filter(Status.OVERDUE, today)),
            with_exceptions=Count("id", filter=done & ~clean),
            completed_clean=Count("id", filter=done & clean),
            on_time_clean=Count("id", filter=status_filter(Status.ON_TIME, today) & clean),
        )
    }
    rows = []
    for rule in statutory_rules().rules:
        c: dict[str, Any] = counts.get(rule.code, {})
        rows.append(
            RuleRow(
                rule=rule,
                completed=c.get("completed", 0),
                on_time=c.get("on_time", 0),
                late=c.get("late", 0),
                due=c.get("due_count", 0),
                overdue=c.get("overdue", 0),
                with_exceptions=c.get("with_exceptions", 0),
                completed_without_exceptions=c.get("completed_clean", 0),
                on_time_without_exceptions=c.get("on_time_clean", 0),
            )
        )
    return rows


def measure_list(
    user: User, *, rule: str, status: Status | None, today: date, exceptions: bool | None = None
) -> QuerySet[TimelinessMeasure]:
    require_role(user, *REPORT_READERS)
    measures = measures_for(user).filter(rule=rule).select_related("case")
    if status is not None:
        measures = measures.filter(status_filter(status, today))
    if exceptions is not None:
        measures = measures.filter(has_exception=exceptions)
    return measures.order_by("due", "case__reference")


def reviews_due(user: User, *, term: Term, school: str | None = None) -> QuerySet[TimelinessMeasure]:
    """Reviews not yet held and due by the end of the term (overdue ones included: they are still to hold)."""
    require_role(user, Role.QA_LEAD)
    measures = measures_for(user).filter(rule__in=REVIEW_RULES, end__isnull=True, due__lte=term.end)
    if school is not None:
        measures = measures.filter(case__school=school)
    return measures.select_related("case", "case__plan").order_by("case__school", "due", "case__reference")


def reviews_due_by_school(user: User, *, term: Term) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in reviews_due(user, term=term)
        .order_by()
        .values("case__school")
        .annotate(total=Count("id"), overdue=Count("id", filter=Q(due__lt=term.start)))
        .order_by("case__school")
    ]


def get_case_import(user: User, import_id: object) -> CaseImport:
    require_role(user, Role.QA_LEAD)
    return get_tenant_object(user, CaseImport, import_id)
