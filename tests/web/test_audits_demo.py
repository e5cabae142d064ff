from __future__ import annotations

import pytest

from ehcpqa.audits.demo import DEMO_ROUND_NAME, seed_demo_audits
from ehcpqa.audits.models import Audit, AuditRound, AuditStatus, CriterionJudgement
from tests.audits.factories import make_plan
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


def test_demo_audits_are_seeded_once_and_partly_completed(personas: Personas) -> None:
    for i in range(20):
        make_plan(personas.la, f"DEMO-{i:03d}", case_officer=personas.case_officer)
    audit_round = seed_demo_audits(personas.la)
    assert audit_round is not None and audit_round.name == DEMO_ROUND_NAME
    statuses = list(Audit.objects.values_list("status", flat=True))
    assert len(statuses) == 8  # 40% of 20
    assert statuses.count(AuditStatus.SUBMITTED) >= 4 and statuses.count(AuditStatus.IN_PROGRESS) >= 1
    # Judgements follow the machine's findings: the red F-06 finding is mostly judged not met.
    f06 = CriterionJudgement.objects.filter(criterion__code="F-06", audit__status=AuditStatus.SUBMITTED)
    assert f06.filter(answer="not-met").count() >= f06.count() // 2
    judgements = CriterionJudgement.objects.count()
    assert seed_demo_audits(personas.la) == audit_round
    assert AuditRound.objects.count() == 1 and CriterionJudgement.objects.count() == judgements
    assert personas.la.parent_feedback.count() == 20


def test_demo_needs_auditors_and_plans(personas: Personas) -> None:
    assert seed_demo_audits(personas.la) is None  # no plans yet
