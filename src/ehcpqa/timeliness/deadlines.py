"""Due dates and on-time / late status for one child's case, from its dated events and the rule book.

Pure functions over plain records (no Django). The worked examples in docs/timeliness.md are tests of this module.

How a case is read:
- Each ``request`` opens an assessment episode that runs until the next request. The decision to assess, advice,
  a decision not to issue and the final plan are measured from the request of their episode.
- Every final plan issued and every review meeting is a *review anchor*: the next review is due 12 months after the
  latest anchor (6 months when the child is under 5 on the anchor date).
- Each review meeting starts the clock for the review decision (4 weeks) and, when the decision is to amend, for
  the amended plan (12 weeks from the meeting).
- A ``phase-transfer`` event, dated on the day the child starts the new phase, is due by a fixed date of that year.

Exceptions never move a deadline. A measure whose period contains a recorded exception (or, for school advice, a
request made in the summer-holiday window of regulation 8(2)(a)) carries the exception codes; reports count it in
the "with exceptions" figure and leave it out of the "without exceptions" figure, as the national statistics do.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from ehcpqa.timeliness.rules import Closure, Limit, Rule, RuleBook, TermPattern

# Event kinds a case record can hold (the ``event`` column of the import).
EVENT_KINDS = (
    "request",
    "decision-to-assess",
    "advice-requested",
    "advice-received",
    "decision-not-to-issue",
    "draft-issued",
    "final-issued",
    "exception",
    "review-meeting",
    "review-decision",
    "amended-plan-issued",
    "phase-transfer",
    "phase-transfer-amended",
)
REVIEW_DECISIONS = ("maintain", "amend", "cease")
# Advisers whose advice comes from a school or college: only these can fall under the holiday exception.
SCHOOL_ADVISERS = ("school", "college", "early-years-setting", "head-teacher")
POST_16_TRANSFERS = ("post-16", "secondary-to-post-16")


class Status(StrEnum):
    ON_TIME = "on-time"
    LATE = "late"
    DUE = "due"  # not done yet, deadline still ahead
    OVERDUE = "overdue"  # not done yet, deadline passed


@dataclass(frozen=True, order=True)
class Event:
    on: date
    kind: str
    detail: str = ""


@dataclass(frozen=True)
class Case:
    reference: str
    events: tuple[Event, ...]
    date_of_birth: date | None = None


@dataclass(frozen=True)
class Measure:
    rule: str
    reference: str
    start: date | None
    due: date
    end: date | None
    status: Status
    exceptions: tuple[str, ...] = ()
    detail: str = ""  # the adviser, the transfer type or the review decision
    earliest: date | None = None

    @property
    def completed(self) -> bool:
        return self.end is not None


def add_limit(start: date, limit: Limit) -> date:
    if limit.unit == "days":
        return start + timedelta(days=limit.amount)
    if limit.unit == "weeks":
        return start + timedelta(weeks=limit.amount)
    month_index = start.month - 1 + limit.amount
    year, month = start.year + month_index // 12, month_index % 12 + 1
    # 12 months from 29 February is 28 February: the last day of a shorter month, never the 1st of the next.
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def status_of(due: date, end: date | None, today: date) -> Status:
    if end is not None:
        return Status.ON_TIME if end <= due else Status.LATE
    return Status.OVERDUE if today > due else Status.DUE


def age_on(date_of_birth: date, on: date) -> int:
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def in_holiday_window(requested: date, closures: Iterable[Closure]) -> bool:
    """Regulation 8(2)(a): asked from one week before a closure of 4+ weeks until one week before it re-opens."""
    for closure in closures:
        if closure.reopens - closure.start < timedelta(weeks=4):
            continue
        if closure.start - timedelta(weeks=1) <= requested < closure.reopens - timedelta(weeks=1):
            return True
    return False


@dataclass
class _Context:
    case: Case
    book: RuleBook
    today: date
    measures: list[Measure] = field(default_factory=list)

    def measure(
        self,
        rule: Rule,
        *,
        start: date | None,
        due: date,
        end: date | None,
        exceptions: Iterable[str] = (),
        detail: str = "",
        earliest: date | None = None,
    ) -> None:
        allowed = tuple(sorted({e for e in exceptions if e in rule.exceptions}))
        self.measures.append(
            Measure(
                rule.code,
                self.case.reference,
                start,
                due,
                end,
                status_of(due, end, self.today),
                allowed,
                detail,
                earliest,
            )
        )

    def exceptions_between(self, start: date, until: date) -> list[str]:
        return [e.detail for e in self.case.events if e.kind == "exception" and start <= e.on <= until]


def _first(events: Sequence[Event], kind: str, *, after: date, detail: str | None = None) -> Event | None:
    for event in events:
        if event.kind == kind and event.on >= after and (detail is None or event.detail == detail):
            return event
    return None


def _segments(events: Sequence[Event], opener: str) -> list[tuple[Event, list[Event]]]:
    """Split date-ordered events into runs that each begin with an ``opener`` event."""
    segments: list[tuple[Event, list[Event]]] = []
    for event in events:
        if event.kind == opener:
            segments.append((event, []))
        elif segments:
            segments[-1][1].append(event)
    return segments


def _measure_from_request(ctx: _Context, code: str, request: Event, end: Event | None, extra: list[str]) -> None:
    rule = ctx.book.rule(code)
    assert rule.limit is not None
    due = add_limit(request.on, rule.limit)
    until = end.on if end else max(due, ctx.today)
    ctx.measure(
        rule,
        start=request.on,
        due=due,
        end=end.on if end else None,
        exceptions=[*ctx.exceptions_between(request.on, until), *extra],
    )


def _assessments(ctx: _Context, events: list[Event]) -> None:
    for request, rest in _segments(events, "request"):
        holiday = [
            "holiday-request"
            for e in rest
            if e.kind == "advice-requested"
            and e.detail in SCHOOL_ADVISERS
            and in_holiday_window(e.on, ctx.book.closures)
        ]
        decision = _first(rest, "decision-to-assess", after=request.on)
        _measure_from_request(ctx, "DECISION-TO-ASSESS", request, decision, holiday)
        if decision is not None and decision.detail == "not-assess":
            continue
        not_to_issue = _first(rest, "decision-not-to-issue", after=request.on)
        if not_to_issue is not None:
            _measure_from_request(ctx, "NOT-TO-ISSUE", request, not_to_issue, holiday)
        else:
            _measure_from_request(
                ctx, "FINAL-20-WEEKS", request, _first(rest, "final-issued", after=request.on), holiday
            )


def _advice(ctx: _Context, events: list[Event]) -> None:
    rule = ctx.book.rule("ADVICE")
    assert rule.limit is not None
    for asked in (e for e in events if e.kind == "advice-requested"):
        received = _first(events, "advice-received", after=asked.on, detail=asked.detail)
        due = add_limit(asked.on, rule.limit)
        exceptions = ctx.exceptions_between(asked.on, received.on if received else max(due, ctx.today))
        if asked.detail in SCHOOL_ADVISERS and in_holiday_window(asked.on, ctx.book.closures):
            exceptions.append("holiday-request")
        ctx.measure(
            rule,
            start=asked.on,
            due=due,
            end=received.on if received else None,
            exceptions=exceptions,
            detail=asked.detail,
        )


def _reviews(ctx: _Context, events: list[Event]) -> None:
    anchors = [e for e in events if e.kind in ("final-issued", "review-meeting")]
    for index, anchor in enumerate(anchors):
        following = anchors[index + 1] if index + 1 < len(anchors) else None
        next_meeting = following if following is not None and following.kind == "review-meeting" else None
        if following is not None and next_meeting is None:
            continue  # a new plan was issued (a fresh assessment): the clock restarts from it
        dob = ctx.case.date_of_birth
        under_5 = dob is not None and age_on(dob, anchor.on) < 5
        rule = ctx.book.rule("UNDER-5-REVIEW" if under_5 else "ANNUAL-REVIEW")
        assert rule.limit is not None
        earliest = add_limit(anchor.on, rule.earliest) if rule.earliest else None
        ctx.measure(
            rule,
            start=anchor.on,
            due=add_limit(anchor.on, rule.limit),
            end=next_meeting.on if next_meeting else None,
            earliest=earliest,
        )
    for meeting, rest in _segments(events, "review-meeting"):
        decision_rule = ctx.book.rule("REVIEW-DECISION")
        amend_rule = ctx.book.rule("AMENDED-PLAN")
        assert decision_rule.limit is not None and amend_rule.limit is not None
        decision = _first(rest, "review-decision", after=meeting.on)
        ctx.measure(
            decision_rule,
            start=meeting.on,
            due=add_limit(meeting.on, decision_rule.limit),
            end=decision.on if decision else None,
            detail=decision.detail if decision else "",
        )
        if decision is not None and decision.detail == "amend":
            amended = _first(rest, "amended-plan-issued", after=meeting.on)
            ctx.measure(
                amend_rule,
                start=meeting.on,
                due=add_limit(meeting.on, amend_rule.limit),
                end=amended.on if amended else None,
            )


def _phase_transfers(ctx: _Context, events: list[Event]) -> None:
    for transfer in (e for e in events if e.kind == "phase-transfer"):
        post_16 = transfer.detail in POST_16_TRANSFERS
        rule = ctx.book.rule("PHASE-TRANSFER-POST-16" if post_16 else "PHASE-TRANSFER")
        assert rule.deadline is not None
        due = date(transfer.on.year, rule.deadline.month, rule.deadline.day)
        # The amendment for this transfer is the first one in the year before the move.
        window_start = transfer.on - timedelta(days=365)
        amended = next(
            (e for e in events if e.kind == "phase-transfer-amended" and window_start <= e.on <= transfer.on), None
        )
        ctx.measure(rule, start=None, due=due, end=amended.on if amended else None, detail=transfer.detail)


def measure_case(case: Case, book: RuleBook, *, today: date) -> list[Measure]:
    """Every statutory measure of one case, each with its due date and status as of ``today``."""
    events = sorted(case.events)
    ctx = _Context(case=case, book=book, today=today)
    _assessments(ctx, events)
    _advice(ctx, events)
    _reviews(ctx, events)
    _phase_transfers(ctx, events)
    return ctx.measures


@dataclass(frozen=True)
class RuleSummary:
    rule: str
    completed: int
    on_time: int
    late: int
    due: int
    overdue: int
    with_exceptions: int  # completed measures that carry an exception
    completed_without_exceptions: int
    on_time_without_exceptions: int

    @property
    def percent_on_time(self) -> float | None:
        """Including cases with exceptions (every completed measure)."""
        return round(100 * self.on_time / self.completed, 1) if self.completed else None

    @property
    def percent_on_time_without_exceptions(self) -> float | None:
        n = self.completed_without_exceptions
        return round(100 * self.on_time_without_exceptions / n, 1) if n else None


def summarise(rule: str, measures: Iterable[Measure]) -> RuleSummary:
    ms = [m for m in measures if m.rule == rule]
    done = [m for m in ms if m.completed]
    clean = [m for m in done if not m.exceptions]
    return RuleSummary(
        rule=rule,
        completed=len(done),
        on_time=sum(m.status == Status.ON_TIME for m in done),
        late=sum(m.status == Status.LATE for m in done),
        due=sum(m.status == Status.DUE for m in ms),
        overdue=sum(m.status == Status.OVERDUE for m in ms),
        with_exceptions=len(done) - len(clean),
        completed_without_exceptions=len(clean),
        on_time_without_exceptions=sum(m.status == Status.ON_TIME for m in clean),
    )


@dataclass(frozen=True)
class Term:
    name: str
    start: date
    end: date

    @property
    def label(self) -> str:
        year = self.start.year if self.start.month >= 9 else self.start.year - 1
        return f"{self.name} {year} to {year + 1}"


def term_containing(day: date, patterns: Sequence[TermPattern]) -> Term:
    for pattern in patterns:
        start = date(day.year, pattern.start_month, pattern.start_day)
        end = date(day.year, pattern.end_month, pattern.end_day)
        if start <= day <= end:
            return Term(pattern.name, start, end)
    raise ValueError(f"No term contains {day}")
