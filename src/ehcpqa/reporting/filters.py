"""Dashboard filters and cohorts. Filters come from GET parameters and combine (AND); each cohort split groups by
one of the same dimensions, so a cohort's figures drill down by adding that cohort as a filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, CharField, Q, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce

from ehcpqa.audits.selectors import PHASE_LABELS, PHASES
from ehcpqa.plans.models import PrimaryNeed

KEY_STAGES: dict[str, tuple[str, int | None, int | None]] = {
    # code: (label, lowest year group, highest year group). Reception (0) and nursery are the early years stage.
    "eyfs": ("Early years foundation stage", None, 0),
    "ks1": ("Key stage 1 (Years 1 and 2)", 1, 2),
    "ks2": ("Key stage 2 (Years 3 to 6)", 3, 6),
    "ks3": ("Key stage 3 (Years 7 to 9)", 7, 9),
    "ks4": ("Key stage 4 (Years 10 and 11)", 10, 11),
    "post16": ("Post-16 (Year 12 and older)", 12, None),
}
NOT_RECORDED = "not-recorded"


@dataclass(frozen=True)
class Filters:
    round: int | None = None
    phase: str = ""
    key_stage: str = ""
    year9: str = ""  # "yes" / "no"
    primary_need: str = ""
    setting_type: str = ""
    looked_after: str = ""  # "yes" / "no"
    issued: str = ""  # "before" / "after" issued_cutoff
    issued_cutoff: date | None = None
    team: str = ""
    case_officer: int | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        def integer(name: str) -> int | None:
            raw = query.get(name, "")
            return int(raw) if raw.isdigit() else None

        def choice(name: str, allowed: object) -> str:
            raw = query.get(name, "")
            return raw if raw in allowed else ""  # type: ignore[operator]

        try:
            cutoff = date.fromisoformat(query.get("issued_cutoff", "")) if query.get("issued_cutoff") else None
        except ValueError:
            cutoff = None
        return cls(
            round=integer("round"),
            phase=choice("phase", {*PHASES, NOT_RECORDED}),
            key_stage=choice("key_stage", {*KEY_STAGES, NOT_RECORDED}),
            year9=choice("year9", {"yes", "no"}),
            primary_need=query.get("primary_need", "")[:8],
            setting_type=query.get("setting_type", "")[:100],
            looked_after=choice("looked_after", {"yes", "no"}),
            issued=choice("issued", {"before", "after"}) if cutoff else "",
            issued_cutoff=cutoff,
            team=query.get("team", "")[:100],
            case_officer=integer("case_officer"),
        )

    def as_query(self, **extra: object) -> str:
        pairs: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, ""):
                pairs[f.name] = value.isoformat() if isinstance(value, date) else value
        pairs.update({k: v for k, v in extra.items() if v not in (None, "")})
        return urlencode(pairs)

    def with_cohort(self, dimension: str, value: str) -> Filters:
        if dimension == "issued":
            return replace(self, issued=value)
        if dimension == "case_officer":
            return replace(self, case_officer=int(value) if value.isdigit() else None)
        values: dict[str, Any] = {dimension: value}
        return replace(self, **values)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) not in (None, "") for f in fields(self) if f.name != "issued_cutoff")


def _year_range(prefix: str, low: int | None, high: int | None) -> Q:
    q = Q(**{f"{prefix}year_group__isnull": False})
    if low is not None:
        q &= Q(**{f"{prefix}year_group__gte": low})
    if high is not None:
        q &= Q(**{f"{prefix}year_group__lte": high})
    return q


def plan_q(f: Filters, prefix: str = "") -> Q:
    """The filters as a condition on Plan; ``prefix`` is the path from the queried model ("plan__")."""
    q = Q()
    p = prefix
    if f.phase == NOT_RECORDED or f.key_stage == NOT_RECORDED:
        q &= Q(**{f"{p}year_group__isnull": True})
    if f.phase in PHASES:
        q &= _year_range(p, *PHASES[f.phase])
    if f.key_stage in KEY_STAGES:
        q &= _year_range(p, *KEY_STAGES[f.key_stage][1:])
    if f.year9 == "yes":
        q &= Q(**{f"{p}year_group__gte": 9})
    elif f.year9 == "no":
        q &= Q(**{f"{p}year_group__lt": 9}) | Q(**{f"{p}year_group__isnull": True})
    if f.primary_need:
        q &= Q(**{f"{p}primary_need": "" if f.primary_need == NOT_RECORDED else f.primary_need})
    if f.setting_type:
        q &= Q(**{f"{p}setting_type": "" if f.setting_type == NOT_RECORDED else f.setting_type})
    if f.looked_after:
        q &= Q(**{f"{p}looked_after": f.looked_after == "yes"})
    if f.issued and f.issued_cutoff:
        if f.issued == "before":
            q &= Q(**{f"{p}issued_date__lt": f.issued_cutoff})
        else:
            q &= Q(**{f"{p}issued_date__gte": f.issued_cutoff})
    if f.team:
        q &= Q(**{f"{p}team": "" if f.team == NOT_RECORDED else f.team})
    if f.case_officer is not None:
        q &= Q(**{f"{p}case_officer_id": f.case_officer})
    return q


# --- cohorts --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    code: str
    label: str


DIMENSIONS = (
    Dimension("phase", "Age phase"),
    Dimension("key_stage", "Key stage"),
    Dimension("year9", "Year 9 and older"),
    Dimension("primary_need", "Primary need"),
    Dimension("setting_type", "Setting type"),
    Dimension("looked_after", "Looked-after children"),
    Dimension("issued", "Plan issued before or after a date"),
    Dimension("team", "Team"),
    Dimension("case_officer", "Case officer"),
)
DIMENSION_BY_CODE = {d.code: d for d in DIMENSIONS}


def _ranges(prefix: str, ranges: Mapping[str, tuple[int | None, int | None]]) -> Combinable:
    whens = [When(_year_range(prefix, low, high), then=Value(code)) for code, (low, high) in ranges.items()]
    return Case(*whens, default=Value(NOT_RECORDED), output_field=CharField())


def cohort_expression(dimension: str, prefix: str, cutoff: date | None) -> Combinable:
    """An SQL expression giving each row's cohort value for ``dimension`` (always text)."""
    p = prefix
    if dimension == "phase":
        return _ranges(p, PHASES)
    if dimension == "key_stage":
        return _ranges(p, {k: (v[1], v[2]) for k, v in KEY_STAGES.items()})
    if dimension == "year9":
        return Case(
            When(Q(**{f"{p}year_group__gte": 9}), then=Value("yes")), default=Value("no"), output_field=CharField()
        )
    if dimension == "looked_after":
        return Case(
            When(Q(**{f"{p}looked_after": True}), then=Value("yes")), default=Value("no"), output_field=CharField()
        )
    if dimension == "issued":
        if cutoff is None:
            return Value(NOT_RECORDED, output_field=CharField())
        return Case(
            When(Q(**{f"{p}issued_date__lt": cutoff}), then=Value("before")),
            When(Q(**{f"{p}issued_date__gte": cutoff}), then=Value("after")),
            default=Value(NOT_RECORDED),
            output_field=CharField(),
        )
    if dimension == "case_officer":
        return Coalesce(Cast(f"{p}case_officer_id", CharField()), Value(NOT_RECORDED), output_field=CharField())
    if dimension in ("primary_need", "setting_type", "team"):
        return Case(
            When(Q(**{f"{p}{dimension}": ""}), then=Value(NOT_RECORDED)),
            default=f"{p}{dimension}",
            output_field=CharField(),
        )
    raise ValueError(dimension)


