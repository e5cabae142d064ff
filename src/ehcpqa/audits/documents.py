"""The plan's text by section for the auditor, with identity details masked (blind audit).

The text comes from the latest finished AnalysisRun's ``document`` JSON. That JSON belongs to the analysis app; this
reader accepts the shapes it may take (a list of sections or a mapping by section id; blocks as objects with ``text``
or as plain strings) and ignores anything it does not understand rather than failing the audit page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

MASK_NAME = "[name]"
MASK_DOB = "[date of birth]"
MASK_OFFICER = "[case officer]"


def _block_text(block: Any) -> str:
    if isinstance(block, str):
        return block
    if isinstance(block, dict):
        text = block.get("text")
        if isinstance(text, str):
            return text
        cells = block.get("cells")
        if isinstance(cells, list):
            return " | ".join(str(c) for c in cells)
    return ""


def _section_paragraphs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [p for p in value.split("\n") if p.strip()]
    if isinstance(value, dict):
        for key in ("blocks", "paragraphs"):
            if isinstance(value.get(key), list):
                return [t for t in (_block_text(b) for b in value[key]) if t.strip()]
        if isinstance(value.get("text"), str):
            return [p for p in value["text"].split("\n") if p.strip()]
    if isinstance(value, list):
        return [t for t in (_block_text(b) for b in value) if t.strip()]
    return []


def section_texts(document: Any) -> dict[str, list[str]]:
    """Section id -> paragraphs, from an AnalysisRun.document value. Empty when nothing could be read."""
    if not isinstance(document, dict):
        return {}
    sections = document.get("sections")
    out: dict[str, list[str]] = {}
    if isinstance(sections, dict):
        for sid, value in sections.items():
            out[str(sid)] = _section_paragraphs(value)
    elif isinstance(sections, list):
        for value in sections:
            if isinstance(value, dict) and value.get("id"):
                out[str(value["id"])] = _section_paragraphs(value)
    return out


def _date_patterns(dob: date) -> list[str]:
    day, month, year = dob.day, dob.month, dob.year
    month_name = dob.strftime("%B")
    month_short = dob.strftime("%b")
    return [
        rf"\b0?{day}[/.-]0?{month}[/.-]{year}\b",
        rf"\b{year}-{month:02d}-{day:02d}\b",
        rf"\b0?{day}(?:st|nd|rd|th)?\s+(?:{month_name}|{month_short})\.?,?\s+{year}\b",
        rf"\b(?:{month_name}|{month_short})\.?\s+0?{day}(?:st|nd|rd|th)?,?\s+{year}\b",
    ]


def _name_parts(names: Iterable[str]) -> list[str]:
    parts: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        parts.add(name)
        parts.update(p for p in re.split(r"[\s\-']+", name) if len(p) >= 2)
    # Longest first, so "Sam Smith" is masked whole before "Sam" alone.
    return sorted(parts, key=len, reverse=True)


def mask_identity(
    text: str, *, child_names: Iterable[str] = (), date_of_birth: date | None = None, officer_names: Iterable[str] = ()
) -> str:
    """Replace the child's names, date of birth and the case officer's names with neutral placeholders."""
    for part in _name_parts(officer_names):
        text = re.sub(rf"\b{re.escape(part)}\b", MASK_OFFICER, text, flags=re.IGNORECASE)
    for part in _name_parts(child_names):
        text = re.sub(rf"\b{re.escape(part)}\b", MASK_NAME, text, flags=re.IGNORECASE)
    if date_of_birth is not None:
        for pattern in _date_patterns(date_of_birth):
            text = re.sub(pattern, MASK_DOB, text, flags=re.IGNORECASE)
    return text
