"""PDF reader built on pdfium (pypdfium2): page text, then lines, then paragraphs.

A PDF has no paragraphs, styles or tables, only positioned text. pdfium gives the page text in reading order with
line breaks; for the first character of every line we ask where it sits and how big it is, which is enough to
rebuild paragraphs (a larger gap, a font change, a bullet or a heading ends one) and to spot running headers and
footers (the same line, digits aside, at the top or bottom of most pages). See ADR 0110.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers import errors
from ehcp_analysis.readers.limits import Limits
from ehcp_analysis.readers.ocr import available as ocr_available
from ehcp_analysis.readers.ocr import ocr_pdf
from ehcp_analysis.readers.pdf_tables import Segment, collect
from ehcp_analysis.readers.tables import table_blocks

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$|^-\s*#\s*-$")
_BULLET = re.compile(r"^(?:[-*\u2022\u25cf\u25aa\u25e6\u2013\uf0b7]|\d{1,2}[.)]|[a-z][.)])\s")
_ENDS_SENTENCE = (".", "!", "?", ":", ";")
# pdfium error codes (fpdfview.h)
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
_SAME_HEIGHT = 4.0  # points; a running header sits at the same height on every page
_CELL_GAP = 0.75  # a gap of this many font sizes between characters separates two cells
_EDGE_LINES = 2  # lines at the top and bottom of a page that may be running headers or footers


@dataclass
class Line:
    page: int  # 1-based
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    bold: bool
    segments: tuple[Segment, ...] = ()  # cells, when the line crosses table columns


def read_pdf(path: Path, limits: Limits, *, ocr: bool = False) -> tuple[list[Block], int, list[str], bool]:
    """Blocks, the page count, the distinct running header / footer lines left out, and whether OCR was used.

    A PDF without a text layer is a ``no-text`` error unless ``ocr`` is asked for and Tesseract is installed.
    """
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            errors.fail(errors.ENCRYPTED, "The PDF is password-protected. Remove the password and try again.")
        errors.fail(errors.CORRUPT, "The PDF is damaged or incomplete and cannot be opened.")
    try:
        n_pages = len(doc)
        if n_pages > limits.max_pages:
            errors.fail(errors.TOO_LARGE, f"The PDF has more than {limits.max_pages} pages.")
        pages = [_page_lines(doc, i, limits) for i in range(n_pages)]
    except pdfium.PdfiumError:
        errors.fail(errors.CORRUPT, "The PDF is damaged or incomplete: a page could not be read.")
    finally:
        doc.close()
    if n_pages and not any(line.text.strip() for page in pages for line in page):
        recognised = ocr_pdf(path, limits) if ocr else []
        if recognised:
            return recognised, n_pages, [], True
        hint = " Text recognition (Tesseract) is not installed." if ocr and not ocr_available() else ""
        errors.fail(errors.NO_TEXT, "The PDF has no text layer (it looks scanned or made of images)." + hint)
    furniture = _running_lines(pages)
    lines: list[Line] = []
    running: dict[str, None] = {}
    for page in pages:
        edge = {id(ln) for ln in _edge(page)}
        for ln in page:
            if id(ln) in edge and _key(ln.text) in furniture:
                running.setdefault(ln.text, None)
            else:
                lines.append(ln)
    return _paragraphs(lines), n_pages, list(running)[:50], False


def _page_lines(doc: pdfium.PdfDocument, index: int, limits: Limits) -> list[Line]:
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            if len(text) > limits.max_text_chars:
                errors.fail(errors.TOO_LARGE, "The PDF holds more text than a single plan could.")
            return list(_lines(textpage, text, index + 1))
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(textpage: pdfium.PdfTextPage, text: str, page_no: int) -> list[Line]:
    out: list[Line] = []
    # Character indexes of pdfium match positions in the decoded text (one code point per character, line breaks
    # included as generated characters); clamp in case a damaged font maps oddly.
    last_index = max(textpage.count_chars() - 1, 0)
    fonts: dict[int, bool] = {}
    pos = 0
    for piece in _LINE_BREAK.split(text):
        start = pos
        pos += len(piece) + 2  # the \r\n pdfium inserts
        content = piece.strip()
        if not content:
            continue
        lead = len(piece) - len(piece.lstrip())
        idx = min(start + lead, last_index)
        left, bottom, _r, top = textpage.get_charbox(idx, loose=True)
        last = min(idx + len(piece.rstrip()) - lead - 1, last_index)
        right = textpage.get_charbox(max(last, idx), loose=True)[2]
        size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, idx))
        bold = _is_bold(textpage, idx, fonts) if len(content) < 150 else False
        segments: tuple[Segment, ...] = ()
        # Cells are separate text runs: a line drawn as one run (most prose) skips the per-space look-ups.
        if size > 0 and pdfium_c.FPDFText_CountRects(textpage.raw, idx, last - idx + 1) > 1:
            segments = _segments(textpage, piece, start, left, size, bold, fonts)
        out.append(Line(page_no, " ".join(content.split()), left, right, bottom, top, round(size, 1), bold, segments))
    return out


def _segments(
    textpage: pdfium.PdfTextPage, piece: str, start: int, left: float, size: float, bold: bool, fonts: dict[int, bool]
) -> tuple[Segment, ...]:
    """Split a line at generated spaces that sit over a wide gap (between table cells)."""
    out: list[Segment] = []
    seg_start, seg_left, seg_bold = 0, left, bold
    for k, ch in enumerate(piece):
        if ch != " " or k == 0 or k == len(piece) - 1 or not pdfium_c.FPDFText_IsGenerated(textpage.raw, start + k):
            continue
        before = textpage.get_charbox(start + k - 1)
        after = textpage.get_charbox(start + k + 1)
        if after[0] - before[2] > _CELL_GAP * size:
            out.append(Segment(" ".join(piece[seg_start:k].split()), seg_left, seg_bold))
            seg_start, seg_left, seg_bold = k + 1, after[0], _is_bold(textpage, start + k + 1, fonts)
    if not out:
        return ()
    out.append(Segment(" ".join(piece[seg_start:].split()), seg_left, seg_bold))
    return tuple(s for s in out if s.text)


def _is_bold(textpage: pdfium.PdfTextPage, index: int, cache: dict[int, bool] | None = None) -> bool:
    """Whether the character's font is bold, looked up once per font (``cache`` is keyed by font handle)."""
    font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(textpage.raw, index))
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if cache is not None and key in cache:
        return cache[key]
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    if weight > 0:
        bold = bool(weight >= 600)
    else:
        # Standard fonts report no weight; their names say it ("Helvetica-Bold").
        flags = ctypes.c_int(0)
        buf = ctypes.create_string_buffer(128)
        n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, 128, ctypes.byref(flags))
        name = buf.raw[: max(0, min(n, 128) - 1)].decode("latin-1", "replace").lower()
        bold = "bold" in name or "black" in name or "heavy" in name
    if cache is not None and key:
        cache[key] = bold
    return bold


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def _edge(page: list[Line]) -> list[Line]:
    ordered = sorted(page, key=lambda ln: -ln.top)
    return ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:]


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """Keys of lines repeated at the top or bottom of most pages at the same height, and bare page numbers."""
    seen: dict[str, dict[int, float]] = {}
    numbers: set[str] = set()
    for page in pages:
        for ln in _edge(page):
            key = _key(ln.text)
            seen.setdefault(key, {}).setdefault(ln.page, ln.top)
            if _PAGE_NUMBER.match(key):
                numbers.add(key)
    if len(pages) < 2:
        return numbers
    needed = max(2, math.ceil(0.5 * len(pages)))
    out = set(numbers)
    for key, tops in seen.items():
        if len(tops) < needed:
            continue
        heights = sorted(tops.values())
        middle = heights[len(heights) // 2]
        if sum(1 for t in heights if abs(t - middle) <= _SAME_HEIGHT) >= needed:
            out.add(key)
    return out


def _paragraphs(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    pitch = _typical_pitch(lines)
    width_right = max((ln.right for ln in lines), default=0.0)
    body_size = _body_size(lines)
    current: list[Line] = []

    def flush() -> None:
        if current:
            first = current[0]
            text = " ".join(ln.text for ln in current)
            bold = all(ln.bold for ln in current)
            blocks.append(
                Block(kind=BlockKind.PARAGRAPH, text=_dehyphen(text), page=first.page, bold=bold, font_size=first.size)
            )
            current.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.segments:
            flush()
            rows, i = collect(lines, i)  # type: ignore[arg-type]
            table = table_blocks(rows)
            for block in table:
                block.page, block.font_size = line.page, line.size
            blocks.extend(table)
            continue
        if current and _breaks(current[-1], line, pitch, width_right, body_size):
            flush()
        current.append(line)
        i += 1
    flush()
    return blocks


def _body_size(lines: list[Line]) -> float:
    """The font size that carries the most characters."""
    chars: dict[float, int] = {}
    for ln in lines:
        chars[ln.size] = chars.get(ln.size, 0) + len(ln.text)
    return max(chars, key=lambda size: chars[size]) if chars else 0.0


def _typical_pitch(lines: list[Line]) -> dict[float, float]:
    """Per font size, the usual distance between the bottoms of two lines of the same paragraph."""
    gaps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page == b.page and a.size == b.size and a.size > 0:
            gap = a.bottom - b.bottom
            if 0.9 * a.size <= gap <= 2.2 * a.size:
                gaps.setdefault(a.size, []).append(gap)
    return {size: sorted(g)[len(g) // 4] for size, g in gaps.items() if g}


def _breaks(prev: Line, line: Line, pitch: dict[float, float], width_right: float, body_size: float) -> bool:
    if prev.size != line.size or prev.bold != line.bold:
        return True
    if _BULLET.match(line.text):
        return True
    room = width_right - prev.right  # space left at the end of the previous line
    if prev.page != line.page:
        # A paragraph runs over a page break when its last line there was full (the next word did not fit).
        # Headings (bold or larger than the body text) never do: the next page starts something new.
        if prev.bold or prev.size > body_size + 0.5:
            return True
        first_word = line.text.split(" ", 1)[0]
        return room > (len(first_word) + 1) * 0.6 * line.size or abs(prev.left - line.left) > 2
    gap = prev.bottom - line.bottom
    normal = pitch.get(line.size, 1.2 * line.size if line.size else 12.0)
    if gap > normal * 1.3 or gap < 0:
        return True
    if abs(prev.left - line.left) > 2 * max(line.size, 6) and not _BULLET.match(prev.text):
        return True
    # A line that stopped although the next word would have fitted ended its paragraph. Words are taken as wide
    # (0.6 em a character) so that only a clear case breaks.
    first_word = line.text.split(" ", 1)[0]
    return room > (len(first_word) + 1) * 0.6 * line.size


def _dehyphen(text: str) -> str:
    return text.replace("\u00ad ", "").replace("\u00ad", "").replace("\x02", "")
