"""Scores from a human auditor's answers: per-criterion answers -> section scores and grades -> overall 1-10.

Pure functions, no Django. scoring.py scores the machine's findings; this module scores a person's answers with
the same scale, weights, cap and bands, so the two can be compared (docs/scoring.md, docs/audits.md):

1. Each answered criterion counts ``met`` = 1, ``partly-met`` = 0.5, ``not-met`` = 0, times its weight (1-3).
   ``not-applicable`` and unanswered criteria are left out: they neither help nor hurt.
2. A section's share is what it earned over the best it could have earned (0 to 1). Its score on the machine's
   1-10 section scale is 1 + 9 x share (so all met = 10, all not met = 1), rounded half up for its grade.
3. Overall = the mean of the section scores weighted by the framework's section weights (F 3, B and E 2, the rest
   1), capped at the lowest of B, E and F plus 3 (as the machine does), rounded half up, between 1 and 10.
4. A score becomes a grade through the bands (default 1-3 Inadequate, 4-5 Requires improvement, 6-8 Good,
   9-10 Outstanding; an authority can change its bands).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from ehcp_analysis.scoring import CORE_MARGIN, CORE_SECTIONS, round_half_up

MET, PARTLY_MET, NOT_MET, NOT_APPLICABLE = "met", "partly-met", "not-met", "not-applicable"
ANSWER_VALUES: dict[str, Decimal] = {MET: Decimal(1), PARTLY_MET: Decimal("0.5"), NOT_MET: Decimal(0)}


class WeightedCriterion(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def section(self) -> str: ...

    @property
    def weight(self) -> Decimal | float | int: ...


@dataclass(frozen=True)
class Bands:
    """The lowest score of each grade band."""

    requires_improvement_from: int = 4
    good_from: int = 6
    outstanding_from: int = 9

    def grade(self, score: int) -> str:
        if score >= self.outstanding_from:
            return "outstanding"
        if score >= self.good_from:
            return "good"
        if score >= self.requires_improvement_from:
            return "requires-improvement"
        return "inadequate"


DEFAULT_BANDS = Bands()


@dataclass(frozen=True)
class SectionResult:
    section: str
    share: Decimal  # 0..1 of the best possible
    points: Decimal  # 1..10, unrounded
    grade: str


@dataclass(frozen=True)
class AnswerScores:
    overall_score: int | None  # None when no criterion was answered (other than not applicable)
    overall_grade: str | None
    sections: dict[str, SectionResult] = field(default_factory=dict)

    @property
    def section_grades(self) -> dict[str, str]:
        return {sid: r.grade for sid, r in self.sections.items()}


def share_to_points(share: Decimal) -> Decimal:
    return Decimal(1) + Decimal(9) * share


def score_answers(
    answers: Mapping[str, str],
    criteria: Iterable[WeightedCriterion],
    *,
    section_weights: Mapping[str, int | Decimal] | None = None,
    bands: Bands = DEFAULT_BANDS,
) -> AnswerScores:
    """Score ``answers`` (criterion code -> answer) against ``criteria``. An unknown answer raises ValueError."""
    weights = section_weights or {}
    earned: dict[str, Decimal] = {}
    possible: dict[str, Decimal] = {}
    for criterion in criteria:
        answer = answers.get(criterion.code, "")
        if answer in ("", NOT_APPLICABLE):
            continue
        if answer not in ANSWER_VALUES:
            raise ValueError(f"unknown answer {answer!r} for {criterion.code}")
        weight = Decimal(str(criterion.weight))
        earned[criterion.section] = earned.get(criterion.section, Decimal(0)) + ANSWER_VALUES[answer] * weight
        possible[criterion.section] = possible.get(criterion.section, Decimal(0)) + weight
    sections: dict[str, SectionResult] = {}
    for sid, best in possible.items():
        if best <= 0:
            continue
        share = earned[sid] / best
        points = share_to_points(share)
        sections[sid] = SectionResult(sid, share, points, bands.grade(min(10, max(1, round_half_up(float(points))))))
    if not sections:
        return AnswerScores(None, None, {})
    total = sum((Decimal(str(weights.get(s, 1))) for s in sections), Decimal(0))
    mean = sum((Decimal(str(weights.get(s, 1))) * r.points for s, r in sections.items()), Decimal(0)) / total
    core = [sections[s].points for s in CORE_SECTIONS if s in sections]
    capped = min(mean, min(core) + CORE_MARGIN) if core else mean
    score = min(10, max(1, round_half_up(float(capped))))
    return AnswerScores(score, bands.grade(score), sections)
