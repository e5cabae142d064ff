"""The ground truth of one synthetic plan: what was written where, and which defects were put in on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# Bumped whenever the same seed would give different plans, so labels from different versions are never mixed.
GENERATOR_VERSION = "1"

TEMPLATES: tuple[str, ...] = ("section-letters", "part-numbered", "tabular")
PRIMARY_NEEDS: tuple[str, ...] = ("ASD", "SLCN", "SEMH", "MLD", "SpLD", "SLD", "PMLD", "HI", "VI", "MSI", "PD", "OTH")

BlockKindName = Literal["heading", "paragraph", "table_row"]


@dataclass(frozen=True)
class TruthBlock:
    """One unit of the document in reading order, with the statutory section it truly belongs to.

    ``section`` is None for the title page and the child-details front matter. A heading that names two sections
    ("Sections C and G") is labelled with the first one; the blocks under it carry their own true section.
    """

    section: str | None
    kind: BlockKindName
    text: str
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    level: int = 0  # heading level (1 section, 2 sub-heading); 0 for body blocks
    group: tuple[str, ...] = ()  # every section the enclosing section heading names: ("C", "G") when combined


@dataclass(frozen=True)
class Defect:
    """A deliberate fault. ``text`` is the affected block's text as rendered ("" for something absent)."""

    code: str
    section: str | None
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "section": self.section, "text": self.text}


def section_headings(blocks: list[TruthBlock]) -> list[dict[str, Any]]:
    """The section headings as written, with the sections each one names, for evaluating section detection."""
    return [
        {"text": b.text, "sections": list(b.group)} for b in blocks if b.kind == "heading" and b.level == 1 and b.group
    ]


@dataclass(frozen=True)
class Layout:
    """Presentation choices that vary between councils but do not change the content."""

    combined_c_g: bool = False  # one heading "Sections C and G" over health needs and health provision
    split_h: bool = True  # separate H1 and H2 headings; when False one "Section H" heading holds both
    letterless: bool = False  # part-numbered template: "3. My health" without the letter
    bold_headings: bool = False  # DOCX: headings are bold body text, not Heading 1/2 styles
    page_per_section: bool = True  # PDF/DOCX: each section starts a new page

    def as_dict(self) -> dict[str, Any]:
        return {
            "combined_c_g": self.combined_c_g,
            "split_h": self.split_h,
            "letterless": self.letterless,
            "bold_headings": self.bold_headings,
            "page_per_section": self.page_per_section,
        }


@dataclass
class SyntheticPlan:
    plan_id: str
    template: str
    metadata: dict[str, Any]
    blocks: list[TruthBlock]
    defects: list[Defect] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    council: str = ""

    @property
    def is_clean(self) -> bool:
        return not self.defects


# Relative column widths for the tables the templates use, so a long cell gets a wide column in DOCX and PDF.
COLUMN_WEIGHTS: dict[tuple[str, ...], tuple[float, ...]] = {
    ("Ref", "Area of need", "Outcome"): (0.09, 0.27, 0.64),
    ("Need", "Outcome", "Provision", "How often", "Who"): (0.17, 0.1, 0.38, 0.15, 0.2),
    ("Advice", "Author and role", "Date"): (0.33, 0.47, 0.2),
}


def column_weights(header: tuple[str, ...], ncols: int) -> tuple[float, ...]:
    if header in COLUMN_WEIGHTS:
        return COLUMN_WEIGHTS[header]
    if not header and ncols == 2:
        return (0.38, 0.62)  # the child details table
    return tuple(1 / ncols for _ in range(ncols))
