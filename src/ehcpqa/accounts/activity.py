"""The one way to record who did what. Call it inside the transaction of the change it records."""

from __future__ import annotations

from typing import Any

from django.db import models

from ehcpqa.accounts.models import ActivityRecord, LocalAuthority, User


def record_activity(
    *,
    actor: User | None,
    local_authority: LocalAuthority,
    verb: str,
    target: models.Model,
    detail: dict[str, Any] | None = None,
) -> ActivityRecord:
    return ActivityRecord.objects.create(
        local_authority=local_authority,
        actor=actor,
        verb=verb,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        detail=detail or {},
    )
