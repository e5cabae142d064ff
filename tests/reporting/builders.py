"""A small random but reproducible authority for reporting tests: plans, analyses, two rounds of audits with
judgements, actions and feedback. Synthetic data only."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.audits.models import (
    Action,
    ActionStatus,
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    CriterionJudgement,
    Grade,
    ParentFeedback,
    SampleKind,
)
from ehcpqa.plans.models import Plan, PlanVersion
from tests.audits.factories import small_framework

NEEDS = ["ASD", "SEMH", "SLCN", "MLD", ""]
SETTINGS = ["Mainstream", "Special", "Independent", ""]
TEAMS = ["North", "South", ""]
GRADE_FOR = {
    1: Grade.INADEQUATE,
    2: Grade.INADEQUATE,
    3: Grade.INADEQUATE,
    4: Grade.REQUIRES_IMPROVEMENT,
    5: Grade.REQUIRES_IMPROVEMENT,
    6: Grade.GOOD,
    7: Grade.GOOD,
    8: Grade.GOOD,
    9: Grade.OUTSTANDING,
    10: Grade.OUTSTANDING,
}
TODAY = date(2026, 6, 1)


@dataclass
class Built:
    rounds: list[AuditRound]
    plans: list[Plan]


def build_authority(
    la: LocalAuthority, *, auditor: User, case_officer: User, seed: int = 7, n_plans: int = 60
) -> Built:
    rng = random.Random(seed)
    framework = small_framework()
    criteria = list(framework.criteria.all())
    plans = []
    for i in range(n_plans):
        plan = Plan.objects.create(
            local_authority=la,
            reference=f"{la.slug[:3].upper()}-{i:04d}",
            year_group=rng.choice([None, 0, 1, 3, 6, 7, 9, 10, 11, 12, 13]),
            primary_need=rng.choice(NEEDS),
            setting_type=rng.choice(SETTINGS),
            looked_after=rng.random() < 0.2,
            team=rng.choice(TEAMS),
            issued_date=date(2022, 1, 1) + timedelta(days=rng.randrange(1200)),
            case_officer=case_officer if rng.random() < 0.5 else None,
        )
        plans.append(plan)
        for number in range(1, rng.choice([1, 1, 2]) + 1):
            version = PlanVersion.objects.create(
                plan=plan,
                number=number,
                document=f"x/{plan.pk}-{number}",
                original_filename="p.docx",
                sha256=f"{plan.pk}-{number}",
                size=1,
                format="docx",
            )
            if rng.random() < 0.85:
                score = rng.randint(1, 10)
                run = AnalysisRun.objects.create(
                    version=version,
                    status=RunStatus.DONE,
                    suggested_score=score,
                    suggested_grade=GRADE_FOR[score].value,
                )
                for _ in range(rng.randint(0, 3)):
                    StoredFinding.objects.create(
                        run=run,
                        code="F.x",
                        criterion="F-02",
                        section=rng.choice(["B", "E", "F"]),
                        severity=rng.choice(["red", "amber"]),
                        message="m",
                    )
            if rng.random() < 0.1:
                AnalysisRun.objects.create(version=version, status=RunStatus.FAILED)
    rounds = []
    for r, end in enumerate([date(2025, 3, 31), date(2026, 3, 31)]):
        round_ = AuditRound.objects.create(
            local_authority=la,
            name=f"Round {r + 1}",
            framework=framework,
            period_start=end - timedelta(days=90),
            period_end=end,
            sample_kind=SampleKind.ALL,
        )
        rounds.append(round_)
        for n, plan in enumerate(rng.sample(plans, min(30, len(plans)))):
            derived = rng.randint(1, 10)
            override = rng.randint(1, 10) if rng.random() < 0.2 else None
            status = AuditStatus.SUBMITTED if rng.random() < 0.9 else AuditStatus.IN_PROGRESS
            audit = Audit.objects.create(
                round=round_,
                plan=plan,
                auditor=auditor,
                audit_number=f"A{n:03d}",
                status=status,
                derived_score=derived,
                derived_grade=GRADE_FOR[derived].value,
                override_score=override,
                override_grade=GRADE_FOR[override].value if override else "",
                override_reason="moderated" if override else "",
            )
            for criterion in criteria:
                CriterionJudgement.objects.create(audit=audit, criterion=criterion, answer=rng.choice(list(Answer)))
            final = override or derived
            if final <= 5 and status == AuditStatus.SUBMITTED:
                Action.objects.create(
                    local_authority=la,
                    audit=audit,
                    plan=plan,
                    grade=GRADE_FOR[final].value,
                    immediate=final <= 3,
                    description="Rewrite section F",
                    due_date=TODAY + timedelta(days=rng.randint(-60, 60)),
                    status=rng.choice(list(ActionStatus)),
                )
    for plan in rng.sample(plans, min(12, len(plans))):
        ParentFeedback.objects.create(
            local_authority=la,
            plan=plan,
            call_date=date(2026, 1, 10),
            respondent="parent",
            accuracy=rng.randint(1, 4),
            clarity=rng.randint(1, 4),
            reflects_child=rng.randint(1, 4),
        )
    return Built(rounds=rounds, plans=plans)
