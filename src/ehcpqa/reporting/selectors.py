"""Read-only aggregate queries behind the dashboard, exports and board pack.

Everything is counted in the database (annotate / aggregate); nothing loops over rows in Python. Every query starts
from the user's own authority (accounts.access) and the dashboard filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Avg, CharField, Count, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from ehcpqa.accounts.access import require_role, tenant_objects
from ehcpqa.accounts.models import LocalAuthority, Role, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.audits.models import (
    Action,
    ActionStatus,
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    Criterion,
    CriterionJudgement,
    Grade,
    ParentFeedback,
)
from ehcpqa.plans.models import Plan
from ehcpqa.reporting.filters import Filters, cohort_expression, plan_q

DASHBOARD_READERS = (Role.QA_LEAD, Role.BOARD_VIEWER)
GRADES = tuple(Grade)
FINAL_GRADE = Coalesce(NullIf(F("override_grade"), Value("")), F("derived_grade"), output_field=CharField())
FINAL_SCORE = Coalesce(F("override_score"), F("derived_score"), output_field=IntegerField())


@dataclass(frozen=True)
class Scope:
    """Whose data and which slice of it: the authority and the filters."""

    local_authority_id: int | None  # None: every authority (national aggregate, bench and key figures only)
    filters: Filters

    @classmethod
    def for_user(cls, user: User, filters: Filters) -> Scope:
        require_role(user, *DASHBOARD_READERS)
        return cls(user.local_authority_id, filters)

    def la(self, path: str) -> Q:
        return Q() if self.local_authority_id is None else Q(**{path: self.local_authority_id})


def plans(scope: Scope) -> QuerySet[Plan]:
    return Plan.objects.filter(scope.la("local_authority_id"), plan_q(scope.filters))


def submitted_audits(scope: Scope) -> QuerySet[Audit]:
    audits = Audit.objects.filter(
        scope.la("round__local_authority_id"), plan_q(scope.filters, "plan__"), status=AuditStatus.SUBMITTED
    )
    if scope.filters.round is not None:
        audits = audits.filter(round_id=scope.filters.round)
    return audits


def _grade_counts(prefix: str = "") -> dict[str, Any]:
    return {f"n_{g.value}": Count("id", filter=Q(**{f"{prefix}result_grade": g.value})) for g in GRADES}


@dataclass(frozen=True)
class GradeSummary:
    total: int
    mean_score: float | None
    counts: dict[str, int]  # grade slug -> number of audits
    overridden: int  # audits where the auditor overrode the derived score

    def count(self, grade: str) -> int:
        return self.counts.get(grade, 0)


def grade_summary(scope: Scope) -> GradeSummary:
    row = (
        submitted_audits(scope)
        .annotate(result_grade=FINAL_GRADE, result_score=FINAL_SCORE)
        .aggregate(
            total=Count("id"),
            mean=Avg("result_score"),
            overridden=Count("id", filter=Q(override_score__isnull=False)),
            **_grade_counts(),
        )
    )
    return GradeSummary(
        total=row["total"],
        mean_score=_round(row["mean"]),
        counts={g.value: row[f"n_{g.value}"] for g in GRADES},
        overridden=row["overridden"],
    )


def _dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows of a values() query as plain dicts (the type checker cannot follow keys built at run time)."""
    return [dict(r) for r in rows]


