"""Worked examples of the human audit's derived score (docs/audits.md repeats them in words)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from ehcp_analysis.answer_scoring import Bands, score_answers
from ehcp_analysis.framework import load_framework

WEIGHTS = {"B": 2, "E": 2, "F": 3}


@dataclass(frozen=True)
class C:
    code: str
    section: str
    weight: int = 1


CRITERIA = [C("B-01", "B", 2), C("B-02", "B", 1), C("E-02", "E", 2), C("F-02", "F", 3), C("K-01", "K", 1)]


def test_all_met_scores_ten_outstanding() -> None:
    scores = score_answers({c.code: "met" for c in CRITERIA}, CRITERIA, section_weights=WEIGHTS)
    assert (scores.overall_score, scores.overall_grade) == (10, "outstanding")
    assert set(scores.section_grades.values()) == {"outstanding"}


def test_all_not_met_scores_one_inadequate() -> None:
    scores = score_answers({c.code: "not-met" for c in CRITERIA}, CRITERIA, section_weights=WEIGHTS)
    assert (scores.overall_score, scores.overall_grade) == (1, "inadequate")


def test_not_applicable_and_unanswered_criteria_are_left_out() -> None:
    # Only B-01 counts: met -> B scores 10 and is the only section.
    scores = score_answers({"B-01": "met", "B-02": "not-applicable"}, CRITERIA, section_weights=WEIGHTS)
    assert scores.overall_score == 10
    assert set(scores.sections) == {"B"}


def test_nothing_answered_gives_no_score() -> None:
    scores = score_answers({"B-01": "not-applicable"}, CRITERIA)
    assert scores.overall_score is None and scores.overall_grade is None


def test_worked_example_weighted_sections_and_partly_met() -> None:
    # B: B-01 met (2 of 2) + B-02 partly met (0.5 of 1) = 2.5/3 -> 1 + 9 x 0.8333 = 8.5 points.
    # E: partly met -> 1 + 4.5 = 5.5.  F: met -> 10.  K: not met -> 1.
    # Weighted mean = (8.5 x 2 + 5.5 x 2 + 10 x 3 + 1 x 1) / 8 = 59 / 8 = 7.375.
    # Cap = lowest of B, E, F (5.5) + 3 = 8.5: no effect. Rounded: 7 -> Good.
    answers = {"B-01": "met", "B-02": "partly-met", "E-02": "partly-met", "F-02": "met", "K-01": "not-met"}
    scores = score_answers(answers, CRITERIA, section_weights=WEIGHTS)
    assert scores.sections["B"].points == Decimal("8.5")
    assert scores.sections["E"].grade == "good"  # 5.5 rounds half up to 6
    assert (scores.overall_score, scores.overall_grade) == (7, "good")


def test_weak_provision_caps_the_overall_score() -> None:
    # F not met (1 point) caps the plan at 1 + 3 = 4 however good the rest: the same cap as the machine's score.
    answers = {"B-01": "met", "B-02": "met", "E-02": "met", "F-02": "not-met", "K-01": "met"}
    scores = score_answers(answers, CRITERIA, section_weights=WEIGHTS)
    assert (scores.overall_score, scores.overall_grade) == (4, "requires-improvement")


def test_authority_bands_change_the_grade_not_the_score() -> None:
    answers = {"B-01": "met", "B-02": "partly-met", "E-02": "partly-met", "F-02": "met", "K-01": "not-met"}
    strict = Bands(requires_improvement_from=5, good_from=8, outstanding_from=10)
    scores = score_answers(answers, CRITERIA, section_weights=WEIGHTS, bands=strict)
    assert (scores.overall_score, scores.overall_grade) == (7, "requires-improvement")


def test_unknown_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown answer"):
        score_answers({"B-01": "maybe"}, CRITERIA)


def test_the_default_framework_scores_with_its_own_weights() -> None:
    framework = load_framework()
    answers = {c.code: "met" for c in framework.criteria}
    scores = score_answers(answers, framework.criteria, section_weights=framework.section_weights)
    assert scores.overall_score == 10
    answers = {c.code: ("not-met" if c.section == "F" else "met") for c in framework.criteria}
    scores = score_answers(answers, framework.criteria, section_weights=framework.section_weights)
    assert scores.overall_score == 4  # capped by F
