"""The shared machinery of the defect injectors: the context they edit and how they pick targets."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ehcp_analysis.synth.content import Content, ProvItem, Unit
from ehcp_analysis.synth.profile import Profile
from ehcp_analysis.synth.types import Layout

TIME_WORDS = re.compile(r"\b(terms?|weeks?|months?|years?|days?|by the end|within|until)\b", re.I)
DELIVERER_WORDS = re.compile(r"teacher|assistant|therapist|key person|mentor|nurse|specialist|psychologist|coach", re.I)
QUANTITY = re.compile(
    r"\d|%|\b(one|two|three|four|five|six|ten|twice|daily|every|each|week|weekly|term|hours?|minutes?|day)\b", re.I
)


@dataclass
class Pending:
    code: str
    section: str | None
    uid: int = 0  # the unit whose final block text is the evidence; 0 for an absence
    text: str = ""


@dataclass
class Ctx:
    content: Content
    profile: Profile
    layout: Layout
    rng: random.Random
    as_of: date
    claimed: set[str] = field(default_factory=set)

    def free(self, *keys: str) -> bool:
        return not any(k in self.claimed for k in keys)

    def claim(self, *keys: str) -> None:
        self.claimed.update(keys)

    def new(self, section: str, text: str, position: int | None = None, tags: frozenset[str] = frozenset()) -> Unit:
        unit = Unit(section, "para", text, tags=tags)
        units = self.content.units(section)
        if position is None:
            return self.content.add(section, unit)
        return self.content.insert(section, max(0, min(position, len(units))), unit)

    @property
    def name(self) -> str:
        return self.profile.name

    def fill(self, text: str, **extra: str) -> str:
        slots = {
            "n": self.name,
            **self.profile.pronouns.slots(),
            "setting": self.profile.setting,
            "setting_short": self.profile.setting_short,
            "interest": self.profile.interest[0],
            "interest_long": self.profile.interest[1],
            **extra,
        }
        return text.format_map(slots)


Result = list[Pending] | None
Injector = Callable[[Ctx], Result]


def only_none(ctx: Ctx, key: str) -> bool:
    units = ctx.content.units(key)
    return bool(units) and all("none" in u.tags for u in units)


def body_position(ctx: Ctx, key: str) -> int:
    """A random position after the first unit of a section (never before its first sub-heading)."""
    return ctx.rng.randint(1, max(1, len(ctx.content.units(key))))


def pick_outcome(ctx: Ctx, plain: bool = False, untimed: bool = False) -> Unit | None:
    if not ctx.free("E"):
        return None
    options = [u for u in ctx.content.units("E") if u.outcome and not u.outcome.pfa]
    if untimed:  # "over each half term" in the measure would leave a reader unsure whether a deadline remains
        options = [u for u in options if u.outcome and not TIME_WORDS.search(f"{u.outcome.action} {u.outcome.measure}")]
    if plain:  # the action itself must carry no measure, or removing the measure leaves one behind
        options = [u for u in options if u.outcome and not QUANTITY.search(u.outcome.action)]
    if not options:
        return None
    ctx.claim("E")
    return ctx.rng.choice(options)


def pick_provision(ctx: Ctx, ok: Callable[[ProvItem], bool]) -> Unit | None:
    if not ctx.free("F"):
        return None
    options = [u for u in ctx.content.units("F") if u.prov and ok(u.prov)]
    if not options:
        return None
    ctx.claim("F")
    return ctx.rng.choice(options)


def support_key(unit: Unit) -> str:
    return next((t.split(":", 1)[1] for t in unit.tags if t.startswith("support:")), "")
