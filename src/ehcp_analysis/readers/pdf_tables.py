"""Table rows from PDF lines.

pdfium reads a table row by row, left to right, and joins the cells of one printed line with a generated space:
"E1  Cognition and learning  By July 2027, Tomasz will spell the". A generated space over a wide horizontal gap is a
cell boundary, so such a line splits into segments, each with its left edge. Consecutive lines whose segments (or,
for a wrapped cell, whose single segment) start at the table's column edges form one table; a drop of more than
about one and a half lines starts a new row (rows are padded, wrapped lines inside a cell are not); a new page
starts a new row too. Only lines much wider than their text are examined, so prose costs nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass

COLUMN_TOLERANCE = 3.0  # points between the left edges of text in the same column
ROW_DROP = 1.6  # a drop of more than this many font sizes below the row so far starts a new row
TABLE_END_DROP = 4.0  # a drop of this many font sizes ends the table


@dataclass(frozen=True)
class Segment:
    text: str
    left: float
    bold: bool


class TableLine:
    """What the table builder needs from a line (pdf.Line satisfies it)."""

    page: int
    text: str
    left: float
    bottom: float
    size: float
    bold: bool
    segments: tuple[Segment, ...]


def collect(lines: list[TableLine], start: int) -> tuple[list[list[tuple[str, bool]]], int]:
    """The rows of the table whose first line is ``lines[start]`` and the index of the first line after it.

    Each row is a list of (cell text, bold) in column order.
    """
    first = lines[start]
    size = first.size or 10.0
    lefts = [s.left for s in first.segments]
    rows: list[list[Segment]] = []
    row: list[Segment] = []
    row_bottom = first.bottom
    page = first.page
    j = start
    while j < len(lines):
        line = lines[j]
        segments = line.segments or (Segment(line.text, line.left, line.bold),)
        if j > start:
            if line.size != first.size:
                break
            if not line.segments and not _near(line.left, lefts):
                break
            if line.page == page and row_bottom - line.bottom > TABLE_END_DROP * size:
                break
            if line.page != page or row_bottom - line.bottom > ROW_DROP * size:
                rows.append(row)
                row = []
                row_bottom = line.bottom
        row.extend(segments)
        lefts.extend(s.left for s in line.segments)
        row_bottom = min(row_bottom, line.bottom)
        page = line.page
        j += 1
    rows.append(row)
    columns = _columns(lefts)
    out: list[list[tuple[str, bool]]] = []
    for segs in rows:
        texts: list[list[str]] = [[] for _ in columns]
        bolds: list[bool] = [True for _ in columns]
        for seg in segs:
            col = _column(seg.left, columns)
            texts[col].append(seg.text)
            bolds[col] = bolds[col] and seg.bold
        out.append([(" ".join(t), bool(t) and b) for t, b in zip(texts, bolds, strict=True)])
    return out, j


def _near(x: float, lefts: list[float]) -> bool:
    return any(abs(x - left) <= COLUMN_TOLERANCE for left in lefts)


def _columns(lefts: list[float]) -> list[float]:
    columns: list[float] = []
    for x in sorted(lefts):
        if not columns or x - columns[-1] > COLUMN_TOLERANCE:
            columns.append(x)
    return columns


def _column(x: float, columns: list[float]) -> int:
    best = 0
    for i, left in enumerate(columns):
        if left <= x + COLUMN_TOLERANCE:
            best = i
    return best
