"""Section K: the list of advice and information, its currency, and the advisers the regulations require."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ehcp_analysis.checks.base import Context, Item, check
from ehcp_analysis.checks.outcomes import effective_year_group
from ehcp_analysis.checks.text import CI, find_dates
from ehcp_analysis.findings import Finding, Severity

_ADVICE_ENTRY = CI(
    r"\b(?:advice|report|assessment|views|information|letter|contribution|summary|statement)\b|"
    r"\b(?:psycholog\w+|therapist|paediatric\w*|doctor|nurse|teacher|senco|social (?:worker|care)|parent|carer|"
    r"school|college|health|clinician|consultant|officer)\b",
    re.I,
)
# Each entry of the advice list is classed by the first kind of adviser it names, most specific first, so an
# educational psychologist working for a school counts as psychological advice, not educational.
ADVISER_KINDS: tuple[tuple[str, CI], ...] = (
    (
        "preparing for adulthood",
        CI(
            r"\b(?:preparing for adulthood|pfa|careers?|transition (?:worker|adviser|advice)|connexions|employment)\b",
            re.I,
        ),
    ),
    # Regulation 6 asks for psychological advice from an educational psychologist specifically.
    ("psychological", CI(r"\b(?:educational psycholog\w+|\bep\b)", re.I)),
    (
        "social care",
        CI(r"\b(?:social (?:care|worker|services)|children'?s services|early help|disabilities team)\b", re.I),
    ),
    (
        "medical",
        CI(
            r"\b(?:medical|paediatric\w*|doctor|gp\b|nurse|health (?:advice|visitor)|designated (?:medical|clinical)|consultant|nhs|icb|clinician|"
            r"clinical psycholog\w+|camhs|mental health)\b",
            re.I,
        ),
    ),
    (
        "parent or young person",
        CI(
            r"\b(?:parents?|carers?|mother|father|mum|dad|family|young person'?s?|child'?s? (?:own )?views|my views)\b",
            re.I,
        ),
    ),
    (
        "educational",
        CI(
            r"\b(?:school|college|nursery|teacher|senco|sendco|head ?teacher|education(?:al)? (?:advice|setting)|setting|early years|special educational needs co-?ordinator)\b",
            re.I,
        ),
    ),
)
REQUIRED_ADVISERS: tuple[str, ...] = (
    "parent or young person",
    "educational",
    "medical",
    "psychological",
    "social care",
)


def adviser_kind(text: str) -> str | None:
    for name, pattern in ADVISER_KINDS:
        if pattern.search(text):
            return name
    return None


def advice_entries(ctx: Context) -> list[Item]:
    return [i for i in ctx.items("K") if _ADVICE_ENTRY.search(i.text) or find_dates(i.text)]


@check("K.no-advice-list", criterion="K-01")
def k_no_advice_list(ctx: Context) -> Iterator[Finding]:
    """Section K lists the advice and information gathered for the assessment, with authors and dates."""
    if "K" in ctx.document.sections and len(advice_entries(ctx)) >= 2:
        return
    yield ctx.finding(
        "K.no-advice-list",
        Severity.RED,
        "Section K does not list the advice and information the plan is based on.",
        "List each piece of advice with its author, role and date, and attach it as an appendix.",
        section="K",
    )


@check("K.stale-advice", criterion="K-02")
def k_stale_advice(ctx: Context) -> Iterator[Finding]:
    """Advice in Section K should be recent: advice more than two years old is flagged."""
    reference: date = ctx.today
    for item in advice_entries(ctx):
        dates = find_dates(item.text)
        if dates and all((reference - d).days > 730 for d in dates):
            yield ctx.finding(
                "K.stale-advice",
                Severity.AMBER,
                f"This advice is dated {max(dates).isoformat()}, more than two years ago.",
                "Seek up-to-date advice, or record that the family, the adviser and the local authority agreed "
                "the older advice is still sufficient.",
                item=item,
            )


@check("K.missing-adviser", criterion="K-03")
def k_missing_adviser(ctx: Context) -> Iterator[Finding]:
    """Section K includes advice from the parent or young person, education, health (medical), an educational
    psychologist and social care, and from Year 9 advice on preparing for adulthood."""
    entries = advice_entries(ctx)
    if len(entries) < 2:
        return  # reported as no advice list
    kinds = {adviser_kind(i.text) for i in entries}
    missing = [name for name in REQUIRED_ADVISERS if name not in kinds]
    year = effective_year_group(ctx)
    if year is not None and year >= 9 and "preparing for adulthood" not in kinds:
        missing.append("preparing for adulthood")
    for name in missing:
        yield ctx.finding(
            "K.missing-adviser",
            Severity.AMBER,
            f"Section K lists no {name} advice.",
            f"Seek and list {name} advice, or record why it was not needed.",
            quote=name,
            section="K",
        )
