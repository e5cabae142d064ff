"""The plan's content before layout: units of text tagged with their true section.

Composition fills this model, defects edit it, and a template lays it out as blocks. Keeping content apart from
layout lets one defect be put into any of the three council styles, and lets the defect's evidence be read back
from the block the unit finally became (``uid``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ehcp_analysis.synth.people import long_date, numeric_date

UnitKind = Literal["sub", "para", "prov", "outcome", "advice", "fact"]


LONG_SENTENCE = 40  # words; plain-English guidance puts the comfortable limit for a sentence well under this


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _group_phrase(group: str) -> str:
    return "on a 1:1 basis" if group == "1:1" else group


@dataclass
class ProvItem:
    """One provision item. Empty strings mean the dimension is absent (a defect removed it, or it does not apply)."""

    name: str
    label: str
    what: str
    who: str
    dur: str
    freq: str
    group: str
    where: str
    pattern: int
    need: str  # the need it meets, for the table's first column
    outcome_ref: str
    topic: str
    lead: str = ""  # hedged opening: "access" or "opportunities"
    suffix: str = ""  # hedged ending, e.g. "where possible"

    def sentence(self) -> str:
        text = self._sentence(split=False)
        if len(text.split()) > LONG_SENTENCE and (self.where or self.group):
            text = self._sentence(split=True)  # a long item reads better, and stays readable, as two sentences
        return text

    def _sentence(self, split: bool) -> str:
        dur = f"for {self.dur}" if self.dur and (self.pattern != 1 or split) else ""
        group = "" if split else _group_phrase(self.group)
        where = "" if split else self.where
        if self.lead == "access":
            parts = [
                f"{self.name} will have access to {self.label.lower()} with {self.who}, who will {self.what}",
                group,
                dur,
                self.freq,
                where,
            ]
        elif self.lead == "opportunities":
            parts = [
                f"{self.name} will be given opportunities to work with {self.who}, who will {self.what}",
                group,
                dur,
                self.freq,
                where,
            ]
        elif self.pattern == 1 and self.dur and not split:
            parts = [
                f"{self.name} will have sessions of {self.dur} with {self.who}",
                self.freq,
                group,
                where,
                f"in which they will {self.what}",
            ]
        elif self.pattern == 2 and self.freq:
            parts = [f"{cap(self.freq)}, {self.who} will {self.what}", dur, group, where]
        else:
            subject = f"{cap(self.who)}," if "," in self.who else cap(self.who)
            parts = [f"{subject} will {self.what}", group, dur, self.freq, where]
        text = ", ".join(p for p in parts if p)
        if self.suffix:
            text += f", {self.suffix}"
        text += "."
        if split:
            place = ", ".join(p for p in (self.where, _group_phrase(self.group)) if p)
            text += f" Sessions take place {place}."
        return text

    def cells(self) -> tuple[str, str, str, str, str]:
        """Need | Outcome | Provision | How often | Who, for the tabular template."""
        what = cap(self.what)
        if self.lead == "access":
            what = f"Access to {self.label.lower()}: {self.what}"
        elif self.lead == "opportunities":
            what = f"Opportunities to {self.what}"
        extras = [
            p for p in (f"sessions of {self.dur}" if self.dur else "", _group_phrase(self.group), self.where) if p
        ]
        provision = what + (" (" + ", ".join(extras) + ")" if extras else "")
        if self.suffix:
            provision += f", {self.suffix}"
        return (self.need, self.outcome_ref, provision, cap(self.freq), cap(self.who))


@dataclass
class OutcomeItem:
    name: str
    ref: str
    area: str
    need: str
    timescale: str  # "By July 2027" or ""
    action: str
    measure: str
    pfa: bool = False

    def sentence(self) -> str:
        body = f"{self.name} will {self.action}" + (f" {self.measure}" if self.measure else "")
        return f"{self.timescale}, {body}." if self.timescale else f"{body}."


@dataclass
class AdviceItem:
    title: str
    author: str
    role: str
    day: date | None
    numeric: bool = False  # 03/03/2026 rather than 3 March 2026

    @property
    def when(self) -> str:
        if self.day is None:
            return ""
        return numeric_date(self.day) if self.numeric else long_date(self.day)

    def sentence(self) -> str:
        return " – ".join(p for p in (self.title, f"{self.author}, {self.role}", self.when) if p)

    def cells(self) -> tuple[str, str, str]:
        return (self.title, f"{self.author}, {self.role}", self.when)


@dataclass
class Unit:
    section: str | None
    kind: UnitKind
    text: str = ""
    prov: ProvItem | None = None
    outcome: OutcomeItem | None = None
    advice: AdviceItem | None = None
    fact: tuple[str, str] | None = None
    tags: frozenset[str] = frozenset()
    uid: int = 0


@dataclass
class Content:
    """Units by section key ("front" for the front matter, then A..K with H1/H2)."""

    sections: dict[str, list[Unit]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)  # sections left out of the document entirely
    front_numeric: bool = False  # front matter dates as 03/03/2026
    _next_uid: int = 1

    def add(self, key: str, unit: Unit) -> Unit:
        unit.uid = self._next_uid
        self._next_uid += 1
        self.sections.setdefault(key, []).append(unit)
        return unit

    def insert(self, key: str, position: int, unit: Unit) -> Unit:
        unit.uid = self._next_uid
        self._next_uid += 1
        self.sections.setdefault(key, []).insert(position, unit)
        return unit

    def units(self, key: str) -> list[Unit]:
        return self.sections.setdefault(key, [])

    def tagged(self, tag: str, key: str | None = None) -> list[Unit]:
        keys = [key] if key else list(self.sections)
        return [u for k in keys for u in self.sections.get(k, []) if tag in u.tags]

    def remove(self, unit: Unit) -> None:
        for units in self.sections.values():
            if unit in units:
                units.remove(unit)
                return
