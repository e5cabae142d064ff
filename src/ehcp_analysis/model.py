"""The document model shared by the readers, the checks and the report.

A plan document is read into *blocks* (headings, paragraphs, table rows) in document order, then the blocks are
placed into the statutory sections A-K. Every block keeps where it came from so a finding can quote it and point to
it. This module is the contract between reading and checking: add fields freely, change existing ones only with care.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

# Statutory sections in the order of reg. 12 of the SEND Regulations 2014.
SECTION_IDS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE_ROW = "table_row"


@dataclass(frozen=True)
class Location:
    """Where a piece of text is: section id, 1-based paragraph number within the section, page (PDF only)."""

    section: str | None
    paragraph: int
    page: int | None = None
    table_row: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {"section": self.section, "paragraph": self.paragraph, "page": self.page}


@dataclass
class Block:
    """One unit of text in document order.

    For a table row, ``cells`` holds the cell texts and ``header`` the header cells of its table (empty when the
    table has none); ``text`` is the cells joined with " | ".
    """

    kind: BlockKind
    text: str
    index: int = 0  # position in the whole document, 0-based
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    page: int | None = None
    style: str | None = None  # e.g. "Heading 1"; None when unknown
    bold: bool = False  # the whole block is bold (headings written as bold body text)
    level: int | None = None  # heading level where known
    location: Location | None = None  # set once the block is placed in a section
    font_size: float | None = None  # PDF only: size of the first character, to tell headings from body text
    table: int | None = None  # table rows: which table in the document (0-based)
    row: int | None = None  # table rows: 1-based row number within its table
    is_header_row: bool = False  # table rows: this row holds the column headers of its table

    def cell(self, *names: str) -> str | None:
        """The text of the first cell whose header contains any of ``names`` (case-insensitive), else None."""
        for i, head in enumerate(self.header):
            low = head.lower()
            if any(n.lower() in low for n in names) and i < len(self.cells):
                return self.cells[i]
        return None


@dataclass
class Section:
    id: str  # one of SECTION_IDS
    title: str  # the heading as written in the plan
    blocks: list[Block] = field(default_factory=list)
    shared_with: tuple[str, ...] = ()  # other section ids under the same heading ("Sections C and G: health")
    headings: list[Block] = field(default_factory=list)  # the heading(s) that opened it; not part of ``blocks``

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def characters(self) -> int:
        return sum(len(b.text) for b in self.blocks)


@dataclass
class PlanMetadata:
    child_name: str | None = None
    date_of_birth: date | None = None
    year_group: int | None = None  # England NC year; Reception = 0; post-16 continue 12, 13, 14...
    plan_date: date | None = None
    last_review_date: date | None = None
    plan_status: str | None = None  # "draft" | "final" | "amended"
    looked_after: bool | None = None
    setting: str | None = None


@dataclass
class PlanDocument:
    source: str
    format: str  # "docx" | "pdf" | "txt" | "odt"
    pages: int | None
    characters: int
    sections: dict[str, Section] = field(default_factory=dict)
    unplaced: list[Block] = field(default_factory=list)  # text before the first section or not placeable
    metadata: PlanMetadata = field(default_factory=PlanMetadata)
    running_text: list[str] = field(default_factory=list)  # page headers / footers, kept out of the content
    ocr: bool = False  # the text was recognised from page images (a scanned PDF), so it may contain errors

    def section(self, section_id: str) -> Section | None:
        return self.sections.get(section_id)

    def blocks(self) -> list[Block]:
        """Every placed block, in document order (a combined section is listed under several ids, counted once)."""
        unique = {id(s): s for s in self.sections.values()}
        out = [b for s in unique.values() for b in s.blocks]
        return sorted(out, key=lambda b: b.index)


class ReadError(Exception):
    """A document that cannot be read. ``code`` is one of the error codes of the JSON report."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
