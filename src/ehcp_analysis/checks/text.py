"""Text utilities shared by the checks: items, sentences, dates, quantities.

Every pattern is compiled once at import time because the whole pipeline must handle many plans per second.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any

# A word-start pattern can only match where some word of the text begins with one of its leading literals. Those
# literals, cut to this length, let a cheap look-up over a text's words skip the pattern entirely (see ``CI``).
_GATE = 4
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def word_starts(low: str) -> frozenset[str]:
    """The first 1 to 4 characters of every word of lower-cased ``low``: what ``CI.could_match`` looks up."""
    words = set(_WORDS.findall(low))
    return frozenset({w[:1] for w in words} | {w[:2] for w in words} | {w[:3] for w in words} | {w[:4] for w in words})


def _leading(items: Any) -> tuple[set[str], bool] | None:
    """The literal strings a parsed pattern sequence can start with, and whether each is its whole match.

    ``None`` when the start is not a known literal (a character class, a wildcard), so no gate is possible.
    """
    pre = {""}
    items = list(items)
    for index, (op, av) in enumerate(items):
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0 and pre == {""}:
            # an optional start: the match begins either with it or with what follows
            optional, rest = _leading(av[2]), _leading(items[index + 1 :])
            if optional is None or rest is None:
                return None
            return optional[0] | rest[0], False
        if op is _sre.LITERAL:
            if not chr(av).isalnum():
                return pre, False  # a word ends here; what follows is not part of the first word
            pre = {p + chr(av) for p in pre}
            continue
        sub: tuple[set[str], bool] | None
        if op is _sre.IN and all(o is _sre.LITERAL and chr(a).isalnum() for o, a in av):
            sub = ({chr(a) for _o, a in av}, True)
        elif op is _sre.SUBPATTERN:
            sub = _leading(av[-1])
        elif op is _sre.BRANCH:
            parts = [_leading(branch) for branch in av[1]]
            if any(part is None for part in parts):
                sub = None
            else:
                sub = (set().union(*(p[0] for p in parts if p)), all(p[1] for p in parts if p))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            inner = _leading(av[2])
            sub = None if inner is None else (inner[0], False)
        else:
            sub = None
        if sub is None or "" in sub[0]:
            return (pre, False) if pre != {""} else None
        pre = {p + q for p in pre for q in sub[0]}
        if not sub[1]:
            return pre, False
    return pre, True


def _gate(pattern: str, flags: int) -> frozenset[str] | None:
    """Leading literals (cut to ``_GATE`` characters) of a pattern anchored at a word start, or ``None``."""
    if flags & (re.I | re.M | re.S | re.X):
        return None
    try:
        parsed = list(_sre_parse.parse(pattern))
    except re.error:
        return None
    if not parsed or parsed[0] != (_sre.AT, _sre.AT_BOUNDARY):
        return None
    lead = _leading(parsed[1:])
    if lead is None or "" in lead[0]:
        return None
    return frozenset(p[:_GATE] for p in lead[0])


class CI:
    """A case-insensitive pattern, matched against lower-cased text.

    CPython's ``re.IGNORECASE`` is several times slower than matching lower-cased text with a lower-case pattern,
    and these patterns run over every plan, so they lower-case instead. Match texts come back in lower case.

    Long word lists (``\\b(?:word|word|...)``) cost about the same on every character of the text, so a pattern that
    starts at a word boundary also keeps the set of its leading literals: ``could_match`` rules it out without
    running it when no word of the text starts that way.
    """

    __slots__ = ("regex", "gate")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        # lower-case literal letters (not escapes such as \\b or \\W) so they match the lower-cased text
        lowered = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), pattern)
        self.regex = re.compile(lowered, flags & ~re.I)
        self.gate = _gate(lowered, flags & ~re.I)

    def could_match(self, starts: frozenset[str]) -> bool:
        """False when the pattern cannot match a text whose ``word_starts`` are ``starts``."""
        return self.gate is None or not self.gate.isdisjoint(starts)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text.lower())

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text.lower())

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text.lower())

    def findall(self, text: str) -> list[Any]:
        return self.regex.findall(text.lower())

    def sub(self, replacement: str, text: str) -> str:
        return self.regex.sub(replacement, text.lower())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013\u00b7]|\(?[a-z0-9]{1,2}[.)])\s+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def normalise(text: str) -> str:
    """Lower case, single spaces, straight quotes: the form used to compare texts."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", text).strip().lower()


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


_ABBREVIATION_END = re.compile(r"\b(?:e\.g|i\.e|etc|approx|Dr|Mr|Mrs|Ms|no)\.$", re.I)


def sentences(text: str) -> list[str]:
    """Split prose into sentences; abbreviations such as "e.g." stay inside their sentence."""
    return list(_sentences(text))


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    # several checks split the same items; cached for the document being checked (see clear_caches)
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = _SENTENCE_END.split(line)
        # re-join splits made straight after common abbreviations
        merged: list[str] = []
        for part in parts:
            if merged and _ABBREVIATION_END.search(merged[-1]):
                merged[-1] = merged[-1] + " " + part
            else:
                merged.append(part)
        out.extend(p.strip() for p in merged if p.strip())
    return tuple(out)


def clear_caches() -> None:
    """Forget the cached splits: they help within one document, whose items several checks read, not across."""
    _sentences.cache_clear()
    word_starts.cache_clear()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# ---------------------------------------------------------------------------------------------------------------
# Dates
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_LONG = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
DATE_SEASON = re.compile(r"\b(spring|summer|autumn|winter)(?:\s+term)?\s+(\d{4})\b", re.I)
_SEASON_END = {"spring": (4, 1), "summer": (7, 20), "autumn": (12, 15), "winter": (2, 28)}


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[date]:
    """Every date written in ``text``, in order of the pattern kinds (ISO, UK numeric, long form, season)."""
    found: list[date] = []
    spans: list[tuple[int, int]] = []
    for m in DATE_ISO.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append(d)
            spans.append(m.span())
    for m in DATE_NUMERIC.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        d = _safe_date(year, int(m.group(2)), int(m.group(1)))  # UK order: day/month/year
        if d:
            found.append(d)
    for m in DATE_LONG.finditer(text):
        day = int(m.group(1)) if m.group(1) else None
        month = _MONTHS[m.group(2).lower()]
        year = int(m.group(3))
        d = _safe_date(year, month, day if day is not None else 28)  # "July 2026" means by the end of July
        if d:
            found.append(d)
    for m in DATE_SEASON.finditer(text):
        month, day = _SEASON_END[m.group(1).lower()]
        d = _safe_date(int(m.group(2)), month, day)
        if d:
            found.append(d)
    return found


def years_between(earlier: date, later: date) -> float:
    return (later - earlier).days / 365.25


def school_year_of(day: date, year_group: int, reference: date) -> int:
    """The year group a child in ``year_group`` on ``reference`` will be in on ``day`` (England, September start)."""

    def academic_start(d: date) -> int:
        return d.year if d.month >= 9 else d.year - 1

    return year_group + academic_start(day) - academic_start(reference)


def year_group_from_birth(dob: date, on: date) -> int:
    """England: a child born September Y-1 to August Y starts Reception (0) in September Y+4."""
    cohort = dob.year if dob.month < 9 else dob.year + 1
    start = on.year if on.month >= 9 else on.year - 1
    return start - cohort - 4
