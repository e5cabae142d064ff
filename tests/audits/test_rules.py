from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings

from ehcpqa.audits import rules
from ehcpqa.audits.models import ActionStatus, AuditStatus, RoundStatus


def test_working_days_skip_weekends() -> None:
    # Friday 6 November 2026 + 5 working days = Friday 13 November.
    assert rules.add_working_days(date(2026, 11, 6), 5) == date(2026, 11, 13)


def test_working_days_skip_bank_holidays() -> None:
    # Thursday 24 December 2026: 25 and 28 December are bank holidays, 26-27 a weekend.
    assert rules.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_due_dates_by_grade() -> None:
    monday = date(2026, 11, 2)
    assert rules.action_due_date("inadequate", monday) == date(2026, 11, 9)
    assert rules.action_due_date("requires-improvement", monday) == date(2026, 11, 30)
    assert rules.action_due_date("good", monday) is None


@override_settings(EHCPQA_ACTION_DUE_WORKING_DAYS={"inadequate": 2, "requires-improvement": 10, "good": 40})
def test_due_days_are_configurable() -> None:
    monday = date(2026, 11, 2)
    assert rules.action_due_date("inadequate", monday) == date(2026, 11, 4)
    assert rules.action_due_date("good", monday) is not None


def test_transitions_follow_the_tables() -> None:
    assert rules.next_status(RoundStatus.OPEN, RoundStatus.CLOSED, rules.ROUND_TRANSITIONS) is RoundStatus.CLOSED
    assert rules.next_status(ActionStatus.OPEN, ActionStatus.DONE, rules.ACTION_TRANSITIONS) is ActionStatus.DONE
    with pytest.raises(rules.InvalidTransition):
        rules.next_status(RoundStatus.CANCELLED, RoundStatus.OPEN, rules.ROUND_TRANSITIONS)
    with pytest.raises(rules.InvalidTransition):
        rules.next_status(AuditStatus.SUBMITTED, AuditStatus.IN_PROGRESS, rules.AUDIT_TRANSITIONS)


def test_every_status_has_a_row_in_its_table() -> None:
    assert set(rules.ROUND_TRANSITIONS) == set(RoundStatus)
    assert set(rules.AUDIT_TRANSITIONS) == set(AuditStatus)
    assert set(rules.ACTION_TRANSITIONS) == set(ActionStatus)
