"""Plain English: sentences a family can follow, acronyms explained."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check
from ehcp_analysis.checks.general import has_placeholder
from ehcp_analysis.checks.text import sentences, word_count
from ehcp_analysis.findings import Finding, Severity
from ehcp_analysis.model import SECTION_IDS

_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]?[A-Z]{1,5}s?)\b")
_WELL_KNOWN = frozenset(
    [
        "UK",
        "NHS",
        "GP",
        "TV",
        "PE",
        "IT",
        "ICT",
        "OK",
        "AM",
        "PM",
        "ID",
        "BBC",
        "EHC",
        "EHCP",
        "SEN",
        "SEND",
        "DOB",
        "CV",
        "USB",
        "PC",
        "PDF",
        "ICB",
        "LA",
    ]
)
_CAPS_WORDS = frozenset(
    [
        "NOT",
        "AND",
        "THE",
        "ALL",
        "NO",
        "OR",
        "IF",
        "ONLY",
        "MUST",
        "WILL",
        "NONE",
        "NAME",
        "DATE",
        "YES",
        "TO",
        "OF",
        "IN",
        "ON",
        "AT",
        "BY",
        "FOR",
        "WITH",
        "DO",
        "DOES",
        "NEVER",
        "ME",
        "MY",
        "WE",
        "US",
        "IS",
        "BE",
        "AN",
        "AS",
        "UP",
        "SO",
        "GO",
        "HE",
        "SHE",
        "HIS",
        "HER",
        "MUM",
        "DAD",
        "TBC",
        "TBA",
        "TBD",
        "XX",
        "XXX",
    ]
)
_LONG_SENTENCE = 55


_EXPLAINED = (
    re.compile(r"\(([A-Z][A-Za-z]?[A-Z]{1,5})s?\)"),  # "speech and language therapist (SaLT)"
    re.compile(r"\b([A-Z][A-Za-z]?[A-Z]{1,5})s?\s*\([a-z][^)]*\)"),  # "SaLT (speech and language therapist)"
    re.compile(r"\b([A-Z][A-Za-z]?[A-Z]{1,5})s?\s*(?:-|\u2013|:|=|stands for|means)\s*[A-Za-z]"),  # glossary lines
)


def explained_acronyms(text: str) -> set[str]:
    """Every abbreviation the plan spells out somewhere, found in one pass per pattern."""
    return {m.group(1) for pattern in _EXPLAINED for m in pattern.finditer(text)}


@check("GEN.readability", criterion="GEN-02", section="GEN")
def gen_readability(ctx: Context) -> Iterator[Finding]:
    """The plan is clear to the family: acronyms are spelt out on first use and sentences are not overlong."""
    explained = explained_acronyms(ctx.all_text)
    reported: set[str] = set()
    for sid in SECTION_IDS:
        for item in ctx.items(sid):
            if has_placeholder(item.text):
                continue  # "[INSERT]" is a placeholder, reported as such
            for m in _ACRONYM.finditer(item.text):
                acronym = m.group(1)
                base = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
                if base in _WELL_KNOWN or base in _CAPS_WORDS or base in reported or len(base) < 2:
                    continue
                reported.add(base)
                if base in explained:
                    continue
                yield ctx.finding(
                    "GEN.readability",
                    Severity.AMBER,
                    f"The abbreviation \u201c{base}\u201d is never explained.",
                    f"Spell out \u201c{base}\u201d in full the first time it is used, with the abbreviation in "
                    "brackets, or avoid it.",
                    item=item,
                    quote=_sentence_containing(item.text, m.start()),
                )
            if word_count(item.text) <= _LONG_SENTENCE:
                continue  # no sentence in it can be too long
            parts = item.block.cells if item.block.cells else (item.text,)
            for sentence in (s for part in parts for s in sentences(part)):
                if word_count(sentence) > _LONG_SENTENCE:
                    yield ctx.finding(
                        "GEN.readability",
                        Severity.AMBER,
                        f"A sentence of {word_count(sentence)} words is hard to follow.",
                        "Break it into short sentences of one idea each, in everyday words.",
                        item=item,
                        quote=sentence,
                    )


def _sentence_containing(text: str, position: int) -> str:
    consumed = 0
    for sentence in sentences(text):
        idx = text.find(sentence, consumed)
        if idx < 0:
            continue
        if idx <= position <= idx + len(sentence):
            return sentence
        consumed = idx + len(sentence)
    return text
