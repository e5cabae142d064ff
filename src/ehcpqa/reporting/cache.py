"""A result cache for the heavy dashboard figures, keyed by a fingerprint of the data they are counted from.

Counting every criterion judgement of a large authority takes most of a second, and the same figures are asked for
again and again between changes (by the dashboard, each export and the board pack). The fingerprint is one cheap
query over the authority's rows (counts, newest ids and change times of plans, audits, actions, feedback, analysis
runs and timeliness measures) plus today's date, so any change to the data, or a new day (which moves "overdue"),
makes a new key: a cached figure is never stale. See ADR 0173.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q

from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.audits.models import Action, ActionStatus, Audit, ParentFeedback
from ehcpqa.plans.models import Plan
from ehcpqa.timeliness.models import TimelinessMeasure

T = TypeVar("T")


def cache_seconds() -> int:
    return int(getattr(settings, "REPORTING_CACHE_SECONDS", 600))


def fingerprint(local_authority_id: int | None, today: date) -> str:
    def la(path: str) -> Q:
        return Q() if local_authority_id is None else Q(**{path: local_authority_id})

    parts: list[Any] = [local_authority_id, today.isoformat()]
    parts += Plan.objects.filter(la("local_authority_id")).aggregate(n=Count("id"), t=Max("updated_at")).values()
    parts += (
        Audit.objects.filter(la("round__local_authority_id"))
        .aggregate(n=Count("id"), t=Max("updated_at"), s=Max("submitted_at"))
        .values()
    )
    parts += (
        Action.objects.filter(la("local_authority_id"))
        .aggregate(n=Count("id"), i=Max("id"), d=Count("id", filter=Q(status=ActionStatus.DONE)))
        .values()
    )
    parts += ParentFeedback.objects.filter(la("local_authority_id")).aggregate(n=Count("id"), i=Max("id")).values()
    parts += (
        AnalysisRun.objects.filter(la("version__plan__local_authority_id"))
        .aggregate(i=Max("id"), d=Count("id", filter=Q(status=RunStatus.DONE)))
        .values()
    )
    parts += TimelinessMeasure.objects.filter(la("local_authority_id")).aggregate(n=Count("id"), i=Max("id")).values()
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def cached(
    *,
    local_authority_id: int | None,
    today: date,
    key: str,
    compute: Callable[[], T],
    fingerprint_memo: dict[str, str] | None = None,
) -> T:
    """``compute()`` once per data fingerprint. ``fingerprint_memo`` lets one request reuse its fingerprint."""
    seconds = cache_seconds()
    if seconds <= 0:
        return compute()
    memo = fingerprint_memo if fingerprint_memo is not None else {}
    if "fp" not in memo:
        memo["fp"] = fingerprint(local_authority_id, today)
    full_key = "reporting:" + hashlib.sha256(f"{memo['fp']}|{key}".encode()).hexdigest()
    found = cache.get(full_key)
    if found is None:
        found = compute()
        cache.set(full_key, found, seconds)
    return found  # type: ignore[no-any-return]