def _round(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(float(value), places)


@dataclass(frozen=True)
class WeaknessRow:
    section: str
    criterion: str  # "" for a whole-section row
    text: str
    answered: int  # met + partly met + not met (not applicable is left out)
    met: int
    partly: int
    not_met: int

    @property
    def weak(self) -> int:
        return self.partly + self.not_met

    @property
    def percent_weak(self) -> float | None:
        return round(100 * self.weak / self.answered, 1) if self.answered else None


def _judgement_counts() -> dict[str, Any]:
    return {
        "met": Count("id", filter=Q(answer=Answer.MET)),
        "partly": Count("id", filter=Q(answer=Answer.PARTLY_MET)),
        "not_met": Count("id", filter=Q(answer=Answer.NOT_MET)),
    }


def judgements(scope: Scope) -> QuerySet[CriterionJudgement]:
    """Judgements of the submitted audits in scope, joined directly (faster than ``audit__in`` a subquery)."""
    qs = CriterionJudgement.objects.filter(
        scope.la("audit__round__local_authority_id"),
        plan_q(scope.filters, "audit__plan__"),
        audit__status=AuditStatus.SUBMITTED,
    )
    if scope.filters.round is not None:
        qs = qs.filter(audit__round_id=scope.filters.round)
    return qs


def weaknesses_by_criterion(scope: Scope) -> list[WeaknessRow]:
    """One row per criterion code. Counted by criterion id without joining the criteria, then the few aggregated
    rows are merged by code (a code used by several framework versions is one row)."""
    rows = _dicts(judgements(scope).values("criterion_id").annotate(**_judgement_counts()))
    info = {
        c["id"]: c
        for c in Criterion.objects.filter(id__in=[r["criterion_id"] for r in rows]).values(
            "id", "code", "section", "text"
        )
    }
    merged: dict[str, list[Any]] = {}
    for r in rows:  # one per criterion id: dozens, not judgements
        c = info[r["criterion_id"]]
        m = merged.setdefault(c["code"], [c["section"], c["text"], 0, 0, 0])
        m[2] += r["met"]
        m[3] += r["partly"]
        m[4] += r["not_met"]
    result = [WeaknessRow(m[0], code, m[1], m[2] + m[3] + m[4], m[2], m[3], m[4]) for code, m in merged.items()]
    return sorted(result, key=lambda r: (_section_order(r.section), r.criterion))


SECTION_ORDER = ("GEN", "A", "B", "C", "D", "E", "F", "G", "H", "H1", "H2", "I", "J", "K", "P")


def _section_order(section: str) -> int:
    return SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)


def weaknesses_by_section(scope: Scope) -> list[WeaknessRow]:
    return section_rows(weaknesses_by_criterion(scope))


def section_rows(criteria: list[WeaknessRow]) -> list[WeaknessRow]:
    """Section totals from the criterion totals: the judgements are counted once, in weaknesses_by_criterion."""
    totals: dict[str, list[int]] = {}
    for row in criteria:  # one row per criterion code (dozens), not per judgement
        t = totals.setdefault(row.section, [0, 0, 0])
        t[0] += row.met
        t[1] += row.partly
        t[2] += row.not_met
    return [
        WeaknessRow(section, "", "", sum(t), t[0], t[1], t[2])
        for section, t in sorted(totals.items(), key=lambda kv: _section_order(kv[0]))
    ]


@dataclass(frozen=True)
class CohortRow:
    value: str
    total: int
    mean_score: float | None
    counts: dict[str, int]


def grades_by_cohort(scope: Scope, dimension: str) -> list[CohortRow]:
    rows = _dicts(
        submitted_audits(scope)
        .annotate(
            result_grade=FINAL_GRADE,
            result_score=FINAL_SCORE,
            cohort=cohort_expression(dimension, "plan__", scope.filters.issued_cutoff),
        )
        .values("cohort")
        .annotate(total=Count("id"), mean=Avg("result_score"), **_grade_counts())
        .order_by("cohort")
    )
    return [
        CohortRow(r["cohort"], r["total"], _round(r["mean"]), {g.value: r[f"n_{g.value}"] for g in GRADES})
        for r in rows
    ]


@dataclass(frozen=True)
class RoundRow:
    round_id: int
    name: str
    period_end: date
    total: int
    mean_score: float | None
    counts: dict[str, int]


def trends_by_round(scope: Scope) -> list[RoundRow]:
    no_round = Scope(scope.local_authority_id, Filters(**{**scope.filters.__dict__, "round": None}))
    rows = _dicts(
        submitted_audits(no_round)
        .annotate(result_grade=FINAL_GRADE, result_score=FINAL_SCORE)
        .values("round_id", "round__name", "round__period_end")
        .annotate(total=Count("id"), mean=Avg("result_score"), **_grade_counts())
        .order_by("round__period_end", "round_id")
    )
    return [
        RoundRow(
            r["round_id"],
            r["round__name"],
            r["round__period_end"],
            r["total"],
            _round(r["mean"]),
            {g.value: r[f"n_{g.value}"] for g in GRADES},
        )
        for r in rows
    ]


