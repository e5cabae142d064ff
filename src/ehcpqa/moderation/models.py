"""Moderation and calibration records. See docs/moderation.md for the model in plain English.

The first auditor's Audit and CriterionJudgement rows (audits app) are never changed here: a second marking is a
Marking of its own, and the agreed result lives on the ModerationItem, so both original markings are kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcpqa.accounts.models import LocalAuthority
from ehcpqa.audits.models import Answer, Audit, AuditRound, Criterion, Framework, Grade
from ehcpqa.plans.models import Plan, PlanVersion


class MarkingStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


class Marking(models.Model):
    """One person's blind marking of one plan version against a framework: a moderator's second marking or an
    auditor's marking in a calibration exercise. Scored with the same rules as an audit."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="markings")
    marker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="markings")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=MarkingStatus.choices, default=MarkingStatus.DRAFT)
    derived_score = models.PositiveSmallIntegerField(null=True, blank=True)
    derived_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Marking {self.pk} by {self.marker}"

    @property
    def is_submitted(self) -> bool:
        return self.status == MarkingStatus.SUBMITTED


class MarkingJudgement(models.Model):
    marking = models.ForeignKey(Marking, on_delete=models.CASCADE, related_name="judgements")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["marking", "criterion"], name="one_marking_judgement")]

    def __str__(self) -> str:
        return f"{self.marking}: {self.criterion.code} {self.answer or 'unanswered'}"


class ModerationSample(models.Model):
    """The moderation sample of one audit round: a share of its submitted audits, every auditor included."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="moderation_samples")
    round = models.OneToOneField(AuditRound, on_delete=models.CASCADE, related_name="moderation_sample")
    share_percent = models.PositiveSmallIntegerField(default=10)
    seed = models.PositiveIntegerField(default=0)
    drawn_at = models.DateTimeField(null=True, blank=True)  # null until the random part has been drawn
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Moderation sample of {self.round}"


class ItemReason(models.TextChoices):
    SAMPLED = "sampled", "Sampled"
    FLAGGED = "flagged", "Flagged by a QA lead"


class ItemStatus(models.TextChoices):
    AWAITING_MARKING = "awaiting", "Awaiting second marking"
    MARKED = "marked", "Marked, to be resolved"
    RESOLVED = "resolved", "Resolved"


class ModerationItem(models.Model):
    """One audit chosen for moderation, its blind second marking and the agreed result."""

    sample = models.ForeignKey(ModerationSample, on_delete=models.CASCADE, related_name="items")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="moderation_items")
    reason = models.CharField(max_length=10, choices=ItemReason.choices)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flag_note = models.TextField(blank=True)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moderation_items")
    second_marking = models.OneToOneField(Marking, on_delete=models.PROTECT, related_name="moderation_item")
    status = models.CharField(max_length=10, choices=ItemStatus.choices, default=ItemStatus.AWAITING_MARKING)
    # The agreed result, recorded by the moderator once both markings are in. The first audit is not changed.
    agreed_score = models.PositiveSmallIntegerField(null=True, blank=True)
    agreed_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    agreed_reason = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # When the first auditor acknowledged the outcome; null means it is new to them.
    outcome_seen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sample", "audit__audit_number"]
        constraints = [models.UniqueConstraint(fields=["sample", "audit"], name="audit_moderated_once_per_sample")]

    def __str__(self) -> str:
        return f"Moderation of {self.audit}"


class CalibrationStatus(models.TextChoices):
    OPEN = "open", "Open for marking"
    CLOSED = "closed", "Closed"


class CalibrationExercise(models.Model):
    """Every chosen auditor marks the same plan; the spread of their results is shown and discussed."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="calibrations")
    name = models.CharField(max_length=200)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=CalibrationStatus.choices, default=CalibrationStatus.OPEN)
    discussion_notes = models.TextField(blank=True)
    markings = models.ManyToManyField(Marking, related_name="calibrations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name
