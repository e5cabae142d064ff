"""Worked examples of the statutory time limits (docs/timeliness.md). No database."""

from __future__ import annotations

from datetime import date

import pytest

from ehcpqa.timeliness.deadlines import (
    Case,
    Event,
    Measure,
    Status,
    add_limit,
    in_holiday_window,
    measure_case,
    summarise,
    term_containing,
)
from ehcpqa.timeliness.rules import Closure, Limit, parse_rule_book, statutory_rules

BOOK = statutory_rules()
TODAY = date(2026, 11, 23)


def measures(
    *events: tuple[str, str, str] | tuple[str, str], dob: date | None = None, today: date = TODAY
) -> list[Measure]:
    parsed = tuple(Event(date.fromisoformat(e[1]), e[0], e[2] if len(e) == 3 else "") for e in events)
    return measure_case(Case("EHC-1", parsed, dob), BOOK, today=today)


def only(ms: list[Measure], rule: str) -> Measure:
    found = [m for m in ms if m.rule == rule]
    assert len(found) == 1, found
    return found[0]


def test_rules_are_data_with_a_limit_or_deadline_each() -> None:
    codes = {r.code for r in BOOK.rules}
    assert {
        "FINAL-20-WEEKS",
        "DECISION-TO-ASSESS",
        "ANNUAL-REVIEW",
        "UNDER-5-REVIEW",
        "REVIEW-DECISION",
        "AMENDED-PLAN",
        "PHASE-TRANSFER",
        "PHASE-TRANSFER-POST-16",
        "ADVICE",
        "NOT-TO-ISSUE",
    } <= codes
    assert BOOK.rule("FINAL-20-WEEKS").limit == Limit(20, "weeks")
    assert BOOK.rule("FINAL-20-WEEKS").describe_limit() == "within 20 weeks"
    assert BOOK.rule("PHASE-TRANSFER").describe_limit() == "by 15 February"


def test_a_rule_naming_an_unknown_exception_is_refused() -> None:
    data = {
        "version": "x",
        "exceptions": [],
        "terms": [],
        "rules": [
            {
                "code": "X",
                "title": "",
                "description": "",
                "source": "",
                "start": "a",
                "end": "b",
                "applies_to": "any",
                "limit": {"amount": 1, "unit": "weeks"},
                "exceptions": ["nope"],
            }
        ],
    }
    with pytest.raises(ValueError, match="unknown exceptions"):
        parse_rule_book(data)


@pytest.mark.parametrize(
    ("start", "limit", "due"),
    [
        ("2025-01-06", Limit(20, "weeks"), "2025-05-26"),
        ("2025-01-06", Limit(6, "weeks"), "2025-02-17"),
        ("2024-02-29", Limit(12, "months"), "2025-02-28"),  # leap day: the last day of February next year
        ("2025-08-31", Limit(6, "months"), "2026-02-28"),
        ("2025-11-30", Limit(3, "months"), "2026-02-28"),
        ("2025-03-10", Limit(15, "days"), "2025-03-25"),
    ],
)
def test_due_dates(start: str, limit: Limit, due: str) -> None:
    assert add_limit(date.fromisoformat(start), limit) == date.fromisoformat(due)


def test_twenty_weeks_issued_on_the_last_day_is_on_time() -> None:
    ms = measures(
        ("request", "2025-01-06"), ("decision-to-assess", "2025-02-17", "assess"), ("final-issued", "2025-05-26")
    )
    final = only(ms, "FINAL-20-WEEKS")
    assert final.due == date(2025, 5, 26) and final.status == Status.ON_TIME and final.exceptions == ()
    assert only(ms, "DECISION-TO-ASSESS").status == Status.ON_TIME  # 6 weeks to the day


def test_twenty_weeks_one_day_over_is_late() -> None:
    ms = measures(
        ("request", "2025-01-06"), ("decision-to-assess", "2025-02-18", "assess"), ("final-issued", "2025-05-27")
    )
    assert only(ms, "FINAL-20-WEEKS").status == Status.LATE
    assert only(ms, "DECISION-TO-ASSESS").status == Status.LATE


@pytest.mark.parametrize("code", ["child-away", "personal-circumstances", "setting-closed", "holiday-request"])
def test_each_statutory_exception_marks_the_twenty_week_measure(code: str) -> None:
    ms = measures(
        ("request", "2025-01-06"),
        ("decision-to-assess", "2025-02-10", "assess"),
        ("exception", "2025-03-03", code),
        ("final-issued", "2025-07-07"),
    )
    final = only(ms, "FINAL-20-WEEKS")
    # The deadline does not move: the case is late but reported apart, "with exceptions".
    assert final.due == date(2025, 5, 26) and final.status == Status.LATE and final.exceptions == (code,)


def test_exception_outside_the_episode_does_not_count() -> None:
    ms = measures(("exception", "2024-12-01", "child-away"), ("request", "2025-01-06"), ("final-issued", "2025-05-20"))
    assert only(ms, "FINAL-20-WEEKS").exceptions == ()


