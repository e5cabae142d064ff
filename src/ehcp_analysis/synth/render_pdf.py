"""PDF written directly: A4 pages, the standard Helvetica fonts, text wrapped with fpdf2's metrics for them.

fpdf2 itself takes about 0.8 s for a 19-page plan, which would put 2,000 plans at over ten minutes on two cores;
the plans need only text, lines and page breaks, which a small writer produces in a few milliseconds. Each page
carries a running header ("EHCP – reference – page N") and a footer, as council plans do, for readers to ignore.
No dates or random IDs are written, so the same plan gives the same bytes.
"""

from __future__ import annotations

import zlib

from fpdf.fonts import CORE_FONTS_CHARWIDTHS

from ehcp_analysis.synth.types import SyntheticPlan, TruthBlock, column_weights

PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_X, TOP, BOTTOM = 66.0, 790.0, 70.0
BODY, BODY_LEAD = 12.0, 18.0
SIZES = {1: 16.0, 2: 13.0}
CELL_SIZE, CELL_LEAD, CELL_PAD = 9.5, 12.5, 4.0
WIDTHS = {"F1": CORE_FONTS_CHARWIDTHS["helvetica"], "F2": CORE_FONTS_CHARWIDTHS["helveticaB"]}


def _encode(text: str) -> str:
    """cp1252 as latin-1 code points, the key space of the width tables and of WinAnsiEncoding."""
    return text.encode("cp1252", "replace").decode("latin-1")


def _width(text: str, font: str, size: float) -> float:
    table = WIDTHS[font]
    return sum(table.get(ch, 556) for ch in text) * size / 1000


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and _width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def _literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class _Pages:
    def __init__(self, running: str, footer: str) -> None:
        self.pages: list[list[str]] = []
        self.running = running
        self.footer = footer
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        number = len(self.pages) + 1
        ops = [
            f"BT /F1 8 Tf {MARGIN_X:.1f} 815 Td ({_literal(_encode(f'{self.running} – page {number}'))}) Tj ET",
            f"BT /F1 8 Tf {MARGIN_X:.1f} 40 Td ({_literal(_encode(self.footer))}) Tj ET",
            f"0.6 w {MARGIN_X:.1f} 808 m {PAGE_W - MARGIN_X:.1f} 808 l S",
        ]
        self.pages.append(ops)
        self.y = TOP

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM and self.y < TOP:
            self.new_page()

    def text(self, x: float, y: float, font: str, size: float, line: str) -> None:
        self.pages[-1].append(f"BT /{font} {size:.1f} Tf {x:.2f} {y:.2f} Td ({_literal(line)}) Tj ET")

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.pages[-1].append(f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")

    def paragraph(self, text: str, font: str, size: float, lead: float, space_after: float) -> None:
        for line in _wrap(_encode(text), font, size, PAGE_W - 2 * MARGIN_X):
            self.need(lead)
            self.y -= lead
            self.text(MARGIN_X, self.y, font, size, line)
        self.y -= space_after

    def table(self, rows: list[TruthBlock]) -> None:
        header = rows[0].header
        ncols = len(header) or max(len(r.cells) for r in rows)
        widths = [w * (PAGE_W - 2 * MARGIN_X) for w in column_weights(header, ncols)]
        lefts = [MARGIN_X + sum(widths[:i]) for i in range(ncols + 1)]
        all_rows = ([(header, "F2")] if header else []) + [(r.cells, "F1") for r in rows]
        self.y -= 6
        for cells, font in all_rows:
            wrapped = [_wrap(_encode(c), font, CELL_SIZE, widths[i] - 2 * CELL_PAD) for i, c in enumerate(cells)]
            height = max(len(w) for w in wrapped) * CELL_LEAD + 2 * CELL_PAD
            if self.y - height < BOTTOM:
                self.new_page()
            top = self.y
            for i, lines in enumerate(wrapped):
                x = lefts[i] + CELL_PAD
                for j, line in enumerate(lines):
                    self.text(x, top - CELL_PAD - (j + 1) * CELL_LEAD + 3, font, CELL_SIZE, line)
            bottom = top - height
            self.line(MARGIN_X, top, PAGE_W - MARGIN_X, top)
            self.line(MARGIN_X, bottom, PAGE_W - MARGIN_X, bottom)
            for x in lefts:
                self.line(x, top, x, bottom)
            self.y = bottom
        self.y -= 10


def _layout_pages(plan: SyntheticPlan) -> list[list[str]]:
    reference = str(plan.metadata.get("reference", ""))
    pages = _Pages(f"EHCP – {reference}", f"{plan.council} – Official Sensitive: contains personal information")
    rows: list[TruthBlock] = []

    def flush() -> None:
        if rows:
            pages.table(list(rows))
            rows.clear()

    for block in plan.blocks:
        if block.kind == "table_row":
            if rows and rows[-1].header != block.header:
                flush()
            rows.append(block)
            continue
        flush()
        if block.kind == "heading":
            if plan.layout.page_per_section and block.level == 1 and block.section is not None:
                pages.new_page()
            pages.need(60)  # keep a heading with the text after it
            pages.y -= 8
            pages.paragraph(block.text, "F2", SIZES.get(block.level, 13.0), SIZES.get(block.level, 13.0) + 5, 4)
        else:
            pages.paragraph(block.text, "F1", BODY, BODY_LEAD, 7)
    flush()
    return pages.pages


def render_pdf(plan: SyntheticPlan) -> bytes:
    pages = _layout_pages(plan)
    objects: list[bytes] = []  # object n is objects[n - 1]
    font_obj = {"F1": 3, "F2": 4}
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # pages tree, filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    resources = f"<< /Font << /F1 {font_obj['F1']} 0 R /F2 {font_obj['F2']} 0 R >> >>"
    kids = []
    for ops in pages:
        stream = zlib.compress("\n".join(ops).encode("latin-1"), 6)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources {resources} "
            f"/Contents {content_id} 0 R >>".encode()
        )
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    title = _literal(_encode(f"Education, Health and Care Plan {plan.plan_id}"))
    objects.append(f"<< /Title ({title}) /Producer (EHCP QA synthetic corpus) >>".encode("latin-1"))
    info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_id,
        xref,
    )
    return bytes(out)
