"""Whether the plan is current: recent plan or review, outcome dates still ahead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ehcp_analysis.checks.base import Context, check
from ehcp_analysis.checks.outcomes import outcome_items
from ehcp_analysis.checks.text import CI, find_dates, year_group_from_birth
from ehcp_analysis.findings import Finding, Severity

_END_OF_YEAR = CI(r"\bby the end of (?:year|yr) ?(\d{1,2})\b", re.I)
_STALE_DAYS = 366


def _text_stating(ctx: Context, day: date) -> str | None:
    """The first block of the document (front matter included) that states ``day``."""
    for block in [*ctx.document.unplaced, *ctx.document.blocks()]:
        if len(block.text) < 200 and day in find_dates(block.text):
            return block.text
    return None


def latest_plan_date(ctx: Context) -> date | None:
    dates = [d for d in (ctx.metadata.plan_date, ctx.metadata.last_review_date) if d is not None]
    return max(dates) if dates else None


@check("GEN.out-of-date", criterion="GEN-11", section="GEN")
def gen_out_of_date(ctx: Context) -> Iterator[Finding]:
    """The plan must be current: reviewed within the last 12 months, with outcome dates that are still ahead."""
    latest = latest_plan_date(ctx)
    if latest is not None and (ctx.today - latest).days > _STALE_DAYS:
        months = (ctx.today - latest).days * 12 // 365
        yield ctx.finding(
            "GEN.out-of-date",
            Severity.RED,
            f"The plan or its last review is dated {latest.isoformat()}, about {months} months ago.",
            "Hold the annual review (within 12 months of the plan or the last review) and update the plan with "
            "current needs, outcomes and provision.",
            quote=_text_stating(ctx, latest) or latest.isoformat(),
        )
    # The year group today: from the date of birth when known (a stated year group may be as at the plan date or
    # already rolled forward, so it is only a fallback and is not advanced).
    year_now = ctx.metadata.year_group
    if ctx.metadata.date_of_birth is not None:
        year_now = year_group_from_birth(ctx.metadata.date_of_birth, ctx.today)
    for item in outcome_items(ctx):
        past = [d for d in find_dates(item.text) if d < ctx.today]
        m = _END_OF_YEAR.search(item.text)
        year_past = m is not None and year_now is not None and int(m.group(1)) < year_now
        if past or year_past:
            when = past[0].isoformat() if past else f"Year {m.group(1) if m else ''}"
            yield ctx.finding(
                "GEN.out-of-date",
                Severity.AMBER,
                f"This outcome's target date ({when}) has already passed.",
                "Review the outcome: record whether it was achieved and set a new one with a future date.",
                item=item,
            )
