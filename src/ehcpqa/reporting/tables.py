"""Dashboard figures as tables: the one shape that the page, the chart, the CSV/Excel exports and the board pack all
render. Each count cell carries the drill-down link to the plans behind it.

Small-number suppression (published outputs): a count from 1 to 4 is shown as "fewer than 5"; a percentage or mean
worked out from fewer than 5 is not shown. Zero is shown: it identifies nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from django.urls import reverse

from ehcpqa.audits.models import Grade
from ehcpqa.audits.selectors import PHASES
from ehcpqa.reporting import selectors as s
from ehcpqa.reporting.filters import DIMENSION_BY_CODE, KEY_STAGES, NOT_RECORDED, Filters, cohort_label

SUPPRESS_BELOW = 5
SUPPRESSED_COUNT = "fewer than 5"
SUPPRESSED_RATE = "not shown (fewer than 5)"
MACHINE_LABEL = "Automated pre-audit (machine findings)"
COHORT_ORDER: dict[str, tuple[str, ...]] = {
    "phase": tuple(PHASES),
    "key_stage": tuple(KEY_STAGES),
    "year9": ("yes", "no"),
    "looked_after": ("yes", "no"),
    "issued": ("before", "after"),
}


@dataclass(frozen=True)
class Cell:
    value: int | float | str | None
    kind: str = "text"  # "text", "count", "percent", "mean", "suppressed"
    href: str = ""
    base: int | None = None  # for a percentage or mean: how many it was worked out from
    heat: int | None = None  # 0-4 colour band of the heat map (always with the value in text)

    @property
    def numeric(self) -> bool:
        return self.kind != "text"

    def display(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == "percent" and isinstance(self.value, int | float):
            return f"{self.value:.1f}%"
        if isinstance(self.value, float):
            return f"{self.value:.1f}"
        if isinstance(self.value, int):
            return f"{self.value:,}"
        return str(self.value)


@dataclass(frozen=True)
class Chart:
    label_column: int
    value_column: int
    unit: str = ""  # shown after the number, e.g. "%"
    rows: int | None = None  # chart only the first rows (the rest are totals or means)


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    chart: Chart | None = None
    note: str = ""
    heat_map: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def heads(self) -> list[tuple[str, bool]]:
        """Column names with whether the column holds numbers (for alignment), judged from the first row."""
        first = self.rows[0] if self.rows else []
        return [
            (name, index > 0 and index < len(first) and first[index].numeric) for index, name in enumerate(self.columns)
        ]


def suppress(table: Table) -> Table:
    def one(cell: Cell) -> Cell:
        if cell.kind == "count" and isinstance(cell.value, int) and 0 < cell.value < SUPPRESS_BELOW:
            return Cell(SUPPRESSED_COUNT, "suppressed")
        if cell.kind in ("percent", "mean") and cell.base is not None and cell.base < SUPPRESS_BELOW:
            return Cell(SUPPRESSED_RATE if cell.base else None, "suppressed")
        return replace(cell, href="")

    return replace(table, rows=[[one(c) for c in row] for row in table.rows])


def _plans_url(f: Filters, **selection: object) -> str:
    return reverse("reporting:plans") + "?" + f.as_query(**selection)


def _pct(part: int, whole: int) -> Cell:
    return Cell(round(100 * part / whole, 1) if whole else None, "percent", base=whole)


def grade_table(scope: s.Scope) -> tuple[Table, s.GradeSummary]:
    summary = s.grade_summary(scope)
    f = scope.filters
    rows = [
        [
            Cell(g.label),
            Cell(summary.count(g.value), "count", _plans_url(f, audit_grade=g.value)),
            _pct(summary.count(g.value), summary.total),
        ]
        for g in Grade
    ]
    rows.append(
        [
            Cell("All submitted audits"),
            Cell(summary.total, "count", _plans_url(f, audited="yes")),
            Cell(100.0 if summary.total else None, "percent", base=summary.total),
        ]
    )
    rows.append([Cell("Mean score (1 to 10)"), Cell(summary.mean_score, "mean", base=summary.total), Cell("")])
    return Table("grades", "Audit grades", ["Grade", "Audits", "Share"], rows, Chart(0, 2, "%", len(Grade))), summary


def _heat(percent: float | None) -> int | None:
    return None if percent is None else min(4, int(percent // 20))


def weakness_tables(scope: s.Scope, by_criterion: list[s.WeaknessRow] | None = None) -> tuple[Table, Table]:
    f = scope.filters
    columns = ["Section", "Criterion", "Judged", "Met", "Partly met", "Not met", "Partly or not met"]

    def row(r: s.WeaknessRow, label: str, selection: dict[str, str]) -> list[Cell]:
        pct = r.percent_weak
        return [
            Cell(r.section),
            Cell(label),
            Cell(r.answered, "count"),
            Cell(r.met, "count"),
            Cell(r.partly, "count"),
            Cell(r.not_met, "count", _plans_url(f, **selection)),
            Cell(pct, "percent", _plans_url(f, **selection, weak="yes"), base=r.answered, heat=_heat(pct)),
        ]

    if by_criterion is None:
        by_criterion = s.weaknesses_by_criterion(scope)
    sections = [row(r, "All criteria", {"section": r.section}) for r in s.section_rows(by_criterion)]
    criteria = [row(r, f"{r.criterion} {r.text[:70]}", {"criterion": r.criterion}) for r in by_criterion]
    return (
        Table("sections", "Weaknesses by section", columns, sections, Chart(0, 6, "%"), heat_map=True),
        Table(
            "criteria",
            "Weaknesses by criterion (heat map)",
            columns,
            criteria,
            heat_map=True,
            note="Each cell gives the share of audits judging the criterion partly met or not met; colour bands "
            "(0-19%, 20-39%, 40-59%, 60-79%, 80% or more) repeat the number shown.",
        ),
    )


def cohort_table(scope: s.Scope, dimension: str, officers: dict[str, str]) -> Table:
    f = scope.filters
    dim = DIMENSION_BY_CODE[dimension]
    rows = []
    order = COHORT_ORDER.get(dimension, ())
    found = sorted(
        s.grades_by_cohort(scope, dimension),
        key=lambda r: (
            r.value == NOT_RECORDED,
            order.index(r.value) if r.value in order else 0,
            cohort_label(dimension, r.value, f, officers),
        ),
    )
    for r in found:
        cf = f.with_cohort(dimension, r.value)
        weak = r.counts.get(Grade.REQUIRES_IMPROVEMENT, 0) + r.counts.get(Grade.INADEQUATE, 0)
        rows.append(
            [
                Cell(cohort_label(dimension, r.value, f, officers)),
                Cell(r.total, "count", _plans_url(cf, audited="yes")),
                Cell(r.mean_score, "mean", base=r.total),
                *[Cell(r.counts[g.value], "count", _plans_url(cf, audit_grade=g.value)) for g in Grade],
                _pct(r.total - weak, r.total),
            ]
        )
    return Table(
        f"cohort-{dimension}",
        f"Audit results by {dim.label.lower()}",
        [dim.label, "Audits", "Mean score", *[g.label for g in Grade], "Good or better"],
        rows,
        Chart(0, 7, "%"),
        extra={"dimension": dimension},
    )


def trend_table(scope: s.Scope) -> Table:
    f = scope.filters
    rows = []
    for r in s.trends_by_round(scope):
        rf = Filters(**{**f.__dict__, "round": r.round_id})
        good = r.counts[Grade.OUTSTANDING] + r.counts[Grade.GOOD]
        rows.append(
            [
                Cell(r.name),
                Cell(r.period_end.strftime("%-d %b %Y")),
                Cell(r.total, "count", _plans_url(rf, audited="yes")),
                Cell(r.mean_score, "mean", base=r.total),
                *[Cell(r.counts[g.value], "count", _plans_url(rf, audit_grade=g.value)) for g in Grade],
                _pct(good, r.total),
            ]
        )
    return Table(
        "trends",
        "Trends across audit rounds",
        ["Audit round", "Period ended", "Audits", "Mean score", *[g.label for g in Grade], "Good or better"],
        rows,
        Chart(0, 8, "%"),
    )


def action_table(scope: s.Scope, today: date) -> Table:
    a = s.action_summary(scope, today=today)
    f = scope.filters
    rows = [
        [Cell("Open (not done)"), Cell(a.open, "count", _plans_url(f, action="open"))],
        [Cell("Overdue"), Cell(a.overdue, "count", _plans_url(f, action="overdue"))],
        [Cell("Open and immediate (Inadequate)"), Cell(a.immediate_open, "count", _plans_url(f, action="immediate"))],
        [Cell("Done"), Cell(a.done, "count", _plans_url(f, action="done"))],
        [Cell("Done by the due date"), Cell(a.done_on_time, "count")],
        [Cell("All actions"), Cell(a.total, "count", _plans_url(f, action="any"))],
    ]
    return Table("actions", "Actions after audit", ["Actions", "Number"], rows, Chart(0, 1))


def feedback_table(scope: s.Scope) -> Table:
    fb = s.feedback_summary(scope)
    f = scope.filters
    rows = [
        [Cell("Feedback calls"), Cell(fb.calls, "count", _plans_url(f, feedback="yes"))],
        [Cell("Rated Good or better on all three questions"), Cell(fb.good_or_better, "count")],
        [Cell("Mean rating: the plan is accurate (1 to 4)"), Cell(fb.accuracy, "mean", base=fb.calls)],
        [Cell("Mean rating: the plan is clear (1 to 4)"), Cell(fb.clarity, "mean", base=fb.calls)],
        [Cell("Mean rating: the plan reflects the child (1 to 4)"), Cell(fb.reflects_child, "mean", base=fb.calls)],
    ]
    return Table("feedback", "Parent and young person feedback", ["Measure", "Value"], rows)


def machine_tables(scope: s.Scope) -> tuple[Table, Table, s.MachineSummary]:
    m = s.machine_summary(scope)
    f = scope.filters
    rows = [
        [
            Cell(g.label),
            Cell(m.counts[g.value], "count", _plans_url(f, machine_grade=g.value)),
            _pct(m.counts[g.value], m.analysed),
        ]
        for g in Grade
    ]
    rows += [
        [
            Cell("Plans analysed"),
            Cell(m.analysed, "count", _plans_url(f, machine="analysed")),
            _pct(m.analysed, m.plans_held),
        ],
        [
            Cell("Plans with at least one red finding"),
            Cell(m.with_red, "count", _plans_url(f, machine="red")),
            _pct(m.with_red, m.analysed),
        ],
        [Cell("Plans held (in these filters)"), Cell(m.plans_held, "count", _plans_url(f)), Cell("")],
        [Cell("Mean suggested score (1 to 10)"), Cell(m.mean_score, "mean", base=m.analysed), Cell("")],
    ]
    note = (
        "Suggested grades and findings from the automated checks of every plan held, not human judgements. "
        "Each plan's newest analysed document counts."
    )
    grades = Table(
        "machine",
        f"{MACHINE_LABEL}: suggested grades",
        ["Suggested grade", "Plans", "Share"],
        rows,
        Chart(0, 2, "%", len(Grade)),
        note=note,
    )
    finding_rows = [
        [
            Cell(r.section),
            Cell(r.red, "count"),
            Cell(r.amber, "count"),
            Cell(r.plans, "count", _plans_url(f, finding_section=r.section)),
        ]
        for r in s.machine_findings_by_section(scope)
    ]
    findings = Table(
        "machine-sections",
        f"{MACHINE_LABEL}: findings by section",
        ["Section", "Red findings", "Amber findings", "Plans with findings"],
        finding_rows,
        Chart(0, 3),
        note=note,
    )
    return grades, findings, m
