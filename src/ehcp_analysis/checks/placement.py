"""Sections I and J: the named placement and the personal budget statement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check
from ehcp_analysis.checks.general import has_placeholder
from ehcp_analysis.checks.text import CI
from ehcp_analysis.findings import Finding, Severity

_INSTITUTION = re.compile(
    r"\b((?:[A-Z][\w'&.-]*\s+){1,6})(?:School|Academy|College|Primary|Infants?|Juniors?|High|Grammar|Nursery|"
    r"Centre|Center|Pre-?school|Sixth Form|Free School|Studio School|UTC|PRU)\b"
)
_GENERIC = frozenset(
    [
        "a",
        "an",
        "the",
        "mainstream",
        "special",
        "specialist",
        "secondary",
        "primary",
        "independent",
        "maintained",
        "local",
        "community",
        "resourced",
        "non-maintained",
        "further",
        "education",
        "post-16",
        "school",
        "type",
        "name",
        "of",
        "setting",
        "institution",
        "placement",
        "with",
        "unit",
        "base",
        "provision",
        "for",
        "pupils",
        "children",
        "and",
        "or",
        "other",
        "suitable",
        "appropriate",
        "academy",
        "free",
        "all",
    ]
)


def names_institution(text: str) -> bool:
    """True when ``text`` names a particular institution, not just a type of setting."""
    for m in _INSTITUTION.finditer(text):
        words = [w.strip(".,'").lower() for w in m.group(1).split()]
        if any(w and w not in _GENERIC for w in words):
            return True
    return False


@check("I.no-placement-named", criterion="I-01")
def i_no_placement_named(ctx: Context) -> Iterator[Finding]:
    """A final plan names the school or other institution in Section I, not only its type."""
    if ctx.status != "final" or "I" not in ctx.document.sections:
        return
    text = ctx.text("I")
    if not names_institution(text) and not has_placeholder(text):  # a placeholder is reported as such
        yield ctx.finding(
            "I.no-placement-named",
            Severity.RED,
            "This final plan does not name a school or other institution in Section I.",
            "Name the institution and its type (e.g. \u201cOakfield Primary School, a maintained mainstream "
            "primary\u201d).",
            quote=text[:300],
            section="I",
        )


@check("I.named-in-draft", criterion="I-02")
def i_named_in_draft(ctx: Context) -> Iterator[Finding]:
    """A draft plan leaves Section I blank so the family can state a preference first."""
    if ctx.status != "draft" or "I" not in ctx.document.sections:
        return
    for item in ctx.items("I"):
        if names_institution(item.text):
            yield ctx.finding(
                "I.named-in-draft",
                Severity.RED,
                "This draft plan already names a setting in Section I.",
                "Leave Section I blank in the draft; name the setting in the final plan after the family has "
                "expressed a preference and the setting has been consulted.",
                item=item,
            )
            return


_BUDGET = CI(
    r"\b(?:personal budget|direct payments?|not applicable|n/a|no (?:personal )?budget|none requested|"
    r"has not (?:been )?requested|not requested|budget)\b",
    re.I,
)


@check("J.missing", criterion="J-01")
def j_missing(ctx: Context) -> Iterator[Finding]:
    """Section J gives the personal budget details or says that a personal budget was not requested or does not
    apply."""
    if "J" in ctx.document.sections and _BUDGET.search(ctx.text("J")):
        return
    yield ctx.finding(
        "J.missing",
        Severity.AMBER,
        "There is no personal budget statement in Section J.",
        "State whether a personal budget was requested and, if so, which provision it covers and how it is paid; "
        "otherwise write \u201cnot applicable\u201d.",
        section="J",
    )
