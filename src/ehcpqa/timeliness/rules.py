"""The statutory time limits as data: loaded from statutory_rules.json into typed, frozen records.

Pure Python: no Django here (an import-linter contract holds this), so the rules and the deadline arithmetic in
``deadlines.py`` can be tested with worked examples alone. To change a time limit, edit the JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).with_name("statutory_rules.json")
UNITS = ("days", "weeks", "months")


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: str  # one of UNITS

    def describe(self) -> str:
        return f"{self.amount} {self.unit if self.amount != 1 else self.unit.rstrip('s')}"


@dataclass(frozen=True)
class FixedDeadline:
    """A calendar date in the year of the event (15 February of the year of transfer)."""

    month: int
    day: int

    def describe(self) -> str:
        return date(2000, self.month, self.day).strftime("%-d %B")


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    description: str
    source: str
    start: str  # the event the clock starts from
    end: str  # the event that stops it
    applies_to: str  # which cases it applies to; see deadlines.APPLIES_TO
    exceptions: tuple[str, ...]  # exception codes that take a case out of the "without exceptions" measure
    limit: Limit | None = None
    deadline: FixedDeadline | None = None
    earliest: Limit | None = None  # under-5 reviews: not expected before this
    paired_by_detail: bool = False  # advice: a request is answered by a receipt with the same adviser

    def describe_limit(self) -> str:
        if self.limit is not None:
            return f"within {self.limit.describe()}"
        assert self.deadline is not None
        return f"by {self.deadline.describe()}"


@dataclass(frozen=True)
class ExceptionType:
    code: str
    description: str
    source: str


@dataclass(frozen=True)
class Closure:
    """A school closure of 4 weeks or more: ``start`` is the first closed day, ``reopens`` the day it opens again."""

    start: date
    reopens: date


@dataclass(frozen=True)
class TermPattern:
    name: str
    start_month: int
    start_day: int
    end_month: int
    end_day: int


@dataclass(frozen=True)
class RuleBook:
    version: str
    rules: tuple[Rule, ...]
    exceptions: tuple[ExceptionType, ...]
    closures: tuple[Closure, ...]
    terms: tuple[TermPattern, ...]

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)

    def exception(self, code: str) -> ExceptionType:
        for item in self.exceptions:
            if item.code == code:
                return item
        raise KeyError(code)


def _limit(raw: dict[str, Any] | None) -> Limit | None:
    if raw is None:
        return None
    if raw["unit"] not in UNITS or int(raw["amount"]) <= 0:
        raise ValueError(f"Bad time limit {raw!r}")
    return Limit(int(raw["amount"]), raw["unit"])


def parse_rule_book(data: dict[str, Any]) -> RuleBook:
    exceptions = tuple(ExceptionType(e["code"], e["description"], e["source"]) for e in data["exceptions"])
    known = {e.code for e in exceptions}
    rules = []
    for raw in data["rules"]:
        deadline = raw.get("deadline")
        rule = Rule(
            code=raw["code"],
            title=raw["title"],
            description=raw["description"],
            source=raw["source"],
            start=raw["start"],
            end=raw["end"],
            applies_to=raw["applies_to"],
            exceptions=tuple(raw.get("exceptions", ())),
            limit=_limit(raw.get("limit")),
            deadline=FixedDeadline(deadline["month"], deadline["day"]) if deadline else None,
            earliest=_limit(raw.get("earliest")),
            paired_by_detail=bool(raw.get("paired_by_detail", False)),
        )
        if (rule.limit is None) == (rule.deadline is None):
            raise ValueError(f"Rule {rule.code} needs exactly one of a limit or a fixed deadline")
        unknown = set(rule.exceptions) - known
        if unknown:
            raise ValueError(f"Rule {rule.code} names unknown exceptions {sorted(unknown)}")
        rules.append(rule)
    closures = tuple(
        Closure(date.fromisoformat(c["start"]), date.fromisoformat(c["end"])) for c in data.get("summer_closures", ())
    )
    terms = tuple(
        TermPattern(t["name"], t["start"]["month"], t["start"]["day"], t["end"]["month"], t["end"]["day"])
        for t in data["terms"]
    )
    return RuleBook(version=data["version"], rules=tuple(rules), exceptions=exceptions, closures=closures, terms=terms)


@cache
def statutory_rules() -> RuleBook:
    return parse_rule_book(json.loads(RULES_FILE.read_text(encoding="utf-8")))
