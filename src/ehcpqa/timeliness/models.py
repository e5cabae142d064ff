"""Case records imported from a case-management system, and the statutory measures computed from them.

A CaseRecord is one child's case (matched to a Plan by reference when the register has it); its CaseEvents are the
dated steps of the statutory process. TimelinessMeasure rows are derived data: recomputed from the events by
``services.recompute_measures`` with the pure rules in ``deadlines.py``, and stored so reports can count them in
the database. Whether an open measure is due or overdue depends on the day it is looked at, so that status is never
stored: reports derive it from ``due`` and ``end``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcpqa.accounts.models import LocalAuthority
from ehcpqa.plans.models import Plan


class CaseRecord(models.Model):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="case_records")
    reference = models.CharField(max_length=60)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_records")
    school = models.CharField(max_length=200, blank=True)  # current setting, for the review lists sent to schools
    date_of_birth = models.DateField(null=True, blank=True)  # only to tell under-5 reviews apart
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["local_authority", "reference"], name="case_reference_unique_in_la")
        ]

    def __str__(self) -> str:
        return self.reference


class CaseEvent(models.Model):
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)  # one of deadlines.EVENT_KINDS
    on = models.DateField()
    detail = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["case", "on", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.on}"


class TimelinessMeasure(models.Model):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="measures")
    rule = models.CharField(max_length=30)
    start = models.DateField(null=True, blank=True)
    due = models.DateField()
    end = models.DateField(null=True, blank=True)
    earliest = models.DateField(null=True, blank=True)
    exceptions = models.CharField(max_length=200, blank=True)  # comma-separated exception codes
    has_exception = models.BooleanField(default=False)
    detail = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [
            models.Index(fields=["local_authority", "rule", "due"]),
            models.Index(fields=["local_authority", "end", "due"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule} for {self.case_id} due {self.due}"


class CaseImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting for confirmation"
    CONFIRMED = "confirmed", "Imported"
    DISCARDED = "discarded", "Discarded"


class CaseImport(models.Model):
    """A CSV of case events between upload and confirmation; its text is cleared once confirmed or discarded."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="case_imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    original_filename = models.CharField(max_length=255)
    content = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=CaseImportStatus.choices, default=CaseImportStatus.PREVIEWED)
    case_count = models.PositiveIntegerField(default=0)
    event_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Case import {self.pk}"
