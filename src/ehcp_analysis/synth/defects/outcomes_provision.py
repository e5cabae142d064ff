"""Defects in outcomes (E) and special educational provision (F)."""

from __future__ import annotations

from dataclasses import replace

from ehcp_analysis.synth import wording
from ehcp_analysis.synth.bank_needs import ALL_TOPICS as TOPICS
from ehcp_analysis.synth.content import ProvItem
from ehcp_analysis.synth.defects.base import (
    DELIVERER_WORDS,
    QUANTITY,
    Ctx,
    Pending,
    Result,
    pick_outcome,
    pick_provision,
)


# ---------------------------------------------------------------- section E
def not_time_bound(ctx: Ctx) -> Result:
    unit = pick_outcome(ctx, untimed=True)
    if unit is None or unit.outcome is None:
        return None
    unit.outcome.timescale = ""
    return [Pending("E.not-time-bound", "E", unit.uid)]


def not_measurable(ctx: Ctx) -> Result:
    unit = pick_outcome(ctx, plain=True)
    if unit is None or unit.outcome is None:
        return None
    unit.outcome.measure = ""
    return [Pending("E.not-measurable", "E", unit.uid)]


def vague_outcome(ctx: Ctx) -> Result:
    unit = pick_outcome(ctx)
    if unit is None or unit.outcome is None:
        return None
    topic = next(t for t in TOPICS if f"topic:{t.key}" in unit.tags)
    unit.outcome.action = ctx.fill(ctx.rng.choice(topic.vague))
    unit.outcome.measure = ""
    # "will improve his reading" is vague and, having no measure, not measurable either.
    return [Pending("E.vague-outcome", "E", unit.uid), Pending("E.not-measurable", "E", unit.uid)]


def provision_as_outcome(ctx: Ctx) -> Result:
    unit = pick_outcome(ctx)
    if unit is None or unit.outcome is None:
        return None
    provs = [u.prov for u in ctx.content.units("F") if u.prov and f"topic:{u.prov.topic}" in unit.tags]
    if not provs:
        return None
    unit.outcome.action = wording.service_as_outcome(ctx.rng, provs[0])
    unit.outcome.measure = ""
    return [Pending("E.provision-as-outcome", "E", unit.uid)]


def e_pfa_missing(ctx: Ctx) -> Result:
    units = ctx.content.tagged("pfa", "E")
    if not units or not ctx.free("E"):
        return None
    ctx.claim("E")
    for unit in units:
        ctx.content.remove(unit)
    return [Pending("E.pfa-missing", "E")]


# ---------------------------------------------------------------- section F
def f_pfa_missing(ctx: Ctx) -> Result:
    units = ctx.content.tagged("pfa", "F")
    if not units or not ctx.free("F"):
        return None
    ctx.claim("F")
    for unit in units:
        ctx.content.remove(unit)
    return [Pending("F.pfa-missing", "F")]


def vague_wording(ctx: Ctx) -> Result:
    unit = pick_provision(ctx, lambda pv: bool(pv.dur or pv.group))
    if unit is None or unit.prov is None:
        return None
    unit.prov = wording.hedge(ctx.rng, unit.prov)
    return [Pending("F.vague-wording", "F", unit.uid)]


def _plain(pv: ProvItem) -> bool:
    return not QUANTITY.search(f"{pv.what} {pv.who} {pv.where}")


def unquantified(ctx: Ctx) -> Result:
    unit = pick_provision(ctx, _plain)
    if unit is None or unit.prov is None:
        return None
    unit.prov = replace(unit.prov, dur="", freq="", group="", pattern=0)
    return [Pending("F.unquantified", "F", unit.uid)]


def no_deliverer(ctx: Ctx) -> Result:
    unit = pick_provision(ctx, lambda pv: not DELIVERER_WORDS.search(f"{pv.what} {pv.where}"))
    if unit is None or unit.prov is None:
        return None
    unit.prov = replace(unit.prov, who=ctx.rng.choice(wording.NO_DELIVERER))
    return [Pending("F.no-deliverer", "F", unit.uid)]


def delegated(ctx: Ctx) -> Result:
    unit = pick_provision(ctx, lambda pv: bool(pv.dur and pv.freq))
    if unit is None or unit.prov is None:
        return None
    unit.prov = wording.delegate(ctx.rng, unit.prov)
    return [Pending("F.delegated", "F", unit.uid)]


def range_or_ceiling(ctx: Ctx) -> Result:
    unit = pick_provision(ctx, lambda pv: bool(pv.dur and pv.freq))
    if unit is None or unit.prov is None:
        return None
    unit.prov = wording.ranged(ctx.rng, unit.prov)
    return [Pending("F.range-or-ceiling", "F", unit.uid)]


def need_without_provision(ctx: Ctx) -> Result:
    if not ctx.free("F"):
        return None
    topics = sorted({u.prov.topic for u in ctx.content.units("F") if u.prov and "pfa" not in u.tags})
    if len(topics) < 2:
        return None
    ctx.claim("F")
    gone = ctx.rng.choice(topics)
    for unit in [u for u in ctx.content.units("F") if u.prov and u.prov.topic == gone]:
        ctx.content.remove(unit)
    units = ctx.content.units("F")
    for i in reversed(range(len(units))):  # drop an area heading left with nothing under it
        if units[i].kind == "sub" and (i + 1 == len(units) or units[i + 1].kind == "sub"):
            del units[i]
    return [Pending("F.need-without-provision", "F")]
