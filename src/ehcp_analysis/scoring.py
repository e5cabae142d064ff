"""From findings to a suggested score: pure functions, explained in docs/scoring.md.

1. Each section starts at 10 points. Each finding takes points off the section it is about: a red finding
   2 points times its criterion's weight, an amber finding 0.5 times the weight. Repeats of the same code in the
   same section count half, and at most four findings of one code count at all, so one repeated phrase cannot
   swamp a section.
2. A statutory section that is missing or empty scores 1.
3. Section score = 10 minus its deductions, never below 1, rounded half up; its grade comes from the bands.
4. Overall = the weighted mean of the section scores (F weighs 3, B and E 2, the rest 1), capped at the lowest
   of B, E and F plus 3, at 3 when B, E or F is missing or empty, and at 8 when there is any red finding.
   Rounded half up, between 1 and 10.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ehcp_analysis.findings import Finding, Scores, Severity
from ehcp_analysis.framework import Framework, load_framework
from ehcp_analysis.model import SECTION_IDS

SEVERITY_POINTS: dict[Severity, float] = {Severity.RED: 2.0, Severity.AMBER: 0.5}
REPEAT_FACTOR = 0.5
MAX_COUNTED_PER_CODE = 4
CORE_SECTIONS: tuple[str, ...] = ("B", "E", "F")
CORE_MARGIN = 3
RED_CAP = 8
MISSING_CORE_CAP = 3
SCORED_SECTIONS: tuple[str, ...] = (*SECTION_IDS, "GEN")
_STRUCTURAL = {"STRUCT.missing-section", "STRUCT.empty-section"}


@dataclass(frozen=True)
class ScoreDetail:
    section_points: dict[str, float]
    mean: float
    cap: float
    score: int
    grade: str


def round_half_up(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _scored_section(finding: Finding) -> str:
    if finding.section in SCORED_SECTIONS:
        return finding.section
    location = finding.evidence.location
    if location is not None and location.section in SCORED_SECTIONS:
        return location.section
    return "GEN"


def section_points(findings: Iterable[Finding], framework: Framework) -> dict[str, float]:
    """Points out of 10 for each section (and GEN for whole-plan findings)."""
    criteria = framework.by_code
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    floored: set[str] = set()
    for finding in findings:
        section = _scored_section(finding)
        if finding.code in _STRUCTURAL:
            floored.add(section)
            continue
        criterion = criteria.get(finding.criterion)
        weight = criterion.weight if criterion is not None else 1
        groups[(section, finding.code)].append(SEVERITY_POINTS[finding.severity] * weight)
    deductions: dict[str, float] = defaultdict(float)
    for (section, _code), points in groups.items():
        # The most serious finding of a code counts in full and the next ones half, whatever order they came in,
        # so that fixing any one finding can never lower the score.
        ranked = sorted(points, reverse=True)[:MAX_COUNTED_PER_CODE]
        deductions[section] += ranked[0] + REPEAT_FACTOR * sum(ranked[1:])
    return {sid: 1.0 if sid in floored else max(1.0, 10.0 - deductions[sid]) for sid in SCORED_SECTIONS}


def _missing_core(findings: Iterable[Finding]) -> bool:
    return any(f.code in _STRUCTURAL and f.section in CORE_SECTIONS for f in findings)


def score_detail(findings: list[Finding], framework: Framework | None = None) -> ScoreDetail:
    framework = framework or load_framework()
    points = section_points(findings, framework)
    weights = framework.section_weights
    total = sum(weights.get(sid, 1) for sid in SCORED_SECTIONS)
    mean = sum(points[sid] * weights.get(sid, 1) for sid in SCORED_SECTIONS) / total
    cap = min(points[sid] for sid in CORE_SECTIONS) + CORE_MARGIN
    if any(f.severity is Severity.RED for f in findings):
        cap = min(cap, RED_CAP)
    if _missing_core(findings):
        cap = min(cap, MISSING_CORE_CAP)
    score = min(10, max(1, round_half_up(min(mean, cap))))
    return ScoreDetail(points, mean, cap, score, framework.grade_for(score))


def score(findings: list[Finding], framework: Framework | None = None) -> Scores:
    """The suggested overall score and grade, and a grade for each section."""
    framework = framework or load_framework()
    detail = score_detail(findings, framework)
    grades = {sid: framework.grade_for(min(10, max(1, round_half_up(p)))) for sid, p in detail.section_points.items()}
    return Scores(overall_score=detail.score, overall_grade=detail.grade, section_grades=grades)
