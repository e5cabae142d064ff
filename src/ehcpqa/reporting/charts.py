"""Server-rendered SVG bar charts: no JavaScript, the same markup in the page and the PDF board pack.

A chart only repeats its table: the page always shows the table too, and the SVG says so in its accessible name.
"""

from __future__ import annotations

from html import escape

from ehcpqa.reporting.tables import Table

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
BAR_AREA = 340
VALUE_WIDTH = 110
# Dark blue passes 3:1 contrast for graphics against white (WCAG 1.4.11).
BAR_COLOUR = "#1d70b8"


def bar_chart(table: Table) -> str:
    if table.chart is None or not table.rows:
        return ""
    spec = table.chart
    items = []
    for row in table.rows[: spec.rows]:
        cell = row[spec.value_column]
        number = cell.value if cell.numeric and isinstance(cell.value, int | float) else None
        items.append((row[spec.label_column].display(), number, cell.display()))
    top = max((n for _, n, _ in items if n is not None), default=0) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="Bar chart: {escape(table.title)}. The same figures are in the table that follows.">'
    ]
    for index, (label, number, shown) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = 0 if number is None else max(1, round(BAR_AREA * float(number) / top)) if number else 0
        short = label if len(label) <= 38 else label[:36] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" font-size="13" '
            f'font-family="Arial, Liberation Sans, sans-serif" fill="#0b0c0c">{escape(short)}</text>'
        )
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>')
        parts.append(
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 15}" font-size="13" '
            f'font-family="Arial, Liberation Sans, sans-serif" fill="#0b0c0c">'
            f"{escape(shown)}{escape(spec.unit) if number is not None and spec.unit != '%' else ''}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
