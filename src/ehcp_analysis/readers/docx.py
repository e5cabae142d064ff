"""DOCX reader: paragraphs and table rows straight from ``word/document.xml``.

python-docx builds a Python object for every element it touches and is several times slower than walking the XML
with lxml, which is all we need: text, paragraph style, whether it is bold, and table structure. Headers and
footers live in other parts and so never mix with the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers import archive, errors, xmlsafe
from ehcp_analysis.readers.limits import Limits
from ehcp_analysis.readers.tables import table_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (
    W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
R, T, TAB, BR, CR, NB_HYPHEN = (W + t for t in ("r", "t", "tab", "br", "cr", "noBreakHyphen"))
PPR, RPR, PSTYLE, B, VAL, OUTLINE = (W + t for t in ("pPr", "rPr", "pStyle", "b", "val", "outlineLvl"))
TXBX = W + "txbxContent"
VANISH, MOVE_FROM = W + "vanish", W + "moveFrom"
TRPR, TBL_HEADER = W + "trPr", W + "tblHeader"
FALSE_VALUES = ("0", "false", "off")
_HEADER_PART = re.compile(r"^word/(?:header|footer)\d*\.xml$")
_MAX_HEADER_PARTS = 12


@dataclass
class StyleInfo:
    name: str
    level: int | None  # heading level, 1-based
    bold: bool


def read_docx(path: Path, limits: Limits) -> list[Block]:
    return read_docx_parts(path, limits)[0]


def read_docx_parts(path: Path, limits: Limits) -> tuple[list[Block], list[str]]:
    """The body blocks, and the text of the page headers and footers (kept apart: they are not content)."""
    zf = archive.open_archive(path, limits)
    with zf:
        data = archive.read_part(zf, "word/document.xml", limits)
        styles_xml = archive.read_part(zf, "word/styles.xml", limits, required=False)
        furniture = [
            archive.read_part(zf, name, limits, required=False)
            for name in sorted(zf.namelist())
            if _HEADER_PART.match(name)
        ][:_MAX_HEADER_PARTS]
    assert data is not None
    styles = _styles(styles_xml) if styles_xml else {}
    root = xmlsafe.parse(data)
    body = root.find(W + "body")
    if body is None:
        errors.fail(errors.CORRUPT, "The Word document has no body text part.")
    _drop_fallbacks(root)
    hosted = _detach_text_boxes(root)
    out: list[Block] = []
    _walk(body, styles, hosted, out, limits)
    running: dict[str, None] = {}
    for part in furniture:
        if part:
            for p in xmlsafe.parse(part).iter(P):
                text = _paragraph_text(p, styles)[0]
                if text:
                    running.setdefault(text, None)
    return out, list(running)


def _styles(data: bytes) -> dict[str, StyleInfo]:
    root = xmlsafe.parse(data)
    raw: dict[str, tuple[str, int | None, bool | None, str | None]] = {}
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId")
        if not sid:
            continue
        name_el = st.find(W + "name")
        name = name_el.get(VAL, sid) if name_el is not None else sid
        level = _heading_level(name)
        outline = st.find(f"{PPR}/{OUTLINE}")
        if level is None and outline is not None and (outline.get(VAL) or "").isdigit():
            level = int(outline.get(VAL) or 0) + 1
        b = st.find(f"{RPR}/{B}")
        bold = None if b is None else b.get(VAL, "1").lower() not in FALSE_VALUES
        based = st.find(W + "basedOn")
        raw[sid] = (name, level, bold, based.get(VAL) if based is not None else None)
    out: dict[str, StyleInfo] = {}
    for sid, (name, level, _bold, _based) in raw.items():
        # Follow basedOn for bold only; a heading level is not inherited (Heading 1 is the base of many styles).
        bold_val: bool | None = None
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur in raw and cur not in seen and bold_val is None:
            seen.add(cur)
            bold_val = raw[cur][2]
            cur = raw[cur][3]
        out[sid] = StyleInfo(name=name, level=level, bold=bool(bold_val))
    return out


def _heading_level(name: str) -> int | None:
    low = name.lower().strip()
    if low == "title":
        return 1
    if low.startswith("heading"):
        rest = low[7:].strip()
        return int(rest) if rest.isdigit() else 1
    return None


def _drop_fallbacks(root: etree._Element) -> None:
    # Alternate content repeats the same text twice (modern and fallback rendering); keep the modern one.
    for fb in list(root.iter(MC_FALLBACK)):
        parent = fb.getparent()
        if parent is not None:
            parent.remove(fb)


def _detach_text_boxes(root: etree._Element) -> dict[etree._Element, list[etree._Element]]:
    """Remove text boxes from their host paragraphs; they are read as paragraphs after the host."""
    hosted: dict[etree._Element, list[etree._Element]] = {}
    boxes = list(root.iter(TXBX))
    for box in boxes:
        host = box.getparent()
        while host is not None and host.tag != P:
            host = host.getparent()
        parent = box.getparent()
        if parent is not None:
            parent.remove(box)
        if host is not None:
            hosted.setdefault(host, []).append(box)
    return hosted


def _walk(
    container: etree._Element,
    styles: dict[str, StyleInfo],
    hosted: dict[etree._Element, list[etree._Element]],
    out: list[Block],
    limits: Limits,
) -> None:
    for el in container:
        tag = el.tag
        if tag == P:
            block = _paragraph(el, styles)
            if block is not None:
                out.append(block)
            for box in hosted.get(el, ()):
                _walk(box, styles, hosted, out, limits)
        elif tag == TBL:
            rows = [_row_cells(tr, styles) for tr in _rows(el)]
            out.extend(table_blocks(rows, header_marked=_header_marked(el)))
        elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            _walk(
                el.find(SDT_CONTENT) if tag == SDT and el.find(SDT_CONTENT) is not None else el,
                styles,
                hosted,
                out,
                limits,
            )
        if len(out) > limits.max_blocks:
            errors.fail(errors.TOO_LARGE, "The document has too many paragraphs to be a single plan.")


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return [tr for tr in tbl.iter(TR) if _owner_table(tr) is tbl]


def _owner_table(el: etree._Element) -> etree._Element | None:
    cur = el.getparent()
    while cur is not None and cur.tag != TBL:
        cur = cur.getparent()
    return cur


def _header_marked(tbl: etree._Element) -> bool:
    first = next(iter(_rows(tbl)), None)
    return first is not None and first.find(f"{TRPR}/{TBL_HEADER}") is not None


def _row_cells(tr: etree._Element, styles: dict[str, StyleInfo]) -> list[tuple[str, bool]]:
    """(text, bold) of each cell; a nested table's text is folded into its cell."""
    cells: list[tuple[str, bool]] = []
    for tc in tr.iter(TC):
        if tc.getparent() is not tr and _owner_row(tc) is not tr:
            continue
        texts: list[str] = []
        bold = True
        for p in tc.iter(P):
            text, p_bold = _paragraph_text(p, styles)
            if text:
                texts.append(text)
                bold = bold and p_bold
        cells.append(("\n".join(texts), bold and bool(texts)))
    return cells


