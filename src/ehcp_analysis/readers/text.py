"""Plain-text reader.

Text plans come from copy-and-paste or export. Paragraphs are separated by blank lines or, when the file has no
blank lines at all, by line breaks. Rows written with ``|`` or tabs between cells become table rows; a
Markdown-style separator row (``|---|---|``) marks the row above it as a header.
"""

from __future__ import annotations

import codecs
import re

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers import errors
from ehcp_analysis.readers.limits import Limits
from ehcp_analysis.readers.tables import table_blocks

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_UNDERLINE = re.compile(r"^([=\-_~*])\1{2,}$")
_ATX = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_BULLET = re.compile(r"^(?:[-*\u2022\u25cf\u25aa\u2013]|\d{1,2}[.)]|[a-z][.)])\s+")


def decode(data: bytes) -> str:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                errors.fail(errors.CORRUPT, "The text file has damaged characters and cannot be read.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows exports are usually cp1252; latin-1 decodes any byte so nothing is lost.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def read_text(data: bytes, limits: Limits) -> list[Block]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if "\x00" in text:
        errors.fail(errors.UNSUPPORTED_FORMAT, "The file is not a plain text document.")
    lines = [ln.rstrip() for ln in text.split("\n")]
    has_blank_paragraphs = sum(1 for ln in lines if not ln.strip()) >= 2
    # A hard-wrapped paragraph has lines close to the wrap width; a shorter line ends a paragraph.
    width = min(max((len(ln) for ln in lines), default=0), 200)
    out: list[Block] = []
    table: list[list[tuple[str, bool]]] = []
    header_marked = False
    buffer: list[str] = []

    def flush_paragraph() -> None:
        if buffer:
            out.append(Block(kind=BlockKind.PARAGRAPH, text=" ".join(" ".join(buffer).split())))
            buffer.clear()

    def flush_table() -> None:
        nonlocal header_marked
        if table:
            out.extend(table_blocks(table, header_marked=header_marked))
            table.clear()
            header_marked = False

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush_paragraph()
            flush_table()
            continue
        if _SEPARATOR.match(stripped):
            header_marked = len(table) == 1
            continue
        if _UNDERLINE.match(stripped) and buffer and len(buffer) == 1:
            # "Title" over "=====" (or "-----"): how plain-text exports mark a heading.
            out.append(
                Block(kind=BlockKind.HEADING, text=" ".join(buffer[0].split()), level=1 if "=" in stripped else 2)
            )
            buffer.clear()
            continue
        if _UNDERLINE.match(stripped):
            flush_paragraph()
            continue  # a rule between parts of the document
        atx = _ATX.match(stripped)
        if atx:
            flush_paragraph()
            flush_table()
            out.append(Block(kind=BlockKind.HEADING, text=atx.group(2).strip(), level=len(atx.group(1))))
            continue
        cells = _cells(stripped)
        if cells is not None:
            flush_paragraph()
            table.append([(c, False) for c in cells])
            continue
        flush_table()
        # A new line starts a new paragraph when the file does not use blank lines, or at a bullet / heading.
        if buffer and _new_paragraph(buffer[-1], stripped, width, has_blank_paragraphs):
            flush_paragraph()
        buffer.append(stripped)
        if len(out) > limits.max_blocks:
            errors.fail(errors.TOO_LARGE, "The document has too many paragraphs to be a single plan.")
    flush_paragraph()
    flush_table()
    return out


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        parts = [p.strip() for p in line.split("\t")]
    elif line.count(" | ") >= 1 or (line.startswith("|") and line.endswith("|") and line.count("|") >= 3):
        parts = [p.strip() for p in line.strip("|").split("|")]
    else:
        return None
    return parts if sum(1 for p in parts if p) >= 2 else None


def _new_paragraph(prev: str, line: str, width: int, blank_lines_separate: bool) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (both non-empty)."""
    if _BULLET.match(line) or len(prev) < 0.6 * width:
        return True
    if blank_lines_separate:
        return False
    # No blank lines: a line is its own paragraph unless the one before was wrapped mid-sentence.
    return prev.endswith((".", "!", "?", ":")) and not line[:1].islower()
