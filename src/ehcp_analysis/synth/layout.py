"""Lay content out as blocks in one of three council template styles.

Returns the blocks and, for every content unit, the text of the block it became, so that a defect recorded against
a unit can quote exactly what the document says.
"""

from __future__ import annotations

from dataclasses import replace

from ehcp_analysis.synth.content import Content, Unit, cap
from ehcp_analysis.synth.profile import Profile
from ehcp_analysis.synth.types import Layout, TruthBlock

ORDER: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")

FORMAL = {
    "A": ("Views, interests and aspirations", "The views, interests and aspirations of {n} and {his} family"),
    "B": ("Special educational needs", "{n}'s special educational needs"),
    "C": ("Health needs related to special educational needs", "Health needs"),
    "D": ("Social care needs related to special educational needs or disability", "Social care needs"),
    "E": ("Outcomes", "The outcomes sought for {n}"),
    "F": ("Special educational provision", "Special educational provision required"),
    "G": ("Health provision", "Health provision reasonably required"),
    "H1": (
        "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
        "Social care provision made under section 2 of the Chronically Sick and Disabled Persons Act 1970",
    ),
    "H2": ("Other social care provision", "Any other social care provision reasonably required"),
    "I": ("Placement", "Name and type of school or other institution"),
    "J": ("Personal budget", "Personal budget arrangements"),
    "K": ("Advice and information", "Advice and information gathered during the assessment"),
}
FRIENDLY = {
    "A": ("All about me", "What is important to me"),
    "B": ("My special educational needs", "What I find difficult and what I am good at"),
    "C": ("My health", "My health needs"),
    "D": ("My social care needs", "Help my family and I need at home"),
    "E": ("What I want to achieve", "My outcomes"),
    "F": ("The help I will get with my learning", "Help with my learning"),
    "G": ("Help with my health", "Health help I will get"),
    "H1": ("Help from social care under section 2 of the Chronically Sick and Disabled Persons Act 1970",),
    "H2": ("Other help from social care",),
    "I": ("Where I will learn", "My school or college"),
    "J": ("My personal budget", "Personal budget"),
    "K": ("Who gave advice for my plan", "Advice used to write my plan"),
}
COMBINED_CG = ("Health needs and health provision", "My health and the help I will get")
COMBINED_H = ("Social care provision", "Help from social care")
E_HEADER = ("Ref", "Area of need", "Outcome")
F_HEADER = ("Need", "Outcome", "Provision", "How often", "Who")
K_HEADER = ("Advice", "Author and role", "Date")


class _Writer:
    def __init__(self) -> None:
        self.blocks: list[TruthBlock] = []
        self.texts: dict[int, str] = {}
        self.group: tuple[str, ...] = ()  # the sections named by the heading we are under

    def add(self, block: TruthBlock, unit: Unit | None = None) -> None:
        if block.section is not None:
            block = replace(block, group=self.group)
        self.blocks.append(block)
        if unit is not None:
            self.texts[unit.uid] = block.text

    def row(self, section: str | None, cells: tuple[str, ...], header: tuple[str, ...], unit: Unit | None) -> None:
        self.add(TruthBlock(section, "table_row", " | ".join(cells), cells=cells, header=header), unit)


def _heading_text(template: str, keys: list[str], title: str, number: int, layout: Layout, variant: int) -> str:
    letters = " and ".join(keys) if len(keys) > 1 else keys[0]
    plural = "s" if len(keys) > 1 else ""
    if template == "part-numbered":
        return f"{number}. {title}" if layout.letterless else f"Part{plural} {letters} – {title}"
    if template == "tabular":
        return f"SECTION{plural.upper()} {letters} – {title.upper()}" if variant == 0 else f"{letters}. {title}"
    return f"Section{plural} {letters}: {title}" if variant == 0 else f"Section{plural} {letters} – {title}"


