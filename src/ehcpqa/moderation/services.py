"""Every write of the moderation app. Each function runs in one transaction and records who did what in it."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ehcp_analysis.answer_scoring import score_answers
from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import Role, User
from ehcpqa.audits.models import Answer, Audit, AuditRound, AuditStatus, Framework
from ehcpqa.audits.services import JudgementInput, bands_for
from ehcpqa.moderation import rules
from ehcpqa.moderation.models import (
    CalibrationExercise,
    CalibrationStatus,
    ItemReason,
    ItemStatus,
    Marking,
    MarkingJudgement,
    MarkingStatus,
    ModerationItem,
    ModerationSample,
)
from ehcpqa.moderation.sampling import AuditToModerate, NoEligibleModerator, SubmittedAudit, assign_moderators
from ehcpqa.moderation.sampling import stratified_sample as draw_stratified
from ehcpqa.plans.models import Plan

DEFAULT_SHARE_PERCENT = 10


class ModerationError(Exception):
    """A request the rules refuse; the message is written for the person who asked."""


def _sample_for(audit_round: AuditRound, *, by: User | None, percent: int = DEFAULT_SHARE_PERCENT) -> ModerationSample:
    sample, _ = ModerationSample.objects.get_or_create(
        round=audit_round,
        defaults={
            "local_authority": audit_round.local_authority,
            "share_percent": percent,
            "seed": random.SystemRandom().randint(1, 999_999),
            "drawn_by": by,
        },
    )
    return sample


def _excluded_for(audit: Audit) -> frozenset[int]:
    """People who cannot second-mark an audit: everyone who judged it and the plan's own case officer."""
    ids = {audit.auditor_id, *audit.section_assignments.values_list("auditor_id", flat=True)}
    if audit.plan.case_officer_id is not None:
        ids.add(audit.plan.case_officer_id)
    return frozenset(ids)


def _open_moderation_load(moderator_ids: Sequence[int]) -> dict[int, int]:
    rows = (
        ModerationItem.objects.filter(moderator_id__in=moderator_ids)
        .exclude(status=ItemStatus.RESOLVED)
        .values("moderator_id")
        .annotate(n=Count("id"))
    )
    return {r["moderator_id"]: r["n"] for r in rows}


def _check_second_markers(by: User, moderators: Sequence[User]) -> None:
    if not moderators:
        raise ModerationError("Choose at least one moderator or second auditor.")
    for m in moderators:
        if m.local_authority_id != by.local_authority_id or not m.has_role(Role.MODERATOR, Role.AUDITOR):
            raise ModerationError("Moderators must be moderators or auditors of your authority.")


def _create_item(sample: ModerationSample, audit: Audit, moderator_id: int, **fields: object) -> ModerationItem:
    marking = Marking.objects.create(
        local_authority=sample.local_authority,
        marker_id=moderator_id,
        framework=audit.round.framework,
        plan=audit.plan,
        version=audit.version,
    )
    return ModerationItem.objects.create(
        sample=sample, audit=audit, moderator_id=moderator_id, second_marking=marking, **fields
    )


@transaction.atomic
def sample_draw(
    *, audit_round: AuditRound, by: User, percent: int, moderators: Sequence[User], seed: int | None = None
) -> list[ModerationItem]:
    """Draw the round's moderation sample (each auditor's share rounded up) and give each audit a second marker."""
    if not 1 <= percent <= 100:
        raise ModerationError("Enter a share from 1 to 100 per cent.")
    _check_second_markers(by, moderators)
    sample = _sample_for(audit_round, by=by, percent=percent)
    if sample.drawn_at is not None:
        raise ModerationError("This round's sample has already been drawn. Flag any further audit to moderate it.")
    if seed is not None:
        sample.seed = seed
    already = set(sample.items.values_list("audit_id", flat=True))
    submitted = list(
        audit_round.audits.filter(status=AuditStatus.SUBMITTED).exclude(pk__in=already).select_related("plan")
    )
    if not submitted:
        raise ModerationError("No submitted audits to sample yet.")
    chosen = set(
        draw_stratified((SubmittedAudit(a.pk, a.auditor_id) for a in submitted), percent=percent, seed=sample.seed)
    )
    to_moderate = [a for a in submitted if a.pk in chosen]
    moderator_ids = [m.pk for m in moderators]
    try:
        assignment = assign_moderators(
            [AuditToModerate(a.pk, _excluded_for(a)) for a in to_moderate],
            moderator_ids,
            existing_load=_open_moderation_load(moderator_ids),
        )
    except NoEligibleModerator as exc:
        raise ModerationError(
            "An audit has no eligible moderator: choose someone who did not audit it and did not write the plan."
        ) from exc
    items = [_create_item(sample, a, assignment[a.pk], reason=ItemReason.SAMPLED) for a in to_moderate]
    sample.share_percent, sample.drawn_at, sample.drawn_by = percent, timezone.now(), by
    sample.save(update_fields=["share_percent", "seed", "drawn_at", "drawn_by"])
    record_activity(
        actor=by,
        local_authority=audit_round.local_authority,
        verb="moderation.sample_drawn",
        target=sample,
        detail={"percent": percent, "seed": sample.seed, "audits": sorted(chosen), "moderators": moderator_ids},
    )
    return items


