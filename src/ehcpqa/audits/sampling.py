"""Choosing a round's sample and sharing it out between auditors. Pure functions: ids in, ids out.

The database side (which plans match a rule) is in selectors.sample_plans; this module decides the random draw and
the assignment, so both can be tested without a database and explained to a QA lead.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


def random_sample(ids: Iterable[int], *, percent: int, seed: int) -> list[int]:
    """A reproducible random ``percent`` of ``ids``: the same ids, percentage and seed give the same sample.

    The size is rounded up, so a small register still yields at least one plan when percent > 0.
    """
    pool = sorted(set(ids))
    if not pool or percent <= 0:
        return []
    size = min(len(pool), math.ceil(len(pool) * percent / 100))
    return sorted(random.Random(seed).sample(pool, size))


class AssignmentError(Exception):
    """A plan could not be given to anyone: every chosen auditor wrote it."""

    def __init__(self, plan_id: int) -> None:
        super().__init__(f"no eligible auditor for plan {plan_id}")
        self.plan_id = plan_id


@dataclass(frozen=True)
class PlanToAssign:
    plan_id: int
    case_officer_id: int | None


def assign_balanced(
    plans: Sequence[PlanToAssign],
    auditor_ids: Sequence[int],
    *,
    existing_load: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Give each plan to the least-loaded auditor who is not its case officer.

    Ties go to the auditor listed first, so the result is deterministic. Plans that only one auditor may take are
    placed first, so a case officer who is also an auditor cannot leave a plan with nobody eligible.
    Raises AssignmentError when a plan has no eligible auditor at all.
    """
    load = {a: (existing_load or {}).get(a, 0) for a in auditor_ids}
    order = {a: i for i, a in enumerate(auditor_ids)}

    def eligible(plan: PlanToAssign) -> list[int]:
        return [a for a in auditor_ids if a != plan.case_officer_id]

    result: dict[int, int] = {}
    for plan in sorted(plans, key=lambda p: (len(eligible(p)), p.plan_id)):
        candidates = eligible(plan)
        if not candidates:
            raise AssignmentError(plan.plan_id)
        chosen = min(candidates, key=lambda a: (load[a], order[a]))
        result[plan.plan_id] = chosen
        load[chosen] += 1
    return result
