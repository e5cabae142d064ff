"""Plan details from the front matter: child's name, date of birth, year group, plan and review dates, status.

Plans put these in a details table before section A ("Name | Amara Okafor"), in "Label: value" lines, in the
title ("DRAFT Education, Health and Care Plan") or in a running header. Labels vary, so they are matched as
phrases; values are parsed leniently (UK dates day-first). Nothing here is required: a missing value stays None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from ehcp_analysis.model import Block, BlockKind, PlanMetadata
from ehcp_analysis.sections import normalise

# Normalised label -> field. Longer labels are tried first so "date of last review" is not read as a plan date.
LABELS: dict[str, str] = {
    "name": "child_name",
    "full name": "child_name",
    "child's name": "child_name",
    "childs name": "child_name",
    "name of child": "child_name",
    "child name": "child_name",
    "name of child or young person": "child_name",
    "child or young person's name": "child_name",
    "child young person's name": "child_name",
    "child young person name": "child_name",
    "young person's name": "child_name",
    "name of young person": "child_name",
    "legal name": "child_name",
    "date of birth": "date_of_birth",
    "dob": "date_of_birth",
    "d o b": "date_of_birth",
    "birth date": "date_of_birth",
    "year group": "year_group",
    "current year group": "year_group",
    "national curriculum year": "year_group",
    "national curriculum year group": "year_group",
    "nc year": "year_group",
    "nc year group": "year_group",
    "school year": "year_group",
    "plan date": "plan_date",
    "date of plan": "plan_date",
    "date of this plan": "plan_date",
    "date plan issued": "plan_date",
    "date issued": "plan_date",
    "date of issue": "plan_date",
    "issue date": "plan_date",
    "date of final plan": "plan_date",
    "date plan finalised": "plan_date",
    "date finalised": "plan_date",
    "date of ehc plan": "plan_date",
    "date of ehcp": "plan_date",
    "ehcp date": "plan_date",
    "date final plan issued": "plan_date",
    "date of draft plan": "plan_date",
    "date of amended plan": "plan_date",
    "last review": "last_review_date",
    "last review date": "last_review_date",
    "date of last review": "last_review_date",
    "last annual review": "last_review_date",
    "date of last annual review": "last_review_date",
    "last annual review date": "last_review_date",
    "date of most recent review": "last_review_date",
    "most recent annual review": "last_review_date",
    "annual review date": "last_review_date",
    "date of annual review": "last_review_date",
    "status": "plan_status",
    "plan status": "plan_status",
    "plan type": "plan_status",
    "type of plan": "plan_status",
    "looked after": "looked_after",
    "looked after child": "looked_after",
    "child looked after": "looked_after",
    "is the child looked after": "looked_after",
    "cla": "looked_after",
    "lac": "looked_after",
    "school": "setting",
    "current school": "setting",
    "setting": "setting",
    "current setting": "setting",
    "school or setting": "setting",
    "current school or setting": "setting",
    "education setting": "setting",
    "current placement": "setting",
}
MONTHS = {
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
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_US_WORD_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_YEAR = re.compile(r"(?i)\b(?:year|yr|y)\s*(\d{1,2})\b|^\s*(\d{1,2})\s*$")
_STATUS = re.compile(r"(?i)\b(draft|final|finalised|amended|interim)\b")
_TITLE_STATUS = re.compile(
    r"(?i)\b(draft|final|amended)\b[^.]{0,40}\b(?:plan|ehcp|ehc)\b|\b(?:ehc|ehcp)\s+plan\s*[-:(]\s*(draft|final|amended)"
)
_KEY_VALUE = re.compile(r"^\s*([^:]{2,60}?)\s*[:\u2013\u2014]\s*(.+)$")


# Any known label followed by a colon, wherever it is in a line (punctuation between its words is allowed).
_LABELLED = re.compile(
    r"(?i)(?<![\w'])("
    + "|".join(r"\W*".join(map(re.escape, label.split())) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*:\s*"
)


def extract(front: list[Block], placed: Iterable[Block] = (), running: Iterable[str] = ()) -> PlanMetadata:
    meta = PlanMetadata()
    found: dict[str, str] = {}
    for label, value in _pairs(front):
        field_name = _field(label)
        if field_name and value.strip() and field_name not in found:
            found[field_name] = value.strip()
    # Fall back to running headers, then the first placed blocks, for anything not in the front matter. A "Name:"
    # inside the sections is too often someone else's (a parent, a professional) to be taken for the child's.
    for label, value in _pairs([Block(kind=BlockKind.PARAGRAPH, text=t) for t in running]):
        field_name = _field(label)
        if field_name and value.strip() and field_name not in found:
            found[field_name] = value.strip()
    head = [b for _, b in zip(range(80), placed, strict=False)]
    for label, value in _pairs(head):
        field_name = _field(label)
        if field_name and value.strip() and field_name not in found and field_name != "child_name":
            found[field_name] = value.strip()
    meta.child_name = _name(found.get("child_name"))
    meta.date_of_birth = parse_date(found.get("date_of_birth", ""))
    meta.year_group = parse_year_group(found.get("year_group", ""))
    meta.plan_date = parse_date(found.get("plan_date", ""))
    meta.last_review_date = parse_date(found.get("last_review_date", ""))
    meta.plan_status = _status(found.get("plan_status", "")) or _title_status(front, running)
    meta.looked_after = _yes_no(found.get("looked_after", ""))
    meta.setting = found.get("setting") or None
    return meta


def _pairs(blocks: Iterable[Block]) -> Iterator[tuple[str, str]]:
    for b in blocks:
        if b.kind == BlockKind.TABLE_ROW:
            cells = [c.strip() for c in b.cells]
            if len(cells) == 2:
                # Two columns are label and value, even when the first row was taken for a header.
                yield cells[0].rstrip(":"), cells[1]
                continue
            if b.is_header_row:
                continue
            if b.header and len(b.header) == len(cells):
                yield from zip(b.header, cells, strict=False)
                continue
            for i in range(0, len(cells) - 1, 2):
                yield cells[i].rstrip(":"), cells[i + 1]
            for cell in cells:  # a "Label: value" inside one cell
                m = _KEY_VALUE.match(cell)
                if m:
                    yield m.group(1), m.group(2)
        else:
            for line in b.text.split("\n"):
                labelled = list(_LABELLED.finditer(line))
                if len(labelled) > 1:
                    # Several details on one line: "Name: Leo Harris   DOB: 02/02/2015".
                    for m, nxt in zip(labelled, labelled[1:] + [None], strict=True):
                        yield m.group(1), line[m.end() : nxt.start() if nxt else len(line)]
                    continue
                m = _KEY_VALUE.match(line)
                if m:
                    yield m.group(1), m.group(2)


def _field(label: str) -> str | None:
    return LABELS.get(normalise(label))


def _name(value: str | None) -> str | None:
    if not value:
        return None
    name = " ".join(value.split())
    return name if 1 < len(name) <= 80 and not any(ch.isdigit() for ch in name) else None


def parse_date(text: str) -> date | None:
    """The first date in ``text``, read day-first (UK) for numeric dates; None when there is none."""
    if not text:
        return None
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = m.groups()
        if len(a) == 4:
            y, mo, d = int(a), int(b), int(c)
        else:
            d, mo, y = int(a), int(b), int(c)
            if len(c) == 2:
                y += 2000 if y < 50 else 1900
        got = _date(y, mo, d)
        if got:
            return got
    for m in _WORD_DATE.finditer(text):
        month = MONTHS.get(m.group(2).lower())
        got = _date(int(m.group(3)), month, int(m.group(1))) if month else None
        if got:
            return got
    for m in _US_WORD_DATE.finditer(text):
        month = MONTHS.get(m.group(1).lower())
        got = _date(int(m.group(3)), month, int(m.group(2))) if month else None
        if got:
            return got
    return None


def _date(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_year_group(text: str) -> int | None:
    """England National Curriculum year: Reception 0, Nursery -1, younger early years -2, Year 1-13, then 14+."""
    low = text.strip().lower()
    if not low:
        return None
    if low.startswith(("reception", "yr r", "year r")) or low in ("r", "rec"):
        return 0
    if low.startswith(("early years", "pre-school", "preschool")):
        return -2
    if low.startswith("nursery"):
        return -1
    m = _YEAR.search(low)
    if m:
        n = int(m.group(1) or m.group(2))
        return n if 0 <= n <= 20 else None
    return None


def _status(text: str) -> str | None:
    """ "draft" wins over "amended", which wins over "final": "Final (amended after review)" is an amended plan."""
    words = {m.group(1).lower() for m in _STATUS.finditer(text)}
    for word, status in (("draft", "draft"), ("interim", "draft"), ("amended", "amended"), ("final", "final")):
        if word in words or (word == "final" and "finalised" in words):
            return status
    return None


def _title_status(front: list[Block], running: Iterable[str]) -> str | None:
    for text in [b.text for b in front[:15]] + list(running):
        m = _TITLE_STATUS.search(text)
        if m:
            return (m.group(1) or m.group(2)).lower()
    return None


def _yes_no(text: str) -> bool | None:
    low = text.strip().lower()
    if low.startswith(("yes", "y ", "true")) or low == "y":
        return True
    if low.startswith(("no", "n ", "false", "not ")) or low == "n":
        return False
    return None
