"""The golden thread: every need in B, C and D is met by provision in F, G and H respectively.

Matching is by meaning through the lexicon of need areas and provision types, not by shared words alone. For B and
F a second, finer reading matches each need item's narrow topics (``topics.py``), so a gap between two needs of the
same area is seen too (ADR 0123).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check, is_none_statement
from ehcp_analysis.checks.general import has_placeholder
from ehcp_analysis.checks.lexicon import (
    CARE_AREAS,
    DIAGNOSIS,
    EDUCATION_AREAS,
    HEALTH_AREAS,
    Area,
    areas_in,
    main_areas,
)
from ehcp_analysis.checks.provision import provision_items
from ehcp_analysis.checks.text import CI, sentences
from ehcp_analysis.checks.topics import ITEM_BREAK, TOPIC_LABELS, topic_counts, topics_covered
from ehcp_analysis.findings import Finding, Severity

NEED_SIGNAL = CI(
    r"\b(?:difficult\w*|struggl\w+|hard (?:to|for)|finds it|unable|not yet|cannot|can't|delay\w*|below|"
    r"needs? (?:support|help|adult|to|reminders|prompting)|requires?|anxi\w+|limited|reduced|weak\w*|impair\w*|"
    r"disorder|diagnos\w+|low\b|poor\w*|avoid\w*|dysregulat\w+|overwhelm\w*|distress\w*|sensitiv\w+|becomes?|"
    r"at risk|relies|dependent|frustrat\w+|seizures?|condition|reliant|lacks?|unsafe|worried|stress\w*|"
    r"exhaust\w+|isolated)\b",
    re.I,
)


_ACRONYMS = re.compile(r"\b[A-Z][A-Za-z]?[A-Z]{1,4}\b")
# A need is described in some detail; a one-line note of attainment or a strength is not matched on its own.
MIN_NEED_WORDS = {"B": 8, "C": 5, "D": 5}


# A sentence reporting a test result describes attainment, not a need that provision must answer.
_TEST_RESULT = CI(
    r"\b(?:assessment|assessed|standardised|percentile|centile|age[- ]equivalent|expected for (?:his|her|their) age|"
    r"attendance (?:this|last) (?:year|term) (?:is|was))",
)
# A paragraph with no word of difficulty is read as a need only when it says this much about one topic.
_STRONG_TOPIC = 3


def _need_items(ctx: Context, need_sid: str) -> list[tuple[int, str]]:
    """Memoised :func:`_read_need_items` (both matchers read the same items)."""
    return ctx.memo(f"need-items:{need_sid}", lambda: list(_read_need_items(ctx, need_sid)))


def _read_need_items(ctx: Context, need_sid: str) -> Iterator[tuple[int, str]]:
    """(index, text read for its need) for each item of the need section that may describe a need.

    In B, test results and diagnostic labels are left out of the text read: the need is in what the child finds
    hard, not in a score or a name."""
    for index, item in enumerate(ctx.items(need_sid)):
        text = item.text
        if len(text.split()) < MIN_NEED_WORDS[need_sid] or is_none_statement(text) or has_placeholder(text):
            continue
        if len(_ACRONYMS.findall(text)) >= 3:
            continue  # too dense with jargon to read for meaning; reported as a readability finding
        if need_sid != "B":
            yield index, text
            continue
        about = " ".join(s for s in sentences(text) if not _TEST_RESULT.search(s))
        # The need is in the description of its impact; a diagnosis names a label, not what needs meeting.
        yield index, DIAGNOSIS.sub(" ", about)


def _unmet_areas(
    ctx: Context, need_sid: str, provision_sids: tuple[str, ...], areas: tuple[Area, ...]
) -> Iterator[tuple[int, str]]:
    """Yield (item index, area label) for each need whose main areas no provision item speaks to."""
    texts = [item.text for sid in provision_sids for item in ctx.items(sid) if not is_none_statement(item.text)]
    # one search of the joined items per area gives the same union as a search of each item, at a fraction of the cost
    covered = areas_in(ITEM_BREAK.join(texts), areas, as_need=False)
    by_key = {a.key: a for a in areas}
    items = ctx.items(need_sid)
    for index, described in _need_items(ctx, need_sid):
        if need_sid == "B" and not NEED_SIGNAL.search(items[index].text):
            continue  # B also records strengths; C and D hold only needs
        needed = main_areas(described, areas, as_need=True)
        if needed and not needed & covered:
            yield index, by_key[sorted(needed)[0]].label


def _unmet_topics(ctx: Context) -> Iterator[tuple[int, str]]:
    """Yield (item index, topic label) for each need in B whose main narrow topic(s) no provision in F meets.

    Finer than the areas: it sees a self-esteem need left without provision while managing feelings, in the same
    area, is provided for. A need item with no recognisable topic never raises a finding.
    """
    covered = topics_covered([item.text for item, _spec in provision_items(ctx, "F")])
    items = ctx.items("B")
    for index, described in _need_items(ctx, "B"):
        counts = topic_counts(described)
        if not counts:
            continue
        top = max(counts.values())
        if top < _STRONG_TOPIC and not NEED_SIGNAL.search(items[index].text):
            continue  # a strength or a passing mention, not a need
        needed = {key for key, n in counts.items() if n == top}
        if not needed & covered:
            yield index, TOPIC_LABELS[sorted(needed)[0]]


def _unmet_needs(
    ctx: Context, need_sid: str, provision_sids: tuple[str, ...], areas: tuple[Area, ...]
) -> Iterator[tuple[int, str]]:
    """Yield (item index, label) for each need with no matching provision: by broad area, and for B by topic."""
    if need_sid not in ctx.document.sections:
        return
    reported: set[int] = set()
    for index, label in _unmet_areas(ctx, need_sid, provision_sids, areas):
        reported.add(index)
        yield index, label
    if need_sid == "B":
        for index, label in _unmet_topics(ctx):
            if index not in reported:
                yield index, label


def _thread_check(
    ctx: Context, code: str, need_sid: str, provision_sids: tuple[str, ...], areas: tuple[Area, ...], where: str
) -> Iterator[Finding]:
    items = ctx.items(need_sid)
    for index, label in _unmet_needs(ctx, need_sid, provision_sids, areas):
        yield ctx.finding(
            code,
            Severity.RED,
            f"This need ({label}) in Section {need_sid} has no matching provision in {where}.",
            f"Add provision in {where} that meets this need, quantified and with the deliverer named, or explain "
            "why none is needed.",
            item=items[index],
            section=provision_sids[-1] if len(provision_sids) == 1 else "H2",
        )


@check("F.need-without-provision", criterion="B-06")
def f_need_without_provision(ctx: Context) -> Iterator[Finding]:
    """Each special educational need in Section B is met by provision in Section F."""
    yield from _thread_check(ctx, "F.need-without-provision", "B", ("F",), EDUCATION_AREAS, "Section F")


@check("G.need-without-provision", criterion="C-02")
def g_need_without_provision(ctx: Context) -> Iterator[Finding]:
    """Each health need in Section C is met by health provision in Section G."""
    yield from _thread_check(ctx, "G.need-without-provision", "C", ("G",), HEALTH_AREAS, "Section G")


@check("H.need-without-provision", criterion="D-03")
def h_need_without_provision(ctx: Context) -> Iterator[Finding]:
    """Each social care need in Section D is met by social care provision in Section H1 or H2."""
    yield from _thread_check(ctx, "H.need-without-provision", "D", ("H1", "H2"), CARE_AREAS, "Section H1 or H2")
