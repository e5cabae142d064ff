"""The result cache never serves stale figures: any change to the counted rows makes a new key."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.cache import cache

from ehcpqa.audits.models import Audit, AuditStatus
from ehcpqa.reporting import selectors as s
from ehcpqa.reporting.figures import Figures
from ehcpqa.reporting.filters import Filters
from tests.reporting.builders import build_authority
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


def total(personas: Personas) -> int:
    figures = Figures(s.Scope(personas.la.pk, Filters()), today=date(2026, 6, 1), officers={})
    return figures.grades()[1].total


def test_cached_figures_follow_the_data(personas: Personas, settings: Any) -> None:
    settings.REPORTING_CACHE_SECONDS = 600
    cache.clear()
    build_authority(personas.la, auditor=personas.auditor, case_officer=personas.case_officer, n_plans=10)
    before = total(personas)
    assert total(personas) == before  # served from the cache
    audit = (
        Audit.objects.filter(round__local_authority=personas.la).exclude(status=AuditStatus.SUBMITTED).first()
        or Audit.objects.filter(round__local_authority=personas.la).first()
    )
    assert audit is not None
    was_submitted = audit.status == AuditStatus.SUBMITTED
    audit.status = AuditStatus.IN_PROGRESS if was_submitted else AuditStatus.SUBMITTED
    audit.save()
    assert total(personas) == before + (-1 if was_submitted else 1)
