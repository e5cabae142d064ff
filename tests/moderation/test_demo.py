"""The demo moderation seed: a sample with work in every state, and safe to run again."""

from __future__ import annotations

import pytest

from ehcpqa.moderation.demo import seed_demo_moderation
from ehcpqa.moderation.models import ItemStatus, ModerationItem
from tests.moderation.builders import make_round, submitted_audit
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


def test_demo_moderation_leaves_items_in_every_state_and_runs_once(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    for i in range(30):
        submitted_audit(audit_round, personas.auditor if i % 2 else personas.health_auditor)
    assert seed_demo_moderation(personas.la) == 4  # 10% of 15 -> 2 per auditor
    statuses = sorted(ModerationItem.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [ItemStatus.RESOLVED, ItemStatus.MARKED, ItemStatus.AWAITING_MARKING, ItemStatus.RESOLVED]
    )
    assert seed_demo_moderation(personas.la) == 0
    assert seed_demo_moderation(personas.other_la) == 0
