"""Findings and scores: what the automated pre-audit says about a plan.

Machine output only. Human judgements live in the web application and never overwrite these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ehcp_analysis.model import Location


class Severity(StrEnum):
    RED = "red"  # likely unlawful or unenforceable
    AMBER = "amber"  # quality weakness


GRADES: tuple[str, ...] = ("outstanding", "good", "requires-improvement", "inadequate")


@dataclass(frozen=True)
class Evidence:
    text: str  # the quoted text from the plan ("" when the finding is about something absent)
    location: Location | None

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "location": self.location.as_dict() if self.location else None}


@dataclass(frozen=True)
class Finding:
    code: str  # "SECTION.kebab-name", stable, from PRODUCT.md section 8
    criterion: str  # criterion code it informs, e.g. "F-06"
    section: str  # section id, or "GEN"
    severity: Severity
    message: str
    evidence: Evidence
    suggestion: str

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "criterion": self.criterion,
            "section": self.section,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": self.evidence.as_dict(),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Scores:
    overall_score: int | None  # 1-10; None when nothing was scored
    overall_grade: str | None  # one of GRADES
    section_grades: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "overall": {"score": self.overall_score, "grade": self.overall_grade, "suggested": True},
            "sections": {sid: {"grade": g} for sid, g in self.section_grades.items()},
        }


@dataclass(frozen=True)
class Analysis:
    findings: list[Finding]
    scores: Scores
