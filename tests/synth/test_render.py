"""Every template renders to DOCX, PDF and text that ordinary libraries can read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pypdfium2
import pytest

from ehcp_analysis.synth import TEMPLATES, build_plan, render

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize("template", TEMPLATES)
def test_docx_has_real_headings_and_tables(template: str, tmp_path: Path) -> None:
    plan = next(
        p
        for i in range(1, 60)
        if not (p := build_plan(seed=1, index=i, as_of=AS_OF, template=template)).layout.bold_headings
    )
    path = render(plan, "docx", tmp_path / "plan.docx")
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs if p.text]
    assert "Heading 1" in styles and "Heading 2" in styles
    text = "\n".join(p.text for p in document.paragraphs)
    first_heading = next(b.text for b in plan.blocks if b.section == "A" and b.kind == "heading")
    assert first_heading in text
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    if template == "tabular":
        assert "How often" in cells and "Who" in cells
    if template != "part-numbered":
        assert plan.metadata["child_name"] in cells
    assert plan.metadata["reference"] in document.sections[0].footer.paragraphs[0].text


def test_docx_bold_headings_are_body_text(tmp_path: Path) -> None:
    plan = next(p for i in range(1, 60) if (p := build_plan(seed=1, index=i, as_of=AS_OF)).layout.bold_headings)
    document = docx.Document(str(render(plan, "docx", tmp_path / "plan.docx")))
    headings = [b.text for b in plan.blocks if b.kind == "heading"]
    paragraphs = {p.text: p for p in document.paragraphs}
    for heading in headings:
        assert paragraphs[heading].style.name == "Normal"
        assert all(run.bold for run in paragraphs[heading].runs)


@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_has_text_and_running_header(template: str, tmp_path: Path) -> None:
    plan = build_plan(seed=2, index=3, as_of=AS_OF, template=template)
    path = render(plan, "pdf", tmp_path / "plan.pdf")
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) >= 3
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    text = " ".join(" ".join(p.split()) for p in pages)
    assert plan.metadata["child_name"] in text
    for number, page in enumerate(pages, start=1):
        assert f"EHCP – {plan.metadata['reference']} – page {number}" in page


def test_txt_contains_every_block(tmp_path: Path) -> None:
    plan = build_plan(seed=2, index=4, as_of=AS_OF, defect_rate=1.0)
    text = render(plan, "txt", tmp_path / "plan.txt").read_text(encoding="utf-8")
    for block in plan.blocks:
        assert block.text in text


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render(build_plan(seed=1, index=1, as_of=AS_OF), "odt", tmp_path / "plan.odt")
