"""One entry point from a read document to findings and a suggested score."""

from __future__ import annotations

from datetime import date

from ehcp_analysis.checks import run_checks
from ehcp_analysis.findings import Analysis
from ehcp_analysis.model import PlanDocument
from ehcp_analysis.scoring import score


def analyse_document(document: PlanDocument, *, today: date | None = None) -> Analysis:
    """Run every check over ``document`` and score the result. ``today`` fixes the date for currency checks."""
    findings = run_checks(document, today=today or date.today())
    return Analysis(findings=findings, scores=score(findings))
