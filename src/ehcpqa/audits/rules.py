"""Audit rules as data: allowed status transitions, action due dates, sections per agency.

Kept free of database access so they can be read, tested and changed in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from typing import TypeVar

from django.conf import settings

from ehcpqa.accounts.models import Agency
from ehcpqa.audits.models import ActionStatus, AuditStatus, Grade, RoundStatus

S = TypeVar("S", bound=Enum)


class InvalidTransition(Exception):
    def __init__(self, current: Enum, target: Enum) -> None:
        super().__init__(f"cannot move from {current.value} to {target.value}")
        self.current = current
        self.target = target


ROUND_TRANSITIONS: dict[RoundStatus, frozenset[RoundStatus]] = {
    RoundStatus.OPEN: frozenset({RoundStatus.CLOSED, RoundStatus.CANCELLED}),
    RoundStatus.CLOSED: frozenset({RoundStatus.OPEN}),  # reopened, e.g. to finish a late audit
    RoundStatus.CANCELLED: frozenset(),
}

AUDIT_TRANSITIONS: dict[AuditStatus, frozenset[AuditStatus]] = {
    AuditStatus.ASSIGNED: frozenset({AuditStatus.IN_PROGRESS}),
    AuditStatus.IN_PROGRESS: frozenset({AuditStatus.SUBMITTED}),
    AuditStatus.SUBMITTED: frozenset(),  # locked
}

ACTION_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.OPEN: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.DONE}),
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.OPEN, ActionStatus.DONE}),
    ActionStatus.DONE: frozenset({ActionStatus.IN_PROGRESS}),  # reopened when the fix turns out incomplete
}


def next_status(current: S, target: S, table: Mapping[S, frozenset[S]]) -> S:
    """The one check every status change goes through. Raises InvalidTransition when not allowed."""
    if target not in table.get(current, frozenset()):
        raise InvalidTransition(current, target)
    return target


def allowed_targets(current: S, table: Mapping[S, frozenset[S]]) -> list[S]:
    return sorted(table.get(current, frozenset()), key=lambda s: str(s.value))


# Working days until an action is due, by the grade that caused it. Inadequate plans need immediate action.
# An authority can change them with the EHCPQA_ACTION_DUE_WORKING_DAYS Django setting (same shape).
DEFAULT_ACTION_DUE_WORKING_DAYS: dict[str, int] = {
    Grade.INADEQUATE.value: 5,
    Grade.REQUIRES_IMPROVEMENT.value: 20,
}
IMMEDIATE_ACTION_GRADES = frozenset({Grade.INADEQUATE.value})

# Bank holidays in England and Wales (gov.uk list) that fall on weekdays; extend as years are published.
ENGLAND_BANK_HOLIDAYS: frozenset[date] = frozenset(
    date.fromisoformat(d)
    for d in (
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
    )
)


def action_due_working_days() -> dict[str, int]:
    configured = getattr(settings, "EHCPQA_ACTION_DUE_WORKING_DAYS", None)
    return dict(configured) if configured else dict(DEFAULT_ACTION_DUE_WORKING_DAYS)


def add_working_days(start: date, days: int, holidays: Iterable[date] = ENGLAND_BANK_HOLIDAYS) -> date:
    """The date ``days`` working days after ``start`` (weekends and bank holidays skipped)."""
    closed = set(holidays)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in closed:
            remaining -= 1
    return current


def action_due_date(grade: str, created: date) -> date | None:
    """When an action for a plan of ``grade`` is due, or None when the grade needs no action."""
    days = action_due_working_days().get(grade)
    return None if days is None else add_working_days(created, days)


# Multi-agency audits: which sections each agency's auditors take. Education (and independent) take the rest.
AGENCY_SECTIONS: dict[str, frozenset[str]] = {
    Agency.HEALTH.value: frozenset({"C", "G"}),
    Agency.SOCIAL_CARE.value: frozenset({"D", "H", "H1", "H2"}),
}
LEAD_AGENCIES = frozenset({Agency.EDUCATION.value, Agency.INDEPENDENT.value, ""})

# The order sections are audited in: the plan's own order, then the plan as a whole and the process criteria.
SECTION_ORDER: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H", "H1", "H2", "I", "J", "K", "GEN", "P")

SECTION_TITLES: dict[str, str] = {
    "A": "Section A: views, interests and aspirations",
    "B": "Section B: special educational needs",
    "C": "Section C: health needs",
    "D": "Section D: social care needs",
    "E": "Section E: outcomes",
    "F": "Section F: special educational provision",
    "G": "Section G: health provision",
    "H": "Sections H1 and H2: social care provision",
    "H1": "Section H1: social care provision (CSDPA 1970)",
    "H2": "Section H2: other social care provision",
    "I": "Section I: school or other institution",
    "J": "Section J: personal budget",
    "K": "Section K: advice and information",
    "GEN": "The plan as a whole",
    "P": "Process and timeliness",
}

# Which document sections to show beside the criteria of an audit section.
DOCUMENT_SECTIONS_FOR: dict[str, tuple[str, ...]] = {"H": ("H1", "H2"), "GEN": (), "P": ()}


def section_sort_key(section: str) -> int:
    return SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)


def section_title(section: str) -> str:
    return SECTION_TITLES.get(section, f"Section {section}")
