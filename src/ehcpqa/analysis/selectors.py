"""Reads for showing an analysis run: the document by section with the automated findings beside the text.

Identity masking happens here, so every page that shows a document (the plan page here, the audit form in the
audits app) gets it the same way: pass ``mask=`` the names and dates to hide from the viewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ehcp_analysis.model import SECTION_IDS
from ehcp_analysis.report import GRADE_LABELS, SECTION_NAMES
from ehcpqa.analysis.models import AnalysisRun, StoredFinding
from ehcpqa.plans.models import Plan

MASK = "[hidden]"
SECTION_ORDER = {sid: i for i, sid in enumerate((*SECTION_IDS, "GEN"))}


def grade_label(grade: str | None) -> str:
    return GRADE_LABELS.get(grade or "", "")


def section_name(section_id: str) -> str:
    name = SECTION_NAMES.get(section_id)
    if section_id == "GEN":
        return name or "The plan as a whole"
    return f"Section {section_id}: {name}" if name else f"Section {section_id}"


class Masker:
    """Replaces a child's name (in full and each part) and date of birth in text shown to a blind auditor.

    Best effort: it hides what the register and the document's own details say the child is called. It cannot
    know a nickname the plan uses without saying so, which is why auditors are also asked to report any they see.
    """

    def __init__(self, names: list[str], dates_of_birth: list[date]) -> None:
        parts: set[str] = set()
        for name in names:
            cleaned = " ".join(re.sub(r"\(.*?\)", " ", name).split())  # "Alex Morgan (case officer)"
            if cleaned:
                parts.add(cleaned)
                parts.update(p for p in re.findall(r"[^\W\d_][\w'’]*", cleaned) if len(p) >= 2)
        patterns = [re.escape(p) for p in sorted(parts, key=len, reverse=True)]
        for dob in dates_of_birth:
            patterns += [re.escape(v) for v in _date_spellings(dob)]
        self._pattern = re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE) if patterns else None

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(MASK, text)


def _date_spellings(value: date) -> list[str]:
    month = value.strftime("%B")
    return [
        value.isoformat(),
        value.strftime("%d/%m/%Y"),
        f"{value.day}/{value.month}/{value.year}",
        f"{value.day} {month} {value.year}",
        value.strftime("%d %B %Y"),
        f"{value.day} {month[:3]} {value.year}",
    ]


def no_mask(text: str) -> str:
    return text


def masker_for(plan: Plan, run: AnalysisRun | None) -> Masker:
    names = [plan.child_name] if plan.child_name else []
    # The case officer is hidden too, so an auditor's view of the plan is not coloured by who wrote it.
    officer = plan.case_officer
    if officer is not None:
        names += [n for n in (officer.display_name, officer.get_full_name()) if n]
    dobs = [plan.date_of_birth] if plan.date_of_birth else []
    if run is not None and run.metadata:
        if run.metadata.get("child_name"):
            names.append(str(run.metadata["child_name"]))
        try:
            if run.metadata.get("date_of_birth"):
                dobs.append(date.fromisoformat(str(run.metadata["date_of_birth"])))
        except ValueError:
            pass
    return Masker(names, dobs)


@dataclass
class FindingView:
    number: int
    finding: StoredFinding
    message: str
    evidence: str
    suggestion: str
    place: str  # section id where it is shown
    paragraph: int | None
    marked: bool = False  # its evidence is highlighted in the text

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"

    @property
    def evidence_anchor(self) -> str:
        return f"evidence-{self.number}"

    @property
    def is_red(self) -> bool:
        return self.finding.severity == "red"


@dataclass
class Segment:
    text: str
    finding: FindingView | None = None


@dataclass
class ParagraphView:
    kind: str
    number: int | None
    segments: list[Segment]
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class SectionView:
    id: str
    name: str
    title: str  # the heading as written in the plan
    present: bool
    paragraphs: list[ParagraphView]
    findings: list[FindingView]
    grade: str = ""

    @property
    def red_count(self) -> int:
        return sum(1 for f in self.findings if f.is_red)


@dataclass
class DocumentView:
    run: AnalysisRun
    sections: list[SectionView]
    general: list[FindingView]  # about the plan as a whole, with nowhere in the text to point to
    findings: list[FindingView]

    @property
    def red_count(self) -> int:
        return sum(1 for f in self.findings if f.is_red)

    @property
    def amber_count(self) -> int:
        return len(self.findings) - self.red_count

    @property
    def grade_label(self) -> str:
        return grade_label(self.run.suggested_grade)


def _place(finding: StoredFinding) -> tuple[str, int | None]:
    location: dict[str, Any] = finding.location or {}
    place = str(location.get("section") or finding.section or "GEN")
    paragraph = location.get("paragraph")
    return place, int(paragraph) if isinstance(paragraph, int) else None


def document_view(run: AnalysisRun, *, mask: Masker | None = None) -> DocumentView:
    """The run's document, section by section, each paragraph split so that quoted evidence can be marked."""
    hide = mask or no_mask
    stored = list(run.findings.all())
    stored.sort(key=lambda f: (SECTION_ORDER.get(_place(f)[0], 99), _place(f)[1] or 0, f.severity != "red", f.pk))
    findings = []
    for number, finding in enumerate(stored, start=1):
        place, paragraph = _place(finding)
        findings.append(
            FindingView(
                number=number,
                finding=finding,
                message=hide(finding.message),
                evidence=hide(finding.evidence_text),
                suggestion=hide(finding.suggestion),
                place=place,
                paragraph=paragraph,
            )
        )
    by_place: dict[str, list[FindingView]] = {}
    for view in findings:
        by_place.setdefault(view.place, []).append(view)

    document = run.document or {}
    present = {s["id"]: s for s in document.get("sections", [])}
    sections = []
    for section_id in SECTION_IDS:
        raw = present.get(section_id)
        section_findings = by_place.pop(section_id, [])
        paragraphs = [_paragraph(block, section_findings, hide) for block in (raw or {}).get("blocks", [])]
        sections.append(
            SectionView(
                id=section_id,
                name=section_name(section_id),
                title=hide(str((raw or {}).get("title") or "")),
                present=raw is not None,
                paragraphs=paragraphs,
                findings=section_findings,
                grade=grade_label((run.section_grades or {}).get(section_id)),
            )
        )
    general = [f for place in sorted(by_place, key=lambda p: SECTION_ORDER.get(p, 99)) for f in by_place[place]]
    return DocumentView(run=run, sections=sections, general=general, findings=findings)


