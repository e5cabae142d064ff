"""Scoring properties: more serious defects never score higher than the same plan with them fixed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ehcp_analysis.checks import REGISTRY
from ehcp_analysis.findings import Evidence, Finding, Severity
from ehcp_analysis.framework import load_framework
from ehcp_analysis.scoring import score

CODES = sorted(REGISTRY)
SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K", "GEN"]


def _finding(code: str, severity: Severity, section: str) -> Finding:
    return Finding(code, REGISTRY[code].criterion, section, severity, "", Evidence("", None), "")


findings_strategy = st.lists(
    st.builds(_finding, st.sampled_from(CODES), st.sampled_from(list(Severity)), st.sampled_from(SECTIONS)),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(findings_strategy, st.data())
def test_fixing_a_defect_never_lowers_the_score(findings: list[Finding], data: st.DataObject) -> None:
    if not findings:
        return
    drop = data.draw(st.integers(0, len(findings) - 1))
    fixed = findings[:drop] + findings[drop + 1 :]
    before, after = score(findings), score(fixed)
    assert before.overall_score is not None and after.overall_score is not None
    assert after.overall_score >= before.overall_score


@settings(max_examples=200, deadline=None)
@given(findings_strategy)
def test_score_and_grade_agree_with_the_bands(findings: list[Finding]) -> None:
    scores = score(findings)
    assert scores.overall_score is not None and 1 <= scores.overall_score <= 10
    assert scores.overall_grade == load_framework().grade_for(scores.overall_score)


def test_a_red_defect_in_f_scores_lower_than_the_plan_without_it() -> None:
    base = [_finding("E.not-time-bound", Severity.AMBER, "E")]
    worse = base + [_finding("F.unquantified", Severity.RED, "F"), _finding("F.no-deliverer", Severity.RED, "F")]
    assert score(worse).overall_score < score(base).overall_score  # type: ignore[operator]


def test_red_is_worse_than_amber() -> None:
    red = score([_finding("F.vague-wording", Severity.RED, "F")])
    amber = score([_finding("F.vague-wording", Severity.AMBER, "F")])
    assert red.overall_score < amber.overall_score  # type: ignore[operator]
    assert red.section_grades["F"] != "outstanding"