@dataclass(frozen=True)
class ActionSummary:
    total: int
    open: int
    overdue: int
    done: int
    immediate_open: int
    done_on_time: int


def actions(scope: Scope) -> QuerySet[Action]:
    qs = Action.objects.filter(scope.la("local_authority_id"), plan_q(scope.filters, "plan__"))
    if scope.filters.round is not None:
        qs = qs.filter(audit__round_id=scope.filters.round)
    return qs


def action_summary(scope: Scope, *, today: date) -> ActionSummary:
    not_done = ~Q(status=ActionStatus.DONE)
    row = actions(scope).aggregate(
        total=Count("id"),
        open=Count("id", filter=not_done),
        overdue=Count("id", filter=not_done & Q(due_date__lt=today)),
        done=Count("id", filter=Q(status=ActionStatus.DONE)),
        immediate_open=Count("id", filter=not_done & Q(immediate=True)),
        done_on_time=Count("id", filter=Q(status=ActionStatus.DONE, completed_at__date__lte=F("due_date"))),
    )
    return ActionSummary(**row)


@dataclass(frozen=True)
class FeedbackSummary:
    calls: int
    accuracy: float | None
    clarity: float | None
    reflects_child: float | None
    good_or_better: int  # calls where all three ratings are Good or Very good


def feedback_summary(scope: Scope) -> FeedbackSummary:
    qs = ParentFeedback.objects.filter(scope.la("local_authority_id"), plan_q(scope.filters, "plan__"))
    # Aggregate names must not shadow field names used in another aggregate's filter.
    row = qs.aggregate(
        n_calls=Count("id"),
        mean_accuracy=Avg("accuracy"),
        mean_clarity=Avg("clarity"),
        mean_reflects=Avg("reflects_child"),
        n_good=Count("id", filter=Q(accuracy__gte=3, clarity__gte=3, reflects_child__gte=3)),
    )
    return FeedbackSummary(
        row["n_calls"],
        _round(row["mean_accuracy"]),
        _round(row["mean_clarity"]),
        _round(row["mean_reflects"]),
        row["n_good"],
    )


# --- the automated pre-audit of every plan held ---------------------------------------------------------------------


def latest_runs(scope: Scope) -> QuerySet[AnalysisRun]:
    """The newest finished run of each plan in scope: the one created last (runs are never edited, so the highest
    id is the newest; a new version's run is always newer than the runs of earlier versions it replaces)."""
    newest = (
        AnalysisRun.objects.filter(version__plan__in=plans(scope), status=RunStatus.DONE)
        .values("version__plan_id")
        .annotate(newest=Max("id"))
        .values("newest")
    )
    return AnalysisRun.objects.filter(id__in=newest)


@dataclass(frozen=True)
class MachineSummary:
    plans_held: int
    analysed: int
    mean_score: float | None
    counts: dict[str, int]
    with_red: int  # plans whose latest run has at least one red finding


@dataclass(frozen=True)
class FindingRow:
    section: str
    red: int
    amber: int
    plans: int  # plans with at least one finding in the section


def machine_summary(scope: Scope) -> MachineSummary:
    runs = latest_runs(scope)
    row = runs.aggregate(
        analysed=Count("id"),
        mean=Avg("suggested_score"),
        **{f"n_{g.value}": Count("id", filter=Q(suggested_grade=g.value)) for g in GRADES},
    )
    with_red = runs.filter(Exists(StoredFinding.objects.filter(run_id=OuterRef("pk"), severity="red"))).count()
    return MachineSummary(
        plans_held=plans(scope).count(),
        analysed=row["analysed"],
        mean_score=_round(row["mean"]),
        counts={g.value: row[f"n_{g.value}"] for g in GRADES},
        with_red=with_red,
    )