@transaction.atomic
def audit_flag(*, audit: Audit, by: User, moderator: User, note: str) -> ModerationItem:
    """A QA lead sends one submitted audit to moderation, whether or not it was sampled."""
    if audit.status != AuditStatus.SUBMITTED:
        raise ModerationError("Only a submitted audit can be moderated.")
    _check_second_markers(by, [moderator])
    if moderator.pk in _excluded_for(audit):
        raise ModerationError("Choose a moderator who did not audit this plan and did not write it.")
    sample = _sample_for(audit.round, by=by)
    if sample.items.filter(audit=audit).exists():
        raise ModerationError("This audit is already being moderated.")
    item = _create_item(sample, audit, moderator.pk, reason=ItemReason.FLAGGED, flagged_by=by, flag_note=note.strip())
    record_activity(
        actor=by,
        local_authority=sample.local_authority,
        verb="moderation.audit_flagged",
        target=item,
        detail={"audit": audit.pk, "moderator": moderator.pk},
    )
    return item


# ---- Markings (second marking and calibration) --------------------------------------------------------------


def _require_open_marking(marking: Marking, by: User) -> None:
    if marking.marker_id != by.pk:
        raise PermissionDenied("Only the person marking can change this marking.")
    if marking.is_submitted:
        raise ModerationError("This marking has been submitted and can no longer change.")
    if marking.calibrations.filter(status=CalibrationStatus.CLOSED).exists():
        raise ModerationError("This calibration exercise is closed.")


@transaction.atomic
def marking_save(*, marking: Marking, by: User, judgements: Mapping[int, JudgementInput]) -> Marking:
    _require_open_marking(marking, by)
    criteria = {c.pk: c for c in marking.framework.criteria.all()}
    if set(judgements) - set(criteria):
        raise ModerationError("An answer was given for a criterion that is not in this framework.")
    if any(j.answer not in Answer.values and j.answer != "" for j in judgements.values()):
        raise ModerationError("Choose met, partly met, not met or not applicable.")
    for criterion_id, given in judgements.items():
        MarkingJudgement.objects.update_or_create(
            marking=marking, criterion_id=criterion_id, defaults={"answer": given.answer, "comment": given.comment}
        )
    record_activity(
        actor=by,
        local_authority=marking.local_authority,
        verb="marking.saved",
        target=marking,
        detail={"criteria": sorted(criteria[c].code for c in judgements)},
    )
    return marking


def unanswered(marking: Marking) -> list[str]:
    answered = set(marking.judgements.exclude(answer="").values_list("criterion_id", flat=True))
    return [c.code for c in marking.framework.criteria.all() if c.pk not in answered]


@transaction.atomic
def marking_submit(*, marking: Marking, by: User) -> Marking:
    """Lock the marking and score it with the audit rules; a second marking makes its moderation ready to resolve."""
    _require_open_marking(marking, by)
    missing = unanswered(marking)
    if missing:
        raise ModerationError(
            f"Answer every criterion before you submit: {len(missing)} not answered yet (first: {missing[0]})."
        )
    answers = dict(marking.judgements.values_list("criterion__code", "answer"))
    scores = score_answers(
        answers,
        list(marking.framework.criteria.all()),
        section_weights=marking.framework.section_weights,
        bands=bands_for(marking.local_authority),
    )
    marking.derived_score, marking.derived_grade = scores.overall_score, scores.overall_grade or ""
    marking.status, marking.submitted_at = MarkingStatus.SUBMITTED, timezone.now()
    marking.save(update_fields=["derived_score", "derived_grade", "status", "submitted_at"])
    item = ModerationItem.objects.filter(second_marking=marking).first()
    if item is not None:
        item.status = rules.next_status(ItemStatus(item.status), ItemStatus.MARKED)
        item.save(update_fields=["status"])
    record_activity(
        actor=by,
        local_authority=marking.local_authority,
        verb="marking.submitted",
        target=marking,
        detail={
            "score": marking.derived_score,
            "grade": marking.derived_grade,
            "moderation_item": item.pk if item else None,
        },
    )
    return marking


