"""Builders for audit tests: a small framework, plans with analysed versions, a round. Synthetic data only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.audits.frameworks import CriterionData, framework_import
from ehcpqa.audits.models import Framework
from ehcpqa.plans.models import Plan, PlanStatus, PlanVersion

SMALL_CRITERIA = [
    CriterionData("A-01", "A", "Views of child and parents are recorded", guidance="Quote the child's own words."),
    CriterionData("B-01", "B", "Every need is specified", weight=Decimal(2)),
    CriterionData("C-01", "C", "Health needs stated or explicit none"),
    CriterionData("E-02", "E", "Outcomes are SMART", weight=Decimal(2)),
    CriterionData("F-02", "F", "Provision is quantified", weight=Decimal(3), automated_checks=("F.unquantified",)),
    CriterionData("F-06", "F", "No vague wording", weight=Decimal(2), automated_checks=("F.vague-wording",)),
]
WEIGHTS = {"B": 2, "E": 2, "F": 3}


def small_framework(slug: str = "test-framework") -> Framework:
    framework, _ = framework_import(
        slug=slug, version=1, title="Test framework", criteria=SMALL_CRITERIA, section_weights=WEIGHTS
    )
    return framework


def make_plan(
    la: LocalAuthority,
    reference: str,
    *,
    case_officer: User | None = None,
    analysed: bool = True,
    findings: bool = True,
    **fields: object,
) -> Plan:
    fields.setdefault("status", PlanStatus.FINAL)
    fields.setdefault("issued_date", date(2025, 6, 1))
    plan = Plan.objects.create(
        local_authority=la,
        reference=reference,
        case_officer=case_officer,
        child_name="Robin Testchild",
        date_of_birth=date(2014, 5, 6),
        **fields,
    )
    add_version(plan, analysed=analysed, findings=findings)
    return plan


def add_version(plan: Plan, *, analysed: bool = True, findings: bool = True) -> PlanVersion:
    number = plan.versions.count() + 1
    version = PlanVersion.objects.create(
        plan=plan,
        number=number,
        document=f"plans/test/{plan.pk}-{number}",
        original_filename="plan.docx",
        sha256=f"{plan.pk:060d}{number:04d}",
        size=1000,
        format="docx",
    )
    if analysed:
        run = AnalysisRun.objects.create(
            version=version,
            status=RunStatus.DONE,
            suggested_score=4,
            suggested_grade="requires-improvement",
            document={
                "sections": [
                    {
                        "id": "A",
                        "title": "Section A",
                        "blocks": [{"text": "Robin Testchild likes trains. Born 06/05/2014."}],
                    },
                    {
                        "id": "F",
                        "title": "Section F",
                        "blocks": [{"text": "Access to speech and language therapy as required."}],
                    },
                ]
            },
        )
        if findings:
            StoredFinding.objects.create(
                run=run,
                code="F.vague-wording",
                criterion="F-06",
                section="F",
                severity="red",
                message="Hedged wording in provision",
                evidence_text="as required",
                suggestion="Say how often.",
            )
            StoredFinding.objects.create(
                run=run,
                code="F.unquantified",
                criterion="F-02",
                section="F",
                severity="amber",
                message="No amount or frequency",
                evidence_text="Access to speech and language therapy",
            )
    return version
