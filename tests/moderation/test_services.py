"""Moderation writes and reads against the database: sample, blind marking, resolution, statistics, calibration."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from ehcpqa.accounts.models import ActivityRecord, Role
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.audits.models import Audit, AuditStatus, CriterionJudgement
from ehcpqa.moderation import selectors, services
from ehcpqa.moderation.models import ItemReason, ItemStatus, ModerationItem
from tests.audits.factories import make_plan, small_framework
from tests.moderation.builders import make_round, mark, submitted_audit
from tests.web.conftest import Personas, make_user

pytestmark = pytest.mark.django_db


def test_sample_takes_each_auditors_share_rounded_up_and_assigns_a_moderator(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    for _ in range(12):
        submitted_audit(audit_round, personas.auditor)
    submitted_audit(audit_round, personas.health_auditor)
    Audit.objects.create(
        round=audit_round, plan=make_plan(personas.la, "UNSUBMITTED"), auditor=personas.auditor, audit_number="R-x"
    )  # not submitted: never sampled
    items = services.sample_draw(
        audit_round=audit_round, by=personas.qa_lead, percent=10, moderators=[personas.moderator], seed=5
    )
    by_auditor = sorted(i.audit.auditor.username for i in items)
    assert by_auditor == ["edu-auditor", "edu-auditor", "health-auditor"]  # 10% of 12 -> 2; 10% of 1 -> 1
    assert {i.moderator_id for i in items} == {personas.moderator.pk}
    assert all(i.reason == ItemReason.SAMPLED and i.status == ItemStatus.AWAITING_MARKING for i in items)
    assert ActivityRecord.objects.filter(verb="moderation.sample_drawn").count() == 1
    with pytest.raises(services.ModerationError, match="already been drawn"):
        services.sample_draw(audit_round=audit_round, by=personas.qa_lead, percent=10, moderators=[personas.moderator])


def test_nobody_moderates_their_own_audit(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    submitted_audit(audit_round, personas.moderator)  # the moderator also audits
    with pytest.raises(services.ModerationError, match="no eligible moderator"):
        services.sample_draw(audit_round=audit_round, by=personas.qa_lead, percent=10, moderators=[personas.moderator])


def test_moderators_must_belong_to_the_authority(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    submitted_audit(audit_round, personas.auditor)
    with pytest.raises(services.ModerationError, match="of your authority"):
        services.sample_draw(audit_round=audit_round, by=personas.qa_lead, percent=10, moderators=[personas.outsider])


def test_flagging_sends_one_audit_and_refuses_twice_or_unsubmitted(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    audit = submitted_audit(audit_round, personas.auditor)
    item = services.audit_flag(audit=audit, by=personas.qa_lead, moderator=personas.moderator, note="Looks generous")
    assert item.reason == ItemReason.FLAGGED and item.flagged_by == personas.qa_lead
    with pytest.raises(services.ModerationError, match="already"):
        services.audit_flag(audit=audit, by=personas.qa_lead, moderator=personas.moderator, note="")
    draft = Audit.objects.create(
        round=audit_round, plan=make_plan(personas.la, "D1"), auditor=personas.auditor, audit_number="R-d"
    )
    with pytest.raises(services.ModerationError, match="submitted"):
        services.audit_flag(audit=draft, by=personas.qa_lead, moderator=personas.moderator, note="")
    with pytest.raises(services.ModerationError, match="did not audit"):
        services.audit_flag(
            audit=submitted_audit(audit_round, personas.moderator),
            by=personas.qa_lead,
            moderator=personas.moderator,
            note="",
        )


def flagged(personas: Personas, **answers: str) -> ModerationItem:
    audit_round = make_round(personas.la)
    audit = submitted_audit(audit_round, personas.auditor, answers=answers or None)
    return services.audit_flag(audit=audit, by=personas.qa_lead, moderator=personas.moderator, note="")


def test_a_marking_needs_every_answer_and_only_its_marker(personas: Personas) -> None:
    item = flagged(personas)
    with pytest.raises(PermissionDenied):
        mark(item.second_marking, personas.auditor)
    mark(item.second_marking, personas.moderator, submit=False)
    item.second_marking.judgements.filter(criterion__code="F-06").update(answer="")
    with pytest.raises(services.ModerationError, match="1 not answered"):
        services.marking_submit(marking=item.second_marking, by=personas.moderator)


def test_resolution_records_the_agreed_result_and_keeps_both_markings(personas: Personas) -> None:
    # First audit: F-06 met (all met -> 10, Outstanding). Moderator: F-02 and F-06 not met.
    item = flagged(personas)
    with pytest.raises(services.ModerationError, match="Submit your own marking"):
        services.item_resolve(item=item, by=personas.moderator, score=6, reason="early")
    marking = mark(item.second_marking, personas.moderator, {"F-02": "not-met", "F-06": "not-met"})
    item.refresh_from_db()
    assert item.status == ItemStatus.MARKED
    # F section 0 of 5 -> 1 point; cap = 1 + 3 = 4 -> Requires improvement
    assert (marking.derived_score, marking.derived_grade) == (4, "requires-improvement")
    with pytest.raises(PermissionDenied):
        services.item_resolve(item=item, by=personas.qa_lead, score=6, reason="Not mine")
    with pytest.raises(services.ModerationError, match="Explain"):
        services.item_resolve(item=item, by=personas.moderator, score=6, reason="  ")
    services.item_resolve(item=item, by=personas.moderator, score=6, reason="Provision partly quantified.")
    item.refresh_from_db()
    assert (item.status, item.agreed_score, item.agreed_grade) == (ItemStatus.RESOLVED, 6, "good")
    audit = Audit.objects.get(pk=item.audit_id)
    assert (audit.final_score, audit.final_grade) == (10, "outstanding")  # the first audit is untouched
    assert set(CriterionJudgement.objects.filter(audit=audit).values_list("answer", flat=True)) == {"met"}
    assert item.second_marking.judgements.get(criterion__code="F-06").answer == "not-met"
    with pytest.raises(services.ModerationError):
        services.marking_save(marking=item.second_marking, by=personas.moderator, judgements={})


def test_the_first_auditor_is_told_and_can_mark_the_outcome_read(personas: Personas) -> None:
    item = flagged(personas)
    mark(item.second_marking, personas.moderator)
    services.item_resolve(item=item, by=personas.moderator, score=9, reason="Agreed.")
    item.refresh_from_db()
    assert item.outcome_seen_at is None
    assert services.outcomes_acknowledge(by=personas.health_auditor, items=[item]) == 0  # not their audit
    assert services.outcomes_acknowledge(by=personas.auditor, items=[item]) == 1
    item.refresh_from_db()
    assert item.outcome_seen_at is not None


def test_comparison_marks_the_criteria_that_differ(personas: Personas) -> None:
    item = flagged(personas, **{"E-02": "partly-met"})
    mark(item.second_marking, personas.moderator, {"E-02": "partly-met", "F-06": "not-met"})
    rows = {r.criterion.code: r for s in selectors.comparison(item) for r in s.rows}
    assert [code for code, r in rows.items() if r.differs] == ["F-06"]
    assert rows["F-06"].steps_apart == 2 and rows["E-02"].steps_apart == 0


def _moderated(personas: Personas, audit_round, first: dict[str, str], second: dict[str, str], agreed: int | None):
    audit = submitted_audit(audit_round, personas.auditor, answers=first)
    item = services.audit_flag(audit=audit, by=personas.qa_lead, moderator=personas.moderator, note="")
    mark(item.second_marking, personas.moderator, second)
    if agreed is not None:
        services.item_resolve(item=item, by=personas.moderator, score=agreed, reason="Agreed after discussion.")
    return item


def test_round_statistics_gather_the_right_pairs(personas: Personas) -> None:
    # Pair 1: both all met -> (10 Outstanding, 10 Outstanding); agreed 10.
    # Pair 2: first all met (10 O); second F-02 and F-06 not met (4 RI); agreed 7 -> auditor +3.
    # Pair 3: first F-06 not met; second all met. First: F = 3/5 -> 1 + 9 x .6 = 6.4 points; unresolved.
    audit_round = make_round(personas.la)
    _moderated(personas, audit_round, {}, {}, agreed=10)
    _moderated(personas, audit_round, {}, {"F-02": "not-met", "F-06": "not-met"}, agreed=7)
    third = _moderated(personas, audit_round, {"F-06": "not-met"}, {}, agreed=None)
    result = selectors.round_statistics(audit_round)
    assert result.agreement.pairs == 3
    first_grade = third.audit.final_grade
    expected_same = (1 + (first_grade == "outstanding")) / 3
    assert result.agreement.exact == pytest.approx(expected_same)
    bias = {row.auditor.username: row.bias for row in result.biases}
    assert bias["edu-auditor"].audits == 2 and bias["edu-auditor"].mean_difference == pytest.approx(1.5)  # (0 + 3) / 2
    f06 = next(r for r in result.criteria if r.code == "F-06")
    assert (f06.agreement.pairs, f06.agreement.agreed) == (3, 1)
    a01 = next(r for r in result.criteria if r.code == "A-01")
    assert a01.agreement.rate == 1.0 and a01.agreement.kappa is None  # all "met": not enough variation


def test_trend_shows_each_round_and_an_auditors_drift(personas: Personas) -> None:
    # Round 1: auditor 10 vs agreed 7 -> +3. Round 2: auditor 10 vs agreed 9 -> +1. Drift = (1 - 3) / 1 = -2.
    first = make_round(personas.la, name="Round 1", start=date(2025, 1, 1))
    second = make_round(personas.la, framework=first.framework, name="Round 2", start=date(2025, 6, 1))
    _moderated(personas, first, {}, {"F-06": "not-met"}, agreed=7)
    _moderated(personas, second, {}, {}, agreed=9)
    result = selectors.trend(personas.la)
    assert [r.name for r, _ in result.rounds] == ["Round 1", "Round 2"]
    (row,) = result.auditors
    assert [b.mean_difference if b else None for _, b in row.by_round] == [3.0, 1.0]
    assert row.drift == pytest.approx(-2.0)
    assert selectors.trend(personas.other_la).rounds == []


def test_machine_versus_human_per_automated_criterion(personas: Personas) -> None:
    # Plans from make_plan carry two findings: F.vague-wording (F-06) and F.unquantified (F-02).
    # Audit 1: F-06 not met (both concerned), F-02 met (false alarm).
    # Audit 2 (plan analysed, no findings): F-06 partly met (missed), F-02 not applicable (left out).
    audit_round = make_round(personas.la)
    submitted_audit(audit_round, personas.auditor, answers={"F-06": "not-met"})
    quiet = make_plan(personas.la, "QUIET", findings=False)
    submitted_audit(audit_round, personas.auditor, plan=quiet, answers={"F-06": "partly-met", "F-02": "not-applicable"})
    rows = {r.code: r.agreement for r in selectors.machine_human(audit_round.audits.all(), audit_round.framework)}
    assert set(rows) == {"F-02", "F-06"}  # only criteria an automated check informs
    assert (rows["F-06"].both_concern, rows["F-06"].human_only, rows["F-06"].total) == (1, 1, 2)
    assert (rows["F-02"].machine_only, rows["F-02"].total) == (1, 1)


def test_a_finding_informs_a_criterion_through_the_criterions_automated_checks(personas: Personas) -> None:
    # The finding names no criterion, but F-02 lists F.unquantified among its automated checks.
    audit_round = make_round(personas.la)
    plan = make_plan(personas.la, "MAPPED", findings=False)
    run = plan.latest_version().analysis_runs.get()
    StoredFinding.objects.create(
        run=run,
        code="F.unquantified",
        criterion="",
        section="F",
        severity="amber",
        message="No amount",
        evidence_text="therapy",
    )
    submitted_audit(audit_round, personas.auditor, plan=plan, answers={"F-02": "not-met"})
    rows = {r.code: r.agreement for r in selectors.machine_human(audit_round.audits.all(), audit_round.framework)}
    assert rows["F-02"].both_concern == 1 and rows["F-06"].neither == 1


def test_calibration_gives_every_auditor_a_marking_and_summarises_the_spread(personas: Personas) -> None:
    extra = make_user(personas.la, "third-auditor", Role.AUDITOR)
    plan = make_plan(personas.la, "CAL-1")
    exercise = services.calibration_create(
        by=personas.qa_lead,
        name="Autumn calibration",
        plan=plan,
        framework=small_framework(),
        auditors=[personas.auditor, personas.moderator, extra],
    )
    markings = {m.marker.username: m for m in exercise.markings.all()}
    assert set(markings) == {"edu-auditor", "moderator", "third-auditor"}
    mark(markings["edu-auditor"], personas.auditor)  # 10 Outstanding
    mark(markings["moderator"], personas.moderator, {"F-06": "not-met"})
    mark(markings["third-auditor"], extra, {"F-02": "not-met", "F-06": "not-met"})  # 4 RI
    summary = selectors.calibration_summary(exercise)
    assert summary.spread is not None
    assert (summary.spread.count, summary.spread.maximum, summary.spread.minimum) == (3, 10, 4)
    split = {row.criterion.code for row in summary.criteria if row.split}
    assert split == {"F-02", "F-06"}
    services.calibration_close(exercise=exercise, by=personas.qa_lead, notes="F-06: quote the hedged wording.")
    with pytest.raises(PermissionDenied):
        services.calibration_close(exercise=exercise, by=personas.auditor, notes="")


def test_calibration_refuses_the_plans_writer_and_a_single_auditor(personas: Personas) -> None:
    plan = make_plan(personas.la, "CAL-2", case_officer=personas.auditor)
    with pytest.raises(services.ModerationError, match="wrote"):
        services.calibration_create(
            by=personas.qa_lead,
            name="x",
            plan=plan,
            framework=small_framework(),
            auditors=[personas.auditor, personas.moderator],
        )
    with pytest.raises(services.ModerationError, match="at least two"):
        services.calibration_create(
            by=personas.qa_lead, name="x", plan=plan, framework=small_framework(), auditors=[personas.moderator]
        )


def test_submitted_status_is_required_of_sampled_audits(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    with pytest.raises(services.ModerationError, match="No submitted audits"):
        services.sample_draw(audit_round=audit_round, by=personas.qa_lead, percent=10, moderators=[personas.moderator])
    assert not Audit.objects.filter(status=AuditStatus.SUBMITTED).exists()
