"""The hand-written statements: each earns exactly the codes a careful reviewer would give it."""

from __future__ import annotations

import pytest

from ehcp_analysis.checks.outcomes import judge_outcome
from ehcp_analysis.checks.provision import judge_provision
from tests.checks.statements import OUTCOMES, PROVISION


def test_there_are_enough_statements() -> None:
    assert len(PROVISION) + len(OUTCOMES) >= 150
    assert sum(1 for _, codes in PROVISION + OUTCOMES if not codes) >= 50  # good practice is well represented


@pytest.mark.parametrize(("text", "expected"), PROVISION, ids=[t[:50] for t, _ in PROVISION])
def test_provision_statement(text: str, expected: set[str]) -> None:
    assert judge_provision(text) == expected


@pytest.mark.parametrize(("text", "expected"), OUTCOMES, ids=[t[:50] for t, _ in OUTCOMES])
def test_outcome_statement(text: str, expected: set[str]) -> None:
    assert judge_outcome(text) == expected
