"""The demo seed: accounts for every role, synthetic plans with documents, analysed; safe to run twice."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from ehcpqa.accounts.models import LocalAuthority, Role, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.plans.management.commands.seed_demo import DEMO_PASSWORD
from ehcpqa.plans.models import Plan, PlanVersion
from tests.web.plan_fixtures import media_root  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_seed_creates_demo_accounts_and_analysed_plans_and_is_idempotent(media_root: Path, settings) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    settings.DATA_DIR = media_root.parent
    call_command("seed_demo", plans=6, skip_audits=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    la = LocalAuthority.objects.get(name="Demo Borough Council")
    expected = {
        "qa.lead": Role.QA_LEAD,
        "auditor.education": Role.AUDITOR,
        "auditor.health": Role.AUDITOR,
        "auditor.social": Role.AUDITOR,
        "moderator": Role.MODERATOR,
        "case.officer": Role.CASE_OFFICER,
        "board.viewer": Role.BOARD_VIEWER,
    }
    for username, role in expected.items():
        user = authenticate(username=username, password=DEMO_PASSWORD)
        assert isinstance(user, User) and user.local_authority == la and user.has_role(role)
    assert {u.agency for u in User.objects.filter(username__startswith="auditor.")} == {
        "education",
        "health",
        "social_care",
    }
    plans = Plan.objects.filter(local_authority=la)
    assert plans.count() == 6
    assert all(p.versions.count() == 1 for p in plans)
    assert plans.filter(case_officer__username="case.officer").exists()
    formats = set(PlanVersion.objects.values_list("format", flat=True))
    assert formats <= {"docx", "pdf"} and "docx" in formats and "pdf" in formats
    assert AnalysisRun.objects.filter(status=RunStatus.DONE).count() == 6

    call_command("seed_demo", plans=6, skip_audits=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Plan.objects.filter(local_authority=la).count() == 6
    assert PlanVersion.objects.count() == 6
    assert AnalysisRun.objects.count() == 6
    assert User.objects.filter(username="qa.lead").count() == 1


def test_seed_hands_over_to_the_audits_demo_when_it_exists(media_root: Path, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    settings.DATA_DIR = media_root.parent
    calls: list[LocalAuthority] = []
    fake = types.ModuleType("ehcpqa.audits.demo")
    fake.seed_demo_audits = calls.append  # type: ignore[attr-defined]
    fake.__spec__ = types.SimpleNamespace(name="ehcpqa.audits.demo")  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "ehcpqa.audits.demo", fake)
    call_command("seed_demo", plans=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [la.slug for la in calls] == ["demo-borough"]
