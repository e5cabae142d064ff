"""The automated pre-audit checks. Importing this package registers every check in ``REGISTRY``."""

from __future__ import annotations

from ehcp_analysis.checks import (  # noqa: F401  (imported for their registrations)
    advice,
    currency,
    general,
    needs,
    outcomes,
    placement,
    provision,
    readability,
    structure,
    thread,
    voice,
)
from ehcp_analysis.checks.base import REGISTRY, CheckSpec, Context, check
from ehcp_analysis.checks.runner import run_checks

__all__ = ["REGISTRY", "CheckSpec", "Context", "check", "run_checks"]
