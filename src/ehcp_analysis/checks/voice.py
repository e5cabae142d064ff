"""Section A: the child's own voice, their aspirations and their parents' views."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check, looks_like_heading
from ehcp_analysis.checks.text import CI, sentences
from ehcp_analysis.findings import Finding, Severity

# The child's own voice: first-person words or a direct quotation. Views reported about the child ("she enjoys",
# "he told us") are the typical defect, so they do not count.
_CHILD_VOICE = re.compile(
    r"(?:^|[\s\"'\u201c(])(?:I|I'm|I've|I'd|I'll|me|my|mine|myself)\b|\u201c[^\u201d]{3,}\u201d|\"[^\"]{3,}\"",
    re.M,
)
_ASPIRATION = CI(
    r"\b(?:aspir\w+|ambitions?|dreams?|when (?:I|he|she|they)(?:'m| am| is| are)? (?:grow up|grown up|older|leaves? school|"
    r"an adult|adults?)|in the (?:short|long|longer)[- ]term|(?:short|long)[- ]term|(?:in|for) the future|one day|"
    r"(?:would (?:like|love)|wants?|hopes?|plans?|wish(?:es)?) to (?:be(?:come)? (?:a|an)\b|work|go to (?:college|university)|"
    r"live|have a job|get a job|learn to drive|drive|travel|study|train|run|own|make)|"
    r"hopes? (?:that )?(?:he|she|they|[A-Z][a-z]+) will|"
    r"job|career|apprenticeship|live independently|own home|adulthood)\b",
    re.I,
)
_PARENT = CI(
    r"\b(?:mum|mom|mother|dad|father|parents?|carers?|foster (?:carers?|parents?)|family|grandm\w+|grandf\w+|"
    r"grandparents?|nan|guardian|step-?(?:mum|dad|mother|father)|adoptive (?:parents?|mum|dad))(?:'s?)?\b"
    r"[^.]{0,15}?\b(?<!helped me to )(?:say|says|said|feel|feels|felt|told|tell|tells|would like|want|wants|hope|hopes|worr\w+|describe\w*|"
    r"think|thinks|believe\w*|are proud|is proud|report\w*|views?|explain\w*|shared|agree\w*|concern\w*|priorit\w+|"
    r"wish\w*|ask\w*|were pleased|are pleased|love|loves)\b"
    r"|\b(?:parents?|carers?|family)(?:'s?)? (?:views?|voice|perspective|comments?)\b"
    r"|\bviews of (?:his|her|their|the) (?:parents?|carers?|family|mum|dad)",
    re.I,
)


def _a_text(ctx: Context) -> str | None:
    if "A" not in ctx.document.sections or ctx.is_empty("A"):
        return None  # a missing or empty section has its own finding
    return "\n".join(i.text for i in ctx.items("A") if not looks_like_heading(i))


@check("A.no-child-voice", criterion="A-01")
def a_no_child_voice(ctx: Context) -> Iterator[Finding]:
    """Section A should give the child's or young person's own views, ideally in their own words."""
    text = _a_text(ctx)
    if text is not None and not _CHILD_VOICE.search(text):
        yield ctx.finding(
            "A.no-child-voice",
            Severity.AMBER,
            "Section A does not record the child's own views.",
            "Add what the child says, in their own words where possible, and how their views were gathered.",
            section="A",
        )


# "The family's aspiration is a place at X School" is a placement request, not an aspiration for the child.
_PLACEMENT_REQUEST = re.compile(
    r"\b(?:a place at|placement at|to attend|to move to|to transfer to|to go to|to be named|named in section i)\s+"
    r"(?:the\s+)?[A-Z][\w'-]+",
)


def _has_aspiration(text: str) -> bool:
    return any(_ASPIRATION.search(s) and not _PLACEMENT_REQUEST.search(s) for s in sentences(text))


@check("A.no-aspirations", criterion="A-02")
def a_no_aspirations(ctx: Context) -> Iterator[Finding]:
    """Section A should set out the child's aspirations for the short and the long term (a request for a
    particular school is not an aspiration)."""
    text = _a_text(ctx)
    if text is not None and not _has_aspiration(text):
        yield ctx.finding(
            "A.no-aspirations",
            Severity.AMBER,
            "Section A records no aspirations for the future.",
            "Record what the child and family hope for, both soon and in adult life, so outcomes can build on it.",
            section="A",
        )


@check("A.no-parent-views", criterion="A-01")
def a_no_parent_views(ctx: Context) -> Iterator[Finding]:
    """Section A should set out the views of the parents or carers (or, for a young person, note their wishes)."""
    text = _a_text(ctx)
    if text is not None and not _PARENT.search(text):
        yield ctx.finding(
            "A.no-parent-views",
            Severity.AMBER,
            "Section A does not record the parents' or carers' views.",
            "Add the family's views in their own words, and say how they were gathered.",
            section="A",
        )
