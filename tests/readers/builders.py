"""Small real plan documents made in the tests: DOCX with python-docx, PDF with fpdf2, and broken variants.

Everything is synthetic. Builders take a list of simple items so a test shows the document it reads:
("h1", text) heading style 1, ("h2", text), ("bold", text) a bold body line, ("p", text) a paragraph,
("table", [[cells], ...]) a table whose first row is its header.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from fpdf import FPDF

Item = tuple[str, object]

SIMPLE_PLAN: list[Item] = [
    ("h1", "Education, Health and Care Plan"),
    ("table", [["Name", "Amara Okafor"], ["Date of birth", "04/03/2012"], ["Year group", "Year 9"]]),
    ("h1", "Section A: All about me"),
    ("p", "Amara enjoys drawing cartoons and wants to be an animator."),
    ("h1", "Section B: Special educational needs"),
    ("p", "Amara finds it hard to follow spoken instructions longer than two steps."),
    ("h1", "Section F: Special educational provision"),
    (
        "table",
        [
            ["Need", "Outcome", "Provision", "How often", "Who"],
            [
                "Following instructions",
                "Follows three-step instructions by July",
                "Visual timetable",
                "Daily",
                "Class teacher",
            ],
        ],
    ),
    ("h1", "Section K: Advice and information"),
    ("p", "Educational psychology advice, 3 March 2024."),
]


def docx_bytes(items: list[Item]) -> bytes:
    doc = Document()
    for kind, value in items:
        if kind == "h1":
            doc.add_heading(str(value), 1)
        elif kind == "h2":
            doc.add_heading(str(value), 2)
        elif kind == "bold":
            doc.add_paragraph().add_run(str(value)).bold = True
        elif kind == "p":
            doc.add_paragraph(str(value))
        elif kind == "table":
            rows = value
            assert isinstance(rows, list)
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for row, cells in zip(table.rows, rows, strict=False):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_docx(path: Path, items: list[Item]) -> Path:
    path.write_bytes(docx_bytes(items))
    return path


def pdf_bytes(pages: list[list[Item]], *, running_header: str | None = None, page_numbers: bool = False) -> bytes:
    """One list of items per page. Headings are bold and larger, as most councils' PDFs have them."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    total = len(pages)
    for number, items in enumerate(pages, start=1):
        pdf.add_page()
        if running_header:
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, running_header, new_x="LMARGIN", new_y="NEXT")
        for kind, value in items:
            if kind in ("h1", "h2"):
                pdf.set_font("Helvetica", "B", 14 if kind == "h1" else 12)
                pdf.ln(3)
                pdf.multi_cell(0, 8, str(value), new_x="LMARGIN", new_y="NEXT")
            elif kind == "bold":
                pdf.set_font("Helvetica", "B", 11)
                pdf.multi_cell(0, 6, str(value), new_x="LMARGIN", new_y="NEXT")
            elif kind == "p":
                pdf.set_font("Helvetica", size=11)
                pdf.multi_cell(0, 6, str(value), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
            elif kind == "table":
                pdf.set_font("Helvetica", size=10)
                rows = value
                assert isinstance(rows, list)
                with pdf.table() as table:
                    for cells in rows:
                        row = table.row()
                        for text in cells:
                            row.cell(text)
                pdf.ln(3)
        if page_numbers:
            pdf.set_y(-15)
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 8, f"Page {number} of {total}", align="C")
    return bytes(pdf.output())


def write_pdf(path: Path, pages: list[list[Item]], **kwargs: object) -> Path:
    path.write_bytes(pdf_bytes(pages, **kwargs))  # type: ignore[arg-type]
    return path


def image_only_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(30, 30, 30)
    pdf.rect(20, 20, 100, 40, style="F")  # a drawing, no text: what a scan looks like to a text extractor
    path.write_bytes(bytes(pdf.output()))
    return path


def encrypted_pdf(path: Path, source: bytes) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def replace_part(docx: bytes, name: str, data: bytes, *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a DOCX with one part replaced (to plant hostile XML or a zip bomb)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(name, data)
    return out.getvalue()


def ole_file(*streams: str) -> bytes:
    """Enough of an OLE compound file header for content sniffing, naming the given streams in UTF-16."""
    body = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024


def odt_bytes(items: list[Item]) -> bytes:
    """A minimal OpenDocument text file."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    )
    body: list[str] = []
    for kind, value in items:
        if kind in ("h1", "h2"):
            body.append(f'<text:h text:outline-level="{kind[1]}">{value}</text:h>')
        elif kind in ("p", "bold"):
            body.append(f"<text:p>{value}</text:p>")
        elif kind == "table":
            assert isinstance(value, list)
            rows = "".join(
                "<table:table-row>"
                + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in r)
                + "</table:table-row>"
                for r in value
            )
            body.append(f"<table:table>{rows}</table:table>")
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
    return out.getvalue()
