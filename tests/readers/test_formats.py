"""DOCX, PDF, ODT and text read into the same sections, with table structure and locations kept."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ehcp_analysis.model import BlockKind
from ehcp_analysis.readers import read_document
from tests.readers.builders import SIMPLE_PLAN, docx_bytes, odt_bytes, replace_part, write_docx, write_pdf


def section_texts(path: Path) -> dict[str, list[str]]:
    doc = read_document(path)
    return {sid: [b.text for b in s.blocks] for sid, s in doc.sections.items()}


def test_docx_sections_tables_and_front_matter(tmp_path: Path) -> None:
    doc = read_document(write_docx(tmp_path / "plan.docx", SIMPLE_PLAN))
    assert doc.format == "docx" and doc.pages is None
    assert list(doc.sections) == ["A", "B", "F", "K"]
    assert doc.sections["A"].title == "Section A: All about me"
    header, provision = doc.sections["F"].blocks
    assert header.is_header_row and provision.kind == BlockKind.TABLE_ROW
    assert provision.cell("provision") == "Visual timetable"
    assert provision.cell("how often", "frequency") == "Daily"
    assert provision.cell("who") == "Class teacher"
    assert provision.location is not None and provision.location.section == "F"
    assert provision.location.table_row == 2
    # The child's details table is front matter: kept, not placed in a section, and read for metadata.
    assert [b.text for b in doc.unplaced][1] == "Name | Amara Okafor"
    assert doc.metadata.child_name == "Amara Okafor"
    assert doc.characters == sum(len(b.text) for b in doc.blocks()) + sum(len(b.text) for b in doc.unplaced) + sum(
        len(h.text) for s in {id(s): s for s in doc.sections.values()}.values() for h in s.headings
    )


def test_docx_bold_headings_and_table_headings(tmp_path: Path) -> None:
    items = [
        ("bold", "Section A \u2013 All about me"),
        ("p", "I like trains."),
        ("table", [["Section B: Special educational needs"]]),
        ("p", "Reading is hard."),
        ("bold", "Special educational provision"),
        ("table", [["Need", "Provision"], ["Reading", "Phonics, 3 x 20 minutes a week with a trained TA"]]),
    ]
    texts = section_texts(write_docx(tmp_path / "plan.docx", items))
    assert texts == {
        "A": ["I like trains."],
        "B": ["Reading is hard."],
        "F": ["Need | Provision", "Reading | Phonics, 3 x 20 minutes a week with a trained TA"],
    }


def test_docx_text_boxes_content_controls_and_fallbacks(tmp_path: Path) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = f"""<w:document xmlns:w="{w}" xmlns:mc="{mc}"><w:body>
      <w:p><w:r><w:t>Section A: All about me</w:t></w:r></w:p>
      <w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>
      <w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>In a text box.</w:t></w:r></w:p>
        </w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In a text box.</w:t></w:r></w:p>
        </w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Host paragraph.</w:t></w:r></w:p>
      <w:p><w:r><w:t>Tracked</w:t></w:r><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:r><w:tab/><w:t>text.</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden guidance: delete before issue.</w:t></w:r></w:p>
      <w:p><w:moveFrom><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom><w:r><w:t>Stays.</w:t></w:r></w:p>
    </w:body></w:document>"""
    path = tmp_path / "plan.docx"
    path.write_bytes(replace_part(docx_bytes([("p", "x")]), "word/document.xml", body.encode()))
    assert section_texts(path) == {
        "A": ["Inside a content control.", "Host paragraph.", "In a text box.", "Tracked text.", "Stays."]
    }


def test_docx_nested_table_folds_into_its_cell(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading("Section F: Special educational provision", 1)
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Need", "Provision"
    table.rows[1].cells[0].text = "Reading"
    inner = table.rows[1].cells[1].add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text, inner.rows[0].cells[1].text = "Phonics", "Daily"
    buf = io.BytesIO()
    doc.save(buf)
    (tmp_path / "plan.docx").write_bytes(buf.getvalue())
    rows = read_document(tmp_path / "plan.docx").sections["F"].blocks
    assert len(rows) == 2
    assert rows[1].cells[0] == "Reading"
    assert "Phonics" in rows[1].cells[1] and "Daily" in rows[1].cells[1]


def test_pdf_sections_pages_and_running_headers(tmp_path: Path) -> None:
    pages = [
        [
            ("h1", "Education, Health and Care Plan"),
            ("p", "Name: Amara Okafor"),
            ("h1", "Section A: All about me"),
            ("p", "Amara enjoys drawing cartoons. " * 8),
        ],
        [("h1", "Section B: Special educational needs"), ("p", "Amara finds it hard to follow spoken instructions.")],
        [("h1", "Section E: Outcomes"), ("p", "By July 2026 Amara will follow three-step instructions.")],
    ]
    path = write_pdf(
        tmp_path / "plan.pdf", pages, running_header="Amara Okafor - EHC Plan - CONFIDENTIAL", page_numbers=True
    )
    doc = read_document(path)
    assert doc.format == "pdf" and doc.pages == 3
    assert list(doc.sections) == ["A", "B", "E"]
    # The wrapped paragraph comes back as one block; headers and page numbers are not content.
    (a,) = doc.sections["A"].blocks
    assert a.text == ("Amara enjoys drawing cartoons. " * 8).strip()
    assert a.location is not None and a.location.page == 1
    assert doc.sections["E"].blocks[0].location is not None and doc.sections["E"].blocks[0].location.page == 3
    every = " ".join(b.text for b in doc.blocks() + doc.unplaced)
    assert "CONFIDENTIAL" not in every and "Page 2 of 3" not in every
    assert "Amara Okafor - EHC Plan - CONFIDENTIAL" in doc.running_text
    assert doc.metadata.child_name == "Amara Okafor"


def test_pdf_table_text_stays_in_its_section(tmp_path: Path) -> None:
    pages = [
        [
            ("h1", "Section F: Special educational provision"),
            ("table", [["Need", "Provision", "Who"], ["Reading", "Phonics 3 x 20 minutes weekly", "Trained TA"]]),
            ("h1", "Section G: Health provision"),
            ("p", "None."),
        ],
    ]
    doc = read_document(write_pdf(tmp_path / "plan.pdf", pages))
    f_text = " ".join(b.text for b in doc.sections["F"].blocks)
    assert "Phonics 3 x 20 minutes weekly" in f_text and "Trained TA" in f_text
    assert [b.text for b in doc.sections["G"].blocks] == ["None."]


def test_odt(tmp_path: Path) -> None:
    (tmp_path / "plan.odt").write_bytes(odt_bytes(SIMPLE_PLAN))
    doc = read_document(tmp_path / "plan.odt")
    assert doc.format == "odt"
    assert list(doc.sections) == ["A", "B", "F", "K"]
    assert doc.sections["F"].blocks[1].cell("provision") == "Visual timetable"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings_and_tables(tmp_path: Path, encoding: str) -> None:
    text = (
        "Education, Health and Care Plan\n\nName: Zo\u00eb Walsh\n\n"
        "Section A \u2013 All about me\n\nZo\u00eb likes caf\u00e9s.\n\n"
        "Section F: Special educational provision\n\n"
        "| Need | Provision | Who |\n|---|---|---|\n| Reading | Phonics daily | Teacher |\n"
    )
    (tmp_path / "plan.txt").write_bytes(text.encode(encoding))
    doc = read_document(tmp_path / "plan.txt")
    assert doc.format == "txt"
    assert [b.text for b in doc.sections["A"].blocks] == ["Zo\u00eb likes caf\u00e9s."]
    header, data = doc.sections["F"].blocks
    assert header.is_header_row and data.cell("provision") == "Phonics daily"
    assert doc.metadata.child_name == "Zo\u00eb Walsh"


def test_text_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    text = (
        "Section B: Special educational needs\n"
        "Amara finds it hard to follow spoken instructions that have more than two\n"
        "steps, and needs them broken down and shown visually.\n"
        "She reads at an age-equivalent of seven years.\n"
    )
    (tmp_path / "plan.txt").write_text(text)
    blocks = read_document(tmp_path / "plan.txt").sections["B"].blocks
    assert [b.text for b in blocks] == [
        "Amara finds it hard to follow spoken instructions that have more than two steps, and needs them broken down and shown visually.",
        "She reads at an age-equivalent of seven years.",
    ]


def test_same_plan_same_sections_in_every_format(tmp_path: Path) -> None:
    docx = read_document(write_docx(tmp_path / "p.docx", SIMPLE_PLAN))
    pdf = read_document(write_pdf(tmp_path / "p.pdf", [SIMPLE_PLAN]))
    (tmp_path / "p.odt").write_bytes(odt_bytes(SIMPLE_PLAN))
    odt = read_document(tmp_path / "p.odt")
    assert list(docx.sections) == list(pdf.sections) == list(odt.sections)


def test_empty_zip_is_corrupt_or_unsupported(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "plan.docx", "w"):
        pass
    with pytest.raises(Exception) as err:
        read_document(tmp_path / "plan.docx")
    assert getattr(err.value, "code", None) == "unsupported-format"


def test_text_underlined_and_markdown_headings(tmp_path: Path) -> None:
    text = "Section A: All about me\n=======================\n\nI like trains.\n\n# Special educational needs\n\nReading.\n\n-----\n"
    (tmp_path / "plan.txt").write_text(text)
    doc = read_document(tmp_path / "plan.txt")
    assert {sid: [b.text for b in s.blocks] for sid, s in doc.sections.items()} == {
        "A": ["I like trains."],
        "B": ["Reading."],
    }
    assert doc.sections["A"].headings[0].kind == BlockKind.HEADING


def test_pdf_table_rows_keep_their_cells_and_details_table_gives_metadata(tmp_path: Path) -> None:
    pages = [
        [
            ("h1", "Education, Health and Care Plan"),
            ("table", [["Name", "Kofi Mensah"], ["Date of birth", "12/05/2010"], ["Year group", "Year 10"]]),
            ("h1", "Section F: Special educational provision"),
            (
                "table",
                [
                    ["Need", "Provision", "How often", "Who"],
                    [
                        "Reading",
                        "Phonics teaching in a group of no more than four pupils",
                        "3 x 20 minutes a week",
                        "Trained TA",
                    ],
                    ["Writing", "Touch-typing programme", "Daily", "Class teacher"],
                ],
            ),
        ]
    ]
    doc = read_document(write_pdf(tmp_path / "plan.pdf", pages))
    rows = [b for b in doc.sections["F"].blocks if b.kind == BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [
        ("Need", "Provision", "How often", "Who"),
        ("Reading", "Phonics teaching in a group of no more than four pupils", "3 x 20 minutes a week", "Trained TA"),
        ("Writing", "Touch-typing programme", "Daily", "Class teacher"),
    ]
    assert rows[1].cell("how often") == "3 x 20 minutes a week"
    assert doc.metadata.child_name == "Kofi Mensah" and doc.metadata.year_group == 10


def test_pdf_empty_section_at_a_page_end_is_not_joined_to_the_next_heading(tmp_path: Path) -> None:
    pages = [
        [
            ("p", "Front matter."),
            ("h1", "Section I: Name and type of school or other institution (left blank in a draft)"),
        ],
        [("h1", "Section J: Personal budget arrangements for the family"), ("p", "Not applicable.")],
    ]
    doc = read_document(write_pdf(tmp_path / "plan.pdf", pages))
    assert doc.sections["I"].blocks == []
    assert [b.text for b in doc.sections["J"].blocks] == ["Not applicable."]


def test_docx_page_header_is_not_content_but_gives_details(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Name: Leo Harris    DOB: 02/02/2015"
    doc.sections[0].footer.paragraphs[0].text = "Official Sensitive"
    doc.add_heading("Section A: All about me", 1)
    doc.add_paragraph("I like trains.")
    buf = io.BytesIO()
    doc.save(buf)
    (tmp_path / "plan.docx").write_bytes(buf.getvalue())
    read = read_document(tmp_path / "plan.docx")
    assert [b.text for b in read.blocks() + read.unplaced] == ["I like trains."]
    assert "Official Sensitive" in read.running_text
    assert read.metadata.child_name == "Leo Harris"