def _paragraph(block: dict[str, Any], findings: list[FindingView], hide: Any) -> ParagraphView:
    text = str(block.get("text") or "")
    number = block.get("paragraph")
    here = [f for f in findings if f.paragraph is not None and f.paragraph == number]
    spans: list[tuple[int, int, FindingView]] = []
    lowered = text.lower()
    for finding in here:
        quote = finding.finding.evidence_text.strip()
        if not quote:
            continue
        start = text.find(quote)
        if start < 0:
            start = lowered.find(quote.lower())
        if start < 0:
            continue
        end = start + len(quote)
        if any(start < e and s < end for s, e, _ in spans):
            continue  # overlapping quotes: the first is marked, the others are still listed beside
        spans.append((start, end, finding))
        finding.marked = True
    spans.sort(key=lambda s: s[0])
    segments: list[Segment] = []
    cursor = 0
    for start, end, finding in spans:
        if start > cursor:
            segments.append(Segment(hide(text[cursor:start])))
        segments.append(Segment(hide(text[start:end]), finding))
        cursor = end
    if cursor < len(text) or not segments:
        segments.append(Segment(hide(text[cursor:])))
    return ParagraphView(
        kind=str(block.get("kind") or "paragraph"),
        number=number if isinstance(number, int) else None,
        segments=segments,
        findings=here,
    )
