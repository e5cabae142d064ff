"""Turning a table (rows of cells) into table-row blocks that keep their column headers.

Outcome and provision tables carry their meaning in the columns (need, outcome, provision, how often, who), so each
row block keeps the header cells of its table. Tables rarely mark their header row, so it is recognised: a row the
author marked as a repeating header, an all-bold first row, or a first row of short cells using column words.
"""

from __future__ import annotations

import re

from ehcp_analysis.model import Block, BlockKind

HEADER_WORDS = re.compile(
    r"\b(need|needs|outcome|outcomes|provision|support|frequency|how often|who|by whom|delivered|staff|"
    r"intervention|strategies|resources|review|timescale|date|by when|area|section|name|role|type|"
    r"steps|what|when|where|responsible|hours|amount|aspiration|target)\b",
    re.IGNORECASE,
)


def table_blocks(rows: list[list[tuple[str, bool]]], *, header_marked: bool = False) -> list[Block]:
    """Blocks for one table; ``rows`` holds (text, bold) per cell."""
    out: list[Block] = []
    header: tuple[str, ...] = ()
    header_done = False
    for cells in rows:
        texts = tuple(c[0] for c in cells)
        if not any(t.strip() for t in texts):
            continue
        distinct = {t for t in texts if t.strip()}
        if len(distinct) == 1 and len(texts) > 1 and not header_done:
            # A merged title row ("Section F: Special educational provision") above the real header.
            only = next(iter(distinct))
            out.append(Block(kind=BlockKind.TABLE_ROW, text=only, cells=(only,), bold=all(c[1] for c in cells if c[0])))
            continue
        if not header_done:
            header_done = True
            if len(texts) > 1 and _is_header(cells, header_marked):
                header = texts
                out.append(
                    Block(
                        kind=BlockKind.TABLE_ROW,
                        text=" | ".join(texts),
                        cells=texts,
                        header=texts,
                        bold=True,
                        is_header_row=True,
                    )
                )
                continue
        row_bold = all(c[1] for c in cells if c[0].strip())
        out.append(Block(kind=BlockKind.TABLE_ROW, text=" | ".join(texts), cells=texts, header=header, bold=row_bold))
    for n, block in enumerate(out, start=1):
        block.row = n
    return out


def _is_header(cells: list[tuple[str, bool]], marked: bool) -> bool:
    if marked:
        return True
    texts = [c[0] for c in cells]
    if any(len(t) > 60 or "\n" in t for t in texts):
        return False
    if all(c[1] for c in cells if c[0].strip()):
        return True
    return sum(1 for t in texts if HEADER_WORDS.search(t)) >= max(2, len(texts) - 1)