def test_exception_not_allowed_for_a_rule_is_ignored_for_it() -> None:
    # "setting-closed" is an exception to the 20-week limit (reg. 13(3)) but not to the 6-week decision (reg. 5).
    ms = measures(
        ("request", "2025-01-06"),
        ("exception", "2025-01-20", "setting-closed"),
        ("decision-to-assess", "2025-03-03", "assess"),
        ("final-issued", "2025-05-20"),
    )
    assert only(ms, "DECISION-TO-ASSESS").exceptions == ()
    assert only(ms, "FINAL-20-WEEKS").exceptions == ("setting-closed",)


def test_summary_reports_with_and_without_exceptions_like_the_national_statistics() -> None:
    all_measures = [
        *measures(("request", "2025-01-06"), ("final-issued", "2025-05-20")),  # on time
        *measures(("request", "2025-01-06"), ("final-issued", "2025-06-20")),  # late
        *measures(
            ("request", "2025-01-06"), ("exception", "2025-02-01", "child-away"), ("final-issued", "2025-07-20")
        ),  # late, with an exception
        *measures(("request", "2026-10-01")),  # not issued yet, not due until 2027
    ]
    s = summarise("FINAL-20-WEEKS", all_measures)
    assert (s.completed, s.on_time, s.late, s.due, s.overdue) == (3, 1, 2, 1, 0)
    assert s.with_exceptions == 1 and s.completed_without_exceptions == 2
    assert s.percent_on_time == pytest.approx(33.3)
    assert s.percent_on_time_without_exceptions == 50.0


def test_refused_assessment_has_no_twenty_week_measure() -> None:
    ms = measures(("request", "2025-01-06"), ("decision-to-assess", "2025-02-03", "not-assess"))
    assert [m.rule for m in ms] == ["DECISION-TO-ASSESS"]


def test_decision_not_to_issue_within_16_weeks() -> None:
    ms = measures(
        ("request", "2025-01-06"),
        ("decision-to-assess", "2025-02-03", "assess"),
        ("decision-not-to-issue", "2025-04-28"),
    )
    assert only(ms, "NOT-TO-ISSUE").status == Status.ON_TIME and only(ms, "NOT-TO-ISSUE").due == date(2025, 4, 28)
    assert not [m for m in ms if m.rule == "FINAL-20-WEEKS"]


def test_pending_request_is_due_then_overdue() -> None:
    assert only(measures(("request", "2026-10-01")), "FINAL-20-WEEKS").status == Status.DUE
    assert only(measures(("request", "2026-01-05")), "FINAL-20-WEEKS").status == Status.OVERDUE


# School holidays. Summer 2025 closure in the rule book: closes 22 July, re-opens 3 September.
SUMMER_2025 = Closure(date(2025, 7, 22), date(2025, 9, 3))


@pytest.mark.parametrize(
    ("asked", "inside"),
    [
        ("2025-07-14", False),  # 8 days before closing
        ("2025-07-15", True),  # exactly one week before closing: the window opens
        ("2025-08-26", True),  # the last day of the window (one week before re-opening is 27 August)
        ("2025-08-27", False),
    ],
)
def test_holiday_window_of_regulation_8(asked: str, inside: bool) -> None:
    assert in_holiday_window(date.fromisoformat(asked), [SUMMER_2025]) is inside


def test_short_closure_is_not_a_holiday_window() -> None:
    half_term = Closure(date(2025, 10, 27), date(2025, 11, 3))
    assert not in_holiday_window(date(2025, 10, 27), [half_term])


def test_school_advice_asked_in_the_summer_window_is_an_exception() -> None:
    ms = measures(
        ("request", "2025-06-02"),
        ("advice-requested", "2025-07-18", "school"),
        ("advice-received", "2025-09-19", "school"),
        ("final-issued", "2025-11-03"),
    )
    advice = only(ms, "ADVICE")
    assert (
        advice.due == date(2025, 8, 29) and advice.status == Status.LATE and advice.exceptions == ("holiday-request",)
    )
    # The same request takes the whole assessment into the "with exceptions" figure.
    assert only(ms, "FINAL-20-WEEKS").exceptions == ("holiday-request",)


def test_advice_deadline_falling_in_the_holiday_is_not_extended() -> None:
    # Asked in June, before the window: the 6-week deadline lands in the holiday and stands.
    ms = measures(
        ("request", "2025-06-02"),
        ("advice-requested", "2025-06-30", "school"),
        ("advice-received", "2025-09-05", "school"),
    )
    advice = only(ms, "ADVICE")
    assert advice.due == date(2025, 8, 11) and advice.status == Status.LATE and advice.exceptions == ()


def test_health_advice_is_not_covered_by_the_school_holiday_exception() -> None:
    ms = measures(
        ("request", "2025-06-02"),
        ("advice-requested", "2025-07-18", "health"),
        ("advice-received", "2025-08-20", "health"),
    )
    assert only(ms, "ADVICE").exceptions == () and only(ms, "ADVICE").status == Status.ON_TIME


