"""Regressions of the register's queries found by the web load benchmark (bench/bench_web.py)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.plans import selectors
from ehcpqa.plans.models import PlanVersion
from tests.web.conftest import Personas
from tests.web.plan_fixtures import make_plan, media_root  # noqa: F401

pytestmark = pytest.mark.django_db


def test_year_group_filter_lists_each_year_once(personas: Personas) -> None:
    for n in range(6):
        make_plan(personas.la, f"EHC-{n:04d}", year_group=9 if n % 2 else 3)
    make_plan(personas.other_la, "EHC-9999", year_group=11)  # another authority's year groups are not offered

    assert selectors.year_groups_in_use(personas.qa_lead) == [3, 9]


def test_a_deep_page_still_shows_each_plans_latest_automated_grade(personas: Personas) -> None:
    for n in range(60):
        plan = make_plan(personas.la, f"EHC-{n:04d}")
        version = PlanVersion.objects.create(
            plan=plan,
            number=1,
            original_filename="p.txt",
            sha256=f"{n:064d}",
            size=1,
            format="txt",
            document=ContentFile(b"x", name="p.txt"),
        )
        AnalysisRun.objects.create(version=version, status=RunStatus.DONE, suggested_grade="good", suggested_score=7)
        # A newer run of the same version supersedes the first: the register must show this one.
        AnalysisRun.objects.create(
            version=version,
            status=RunStatus.DONE,
            suggested_grade="inadequate" if n % 2 else "outstanding",
            suggested_score=2 if n % 2 else 9,
        )

    everything = selectors.plan_register(personas.qa_lead, selectors.PlanFilters())
    rows = selectors.register_rows(everything[50:60])

    assert [r.reference for r in rows] == [f"EHC-{n:04d}" for n in range(50, 60)]
    assert [r.latest_grade for r in rows] == ["inadequate" if n % 2 else "outstanding" for n in range(50, 60)]
    assert all(r.version_count == 1 for r in rows)


def test_register_rows_escape_what_the_case_management_system_sent(personas: Personas) -> None:
    from django.urls import reverse

    make_plan(personas.la, "EHC-<script>1</script>", year_group=4)

    html = personas.client_for(personas.qa_lead).get(reverse("plans:list")).content.decode()

    assert "<script>1</script>" not in html
    assert "EHC-&lt;script&gt;1&lt;/script&gt;" in html
