"""Structure and whole-plan defects: missing or empty sections, placeholders, residue, names, dates."""

from __future__ import annotations

import re
from datetime import timedelta

from ehcp_analysis.synth import people, wording
from ehcp_analysis.synth.bank_needs import ALL_TOPICS as TOPICS
from ehcp_analysis.synth.content import OutcomeItem, ProvItem
from ehcp_analysis.synth.defects.base import Ctx, Pending, Result, body_position, only_none, pick_outcome


# ---------------------------------------------------------------- structure
def missing_section(ctx: Ctx) -> Result:
    options = [k for k in ("C", "D", "G") if only_none(ctx, k) and not (ctx.layout.combined_c_g and k in "CG")]
    if ctx.layout.split_h:
        options += [k for k in ("H1", "H2") if only_none(ctx, k)]
    if ctx.profile.status == "draft" and not ctx.content.units("I"):
        options.append("I")
    options += ["J", "K"]
    options = [k for k in options if ctx.free(k) and not (k == "D" and ctx.profile.looked_after)]
    if not options:
        return None
    key = ctx.rng.choice(options)
    ctx.claim(key)
    ctx.content.missing.add(key)
    out = [Pending("STRUCT.missing-section", key)]
    if key == "J":
        out.append(Pending("J.missing", "J"))
    if key == "K":
        out.append(Pending("K.no-advice-list", "K"))
    return out


def empty_section(ctx: Ctx) -> Result:
    options = [k for k in ("C", "D", "G") if only_none(ctx, k) and not (ctx.layout.combined_c_g and k in "CG")]
    if ctx.layout.split_h:
        options += [k for k in ("H1", "H2") if only_none(ctx, k)]
    options += ["J", "K"]
    options = [k for k in options if ctx.free(k) and not (k == "D" and ctx.profile.looked_after)]
    if not options:
        return None
    key = ctx.rng.choice(options)
    ctx.claim(key)
    ctx.content.units(key).clear()
    out = [Pending("STRUCT.empty-section", key)]
    extra = {"C": "C.none-not-stated", "D": "D.none-not-stated", "J": "J.missing", "K": "K.no-advice-list"}.get(key)
    if extra:
        out.append(Pending(extra, key))
    return out


# ---------------------------------------------------------------- general
def placeholder(ctx: Ctx) -> Result:
    options = [k for k in ("A", "B", "D") if ctx.free(k)]
    if not options:
        return None
    key = ctx.rng.choice(options)
    ctx.claim(key)
    unit = ctx.new(key, wording.placeholder_line(ctx.rng, key, ctx.name), body_position(ctx, key))
    return [Pending("GEN.placeholder", key, unit.uid)]


def drafting_residue(ctx: Ctx) -> Result:
    # Not in E or F, where a stray line would also read as an outcome or provision with no detail.
    options = [k for k in ("A", "B", "D", "K") if ctx.free(k)]
    if not options:
        return None
    key = ctx.rng.choice(options)
    ctx.claim(key)
    unit = ctx.new(key, wording.residue(ctx.rng, key), body_position(ctx, key))
    return [Pending("GEN.drafting-residue", key, unit.uid)]


PRONOUN_SWAP = {
    "he": "she",
    "him": "her",
    "his": "her",
    "himself": "herself",
    "she": "he",
    "her": "his",
    "herself": "himself",
}


def _swap_pronouns(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        new = PRONOUN_SWAP[word.lower()]
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"\b(he|him|his|himself|she|her|herself)\b", swap, text, flags=re.I)


def name_mismatch(ctx: Ctx) -> Result:
    options = [
        u
        for k in ("A", "B")
        if ctx.free(k)
        for u in ctx.content.units(k)
        if u.kind == "para" and ("history" in u.tags or "need" in u.tags)
    ]
    if not options:
        return None
    unit = ctx.rng.choice(options)
    ctx.claim(unit.section or "")
    by_name = re.search(rf"\b{re.escape(ctx.name)}\b", unit.text) is not None and ctx.rng.random() < 0.5
    if by_name:
        pool = people.BOY_NAMES if ctx.profile.pronouns.he == "he" else people.GIRL_NAMES
        other = ctx.rng.choice([n for n in pool if n != ctx.name])
        unit.text = re.sub(rf"\b{re.escape(ctx.name)}\b", other, unit.text)
    else:
        swapped = _swap_pronouns(unit.text)
        if swapped == unit.text:
            return None
        unit.text = swapped
    return [Pending("GEN.name-mismatch", unit.section, unit.uid)]


