"""Plan details from front matter in the forms councils use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ehcp_analysis.metadata import extract, parse_date, parse_year_group
from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers import read_document
from tests.readers.builders import write_docx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/03/2012", date(2012, 3, 4)),
        ("4.3.2012", date(2012, 3, 4)),
        ("2012-03-04", date(2012, 3, 4)),
        ("4 March 2012", date(2012, 3, 4)),
        ("4th of March, 2012", date(2012, 3, 4)),
        ("Sept 1, 2023", date(2023, 9, 1)),
        ("12 Sept 2023", date(2023, 9, 12)),
        ("04/03/12", date(2012, 3, 4)),
        ("31/02/2012", None),
        ("TBC", None),
        ("", None),
    ],
)
def test_dates_are_day_first(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Year 9", 9),
        ("9", 9),
        ("Y11", 11),
        ("Reception", 0),
        ("R", 0),
        ("Nursery", -1),
        ("Year 13", 13),
        ("unknown", None),
    ],
)
def test_year_groups(text: str, expected: int | None) -> None:
    assert parse_year_group(text) == expected


def rows(*pairs: tuple[str, str]) -> list[Block]:
    return [Block(kind=BlockKind.TABLE_ROW, text=f"{k} | {v}", cells=(k, v)) for k, v in pairs]


def test_details_table() -> None:
    meta = extract(
        rows(
            ("Child/young person's name", "Kofi Mensah"),
            ("Date of birth", "12 May 2010"),
            ("NC year group", "Year 10"),
            ("Date of plan", "01/09/2024"),
            ("Date of last annual review", "15/07/2025"),
            ("Plan status", "Amended"),
            ("Looked after?", "Yes"),
            ("Current school", "Riverside Academy"),
        )
    )
    assert meta.child_name == "Kofi Mensah"
    assert meta.date_of_birth == date(2010, 5, 12)
    assert meta.year_group == 10
    assert meta.plan_date == date(2024, 9, 1)
    assert meta.last_review_date == date(2025, 7, 15)
    assert meta.plan_status == "amended"
    assert meta.looked_after is True
    assert meta.setting == "Riverside Academy"


def test_label_value_lines_and_status_from_title() -> None:
    blocks = [
        Block(kind=BlockKind.HEADING, text="DRAFT Education, Health and Care Plan"),
        Block(kind=BlockKind.PARAGRAPH, text="Name: Isla Green"),
        Block(kind=BlockKind.PARAGRAPH, text="DOB: 2015-01-20"),
    ]
    meta = extract(blocks)
    assert (meta.child_name, meta.date_of_birth, meta.plan_status) == ("Isla Green", date(2015, 1, 20), "draft")


def test_header_row_table() -> None:
    header = ("Name", "Date of birth", "Year group")
    blocks = [
        Block(kind=BlockKind.TABLE_ROW, text="", cells=header, header=header, is_header_row=True),
        Block(kind=BlockKind.TABLE_ROW, text="", cells=("Leo Harris", "02/02/2019", "Reception"), header=header),
    ]
    meta = extract(blocks)
    assert (meta.child_name, meta.date_of_birth, meta.year_group) == ("Leo Harris", date(2019, 2, 2), 0)


def test_absent_details_stay_none(tmp_path: Path) -> None:
    doc = read_document(write_docx(tmp_path / "p.docx", [("h1", "Section A: All about me"), ("p", "I like trains.")]))
    assert doc.metadata.child_name is None and doc.metadata.date_of_birth is None and doc.metadata.plan_status is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Final", "final"),
        ("Final (amended following annual review)", "amended"),
        ("Draft amended plan", "draft"),
        ("Finalised", "final"),
        ("unknown", None),
    ],
)
def test_plan_status_words(text: str, expected: str | None) -> None:
    assert extract(rows(("Plan status", text))).plan_status == expected


def test_early_years_before_nursery() -> None:
    assert parse_year_group("Early years (not yet in nursery class)") == -2
