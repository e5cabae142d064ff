"""Run every registered check over a document."""

from __future__ import annotations

from datetime import date

from ehcp_analysis.checks.base import REGISTRY, Context
from ehcp_analysis.checks.text import clear_caches
from ehcp_analysis.findings import Finding
from ehcp_analysis.model import PlanDocument


def run_checks(document: PlanDocument, *, today: date, codes: set[str] | None = None) -> list[Finding]:
    """Every finding for ``document``, in registry order, without duplicates (same code, section, quote, message)."""
    clear_caches()  # the text caches serve one document at a time
    ctx = Context(document, today)
    seen: set[tuple[str, str, str, str]] = set()
    out: list[Finding] = []
    for code, spec in REGISTRY.items():
        if codes is not None and code not in codes:
            continue
        for finding in spec.function(ctx):
            key = (finding.code, finding.section, finding.evidence.text, finding.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(finding)
    return out
