"""Defects in sections A to D: the child's and family's views, needs, and statements of none."""

from __future__ import annotations

from ehcp_analysis.synth import bank_sections as bs
from ehcp_analysis.synth import people, wording
from ehcp_analysis.synth.bank_needs import ALL_TOPICS as TOPICS
from ehcp_analysis.synth.defects.base import Ctx, Pending, Result, only_none


# ---------------------------------------------------------------- section A
def no_child_voice(ctx: Ctx) -> Result:
    if not ctx.free("A"):
        return None
    ctx.claim("A")
    units = ctx.content.tagged("child_voice", "A")
    position = ctx.content.units("A").index(units[0])
    for unit in units:
        ctx.content.remove(unit)
    if ctx.rng.random() < 0.6:
        ctx.new("A", ctx.fill(ctx.rng.choice(wording.REPORTED_VOICE)), position)
    return [Pending("A.no-child-voice", "A")]


def no_aspirations(ctx: Ctx) -> Result:
    if not ctx.free("A"):
        return None
    ctx.claim("A")
    units = ctx.content.tagged("aspiration", "A")
    position = ctx.content.units("A").index(units[0])
    for unit in units:
        ctx.content.remove(unit)
    if ctx.rng.random() < 0.5:
        carers = "Her family" if ctx.profile.pronouns.he == "she" else "His family"
        other = f"{ctx.rng.choice(people.PLACES)} {ctx.rng.choice(('School', 'Academy', 'College'))}"
        text = ctx.fill(ctx.rng.choice(bs.PLACEMENT_REQUESTS), carers_cap=carers, other_setting=other)
        unit = ctx.new("A", text, position)
        return [Pending("A.no-aspirations", "A", unit.uid)]
    return [Pending("A.no-aspirations", "A")]


def no_parent_views(ctx: Ctx) -> Result:
    p = ctx.profile
    if not ctx.free("A") or p.age < 5 or p.primary_need in ("PMLD", "MSI"):
        return None
    ctx.claim("A")
    for unit in ctx.content.tagged("parent_views", "A"):
        ctx.content.remove(unit)
    return [Pending("A.no-parent-views", "A")]


# ---------------------------------------------------------------- sections B, C, D
def diagnosis_without_impact(ctx: Ctx) -> Result:
    if not ctx.free("B"):
        return None
    options = []
    for unit in ctx.content.units("B"):
        topic = next((t for t in TOPICS for tag in unit.tags if tag == f"topic:{t.key}" and t.diagnoses), None)
        if topic:
            options.append((unit, topic))
    if not options:
        return None
    unit, topic = ctx.rng.choice(options)
    ctx.claim("B")
    unit.text = wording.bare_diagnosis(ctx.rng, ctx.name, ctx.rng.choice(topic.diagnoses), ctx.profile.dob.year)
    return [Pending("B.diagnosis-without-impact", "B", unit.uid)]


def _none_not_stated(ctx: Ctx, key: str, code: str) -> Result:
    if not ctx.free(key) or not only_none(ctx, key) or (key == "D" and ctx.profile.looked_after):
        return None
    ctx.claim(key)
    units = ctx.content.units(key)
    units.clear()
    empty_ok = not (key == "C" and ctx.layout.combined_c_g)
    if empty_ok and ctx.rng.random() < 0.4:
        return [Pending(code, key), Pending("STRUCT.empty-section", key)]
    unit = ctx.new(key, ctx.fill(ctx.rng.choice(wording.NON_STATEMENTS[key])))
    return [Pending(code, key, unit.uid)]


def c_none_not_stated(ctx: Ctx) -> Result:
    return _none_not_stated(ctx, "C", "C.none-not-stated")


def d_none_not_stated(ctx: Ctx) -> Result:
    return _none_not_stated(ctx, "D", "D.none-not-stated")


def looked_after_no_social_care(ctx: Ctx) -> Result:
    if not ctx.profile.looked_after or not ctx.free("D", "H1", "H2"):
        return None
    ctx.claim("D", "H1", "H2")
    for key, bank in (("D", bs.LAC_DENIAL), ("H1", bs.H1_NONE), ("H2", bs.H2_NONE)):
        ctx.content.units(key).clear()
        unit = ctx.new(key, ctx.fill(ctx.rng.choice(bank)), tags=frozenset({"none"}))
        if key == "D":
            evidence = unit
    return [Pending("D.looked-after-no-social-care", "D", evidence.uid)]
