"""Choosing which audits are moderated, and by whom. Pure functions: ids in, ids out (no database).

Stratified by auditor so that every auditor is moderated, however few audits they did: each auditor's share is
rounded up, so an auditor with one submitted audit always has it moderated. The total can therefore be a little
over the configured share; that is deliberate (consistency of every auditor matters more than an exact total).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SubmittedAudit:
    audit_id: int
    auditor_id: int


def stratified_sample(audits: Iterable[SubmittedAudit], *, percent: int, seed: int) -> list[int]:
    """Audit ids: ``percent`` of each auditor's audits, rounded up (at least one each), drawn reproducibly."""
    by_auditor: dict[int, list[int]] = defaultdict(list)
    for audit in audits:
        by_auditor[audit.auditor_id].append(audit.audit_id)
    if percent <= 0:
        return []
    rng = random.Random(seed)
    chosen: list[int] = []
    for auditor_id in sorted(by_auditor):  # a fixed order, so the same seed draws the same audits
        pool = sorted(by_auditor[auditor_id])
        size = min(len(pool), max(1, math.ceil(len(pool) * percent / 100)))
        chosen.extend(rng.sample(pool, size))
    return sorted(chosen)


class NoEligibleModerator(Exception):
    def __init__(self, audit_id: int) -> None:
        super().__init__(f"no eligible moderator for audit {audit_id}")
        self.audit_id = audit_id


@dataclass(frozen=True)
class AuditToModerate:
    audit_id: int
    excluded_ids: frozenset[int]  # the first auditor, section auditors and the plan's case officer


def assign_moderators(
    audits: Sequence[AuditToModerate], moderator_ids: Sequence[int], *, existing_load: Mapping[int, int] | None = None
) -> dict[int, int]:
    """Give each audit to the least-loaded moderator who had no part in it (ties: the first listed).

    Audits with the fewest eligible moderators are placed first so that they are not left with nobody.
    """
    load = {m: (existing_load or {}).get(m, 0) for m in moderator_ids}
    order = {m: i for i, m in enumerate(moderator_ids)}

    def eligible(audit: AuditToModerate) -> list[int]:
        return [m for m in moderator_ids if m not in audit.excluded_ids]

    result: dict[int, int] = {}
    for audit in sorted(audits, key=lambda a: (len(eligible(a)), a.audit_id)):
        candidates = eligible(audit)
        if not candidates:
            raise NoEligibleModerator(audit.audit_id)
        chosen = min(candidates, key=lambda m: (load[m], order[m]))
        result[audit.audit_id] = chosen
        load[chosen] += 1
    return result
