"""Sections F, G and H: specific, quantified provision; each kind of provision in its proper section."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, Item, check, is_none_statement, looks_like_heading, provision_cells
from ehcp_analysis.checks.general import (
    _OUTCOME_MARKER,
    _PROVISION_MARKER,
    DRAFTING_RESIDUE,
    has_placeholder,
    is_need_statement,
    is_outcome_statement,
)
from ehcp_analysis.checks.specificity import Specificity, assess
from ehcp_analysis.checks.text import CI
from ehcp_analysis.findings import Finding, Severity

# Hedges that are only a weakness when nothing else in the item pins the provision down.
_SOFT_HEDGES = CI(
    r"^(?:support (?:with|from)|help with|input from|monitor\w*|consider\w*|encourage\w*|can be|could|might|may|"
    r"appropriate|some\b.*|for example|e\.g\.?|ongoing|on[- ]going)$",
    re.I,
)
_ADMIN = CI(
    r"\b(?:agreed (?:by|with) (?:the )?(?:icb|integrated care board|commissioner|health)|commissioned by|"
    r"(?:icb|commissioner) (?:has )?agreed|signed off|on behalf of the (?:icb|local authority)|"
    r"this (?:section|provision) (?:was|has been) (?:agreed|confirmed))\b",
    re.I,
)


def provision_items(ctx: Context, sid: str) -> list[tuple[Item, Specificity]]:
    """Items of a provision section that describe provision, each with its specificity."""
    return ctx.memo(f"provision-items:{sid}", lambda: _provision_items(ctx, sid))


def _provision_items(ctx: Context, sid: str) -> list[tuple[Item, Specificity]]:
    out: list[tuple[Item, Specificity]] = []
    for item in ctx.items(sid):
        text = item.text
        if len(text.split()) < 5 or is_none_statement(text) or _ADMIN.search(text) or looks_like_heading(item):
            continue
        if DRAFTING_RESIDUE.search(text) or has_placeholder(text):
            continue  # template or drafting text, reported as such
        if sid == "F" and (
            is_need_statement(text)
            or ((_OUTCOME_MARKER.search(text) or is_outcome_statement(text)) and not _PROVISION_MARKER.search(text))
        ):
            continue  # reported as content in the wrong section
        out.append((item, assess(provision_cells(item))))
    return out


def hedges(spec: Specificity) -> list[str]:
    """The hedges that count against this item."""
    if spec.quantified and spec.who:
        return [v for v in spec.vague if not _SOFT_HEDGES.match(v)]
    return list(spec.vague)


def judge_provision(text: str) -> set[str]:
    """The F codes one provision statement earns (empty when it is specific). Used by the statements test."""
    spec = assess(text)
    codes: set[str] = set()
    if hedges(spec):
        codes.add("F.vague-wording")
    if not spec.quantified and not spec.delegated:
        codes.add("F.unquantified")
    if not spec.who or spec.vague_who:
        codes.add("F.no-deliverer")
    if spec.delegated:
        codes.add("F.delegated")
    if spec.range_or_ceiling:
        codes.add("F.range-or-ceiling")
    return codes


@check("F.vague-wording", criterion="F-06")
def f_vague_wording(ctx: Context) -> Iterator[Finding]:
    """Provision must not be hedged ("access to", "opportunities", "regular", "as required", "where possible",
    "such as", "or equivalent"). Amber when the item is otherwise fully quantified, red otherwise."""
    for sid in ("F",):
        for item, spec in provision_items(ctx, sid):
            found = hedges(spec)
            if not found:
                continue
            severity = Severity.AMBER if spec.fully_quantified else Severity.RED
            words = ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(x.lower() for x in found))
            yield ctx.finding(
                "F.vague-wording",
                severity,
                f"Hedged wording ({words}) makes this provision unclear.",
                "State exactly what will be provided, how much, how often and by whom, e.g. \u201cthree 30-minute "
                "sessions a week with a trained teaching assistant\u201d.",
                item=item,
            )


@check("F.unquantified", criterion="F-02")
def f_unquantified(ctx: Context) -> Iterator[Finding]:
    """Each item of special educational provision states an amount, duration or frequency."""
    for item, spec in provision_items(ctx, "F"):
        if not spec.quantified and not spec.delegated:
            yield ctx.finding(
                "F.unquantified",
                Severity.RED,
                "This provision does not say how much or how often.",
                "Add the amount and frequency, e.g. \u201c2 x 30 minutes per week\u201d or \u201cdaily for 15 "
                "minutes\u201d, and the period it runs for.",
                item=item,
            )


@check("F.no-deliverer", criterion="F-03")
def f_no_deliverer(ctx: Context) -> Iterator[Finding]:
    """Each item of provision names who delivers it and with what expertise ("an adult" or "staff" is not
    enough)."""
    for item, spec in provision_items(ctx, "F"):
        if not spec.who or spec.vague_who:
            yield ctx.finding(
                "F.no-deliverer",
                Severity.RED,
                "This provision does not say who will deliver it or with what training.",
                "Name the role and expertise, e.g. \u201ca teaching assistant trained in precision teaching, "
                "supervised by the SENCo\u201d, and whether delivery is direct or indirect.",
                item=item,
            )


@check("F.delegated", criterion="F-02")
def f_delegated(ctx: Context) -> Iterator[Finding]:
    """The amount or nature of provision must be decided in the plan, not left to the setting or to later advice
    ("to be determined by school", "as advised")."""
    for item, spec in provision_items(ctx, "F"):
        if spec.delegated:
            yield ctx.finding(
                "F.delegated",
                Severity.RED,
                f"The provision is left to someone else to decide (\u201c{spec.delegated[0]}\u201d).",
                "Write the decision into the plan: what, how much and how often, so the family can rely on it.",
                item=item,
            )


@check("F.range-or-ceiling", criterion="F-06")
def f_range_or_ceiling(ctx: Context) -> Iterator[Finding]:
    """Provision must not be a ceiling ("up to"), a range ("2-3 sessions") or an either/or deliverer, which leave
    the entitlement unclear."""
    for item, spec in provision_items(ctx, "F"):
        if spec.range_or_ceiling:
            yield ctx.finding(
                "F.range-or-ceiling",
                Severity.RED,
                f"\u201c{spec.range_or_ceiling[0]}\u201d sets a range, a ceiling or a choice of deliverer.",
                "State the minimum the child will receive and the one role that will deliver it.",
                item=item,
            )


def _unquantified(ctx: Context, code: str, sids: tuple[str, ...], what: str) -> Iterator[Finding]:
    for sid in sids:
        for item, spec in provision_items(ctx, sid):
            if not spec.quantified:
                yield ctx.finding(
                    code,
                    Severity.AMBER,
                    f"This {what} provision does not say how much or how often.",
                    "Add the amount, frequency and who provides it, as for Section F.",
                    item=item,
                )


@check("G.unquantified", criterion="G-03")
def g_unquantified(ctx: Context) -> Iterator[Finding]:
    """Health provision states how much and how often, like special educational provision."""
    yield from _unquantified(ctx, "G.unquantified", ("G",), "health")


@check("H.unquantified", criterion="H-04")
def h_unquantified(ctx: Context) -> Iterator[Finding]:
    """Social care provision states how much and how often (e.g. hours and frequency of short breaks)."""
    yield from _unquantified(ctx, "H.unquantified", ("H1", "H2"), "social care")


# --- provision in the wrong section ---------------------------------------------------------------------------
EDUCATES = CI(
    r"\b(?:speech(?:,)? (?:and|&) language therap\w*|salt\b|slt\b|speech therapy|language (?:programme|therapy|group|"
    r"intervention)|communication (?:programme|group)|occupational therap\w* (?:programme|sessions?|intervention|"
    r"input|to (?:develop|improve|teach|work))|ot (?:programme|sessions?)|fine motor|gross motor (?:programme|skills "
    r"group)|handwriting|motor skills (?:programme|group)|social skills|social communication (?:group|programme)|"
    r"coping (?:skills|strategies)|emotional literacy|elsa|zones of regulation|teach(?:es|ing)?\b|taught|tuition|"
    r"literacy|numeracy|phonics|reading (?:programme|intervention)|lego[- ]based|sensory (?:diet|circuit)|"
    r"(?:physiotherapy|physio) programme (?:delivered|in school|at school)|life skills (?:programme|lessons)|"
    r"self-regulation (?:programme|sessions)|anger management (?:programme|sessions))\b",
    re.I,
)
_HEALTH_ONLY = CI(r"\b(?:dysphagia|swallow\w*|eating and drinking|feeding|dietitian|medication|prescri\w+)\b", re.I)
HEALTH_OR_EDUCATION = CI(
    r"\b(?:paediatrician|nurse|nursing|medication|prescri\w+|camhs|gp\b|consultant|dietitian|audiology|"
    r"ophthalmolog\w+|orthotics|wheelchair service|continence|epilepsy (?:care )?plan|clinic|hospital|"
    r"physiotherap\w+|occupational therap\w+|speech and language|school (?:lessons|curriculum|timetable)|"
    r"in (?:the )?classroom|in class\b|teacher|teaching assistant|senco|curriculum|lessons?|tutor\w*|homework|"
    r"exam access|mental health (?:service|team|practitioner))\b",
    re.I,
)
H1_ONLY = CI(
    r"\b(?:practical (?:assistance|help|support) (?:in|at|around) the home|(?:home |housing )?adaptations?|"
    r"adapted (?:bathroom|home|housing)|equipment (?:for|at|in) (?:the )?home|day (?:time )?short breaks?|"
    r"holiday (?:scheme|club|play ?scheme|activities)|recreational|leisure (?:activities|facilities)|"
    r"travel (?:assistance|support) to|assistance with travel|meals at home|domiciliary|home care|"
    r"personal care (?:at|in the) home|after[- ]school club|youth club|play ?scheme|hoists?|level[- ]access|"
    r"shower|ramps?|stair ?lifts?|wet room|overnight short breaks?|short breaks? (?:unit|service|scheme)|"
    r"club or activity|activit(?:y|ies) of (?:his|her|their) choice)\b",
    re.I,
)
H2_ONLY = CI(
    r"\b(?:carers?'?s? assessment|support for (?:his |her |their )?(?:parents|carers|family)|parenting (?:support|programme)|"
    r"family support(?: worker)?|allocated social worker|social worker (?:will|visits)|child in need|child protection|"
    r"looked[- ]after (?:review|child review)|independent reviewing officer|personal adviser|leaving care|"
    r"care act|adult social care|section 17|section 20|transitions? (?:social )?worker)\b",
    re.I,
)


@check("G.educational-provision", criterion="F-07")
def g_educational_provision(ctx: Context) -> Iterator[Finding]:
    """Health or care provision that educates or trains (speech and language therapy, OT or physiotherapy
    programmes, coping-skills teaching) is special educational provision and must be in F, not only in G or H."""
    for sid in ("G", "H1", "H2"):
        for item, _spec in provision_items(ctx, sid):
            m = EDUCATES.search(item.text)
            if m and not _HEALTH_ONLY.search(item.text):
                yield ctx.finding(
                    "G.educational-provision",
                    Severity.RED,
                    f"Provision that educates or trains (\u201c{m.group(0)}\u201d) is placed in Section {sid}.",
                    "Move this provision to Section F, quantified and with the deliverer named, so that it is "
                    "legally enforceable.",
                    item=item,
                )


@check("H.misclassified", criterion="H-03")
def h_misclassified(ctx: Context) -> Iterator[Finding]:
    """H1 holds provision under s.2 of the Chronically Sick and Disabled Persons Act 1970 and H2 other social care;
    education or health provision does not belong in H at all."""
    h1, h2 = ctx.section("H1"), ctx.section("H2")
    separate = h1 is not None and h2 is not None and h1.title != h2.title and not (h1.shared_with or h2.shared_with)
    for sid in ("H1", "H2"):
        for item, _spec in provision_items(ctx, sid):
            text = item.text
            if EDUCATES.search(text) and not _HEALTH_ONLY.search(text):
                continue  # reported as educational provision outside F
            wrong = None
            if HEALTH_OR_EDUCATION.search(text) and not (H1_ONLY.search(text) or H2_ONLY.search(text)):
                wrong = "education or health provision placed in Section H"
            elif separate and sid == "H1" and H2_ONLY.search(text) and not H1_ONLY.search(text):
                wrong = "provision that belongs in H2 placed in H1"
            elif separate and sid == "H2" and H1_ONLY.search(text) and not H2_ONLY.search(text):
                wrong = "provision under the 1970 Act (H1) placed in H2"
            if wrong:
                yield ctx.finding(
                    "H.misclassified",
                    Severity.AMBER,
                    f"This looks like {wrong}.",
                    "Put s.2 CSDPA 1970 services (home help, adaptations, day short breaks, travel, leisure) in H1, "
                    "other social care in H2, and education or health provision in F or G.",
                    item=item,
                )