def machine_findings_by_section(scope: Scope) -> list[FindingRow]:
    rows = _dicts(
        StoredFinding.objects.filter(run__in=latest_runs(scope))
        .values("section")
        .annotate(
            red=Count("id", filter=Q(severity="red")),
            amber=Count("id", filter=Q(severity="amber")),
            plans=Count("run_id", distinct=True),
        )
    )
    return sorted(
        (FindingRow(r["section"], r["red"], r["amber"], r["plans"]) for r in rows),
        key=lambda r: _section_order(r.section),
    )


# --- helpers for labels ---------------------------------------------------------------------------------------------


def round_names(user_or_la: User | LocalAuthority) -> dict[int, str]:
    la_id = user_or_la.local_authority_id if isinstance(user_or_la, User) else user_or_la.pk
    return dict(AuditRound.objects.filter(local_authority_id=la_id).order_by("-period_end").values_list("id", "name"))


def officer_names(user: User) -> dict[str, str]:
    return {str(u.pk): str(u) for u in tenant_objects(user, User).filter(case_plans__isnull=False).distinct()}


def filter_choices(user: User) -> dict[str, list[str]]:
    """Values in use in the authority, for the filter form."""
    own = tenant_objects(user, Plan).order_by()  # no ordering: DISTINCT must not include the reference
    return {
        "setting_type": list(
            own.exclude(setting_type="").values_list("setting_type", flat=True).distinct().order_by("setting_type")
        ),
        "team": list(own.exclude(team="").values_list("team", flat=True).distinct().order_by("team")),
    }


# --- drill-down: the plans behind a figure --------------------------------------------------------------------------

GRADE_VALUES = {g.value for g in GRADES}


def drilldown_plans(scope: Scope, selection: dict[str, str], *, today: date) -> QuerySet[Plan]:
    """The plans behind one figure. Figures count audits, actions or runs; the list shows each plan once."""
    result = plans(scope)
    audits = submitted_audits(scope)
    if selection.get("audit_grade") in GRADE_VALUES:
        audits = audits.annotate(result_grade=FINAL_GRADE).filter(result_grade=selection["audit_grade"])
        result = result.filter(id__in=audits.values("plan_id"))
    elif selection.get("audited") == "yes":
        result = result.filter(id__in=audits.values("plan_id"))
    weak_answers = [Answer.NOT_MET, Answer.PARTLY_MET] if selection.get("weak") == "yes" else [Answer.NOT_MET]
    for key, field in (("criterion", "code"), ("section", "section")):
        if selection.get(key):
            # Criterion ids first, so the judgements are found through their criterion index, not a join.
            ids = list(Criterion.objects.filter(**{field: selection[key]}).values_list("id", flat=True))
            js = judgements(scope).filter(criterion_id__in=ids, answer__in=weak_answers)
            result = result.filter(id__in=js.values("audit__plan_id"))
    action = selection.get("action")
    if action:
        acts = actions(scope)
        not_done = ~Q(status=ActionStatus.DONE)
        acts = {
            "open": acts.filter(not_done),
            "overdue": acts.filter(not_done, due_date__lt=today),
            "immediate": acts.filter(not_done, immediate=True),
            "done": acts.filter(status=ActionStatus.DONE),
        }.get(action, acts)
        result = result.filter(id__in=acts.values("plan_id"))
    if selection.get("feedback") == "yes":
        result = result.filter(id__in=ParentFeedback.objects.filter(scope.la("local_authority_id")).values("plan_id"))
    runs = latest_runs(scope)
    if selection.get("machine_grade") in GRADE_VALUES:
        runs = runs.filter(suggested_grade=selection["machine_grade"])
    if selection.get("machine") == "red":
        runs = runs.filter(Exists(StoredFinding.objects.filter(run_id=OuterRef("pk"), severity="red")))
    if selection.get("finding_section"):
        runs = runs.filter(
            Exists(StoredFinding.objects.filter(run_id=OuterRef("pk"), section=selection["finding_section"]))
        )
    if {"machine_grade", "machine", "finding_section"} & selection.keys():
        result = result.filter(id__in=runs.values("version__plan_id"))
    # Every condition is an ``id IN (…)``: no joins multiply the plans, so no DISTINCT is needed.
    return result.select_related("case_officer").order_by("reference")