def _age_dates(ctx: Ctx) -> Result:
    p = ctx.profile
    if p.status == "draft" or not ctx.free("front", "K") or (ctx.as_of - p.dob).days < 900:
        return None
    ctx.claim("front", "K")
    old_anchor = max(p.plan_date, p.last_review or p.plan_date)
    if p.last_review and p.last_review > p.plan_date:
        p.last_review = ctx.as_of - timedelta(days=ctx.rng.randint(380, 600))
        p.plan_date = min(p.plan_date, p.last_review - timedelta(days=300))
    else:
        p.plan_date = ctx.as_of - timedelta(days=ctx.rng.randint(380, 600))
        if p.last_review:
            p.last_review = p.plan_date - timedelta(days=ctx.rng.randint(20, 70))
    shift = old_anchor - max(p.plan_date, p.last_review or p.plan_date)
    for unit in ctx.content.units("K"):  # advice is dated just before the plan or review it informed
        if unit.advice and unit.advice.day:
            unit.advice.day -= shift
    fmt = people.numeric_date if ctx.content.front_numeric else people.long_date
    target = None
    for unit in ctx.content.units("front"):
        if "plan_date" in unit.tags:
            unit.fact = ("Date of this plan", fmt(p.plan_date))
            if not p.last_review or p.last_review < p.plan_date:
                target = unit
        elif "review_date" in unit.tags and p.last_review:
            unit.fact = ("Date of last annual review", fmt(p.last_review))
            if p.last_review > p.plan_date:
                target = unit
        if unit.fact:
            unit.text = f"{unit.fact[0]}: {unit.fact[1]}"
    assert target is not None
    return [Pending("GEN.out-of-date", None, target.uid)]


def out_of_date(ctx: Ctx) -> Result:
    if ctx.rng.random() < 0.5:
        done = _age_dates(ctx)
        if done:
            return done
    outcome = pick_outcome(ctx)
    if outcome is None:
        return None
    assert outcome.outcome is not None
    outcome.outcome.timescale = wording.past_timescale(ctx.rng, ctx.as_of, ctx.profile.year_group)
    return [Pending("GEN.out-of-date", "E", outcome.uid)]


def wrong_section(ctx: Ctx) -> Result:
    choice = ctx.rng.choice(("provision-in-b", "need-in-f", "outcome-in-a"))
    topic_keys = [t.split(":", 1)[1] for u in ctx.content.units("B") for t in u.tags if t.startswith("topic:")]
    if not topic_keys:
        return None
    wanted = ctx.rng.choice(topic_keys)
    topic = next(t for t in TOPICS if t.key == wanted)
    if choice == "provision-in-b" and ctx.free("B"):
        used = {u.prov.label for u in ctx.content.units("F") if u.prov}
        spare = [pv for pv in topic.provisions if pv.label not in used] or [
            pv for t in TOPICS if t.area == topic.area and t.key != topic.key for pv in t.provisions
        ]
        pv = ctx.rng.choice(spare)
        item = ProvItem(
            ctx.name,
            pv.label,
            ctx.fill(pv.what),
            ctx.fill(pv.who),
            pv.dur,
            pv.freq,
            pv.group,
            ctx.fill(pv.where, room="classroom"),
            ctx.rng.randint(0, 2),
            topic.title,
            "",
            topic.key,
        )
        ctx.claim("B")
        unit = ctx.new("B", item.sentence(), body_position(ctx, "B"))
        return [Pending("GEN.wrong-section", "B", unit.uid)]
    if choice == "need-in-f" and ctx.free("F"):
        b_text = " ".join(u.text for u in ctx.content.units("B"))
        spare_needs = [i for i in topic.impacts if ctx.fill(i, room="classroom", place="in class") not in b_text]
        if not spare_needs:
            return None
        ctx.claim("F")
        text = ctx.fill(ctx.rng.choice(spare_needs), room="classroom", place="in class")
        unit = ctx.new("F", text, body_position(ctx, "F"))
        return [Pending("GEN.wrong-section", "F", unit.uid)]
    if choice == "outcome-in-a" and ctx.free("A"):
        used = {u.outcome.action for u in ctx.content.units("E") if u.outcome}
        spare_out = [o for o in topic.outcomes if ctx.fill(o[0], place="in class", room="classroom") not in used]
        if not spare_out:
            return None
        action, measure = ctx.rng.choice(spare_out)
        july = people.future_review_year(ctx.as_of) + 1
        outcome = OutcomeItem(
            ctx.name,
            "",
            "",
            "",
            f"By July {july}",
            ctx.fill(action, place="in class", room="classroom"),
            ctx.fill(measure, room="classroom"),
        )
        ctx.claim("A")
        unit = ctx.new("A", outcome.sentence(), body_position(ctx, "A"))
        return [Pending("GEN.wrong-section", "A", unit.uid)]
    return None


def readability(ctx: Ctx) -> Result:
    if not ctx.free("B"):
        return None
    ctx.claim("B")
    unit = ctx.new("B", wording.jargon(ctx.rng, ctx.name, ctx.profile.pronouns.his), body_position(ctx, "B"))
    return [Pending("GEN.readability", "B", unit.uid)]