# ---- Resolution and the first auditor's outcome --------------------------------------------------------------


@transaction.atomic
def item_resolve(*, item: ModerationItem, by: User, score: int, reason: str) -> ModerationItem:
    """Record the agreed result and why. The first audit and both markings stay as they were."""
    item.refresh_from_db()  # the status may have moved since the caller read it (the marking was just submitted)
    if item.moderator_id != by.pk:
        raise PermissionDenied("Only the moderator of this audit can record the agreed result.")
    if not 1 <= score <= 10:
        raise ModerationError("Enter an agreed score from 1 to 10.")
    if not reason.strip():
        raise ModerationError("Explain the agreed result: the auditor will read it.")
    try:
        item.status = rules.next_status(ItemStatus(item.status), ItemStatus.RESOLVED)
    except rules.InvalidTransition as exc:
        raise ModerationError("Submit your own marking before you record the agreed result.") from exc
    item.agreed_score = score
    item.agreed_grade = bands_for(item.sample.local_authority).grade(score)
    item.agreed_reason = reason.strip()
    item.resolved_at = timezone.now()
    item.outcome_seen_at = None
    item.save(
        update_fields=["status", "agreed_score", "agreed_grade", "agreed_reason", "resolved_at", "outcome_seen_at"]
    )
    record_activity(
        actor=by,
        local_authority=item.sample.local_authority,
        verb="moderation.resolved",
        target=item,
        detail={
            "audit": item.audit_id,
            "first": item.audit.final_score,
            "second": item.second_marking.derived_score,
            "agreed": score,
        },
    )
    return item


@transaction.atomic
def outcomes_acknowledge(*, by: User, items: Sequence[ModerationItem]) -> int:
    """The first auditor has read these outcomes: they are no longer shown as new."""
    ids = [i.pk for i in items if i.audit.auditor_id == by.pk and i.status == ItemStatus.RESOLVED]
    updated = ModerationItem.objects.filter(pk__in=ids, outcome_seen_at__isnull=True).update(
        outcome_seen_at=timezone.now()
    )
    if updated:
        record_activity(
            actor=by,
            local_authority=by.local_authority,
            verb="moderation.outcomes_read",
            target=by,
            detail={"items": ids},
        )
    return updated


# ---- Calibration -------------------------------------------------------------------------------------------


@transaction.atomic
def calibration_create(
    *, by: User, name: str, plan: Plan, framework: Framework, auditors: Sequence[User]
) -> CalibrationExercise:
    """Every chosen auditor gets a blind marking of the same plan version."""
    la = by.local_authority
    if plan.local_authority_id != la.pk:
        raise ModerationError("Choose a plan of your authority.")
    if not framework.published or framework.local_authority_id not in (None, la.pk):
        raise ModerationError("Choose a published framework of your authority.")
    if len(auditors) < 2:
        raise ModerationError("Choose at least two auditors: a calibration compares their results.")
    if any(a.local_authority_id != la.pk or not a.has_role(Role.AUDITOR, Role.MODERATOR) for a in auditors):
        raise ModerationError("Choose auditors of your authority.")
    if any(a.pk == plan.case_officer_id for a in auditors):
        raise ModerationError("An auditor cannot mark a plan they wrote.")
    version = plan.latest_version()
    exercise = CalibrationExercise.objects.create(
        local_authority=la, name=name, plan=plan, version=version, framework=framework, created_by=by
    )
    exercise.markings.set(
        [
            Marking.objects.create(local_authority=la, marker=a, framework=framework, plan=plan, version=version)
            for a in auditors
        ]
    )
    record_activity(
        actor=by,
        local_authority=la,
        verb="calibration.created",
        target=exercise,
        detail={"plan": plan.pk, "auditors": [a.pk for a in auditors]},
    )
    return exercise


@transaction.atomic
def calibration_close(*, exercise: CalibrationExercise, by: User, notes: str) -> CalibrationExercise:
    if not by.has_role(Role.QA_LEAD):
        raise PermissionDenied("Only a QA lead can close a calibration exercise.")
    exercise.discussion_notes = notes.strip()
    exercise.status = CalibrationStatus.CLOSED
    exercise.save(update_fields=["discussion_notes", "status"])
    record_activity(
        actor=by,
        local_authority=exercise.local_authority,
        verb="calibration.closed",
        target=exercise,
        detail={"markings": exercise.markings.count()},
    )
    return exercise
