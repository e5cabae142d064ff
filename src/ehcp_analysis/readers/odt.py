"""OpenDocument text (ODT) reader: headings, paragraphs, lists and tables from ``content.xml``."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers import archive, errors, xmlsafe
from ehcp_analysis.readers.limits import Limits
from ehcp_analysis.readers.tables import table_blocks

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
H, P, LIST, LIST_ITEM, SECTION, S, TAB, LINE_BREAK = (
    TEXT + t for t in ("h", "p", "list", "list-item", "section", "s", "tab", "line-break")
)
TBL, ROW, CELL, HEADER_ROWS, ROWS = (
    TABLE + t for t in ("table", "table-row", "table-cell", "table-header-rows", "table-rows")
)


def read_odt(path: Path, limits: Limits) -> list[Block]:
    zf = archive.open_archive(path, limits)
    with zf:
        data = archive.read_part(zf, "content.xml", limits)
    assert data is not None
    root = xmlsafe.parse(data)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        errors.fail(errors.CORRUPT, "The OpenDocument file has no text body.")
    out: list[Block] = []
    _walk(body, out, limits)
    return out


def _walk(container: etree._Element, out: list[Block], limits: Limits) -> None:
    for el in container:
        if el.tag in (H, P):
            text = _text(el)
            if text:
                level = el.get(TEXT + "outline-level")
                is_heading = el.tag == H
                out.append(
                    Block(
                        kind=BlockKind.HEADING if is_heading else BlockKind.PARAGRAPH,
                        text=text,
                        level=int(level) if is_heading and level and level.isdigit() else (1 if is_heading else None),
                    )
                )
        elif el.tag in (LIST, LIST_ITEM, SECTION):
            _walk(el, out, limits)
        elif el.tag == TBL:
            header_rows = el.find(HEADER_ROWS)
            rows = [[(_cell_text(c), False) for c in r.iter(CELL)] for r in el.iter(ROW)]
            out.extend(table_blocks(rows, header_marked=header_rows is not None))
        if len(out) > limits.max_blocks:
            errors.fail(errors.TOO_LARGE, "The document has too many paragraphs to be a single plan.")


def _cell_text(cell: etree._Element) -> str:
    return "\n".join(t for t in (_text(p) for p in cell.iter(P, H)) if t)


def _text(el: etree._Element) -> str:
    parts: list[str] = []
    _collect(el, parts)
    return " ".join("".join(parts).split())


def _collect(el: etree._Element, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == S:
            count = child.get(TEXT + "c", "1") or "1"
            parts.append(" " * (min(int(count), 100) if count.isdigit() else 1))
        elif child.tag in (TAB, LINE_BREAK):
            parts.append(" ")
        elif child.tag not in (P, H, TBL):
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
