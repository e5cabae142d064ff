"""The demo case histories: built from the demo plans' own dates, imported through the real CSV path."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ehcpqa.plans.models import Plan
from ehcpqa.timeliness.demo import seed_demo_timeliness
from ehcpqa.timeliness.models import CaseEvent, CaseRecord, TimelinessMeasure
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


def _plans(personas: Personas, count: int) -> None:
    today = date.today()
    for n in range(count):
        issued = today - timedelta(days=400 + 7 * n)
        Plan.objects.create(
            local_authority=personas.la,
            reference=f"EHC-{n:04d}",
            issued_date=issued,
            last_review_date=issued + timedelta(days=330 + n % 60),
            date_of_birth=date(2014, 1, 1) + timedelta(days=n),
            setting="Hillside Primary",
        )


def test_every_plan_with_dates_gets_a_case_history_with_measures(personas: Personas) -> None:
    _plans(personas, 40)
    Plan.objects.create(local_authority=personas.la, reference="EHC-NODATES")  # nothing to build from

    assert seed_demo_timeliness(personas.la) == 40
    assert CaseRecord.objects.filter(local_authority=personas.la).count() == 40
    assert not CaseRecord.objects.filter(reference="EHC-NODATES").exists()
    rules = set(TimelinessMeasure.objects.filter(local_authority=personas.la).values_list("rule", flat=True))
    assert {"FINAL-20-WEEKS", "DECISION-TO-ASSESS", "ANNUAL-REVIEW", "REVIEW-DECISION"} <= rules
    # The histories are varied: some new plans are late, some on time.
    final = TimelinessMeasure.objects.filter(rule="FINAL-20-WEEKS")
    on_time = [m for m in final if m.end and m.end <= m.due]
    assert 0 < len(on_time) < final.count()


def test_running_it_again_replaces_rather_than_duplicates(personas: Personas) -> None:
    _plans(personas, 10)
    seed_demo_timeliness(personas.la)
    events, measures = CaseEvent.objects.count(), TimelinessMeasure.objects.count()

    seed_demo_timeliness(personas.la)

    assert (CaseEvent.objects.count(), TimelinessMeasure.objects.count()) == (events, measures)
    assert CaseRecord.objects.filter(local_authority=personas.other_la).count() == 0
