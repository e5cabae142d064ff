"""Structure: every statutory section present, labelled and filled in."""

from __future__ import annotations

from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, check
from ehcp_analysis.findings import Finding, Severity
from ehcp_analysis.model import SECTION_IDS

_SECTION_NAMES = {
    "A": "views, interests and aspirations",
    "B": "special educational needs",
    "C": "health needs",
    "D": "social care needs",
    "E": "outcomes",
    "F": "special educational provision",
    "G": "health provision",
    "H1": "social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
    "H2": "other social care provision",
    "I": "placement",
    "J": "personal budget",
    "K": "advice and information",
}


@check("STRUCT.missing-section", criterion="GEN-01")
def struct_missing_section(ctx: Context) -> Iterator[Finding]:
    """Each statutory section A, B, C, D, E, F, G, H1, H2, I, J and K must be present and separately labelled."""
    for sid in SECTION_IDS:
        if not ctx.present(sid):
            yield ctx.finding(
                "STRUCT.missing-section",
                Severity.RED,
                f"Section {sid} ({_SECTION_NAMES[sid]}) could not be found.",
                f"Add a separately labelled Section {sid}; if nothing applies, say so in one sentence rather than "
                "leaving the section out.",
                section=sid,
            )


@check("STRUCT.empty-section", criterion="GEN-01")
def struct_empty_section(ctx: Context) -> Iterator[Finding]:
    """A section that is present must have content or say explicitly that nothing applies."""
    for sid in SECTION_IDS:
        if sid not in ctx.document.sections:
            continue
        if sid == "I" and ctx.status == "draft":
            continue  # a draft plan leaves Section I blank on purpose
        if ctx.is_empty(sid):
            section = ctx.document.sections[sid]
            yield ctx.finding(
                "STRUCT.empty-section",
                Severity.RED,
                f"Section {sid} is present but empty.",
                f"Fill in Section {sid} ({_SECTION_NAMES[sid]}), or state plainly that there is nothing to record "
                "and why.",
                quote=section.title,
                section=sid,
            )