def cohort_label(dimension: str, value: str, f: Filters, officers: Mapping[str, str]) -> str:
    if value == NOT_RECORDED:
        return "Not recorded"
    if dimension == "phase":
        return PHASE_LABELS.get(value, value)
    if dimension == "key_stage":
        return KEY_STAGES[value][0] if value in KEY_STAGES else value
    if dimension == "year9":
        return "Year 9 and older" if value == "yes" else "Younger than Year 9 (or not recorded)"
    if dimension == "looked_after":
        return "Looked after" if value == "yes" else "Not looked after"
    if dimension == "issued":
        cutoff = f.issued_cutoff.strftime("%-d %B %Y") if f.issued_cutoff else ""
        return f"Issued before {cutoff}" if value == "before" else f"Issued on or after {cutoff}"
    if dimension == "primary_need":
        try:
            return f"{PrimaryNeed(value).label} ({value})"
        except ValueError:
            return value
    if dimension == "case_officer":
        return officers.get(value, "Case officer no longer listed")
    return value


def describe(f: Filters, round_names: Mapping[int, str], officers: Mapping[str, str]) -> list[str]:
    """The active filters in words, for headings and the board pack."""
    words: list[str] = []
    if f.round is not None:
        words.append(f"Audit round: {round_names.get(f.round, 'unknown')}")
    for dim in DIMENSIONS:
        value: Any = f.case_officer if dim.code == "case_officer" else getattr(f, dim.code)
        if value not in (None, ""):
            words.append(f"{dim.label}: {cohort_label(dim.code, str(value), f, officers)}")
    return words
