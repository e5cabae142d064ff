"""Audit services against the database: frameworks, samples, assignment, saving, submitting, actions."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from ehcpqa.accounts.models import ActivityRecord, Agency, Role
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.audits import services
from ehcpqa.audits.frameworks import FrameworkLocked, criterion_update, framework_copy, framework_import_default
from ehcpqa.audits.models import (
    Action,
    ActionStatus,
    Audit,
    AuditStatus,
    CriterionJudgement,
    Decision,
    FindingDecision,
    Framework,
    SectionAssignment,
)
from ehcpqa.audits.selectors import sample_plans
from ehcpqa.plans.models import PlanStatus
from tests.audits.factories import add_version, make_plan, small_framework
from tests.web.conftest import Personas, make_user

pytestmark = pytest.mark.django_db


def _round(p: Personas, plans_rule: dict | None = None, auditors: list | None = None, **kwargs: object):
    return services.round_create(
        by=p.qa_lead,
        name="Autumn audit",
        framework=small_framework(),
        period_start=date(2026, 9, 1),
        period_end=date(2026, 12, 31),
        sample_rule=plans_rule or {"kind": "all"},
        auditors=auditors or [p.auditor, p.moderator],
        **kwargs,
    )


def _answer_all(audit: Audit, by, answer: str) -> Audit:
    for section in ("A", "B", "C", "E", "F"):
        criteria = audit.round.framework.criteria.filter(section=section)
        audit = services.audit_save_section(
            audit=audit,
            by=by,
            section=section,
            lock_version=audit.lock_version,
            judgements={c.pk: services.JudgementInput(answer, "") for c in criteria},
            decisions={},
        )
    return audit


# ---- Frameworks ----


def test_default_framework_import_is_idempotent() -> None:
    framework, created = framework_import_default()
    count = framework.criteria.count()
    again, created_again = framework_import_default()
    assert created and not created_again
    assert again.pk == framework.pk and again.criteria.count() == count > 40
    assert framework.published and framework.local_authority is None
    assert framework.section_weights["F"] == 3
    f06 = framework.criteria.get(code="F-06")
    assert f06.automated and f06.guidance and f06.good_example and f06.poor_example


def test_authority_copies_the_default_into_its_own_new_version(personas: Personas) -> None:
    national = small_framework()
    copy = framework_copy(source=national, local_authority=personas.la, by=personas.qa_lead)
    assert (copy.local_authority, copy.version, copy.published) == (personas.la, 2, False)
    assert list(copy.criteria.values_list("code", flat=True)) == list(national.criteria.values_list("code", flat=True))
    # The national version cannot be edited; the unpublished copy can, until it is published.
    with pytest.raises(FrameworkLocked):
        criterion_update(criterion=national.criteria.first(), by=personas.qa_lead, text="x", guidance="", weight=1)
    changed = criterion_update(
        criterion=copy.criteria.get(code="F-02"),
        by=personas.qa_lead,
        text="Provision says how much and how often",
        guidance="",
        weight=3,
    )
    assert changed.text.startswith("Provision says")
    assert national.criteria.get(code="F-02").text == "Provision is quantified"


# ---- Samples ----


def test_sample_sizes_for_each_kind(personas: Personas) -> None:
    la = personas.la
    make_plan(
        la, "P1", year_group=10, looked_after=True, primary_need="ASD", team="North", issued_date=date(2024, 1, 1)
    )
    make_plan(la, "P2", year_group=3, primary_need="SLCN", team="South", issued_date=date(2025, 3, 1))
    make_plan(la, "P3", year_group=12, primary_need="ASD", team="North", issued_date=date(2026, 1, 1))
    make_plan(la, "P4", year_group=0, status=PlanStatus.DRAFT)  # never sampled: not finalised
    make_plan(personas.other_la, "X1", year_group=10)  # another authority's plan is never sampled
    for i in range(5, 25):
        make_plan(la, f"P{i}", year_group=i % 14, issued_date=date(2025, 1, 1), analysed=False)
    assert sample_plans(la, {"kind": "all"}).count() == 23
    assert sample_plans(la, {"kind": "all", "up_to": "2025-03-01"}).count() == 22
    random_rule = {"kind": "random", "percent": 25, "seed": 7}
    first = list(sample_plans(la, random_rule).values_list("pk", flat=True))
    assert len(first) == 6  # 25% of 23, rounded up
    assert first == list(sample_plans(la, random_rule).values_list("pk", flat=True))
    assert sample_plans(la, {"kind": "filter", "year9_plus": True}).filter(reference__in=["P1", "P3"]).count() == 2
    assert sample_plans(la, {"kind": "filter", "looked_after": True}).count() == 1
    assert set(sample_plans(la, {"kind": "filter", "phase": "post_16"}).values_list("reference", flat=True)) >= {"P3"}
    assert sample_plans(la, {"kind": "filter", "phase": "primary", "primary_need": "SLCN"}).count() == 1
    assert sample_plans(la, {"kind": "filter", "issued_before": "2024-06-01"}).count() == 1
    assert sample_plans(la, {"kind": "filter", "team": "north"}).count() == 2
    assert sample_plans(la, {"kind": "filter", "team": "North", "year9_plus": True, "phase": "secondary"}).count() == 1


# ---- Rounds and assignment ----


def test_round_assigns_every_plan_evenly_and_never_to_its_case_officer(personas: Personas) -> None:
    writer = make_user(personas.la, "writer-auditor", Role.AUDITOR, Role.CASE_OFFICER, agency=Agency.EDUCATION)
    for i in range(12):
        make_plan(personas.la, f"EHCP-{i}", case_officer=writer if i % 2 else personas.case_officer)
    audit_round = _round(personas, auditors=[personas.auditor, personas.moderator, writer])
    audits = list(audit_round.audits.select_related("plan"))
    assert len(audits) == 12
    assert all(a.auditor_id != a.plan.case_officer_id for a in audits)
    loads = Counter(a.auditor_id for a in audits)
    assert max(loads.values()) - min(loads.values()) <= 1
    # Audit numbers are pseudonymous: they do not contain the plan reference.
    assert all(a.plan.reference not in a.audit_number for a in audits)
    assert ActivityRecord.objects.filter(verb="audit_round.created", object_id=str(audit_round.pk)).exists()


def test_sections_by_agency_go_to_health_and_social_care_auditors(personas: Personas) -> None:
    social = make_user(personas.la, "social-auditor", Role.AUDITOR, agency=Agency.SOCIAL_CARE)
    make_plan(personas.la, "S1")
    audit_round = _round(
        personas, auditors=[personas.auditor, personas.health_auditor, social], sections_by_agency=True
    )
    audit = audit_round.audits.get()
    assert audit.auditor == personas.auditor
    assigned = dict(SectionAssignment.objects.filter(audit=audit).values_list("section", "auditor_id"))
    # The small framework has criteria in C (health) but none in D or H, so social care has nothing here.
    assert assigned == {"C": personas.health_auditor.pk}


def test_empty_sample_is_refused(personas: Personas) -> None:
    with pytest.raises(services.AuditError, match="no plans"):
        _round(personas)


# ---- Auditing ----


def test_saving_a_section_records_judgements_decisions_and_activity(personas: Personas) -> None:
    make_plan(personas.la, "A1", case_officer=personas.case_officer)
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    f_criteria = {c.code: c for c in audit.round.framework.criteria.filter(section="F")}
    finding = StoredFinding.objects.get(code="F.vague-wording")
    before = StoredFinding.objects.values().get(pk=finding.pk)
    audit = services.audit_save_section(
        audit=audit,
        by=personas.auditor,
        section="F",
        lock_version=0,
        judgements={
            f_criteria["F-02"].pk: services.JudgementInput("partly-met", "No frequency"),
            f_criteria["F-06"].pk: services.JudgementInput("not-met", ""),
        },
        decisions={finding.pk: Decision.ACCEPTED},
    )
    assert audit.status == AuditStatus.IN_PROGRESS and audit.lock_version == 1
    assert audit.derived_score is not None
    assert FindingDecision.objects.get(audit=audit, finding=finding).decision == Decision.ACCEPTED
    # The machine's finding is untouched: the human decision lives apart.
    assert StoredFinding.objects.values().get(pk=finding.pk) == before
    record = ActivityRecord.objects.get(verb="audit.section_saved")
    assert record.actor == personas.auditor and record.detail["criteria_changed"] == ["F-02", "F-06"]


def test_stale_save_is_refused_and_changes_nothing(personas: Personas) -> None:
    make_plan(personas.la, "A2")
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    criterion = audit.round.framework.criteria.get(code="A-01")
    services.audit_save_section(
        audit=audit,
        by=personas.auditor,
        section="A",
        lock_version=0,
        judgements={criterion.pk: services.JudgementInput("met", "first")},
        decisions={},
    )
    stale = Audit.objects.get(pk=audit.pk)
    with pytest.raises(services.StaleAudit):
        services.audit_save_section(
            audit=stale,
            by=personas.auditor,
            section="A",
            lock_version=0,
            judgements={criterion.pk: services.JudgementInput("not-met", "second")},
            decisions={},
        )
    judgement = CriterionJudgement.objects.get(audit=audit, criterion=criterion)
    assert (judgement.answer, judgement.comment) == ("met", "first")
    assert Audit.objects.get(pk=audit.pk).lock_version == 1


def test_delegated_section_can_only_be_saved_by_its_assignee(personas: Personas) -> None:
    make_plan(personas.la, "A3")
    audit = _round(personas, auditors=[personas.auditor, personas.health_auditor], sections_by_agency=True).audits.get()
    c01 = audit.round.framework.criteria.get(code="C-01")
    with pytest.raises(PermissionDenied):
        services.audit_save_section(
            audit=audit,
            by=personas.auditor,
            section="C",
            lock_version=0,
            judgements={c01.pk: services.JudgementInput("met", "")},
            decisions={},
        )
    services.audit_save_section(
        audit=audit,
        by=personas.health_auditor,
        section="C",
        lock_version=0,
        judgements={c01.pk: services.JudgementInput("met", "")},
        decisions={},
    )
    assert CriterionJudgement.objects.get(audit=audit, criterion=c01).updated_by == personas.health_auditor


def test_override_keeps_both_scores(personas: Personas) -> None:
    make_plan(personas.la, "A4")
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    audit = _answer_all(audit, personas.auditor, "met")
    assert (audit.derived_score, audit.derived_grade) == (10, "outstanding")
    with pytest.raises(services.AuditError, match="Explain why"):
        services.audit_set_override(
            audit=audit, by=personas.auditor, lock_version=audit.lock_version, score=7, reason=" "
        )
    audit = services.audit_set_override(
        audit=audit,
        by=personas.auditor,
        lock_version=audit.lock_version,
        score=7,
        reason="Criteria met on paper but provision is thin overall.",
    )
    audit.refresh_from_db()
    assert (audit.derived_score, audit.derived_grade) == (10, "outstanding")
    assert (audit.override_score, audit.override_grade) == (7, "good")
    assert (audit.final_score, audit.final_grade) == (7, "good")
    assert ActivityRecord.objects.filter(verb="audit.score_overridden").exists()


def test_submit_needs_every_criterion_answered(personas: Personas) -> None:
    make_plan(personas.la, "A5")
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    with pytest.raises(services.AuditError, match="Answer every criterion"):
        services.audit_submit(audit=audit, by=personas.auditor, lock_version=0)


def test_submit_locks_the_audit(personas: Personas) -> None:
    make_plan(personas.la, "A6")
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    audit = _answer_all(audit, personas.auditor, "met")
    audit = services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    assert audit.status == AuditStatus.SUBMITTED and audit.submitted_at is not None
    criterion = audit.round.framework.criteria.get(code="A-01")
    with pytest.raises(services.AuditLocked):
        services.audit_save_section(
            audit=audit,
            by=personas.auditor,
            section="A",
            lock_version=audit.lock_version,
            judgements={criterion.pk: services.JudgementInput("not-met", "")},
            decisions={},
        )
    assert not Action.objects.exists()  # Outstanding: no action


@pytest.mark.parametrize(
    ("answer", "grade", "due", "immediate"),
    [
        ("not-met", "inadequate", date(2026, 11, 9), True),
        ("partly-met", "requires-improvement", date(2026, 11, 30), False),
    ],
)
def test_weak_results_create_an_action_for_the_case_officer(
    personas: Personas, answer: str, grade: str, due: date, immediate: bool
) -> None:
    make_plan(personas.la, "A7", case_officer=personas.case_officer)
    audit = _round(personas, auditors=[personas.auditor]).audits.get()
    audit = _answer_all(audit, personas.auditor, answer)
    if answer == "partly-met":
        assert audit.derived_score == 6  # all partly met = 5.5 points, rounds to 6 (Good): override to RI
        audit = services.audit_set_override(
            audit=audit,
            by=personas.auditor,
            lock_version=audit.lock_version,
            score=5,
            reason="Provision vague throughout.",
        )
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version, today=date(2026, 11, 2))
    action = Action.objects.get()
    assert (action.assigned_to, action.grade, action.due_date, action.immediate) == (
        personas.case_officer,
        grade,
        due,
        immediate,
    )
    assert action.plan == audit.plan and action.status == "open"


def test_reaudit_needs_a_newer_version(personas: Personas) -> None:
    plan = make_plan(personas.la, "A8", case_officer=personas.case_officer)
    audit_round = _round(personas, auditors=[personas.auditor])
    audit = _answer_all(audit_round.audits.get(), personas.auditor, "not-met")
    audit = services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    with pytest.raises(services.AuditError, match="newer version"):
        services.audit_create_reaudit(
            previous=audit, by=personas.qa_lead, auditor=personas.moderator, audit_round=audit_round
        )
    newer = add_version(plan)
    reaudit = services.audit_create_reaudit(
        previous=audit, by=personas.qa_lead, auditor=personas.moderator, audit_round=audit_round
    )
    assert (reaudit.reaudit_of, reaudit.version, reaudit.status) == (audit, newer, AuditStatus.ASSIGNED)
    assert reaudit.audit_number != audit.audit_number


def test_action_status_moves_through_the_table(personas: Personas) -> None:
    make_plan(personas.la, "A9", case_officer=personas.case_officer)
    audit = _answer_all(_round(personas, auditors=[personas.auditor]).audits.get(), personas.auditor, "not-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    action = Action.objects.get()
    services.action_transition(action=action, by=personas.case_officer, target=ActionStatus.DONE)
    assert action.status == "done" and action.completed_at is not None


def test_framework_is_locked_once_a_round_uses_it(personas: Personas) -> None:
    make_plan(personas.la, "A10")
    copy = framework_copy(source=small_framework(), local_authority=personas.la, by=personas.qa_lead)
    Framework.objects.filter(pk=copy.pk).update(published=True)
    copy.refresh_from_db()
    with pytest.raises(FrameworkLocked):
        criterion_update(criterion=copy.criteria.first(), by=personas.qa_lead, text="x", guidance="", weight=1)
