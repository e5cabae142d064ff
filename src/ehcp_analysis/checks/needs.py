"""Sections B, C and D: needs described by their impact, explicit "none" statements, looked-after children."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check
from ehcp_analysis.checks.lexicon import CARE_AREAS, DIAGNOSIS, HEALTH_AREAS, Area, areas_in
from ehcp_analysis.checks.text import CI
from ehcp_analysis.checks.thread import NEED_SIGNAL
from ehcp_analysis.findings import Finding, Severity

_DIAGNOSIS_CLAIM = CI(r"\b(?:diagnos\w+|has|have|with|is|identified|assessed|label)\b", re.I)
IMPACT = CI(
    r"\b(?:finds? it|struggles?|hard to|unable|not yet able|cannot|can't|can\b|needs? (?:to|an adult|reminders|prompting)|"
    r"means?|affects?|impacts?|results? in|leads? to|so that|which|when|because|becomes?|"
    r"reading age|working (?:at|below|towards)|below|delay|slow|avoids?|relies|requires|tends? to|may|often|"
    r"sometimes|shows?|presents?|manifests?|experiences?|able to|strengths?|enjoys?|responds?|"
    r"(?:his|her|their) (?:reading|writing|spelling|speech|language|attention|concentration|learning|"
    r"handwriting|memory|processing|understanding|communication|behaviour|movement|balance))\b",
    re.I,
)


@check("B.diagnosis-without-impact", criterion="B-02")
def b_diagnosis_without_impact(ctx: Context) -> Iterator[Finding]:
    """A diagnosis or label in Section B must be followed by what it means for this child's learning and daily
    life; a label alone does not specify a need."""
    for item in ctx.items("B"):
        text = item.text
        m = DIAGNOSIS.search(text)
        if not m or not _DIAGNOSIS_CLAIM.search(text):
            continue
        rest = text[: m.start()] + " " + text[m.end() :]
        if IMPACT.search(rest) or len(text.split()) > 40:
            continue
        yield ctx.finding(
            "B.diagnosis-without-impact",
            Severity.AMBER,
            f"\u201c{m.group(0)}\u201d is named without saying how it affects the child.",
            "Describe what the child finds difficult because of it, in everyday terms, with current attainment and "
            "strengths.",
            item=item,
        )


def _states_a_need(text: str, areas: tuple[Area, ...]) -> bool:
    return bool(NEED_SIGNAL.search(text)) or bool(areas_in(text, areas, as_need=True))


def _none_not_stated(ctx: Context, sid: str, code: str, what: str) -> Iterator[Finding]:
    if sid not in ctx.document.sections:
        return  # a missing section has its own finding
    items = ctx.items(sid)
    areas = HEALTH_AREAS if sid == "C" else CARE_AREAS
    if items and not ctx.states_none(sid) and not any(_states_a_need(i.text, areas) for i in items):
        yield ctx.finding(
            code,
            Severity.RED,
            f"Section {sid} neither describes {what} needs nor says that there are none.",
            f"Record the {what} needs related to the child's special educational needs, or state explicitly that "
            "there are none (and what was considered).",
            item=items[0],
        )
        return
    if ctx.is_empty(sid):
        yield ctx.finding(
            code,
            Severity.RED,
            f"Section {sid} is empty and does not say that there are no {what} needs.",
            f"Record the {what} needs related to the child's special educational needs, or state explicitly that "
            "there are none (and what was considered).",
            quote=ctx.document.sections[sid].title,
            section=sid,
        )


@check("C.none-not-stated", criterion="C-01")
def c_none_not_stated(ctx: Context) -> Iterator[Finding]:
    """Section C must state the health needs related to SEN, or state explicitly that there are none."""
    yield from _none_not_stated(ctx, "C", "C.none-not-stated", "health")


@check("D.none-not-stated", criterion="D-01")
def d_none_not_stated(ctx: Context) -> Iterator[Finding]:
    """Section D must state the social care needs related to SEN or disability, or state explicitly that there
    are none."""
    yield from _none_not_stated(ctx, "D", "D.none-not-stated", "social care")


_LOOKED_AFTER = CI(
    r"\b(?:looked[- ]after|child(?:ren)? in care|in the care of (?:the )?(?:local authority|council)|cla\b|"
    r"lac\b|subject to a (?:full |interim )?care order|foster (?:care|placement|carers?)|virtual school)\b",
    re.I,
)


@check("D.looked-after-no-social-care", criterion="D-02")
def d_looked_after_no_social_care(ctx: Context) -> Iterator[Finding]:
    """A looked-after child's plan must have social care input: needs in D and provision in H."""
    looked_after = ctx.metadata.looked_after
    if looked_after is None:
        looked_after = bool(_LOOKED_AFTER.search(ctx.text("A") + "\n" + ctx.text("D")))
    if not looked_after:
        return
    d_has = not ctx.is_empty("D") and not _only_none(ctx, "D")
    h_has = any(not ctx.is_empty(h) and not _only_none(ctx, h) for h in ("H1", "H2"))
    if d_has and h_has:
        return
    missing = "Section D" if not d_has else "Section H"
    yield ctx.finding(
        "D.looked-after-no-social-care",
        Severity.RED,
        f"The child is looked after but {missing} records no social care input.",
        "Ask the child's social worker for advice; record the social care needs in D and the provision in H1/H2, "
        "linked to the care plan.",
        quote=" ".join(i.text for i in ctx.items("D"))[:300],
        section="D",
    )


def _only_none(ctx: Context, sid: str) -> bool:
    items = ctx.items(sid)
    from ehcp_analysis.checks.base import is_none_statement

    return bool(items) and all(is_none_statement(i.text) or len(i.text.split()) < 4 for i in items)