def _owner_row(el: etree._Element) -> etree._Element | None:
    cur = el.getparent()
    while cur is not None and cur.tag != TR:
        cur = cur.getparent()
    return cur


def _paragraph(p: etree._Element, styles: dict[str, StyleInfo]) -> Block | None:
    text, bold = _paragraph_text(p, styles)
    if not text:
        return None
    style_name: str | None = None
    level: int | None = None
    ppr = p.find(PPR)
    if ppr is not None:
        ps = ppr.find(PSTYLE)
        if ps is not None:
            info = styles.get(ps.get(VAL) or "")
            style_name = info.name if info else ps.get(VAL)
            level = info.level if info else _heading_level(style_name or "")
        outline = ppr.find(OUTLINE)
        if outline is not None and (outline.get(VAL) or "").isdigit() and int(outline.get(VAL) or 0) < 9:
            level = int(outline.get(VAL) or 0) + 1
    kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
    return Block(kind=kind, text=text, style=style_name, bold=bold, level=level)


def _paragraph_text(p: etree._Element, styles: dict[str, StyleInfo]) -> tuple[str, bool]:
    """The visible text of a paragraph and whether all of it is bold."""
    style_bold = False
    ppr = p.find(PPR)
    if ppr is not None:
        ps = ppr.find(PSTYLE)
        if ps is not None:
            info = styles.get(ps.get(VAL) or "")
            style_bold = bool(info and info.bold)
    parts: list[str] = []
    all_bold = True
    for r in p.iter(R):
        run_text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == T:
                run_text.append(child.text or "")
            elif tag == TAB:
                run_text.append("\t")
            elif tag in (BR, CR):
                run_text.append("\n")
            elif tag == NB_HYPHEN:
                run_text.append("-")
        if not run_text:
            continue
        rpr = r.find(RPR)
        if rpr is not None and _on(rpr.find(VANISH)):
            continue  # hidden text (template guidance, for instance) is not what the reader of the plan sees
        parent = r.getparent()
        if parent is not None and parent.tag == MOVE_FROM:
            continue  # tracked move: the text is shown where it moved to
        joined = "".join(run_text)
        parts.append(joined)
        if joined.strip() and all_bold:
            b = rpr.find(B) if rpr is not None else None
            all_bold = style_bold if b is None else _on(b)
    text = " ".join("".join(parts).split())
    return text, all_bold and bool(text)


def _on(el: etree._Element | None) -> bool:
    """A present on/off property (``<w:b/>``, ``<w:vanish w:val="0"/>``) is on unless its value says off."""
    return el is not None and (el.get(VAL) or "1").lower() not in FALSE_VALUES
