"""Defects in health and social care provision (G, H), placement (I), budget (J) and advice (K)."""

from __future__ import annotations

from datetime import timedelta

from ehcp_analysis.synth import bank_sections as bs
from ehcp_analysis.synth import people, wording
from ehcp_analysis.synth.defects.base import Ctx, Pending, Result, body_position, only_none, support_key


# ---------------------------------------------------------------- sections G and H
def educational_in_g(ctx: Ctx) -> Result:
    if not ctx.free("G"):
        return None
    ctx.claim("G")
    units = ctx.content.units("G")
    if only_none(ctx, "G"):
        units.clear()
    unit = ctx.new("G", ctx.fill(ctx.rng.choice(bs.EDUCATIONAL_IN_HEALTH)), body_position(ctx, "G"))
    return [Pending("G.educational-provision", "G", unit.uid)]


def _unquantified_support(ctx: Ctx, keys: tuple[str, ...], code: str) -> Result:
    options = [u for k in keys if ctx.free(k) for u in ctx.content.units(k) if support_key(u)]
    if not options:
        return None
    unit = ctx.rng.choice(options)
    support = next(s for s in (*bs.HEALTH, *bs.SOCIAL, bs.LOOKED_AFTER) if s.key == support_key(unit))
    ctx.claim(unit.section or "")
    unit.text = ctx.fill(ctx.rng.choice(support.unquantified), place_name=ctx.rng.choice(people.PLACES))
    return [Pending(code, unit.section, unit.uid)]


def g_unquantified(ctx: Ctx) -> Result:
    return _unquantified_support(ctx, ("G",), "G.unquantified")


def h_unquantified(ctx: Ctx) -> Result:
    return _unquantified_support(ctx, ("H1", "H2"), "H.unquantified")


def g_need_without_provision(ctx: Ctx) -> Result:
    keys = sorted({support_key(u) for u in ctx.content.units("G") if support_key(u)})
    if not keys or not ctx.free("G"):
        return None
    ctx.claim("G")
    gone = ctx.rng.choice(keys)
    for unit in [u for u in ctx.content.units("G") if support_key(u) == gone]:
        ctx.content.remove(unit)
    if not ctx.content.units("G"):
        ctx.new("G", ctx.rng.choice(wording.NO_HEALTH_PROVISION_AGREED))
    return [Pending("G.need-without-provision", "G")]


def h_need_without_provision(ctx: Ctx) -> Result:
    keys = sorted(
        {
            support_key(u)
            for k in ("H1", "H2")
            for u in ctx.content.units(k)
            if support_key(u) and support_key(u) != "looked-after"
        }
    )
    if not keys or not ctx.free("H1", "H2"):
        return None
    ctx.claim("H1", "H2")
    gone = ctx.rng.choice(keys)
    for key, bank in (("H1", bs.H1_NONE), ("H2", bs.H2_NONE)):
        for unit in [u for u in ctx.content.units(key) if support_key(u) == gone]:
            ctx.content.remove(unit)
        if not ctx.content.units(key):
            ctx.new(key, ctx.fill(bank[0]), tags=frozenset({"none"}))
    return [
        Pending(
            "H.need-without-provision", "H1" if any(s.key == gone and s.h_part == "H1" for s in bs.SOCIAL) else "H2"
        )
    ]


def misclassified(ctx: Ctx) -> Result:
    if not ctx.free("H1", "H2"):
        return None
    h1_items = [u for u in ctx.content.units("H1") if support_key(u)]
    if ctx.layout.split_h and h1_items and ctx.rng.random() < 0.5:
        ctx.claim("H1", "H2")
        unit = ctx.rng.choice(h1_items)
        ctx.content.remove(unit)
        if not ctx.content.units("H1"):
            ctx.new("H1", ctx.fill(bs.H1_NONE[0]), tags=frozenset({"none"}))
        if only_none(ctx, "H2"):
            ctx.content.units("H2").clear()
        moved = ctx.new("H2", unit.text)
        return [Pending("H.misclassified", "H2", moved.uid)]
    ctx.claim("H1", "H2")
    if only_none(ctx, "H2"):
        ctx.content.units("H2").clear()
    unit = ctx.new("H2", ctx.fill(ctx.rng.choice(bs.HEALTH_IN_H)))
    return [Pending("H.misclassified", "H2", unit.uid)]


# ---------------------------------------------------------------- sections I, J, K
def no_placement_named(ctx: Ctx) -> Result:
    p = ctx.profile
    if p.status == "draft" or not ctx.free("I"):
        return None
    ctx.claim("I")
    unit = ctx.content.units("I")[0]
    unit.text = wording.type_only(ctx.rng, p.setting_type, ctx.name)
    return [Pending("I.no-placement-named", "I", unit.uid)]


def named_in_draft(ctx: Ctx) -> Result:
    p = ctx.profile
    if p.status != "draft" or not ctx.free("I"):
        return None
    ctx.claim("I")
    ctx.content.units("I").clear()
    unit = ctx.new(
        "I",
        ctx.rng.choice(
            (
                f"{p.setting}.",
                f"Name of setting: {p.setting}. Type of setting: {p.setting_type}.",
                f"{p.name} will attend {p.setting}.",
            )
        ),
    )
    return [Pending("I.named-in-draft", "I", unit.uid)]


def j_missing(ctx: Ctx) -> Result:
    if not ctx.free("J"):
        return None
    ctx.claim("J")
    kind = ctx.rng.choice(("absent", "empty", "other"))
    if kind == "absent":
        ctx.content.missing.add("J")
        return [Pending("J.missing", "J"), Pending("STRUCT.missing-section", "J")]
    ctx.content.units("J").clear()
    if kind == "empty":
        return [Pending("J.missing", "J"), Pending("STRUCT.empty-section", "J")]
    unit = ctx.new("J", ctx.rng.choice(bs.J_IRRELEVANT))
    return [Pending("J.missing", "J", unit.uid)]


def no_advice_list(ctx: Ctx) -> Result:
    if not ctx.free("K"):
        return None
    ctx.claim("K")
    ctx.content.units("K").clear()
    unit = ctx.new("K", ctx.fill(ctx.rng.choice(bs.K_NO_LIST)))
    return [Pending("K.no-advice-list", "K", unit.uid)]


def stale_advice(ctx: Ctx) -> Result:
    if not ctx.free("K"):
        return None
    ctx.claim("K")
    unit = ctx.rng.choice([u for u in ctx.content.units("K") if u.advice])
    assert unit.advice is not None
    earliest = ctx.profile.dob + timedelta(days=60)  # never advice about a child not yet born
    latest = ctx.as_of - timedelta(days=800)
    if latest <= earliest:
        return None
    unit.advice.day = max(earliest, ctx.as_of - timedelta(days=ctx.rng.randint(800, 1500)))
    return [Pending("K.stale-advice", "K", unit.uid)]


def missing_adviser(ctx: Ctx) -> Result:
    if not ctx.free("K"):
        return None
    required = ["education", "psychology", "medical", "social", "parent"]
    if ctx.profile.year_group >= 9:
        required.append("pfa")
    options = [u for u in ctx.content.units("K") if any(f"adviser:{k}" in u.tags for k in required)]
    if not options:
        return None
    ctx.claim("K")
    ctx.content.remove(ctx.rng.choice(options))
    return [Pending("K.missing-adviser", "K")]
