"""The figures of one request: every table and summary the views need, each computed at most once per data
fingerprint (reporting.cache) and once per request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from ehcpqa.reporting import selectors as s
from ehcpqa.reporting import tables as t
from ehcpqa.reporting.cache import cached
from ehcpqa.reporting.filters import DIMENSION_BY_CODE

T = TypeVar("T")
TABLE_KEYS = (
    "grades",
    "sections",
    "criteria",
    "trends",
    "actions",
    "feedback",
    "machine",
    "machine-sections",
    *(f"cohort-{code}" for code in DIMENSION_BY_CODE),
)


class Figures:
    def __init__(self, scope: s.Scope, *, today: date, officers: dict[str, str]) -> None:
        self.scope = scope
        self.today = today
        self.officers = officers
        self._memo: dict[str, str] = {}
        self._local: dict[str, object] = {}

    def _get(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._local:
            self._local[key] = cached(
                local_authority_id=self.scope.local_authority_id,
                today=self.today,
                key=f"{key}|{self.scope.filters.as_query()}",
                compute=compute,
                fingerprint_memo=self._memo,
            )
        return self._local[key]  # type: ignore[return-value]

    def grades(self) -> tuple[t.Table, s.GradeSummary]:
        return self._get("grades", lambda: t.grade_table(self.scope))

    def weakness_rows(self) -> list[s.WeaknessRow]:
        return self._get("weakness-rows", lambda: s.weaknesses_by_criterion(self.scope))

    def weaknesses(self) -> tuple[t.Table, t.Table]:
        return t.weakness_tables(self.scope, self.weakness_rows())

    def cohort(self, dimension: str) -> t.Table:
        names = sorted(self.officers.items()) if dimension == "case_officer" else []
        return self._get(f"cohort-{dimension}|{names}", lambda: t.cohort_table(self.scope, dimension, self.officers))

    def trend_rows(self) -> list[s.RoundRow]:
        return self._get("trend-rows", lambda: s.trends_by_round(self.scope))

    def trends(self) -> t.Table:
        return self._get("trends", lambda: t.trend_table(self.scope))

    def action_summary(self) -> s.ActionSummary:
        return self._get("action-summary", lambda: s.action_summary(self.scope, today=self.today))

    def actions(self) -> t.Table:
        return self._get("actions", lambda: t.action_table(self.scope, self.today))

    def feedback(self) -> t.Table:
        return self._get("feedback", lambda: t.feedback_table(self.scope))

    def machine(self) -> tuple[t.Table, t.Table, s.MachineSummary]:
        return self._get("machine", lambda: t.machine_tables(self.scope))

    def table(self, key: str) -> t.Table:
        if key.startswith("cohort-"):
            return self.cohort(key.removeprefix("cohort-"))
        builders: dict[str, Callable[[], t.Table]] = {
            "grades": lambda: self.grades()[0],
            "sections": lambda: self.weaknesses()[0],
            "criteria": lambda: self.weaknesses()[1],
            "trends": self.trends,
            "actions": self.actions,
            "feedback": self.feedback,
            "machine": lambda: self.machine()[0],
            "machine-sections": lambda: self.machine()[1],
        }
        return builders[key]()
