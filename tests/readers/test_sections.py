"""Heading recognition and segmentation over blocks, independent of file format."""

from __future__ import annotations

import pytest

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.sections import match_title, recognise, segment, vocabulary


def para(text: str, **kw: object) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text, **kw)  # type: ignore[arg-type]


def heading(text: str, level: int = 1) -> Block:
    return Block(kind=BlockKind.HEADING, text=text, level=level, style=f"Heading {level}")


def row(*cells: str) -> Block:
    return Block(kind=BlockKind.TABLE_ROW, text=" | ".join(cells), cells=cells)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Section A: Views, interests and aspirations", ("A",)),
        ("SECTION B - SPECIAL EDUCATIONAL NEEDS", ("B",)),
        ("Part A \u2013 All about me", ("A",)),
        ("A. All about me", ("A",)),
        ("A \u2013 What is important to me", ("A",)),
        ("F: Special educational provision", ("F",)),
        ("Sections C and G: health", ("C", "G")),
        ("Sections C & G", ("C", "G")),
        ("C and G. Health needs and health provision", ("C", "G")),
        ("Section H: Social care provision", ("H1", "H2")),
        ("Section H1 \u2013 provision under section 2 of the Chronically Sick and Disabled Persons Act 1970", ("H1",)),
        ("H2: Other social care provision", ("H2",)),
        ("Section H(ii)", ("H2",)),
        ("1. All about me", ("A",)),
        ("3. My health", ("C",)),
        ("Part 6 \u2013 The help I will get", ("F",)),
        ("Special educational provision", ("F",)),
        ("Health provision", ("G",)),
        ("Other social care provision", ("H2",)),
        ("Personal budget (including direct payments)", ("J",)),
        ("Advice and information", ("K",)),
        ("Name and type of school or other institution", ("I",)),
        ("Section I", ("I",)),
        ("Section J: Personal Budget", ("J",)),
    ],
)
def test_headings_councils_write(text: str, ids: tuple[str, ...]) -> None:
    match = recognise(heading(text), looks_like_heading=True)
    assert match is not None and match.ids == ids


@pytest.mark.parametrize(
    "text",
    [
        "Section F of this plan sets out the provision that Amara needs in order to make progress at school.",
        "A good day for me is when I get to draw.",
        "I like football and swimming.",
        "Amara needs help with reading.",
        "Communication and interaction",
        "Outcome 1 - Amara will read 50 high-frequency words by July 2025",
    ],
)
def test_sentences_and_sub_headings_are_not_sections(text: str) -> None:
    assert recognise(para(text), looks_like_heading=False) is None


def test_bare_title_needs_to_look_like_a_heading() -> None:
    assert recognise(para("Special educational provision"), looks_like_heading=False) is None
    assert recognise(para("Special educational provision", bold=True), looks_like_heading=True) is not None


def test_longest_phrase_wins() -> None:
    assert match_title("Health needs", strict=True) == ("C",)
    assert match_title("Health provision", strict=True) == ("G",)
    assert match_title("Other social care provision", strict=True) == ("H2",)
    assert match_title("Social care provision", strict=True) == ("H1", "H2")


def test_vocabulary_covers_every_section() -> None:
    covered = {sid for ids in vocabulary().values() for sid in ids}
    assert covered == {"A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"}


def numbered(blocks: list[Block]) -> list[Block]:
    for i, b in enumerate(blocks):
        b.index = i
    return blocks


def test_segment_places_front_matter_and_sections() -> None:
    blocks = numbered(
        [
            heading("Education, Health and Care Plan"),
            row("Name", "Amara Okafor"),
            heading("Section A: All about me"),
            para("Amara likes drawing."),
            heading("My health", level=2),  # a sub-heading inside A, not section C
            para("Amara has asthma and uses an inhaler."),
            heading("Section B: Special educational needs"),
            para("Amara finds reading hard."),
        ]
    )
    sections, unplaced = segment(blocks, formatted=True)
    assert [b.text for b in unplaced] == ["Education, Health and Care Plan", "Name | Amara Okafor"]
    assert [b.text for b in sections["A"].blocks] == [
        "Amara likes drawing.",
        "My health",
        "Amara has asthma and uses an inhaler.",
    ]
    assert "C" not in sections
    assert sections["B"].blocks[0].location is not None
    assert sections["B"].blocks[0].location.section == "B"
    assert sections["B"].blocks[0].location.paragraph == 1
    assert unplaced[1].location is not None and unplaced[1].location.section is None