def test_advice_is_paired_by_adviser() -> None:
    ms = measures(
        ("request", "2025-01-06"),
        ("advice-requested", "2025-01-13", "educational-psychologist"),
        ("advice-requested", "2025-01-13", "health"),
        ("advice-received", "2025-02-10", "health"),
        ("advice-received", "2025-03-10", "educational-psychologist"),
    )
    by_adviser = {m.detail: m.status for m in ms if m.rule == "ADVICE"}
    assert by_adviser == {"health": Status.ON_TIME, "educational-psychologist": Status.LATE}


def test_annual_reviews_chain_from_issue_then_previous_review() -> None:
    ms = measures(
        ("final-issued", "2023-03-01"),
        ("review-meeting", "2024-03-01"),
        ("review-meeting", "2025-03-10"),
        dob=date(2012, 5, 5),
    )
    reviews = [m for m in ms if m.rule == "ANNUAL-REVIEW"]
    assert [(m.start, m.due, m.status) for m in reviews] == [
        (date(2023, 3, 1), date(2024, 3, 1), Status.ON_TIME),
        (date(2024, 3, 1), date(2025, 3, 1), Status.LATE),
        (date(2025, 3, 10), date(2026, 3, 10), Status.OVERDUE),  # none held since: overdue on 23 November 2026
    ]


def test_under_five_reviewed_within_six_months() -> None:
    ms = measures(
        ("final-issued", "2025-01-15"),
        ("review-meeting", "2025-06-30"),
        ("review-meeting", "2026-02-01"),
        dob=date(2021, 9, 1),
    )
    under5 = [m for m in ms if m.rule == "UNDER-5-REVIEW"]
    assert [(m.due, m.status) for m in under5[:2]] == [
        (date(2025, 7, 15), Status.ON_TIME),
        (date(2025, 12, 30), Status.LATE),
    ]
    assert under5[0].earliest == date(2025, 4, 15)  # reviews every 3 to 6 months
    # Turned 5 on 1 September 2026? No: the anchor of 1 February 2026 is before the 5th birthday, so still 6 months.
    assert under5[2].due == date(2026, 8, 1)


def test_child_of_five_on_the_anchor_date_moves_to_annual_reviews() -> None:
    ms = measures(("final-issued", "2025-01-15"), ("review-meeting", "2026-09-01"), dob=date(2021, 9, 1))
    assert [m.rule for m in ms if "REVIEW" in m.rule and m.rule != "REVIEW-DECISION"] == [
        "UNDER-5-REVIEW",
        "ANNUAL-REVIEW",
    ]


def test_review_decision_and_amended_plan() -> None:
    ms = measures(
        ("final-issued", "2024-01-10"),
        ("review-meeting", "2025-01-08"),
        ("review-decision", "2025-02-05", "amend"),
        ("amended-plan-issued", "2025-04-03"),
    )
    decision, amended = only(ms, "REVIEW-DECISION"), only(ms, "AMENDED-PLAN")
    assert (decision.due, decision.status, decision.detail) == (date(2025, 2, 5), Status.ON_TIME, "amend")
    assert (amended.due, amended.status) == (date(2025, 4, 2), Status.LATE)  # 12 weeks from the meeting


def test_decision_to_maintain_needs_no_amended_plan() -> None:
    ms = measures(
        ("final-issued", "2024-01-10"), ("review-meeting", "2025-01-08"), ("review-decision", "2025-02-10", "maintain")
    )
    assert only(ms, "REVIEW-DECISION").status == Status.LATE
    assert not [m for m in ms if m.rule == "AMENDED-PLAN"]


def test_phase_transfer_deadlines() -> None:
    school = measures(
        ("phase-transfer", "2026-09-01", "primary-to-secondary"), ("phase-transfer-amended", "2026-02-15")
    )
    assert (only(school, "PHASE-TRANSFER").due, only(school, "PHASE-TRANSFER").status) == (
        date(2026, 2, 15),
        Status.ON_TIME,
    )
    post16 = measures(("phase-transfer", "2026-09-01", "post-16"), ("phase-transfer-amended", "2026-03-20"))
    assert (only(post16, "PHASE-TRANSFER-POST-16").due, only(post16, "PHASE-TRANSFER-POST-16").status) == (
        date(2026, 3, 31),
        Status.ON_TIME,
    )
    late = measures(("phase-transfer", "2026-09-01", "primary-to-secondary"), ("phase-transfer-amended", "2026-02-16"))
    assert only(late, "PHASE-TRANSFER").status == Status.LATE
    missing = measures(("phase-transfer", "2026-09-01", "infant-to-junior"))
    assert only(missing, "PHASE-TRANSFER").status == Status.OVERDUE


def test_terms() -> None:
    term = term_containing(date(2026, 11, 23), BOOK.terms)
    assert (term.start, term.end, term.label) == (date(2026, 9, 1), date(2026, 12, 31), "Autumn term 2026 to 2027")
    assert term_containing(date(2027, 2, 1), BOOK.terms).label == "Spring term 2026 to 2027"