def lay_out(
    content: Content, p: Profile, template: str, layout: Layout, variant: int
) -> tuple[list[TruthBlock], dict[int, str]]:
    w = _Writer()
    slots = {"n": p.name, **p.pronouns.slots()}
    _front_matter(w, content, p, template, variant)
    groups: list[list[str]] = []
    # A combined health heading sits where C would be, with G's content straight after C's.
    order = ("A", "B", "C", "G", "D", "E", "F", "H1", "H2", "I", "J", "K") if layout.combined_c_g else ORDER
    for key in order:
        if key in content.missing:
            continue
        if layout.combined_c_g and key == "G" and groups and groups[-1] == ["C"]:
            groups[-1].append("G")
        elif not layout.split_h and key == "H2" and groups and groups[-1] == ["H1"]:
            groups[-1].append("H2")
        else:
            groups.append([key])
    for number, keys in enumerate(groups, start=1):
        titles = FRIENDLY if template == "part-numbered" else FORMAL
        if keys == ["C", "G"]:
            title = COMBINED_CG[1 if template == "part-numbered" else 0]
        elif keys == ["H1", "H2"]:
            title = COMBINED_H[1 if template == "part-numbered" else 0]
        else:
            options = titles[keys[0]]
            title = options[variant % len(options)].format_map(slots)
        one_h = (not layout.split_h and keys in (["H1"], ["H2"])) or keys == ["H1", "H2"]
        keys_shown = ["H"] if one_h else keys
        w.group = tuple(keys)
        w.add(
            TruthBlock(keys[0], "heading", _heading_text(template, keys_shown, title, number, layout, variant), level=1)
        )
        for key in keys:
            if keys == ["C", "G"]:
                w.add(TruthBlock(key, "heading", "Health needs" if key == "C" else "Health provision", level=2))
            _section_body(w, content, key, template)
    return w.blocks, w.texts


def _front_matter(w: _Writer, content: Content, p: Profile, template: str, variant: int) -> None:
    w.add(TruthBlock(None, "heading", "Education, Health and Care Plan", level=1))
    w.add(TruthBlock(None, "paragraph", p.council))
    if p.status == "draft":
        w.add(TruthBlock(None, "paragraph", "DRAFT – for consultation with the family. This plan is not yet final."))
    if template == "part-numbered":
        w.add(TruthBlock(None, "heading", "About this plan", level=2))
        for unit in content.units("front"):
            w.add(TruthBlock(None, "paragraph", unit.text), unit)
    else:
        for unit in content.units("front"):
            assert unit.fact is not None
            w.row(None, unit.fact, (), unit)


def _section_body(w: _Writer, content: Content, key: str, template: str) -> None:
    units = content.units(key)
    if template == "tabular" and key in ("E", "F", "K"):
        header = {"E": E_HEADER, "F": F_HEADER, "K": K_HEADER}[key]
        for unit in units:
            if unit.outcome is not None:
                o = unit.outcome
                w.row(
                    key,
                    (o.ref, o.area if not o.pfa else f"Preparing for adulthood: {o.need}", o.sentence()),
                    header,
                    unit,
                )
            elif unit.prov is not None:
                w.row(key, unit.prov.cells(), header, unit)
            elif unit.advice is not None:
                w.row(key, unit.advice.cells(), header, unit)
            elif unit.kind == "para":
                w.add(TruthBlock(key, "paragraph", unit.text), unit)
        return
    for unit in units:
        if unit.kind == "sub":
            w.add(TruthBlock(key, "heading", cap(unit.text), level=2), unit)
        elif unit.outcome is not None:
            w.add(TruthBlock(key, "paragraph", unit.outcome.sentence()), unit)
        elif unit.prov is not None:
            w.add(TruthBlock(key, "paragraph", unit.prov.sentence()), unit)
        elif unit.advice is not None:
            w.add(TruthBlock(key, "paragraph", unit.advice.sentence()), unit)
        else:
            w.add(TruthBlock(key, "paragraph", unit.text), unit)