def test_heading_in_a_table_title_row() -> None:
    blocks = numbered(
        [row("Section F: Special educational provision"), row("Need", "Provision"), row("Reading", "Phonics daily")]
    )
    sections, _ = segment(blocks, formatted=True)
    assert [b.text for b in sections["F"].blocks] == ["Need | Provision", "Reading | Phonics daily"]


def test_letter_cell_beside_title_cell() -> None:
    blocks = numbered([row("E", "Outcomes"), para("By July Amara will read 50 words.")])
    sections, _ = segment(blocks, formatted=True)
    assert "E" in sections


def test_out_of_order_and_repeated_sections() -> None:
    blocks = numbered(
        [
            heading("Section B: Needs"),
            para("need one"),
            heading("Section A: Views"),
            para("view one"),
            heading("Section B (continued)"),
            para("need two"),
        ]
    )
    sections, _ = segment(blocks, formatted=True)
    assert [b.text for b in sections["B"].blocks] == ["need one", "need two"]
    assert [b.location.paragraph for b in sections["B"].blocks if b.location] == [1, 2]
    assert list(sections) == ["B", "A"]


def test_combined_heading_then_split() -> None:
    blocks = numbered(
        [
            heading("Section H: Social care provision"),
            heading("H1: Provision under section 2 of the Chronically Sick and Disabled Persons Act", level=2),
            para("Short breaks, two weekends a month."),
            heading("H2: Other social care provision", level=2),
            para("None."),
        ]
    )
    sections, _ = segment(blocks, formatted=True)
    assert sections["H1"] is not sections["H2"]
    assert [b.text for b in sections["H1"].blocks] == ["Short breaks, two weekends a month."]
    assert [b.text for b in sections["H2"].blocks] == ["None."]


def test_combined_heading_kept_combined() -> None:
    blocks = numbered(
        [heading("Sections C and G: Health"), para("Amara has asthma; the school nurse reviews her plan termly.")]
    )
    sections, _ = segment(blocks, formatted=True)
    assert sections["C"] is sections["G"]
    assert sections["C"].id == "C" and sections["C"].shared_with == ("G",)


def test_bold_body_headings() -> None:
    blocks = numbered(
        [
            para("Special educational needs", bold=True),
            para("Reading is hard."),
            para("Outcomes", bold=True),
            para("By July..."),
        ]
    )
    sections, _ = segment(blocks, formatted=True)
    assert set(sections) == {"B", "E"}


def test_plain_text_heading_is_a_short_line() -> None:
    blocks = numbered([para("All about me"), para("I like trains."), para("What I find difficult"), para("Reading.")])
    sections, _ = segment(blocks, formatted=False)
    assert [b.text for b in sections["A"].blocks] == ["I like trains."]
    assert [b.text for b in sections["B"].blocks] == ["Reading."]


def test_sub_heading_level_below_section_level_is_not_a_section() -> None:
    blocks = numbered(
        [heading("Section E: Outcomes"), heading("Health", level=2), para("Amara will use her inhaler herself.")]
    )
    sections, _ = segment(blocks, formatted=True)
    assert "C" not in sections
    assert len(sections["E"].blocks) == 2


def test_combined_section_split_by_its_sub_headings() -> None:
    blocks = numbered(
        [
            heading("Sections C and G: Health needs and health provision"),
            heading("Health needs", level=2),
            para("Amara has asthma."),
            heading("Health provision", level=2),
            para("Annual asthma review by the GP."),
            heading("Section H: Social care provision"),
            para("None."),
        ]
    )
    sections, _ = segment(blocks, formatted=True)
    assert sections["C"] is not sections["G"]
    assert [b.text for b in sections["C"].blocks] == ["Amara has asthma."]
    assert [b.text for b in sections["G"].blocks] == ["Annual asthma review by the GP."]
    assert sections["C"].headings[0].text.startswith("Sections C and G")
    assert sections["H1"] is sections["H2"]


def test_table_of_contents_does_not_steal_the_sections() -> None:
    blocks = numbered(
        [
            para("Contents"),
            para("Section A: All about me 3"),
            para("Section B: Special educational needs 5"),
            heading("Section A: All about me"),
            para("I like trains."),
            heading("Section B: Special educational needs"),
            para("Reading is hard."),
        ]
    )
    sections, unplaced = segment(blocks, formatted=True)
    assert [b.text for b in unplaced] == ["Contents"]
    assert sections["A"].title == "Section A: All about me"
    assert [b.text for b in sections["A"].blocks] == ["I like trains."]
    assert [b.text for b in sections["B"].blocks] == ["Reading is hard."]
