"""The worked examples in docs/scoring.md are tests: each block's findings must give its expected results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ehcp_analysis.checks import REGISTRY
from ehcp_analysis.findings import Evidence, Finding, Severity
from ehcp_analysis.scoring import score, score_detail

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"
BLOCKS = re.findall(r"```scoring-example\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_document_has_worked_examples() -> None:
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{i + 1}" for i in range(len(BLOCKS))])
def test_worked_example(block: str) -> None:
    findings: list[Finding] = []
    expectations: list[list[str]] = []
    for line in block.strip().splitlines():
        parts = line.split()
        if parts[0] == "finding":
            code, severity, section = parts[1:4]
            findings.append(
                Finding(code, REGISTRY[code].criterion, section, Severity(severity), "", Evidence("", None), "")
            )
        else:
            assert parts[0] == "expect", line
            expectations.append(parts[1:])
    detail = score_detail(findings)
    scores = score(findings)
    assert expectations
    for exp in expectations:
        if exp[0] == "overall":
            assert (scores.overall_score, scores.overall_grade) == (int(exp[1]), exp[2])
        else:
            _, section, points, grade = exp
            assert detail.section_points[section] == pytest.approx(float(points))
            assert scores.section_grades[section] == grade
