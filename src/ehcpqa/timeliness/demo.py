"""Demo case records: a plausible history of dated steps for each demo plan, imported through the CSV reader.

Synthetic only. Built from each plan's own dates, with some steps late and a few statutory exceptions, so the
timeliness pages of the demo show on-time, late, with-exception and due-this-term cases. Safe to run again: the
import replaces a child's events.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ehcpqa.accounts.models import LocalAuthority
from ehcpqa.plans.models import Plan
from ehcpqa.timeliness.case_csv import parse_case_csv
from ehcpqa.timeliness.services import store_cases

DEMO_SEED = 170
COLUMNS = ["reference", "event", "date", "detail", "school", "date_of_birth"]


def _history(plan: Plan, rng: random.Random, today: date) -> list[tuple[str, date, str]]:
    issued = plan.issued_date or plan.request_date
    if issued is None:
        return []
    # Most new plans are on time; about a third run late, as nationally.
    weeks = rng.choice([14, 16, 18, 19, 20, 22, 26, 31])
    request = plan.request_date or issued - timedelta(weeks=weeks)
    steps = [("request", request, ""), ("decision-to-assess", request + timedelta(days=rng.randint(25, 50)), "assess")]
    asked = request + timedelta(weeks=6, days=rng.randint(0, 5))
    steps += [
        ("advice-requested", asked, "educational-psychologist"),
        ("advice-received", asked + timedelta(days=rng.randint(28, 55)), "educational-psychologist"),
    ]
    if rng.random() < 0.06:
        steps.append(("exception", request + timedelta(weeks=8), rng.choice(["child-away", "personal-circumstances"])))
    steps.append(("final-issued", issued, ""))
    if plan.last_review_date and plan.last_review_date > issued:
        meeting = plan.last_review_date
        steps.append(("review-meeting", meeting, ""))
        decided = meeting + timedelta(days=rng.randint(14, 40))
        decision = rng.choice(["maintain", "amend", "amend"])
        steps.append(("review-decision", decided, decision))
        amended = meeting + timedelta(weeks=rng.randint(8, 15))
        if decision == "amend" and amended <= today:
            steps.append(("amended-plan-issued", amended, ""))
    return [(kind, on, detail) for kind, on, detail in steps if on <= today]


def seed_demo_timeliness(local_authority: LocalAuthority) -> int:
    """Import a case history for every demo plan with dates. Returns the number of children imported."""
    today = timezone.localdate()
    rng = random.Random(DEMO_SEED)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    children = 0
    for plan in Plan.objects.filter(local_authority=local_authority).order_by("reference"):
        steps = _history(plan, rng, today)
        if not steps:
            continue
        children += 1
        born = plan.date_of_birth.isoformat() if plan.date_of_birth else ""
        for kind, on, detail in steps:
            writer.writerow([plan.reference, kind, on.isoformat(), detail, plan.setting, born])
    if not children:
        return 0
    parsed = parse_case_csv(out.getvalue().encode("utf-8"), today=today)
    if parsed.errors:
        # The demo builds its own rows: an error here is a bug in this module, not in anyone's data.
        raise RuntimeError(f"demo case history has {len(parsed.errors)} invalid rows; first: {parsed.errors[0]}")
    with transaction.atomic():
        store_cases(local_authority=local_authority, parsed=parsed, today=today)
    return children
