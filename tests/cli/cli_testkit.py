"""Small in-memory plans and findings for the command-line and report tests (imported as ``cli_testkit``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jsonschema

from ehcp_analysis.findings import Analysis, Evidence, Finding, Scores, Severity
from ehcp_analysis.model import Block, BlockKind, Location, PlanDocument, PlanMetadata, Section
from ehcp_analysis.report import load_schema

# Sections written for the in-memory plan; any id not here is "missing" from it.
DEFAULT_TEXT: dict[str, list[str]] = {
    "A": ["Ava likes swimming and drawing.", "Ava wants to be a vet."],
    "B": ["Ava has difficulty following spoken instructions of more than two steps."],
    "C": ["No health needs have been identified."],
    "D": ["No social care needs have been identified."],
    "E": ["By July 2026 Ava will follow three-step instructions in class."],
    "F": ["Ava will have access to speech and language therapy as required.", "Daily 1:1 reading, 20 minutes."],
    "G": ["None."],
    "H1": ["None."],
    "H2": ["None."],
    "I": ["Oak Primary School, mainstream maintained primary school."],
    "K": ["Educational psychologist advice, 3 March 2025."],
}


def make_document(
    sections: dict[str, list[str]] | None = None,
    *,
    source: str = "plan.docx",
    child_name: str | None = "Ava Example",
    unplaced: list[str] | None = None,
) -> PlanDocument:
    """A read plan as the readers would build it: headed sections of located paragraphs."""
    texts = DEFAULT_TEXT if sections is None else sections
    index = 0
    placed: dict[str, Section] = {}
    for sid, paragraphs in texts.items():
        section = Section(id=sid, title=f"Section {sid}: heading as written")
        for number, text in enumerate(paragraphs, start=1):
            kind = BlockKind.TABLE_ROW if " | " in text else BlockKind.PARAGRAPH
            section.blocks.append(Block(kind, text, index=index, location=Location(sid, number)))
            index += 1
        placed[sid] = section
    before = [Block(BlockKind.PARAGRAPH, t, index=-1 - i) for i, t in enumerate(unplaced or [])]
    return PlanDocument(
        source=source,
        format="docx",
        pages=None,
        characters=sum(s.characters for s in placed.values()),
        sections=placed,
        unplaced=before,
        metadata=PlanMetadata(
            child_name=child_name,
            date_of_birth=date(2016, 3, 4),
            year_group=4,
            plan_date=date(2025, 5, 1),
            plan_status="final",
        ),
    )


def finding(
    code: str = "F.vague-wording",
    *,
    text: str = "access to speech and language therapy as required",
    section: str = "F",
    paragraph: int = 1,
    severity: Severity = Severity.RED,
    message: str = "Provision uses non-committal wording.",
    suggestion: str = "Say how often, for how long and who delivers it.",
    criterion: str = "F-06",
    where: str | None = None,
) -> Finding:
    """A finding quoting ``text`` from paragraph ``paragraph`` of section ``where`` (default: ``section``)."""
    return Finding(
        code=code,
        criterion=criterion,
        section=section,
        severity=severity,
        message=message,
        evidence=Evidence(text=text, location=Location(where or section, paragraph) if text else None),
        suggestion=suggestion,
    )


def analysis(*findings: Finding, score: int | None = 5, grade: str | None = "requires-improvement") -> Analysis:
    return Analysis(
        findings=list(findings),
        scores=Scores(overall_score=score, overall_grade=grade, section_grades={"F": "inadequate"} if grade else {}),
    )


def validate_run(run: dict[str, Any]) -> None:
    """Fail the test unless ``run`` is a valid ehcpqa.report/1 document."""
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(run)


# -- real plan files --------------------------------------------------------------------------------------------

PLAN_HEADINGS: dict[str, str] = {
    "A": "Section A: The views, interests and aspirations of Ava and her parents",
    "B": "Section B: Special educational needs",
    "C": "Section C: Health needs related to SEN",
    "D": "Section D: Social care needs",
    "E": "Section E: Outcomes",
    "F": "Section F: Special educational provision",
    "G": "Section G: Health provision",
    "H1": "Section H1: Social care provision under section 2 of the CSDPA 1970",
    "H2": "Section H2: Other social care provision",
    "I": "Section I: Placement",
    "J": "Section J: Personal budget",
    "K": "Section K: Advice and information",
}

PLAN_PARAGRAPHS: dict[str, list[str]] = {
    "A": ["Ava says: I like swimming and drawing horses.", "When she grows up Ava wants to work with animals."],
    "B": [
        "Ava finds it hard to follow spoken instructions of more than two steps and needs them broken down.",
        "Ava reads at a level about two years below her age and avoids writing tasks.",
    ],
    "C": ["Ava has no health needs related to her special educational needs."],
    "D": ["Ava has no social care needs related to her special educational needs or disability."],
    "E": ["By July 2027 Ava will follow a three-step instruction in class without adult help in 4 out of 5 trials."],
    "F": [
        "Ava will have access to speech and language therapy as required.",
        "A teaching assistant trained in the programme will deliver 1:1 reading for 20 minutes every day.",
    ],
    "G": ["None."],
    "H1": ["None."],
    "H2": ["None."],
    "I": ["Oak Primary School, a mainstream maintained primary school."],
    "J": ["Not applicable: no personal budget has been requested."],
    "K": ["Advice from the educational psychologist, Dr P Example, dated 3 March 2026."],
}


def plan_paragraphs(extra: dict[str, list[str]] | None = None) -> list[tuple[str, list[str]]]:
    """Headings and paragraphs of a small synthetic plan, with ``extra`` paragraphs appended to sections."""
    extra = extra or {}
    return [(PLAN_HEADINGS[sid], PLAN_PARAGRAPHS[sid] + extra.get(sid, [])) for sid in PLAN_HEADINGS]


COVER = [
    "Education, Health and Care Plan",
    "Name: Ava Example",
    "Date of birth: 4 March 2016",
    "Date of plan: 1 May 2026",
    "Status: Final",
]


def write_docx(path: Path, extra: dict[str, list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for line in COVER:
        document.add_paragraph(line)
    for heading, paragraphs in plan_paragraphs(extra):
        document.add_heading(heading, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def write_pdf(path: Path, extra: dict[str, list[str]] | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in COVER:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    for heading, paragraphs in plan_paragraphs(extra):
        pdf.set_font("Helvetica", style="B", size=14)
        pdf.multi_cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for text in paragraphs:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def write_txt(path: Path, extra: dict[str, list[str]] | None = None) -> Path:
    lines = list(COVER) + [""]
    for heading, paragraphs in plan_paragraphs(extra):
        lines += [heading, ""] + [p + "\n" for p in paragraphs]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
