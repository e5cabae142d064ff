"""Stored machine output of the automated pre-audit. Immutable once finished: a re-run is a new AnalysisRun.

Human judgements live in the audits app and never overwrite anything here, so machine/human agreement can be
measured.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcpqa.plans.models import PlanVersion


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Could not be read"


class AnalysisRun(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="analysis_runs")
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    engine_version = models.CharField(max_length=20, blank=True)
    framework_id = models.CharField(max_length=60, blank=True)
    framework_version = models.CharField(max_length=20, blank=True)
    as_of = models.DateField(null=True, blank=True)  # the date currency checks were judged against
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.CharField(max_length=500, blank=True)
    suggested_score = models.PositiveSmallIntegerField(null=True, blank=True)
    suggested_grade = models.CharField(max_length=24, blank=True)
    section_grades = models.JSONField(default=dict, blank=True)
    # The document as read: sections with their blocks and locations, so the plan page can show text by section.
    document = models.JSONField(default=dict, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Who asked for the run (the uploader, or whoever asked for a re-run); None for the demo seed and scripts.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["version", "-created_at"])]

    def __str__(self) -> str:
        return f"Analysis run {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class StoredFinding(models.Model):
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(max_length=60, db_index=True)
    criterion = models.CharField(max_length=12, db_index=True)
    section = models.CharField(max_length=4)
    severity = models.CharField(max_length=8)
    message = models.TextField()
    evidence_text = models.TextField(blank=True)
    location = models.JSONField(null=True, blank=True)
    suggestion = models.TextField(blank=True)

    class Meta:
        ordering = ["run", "section", "id"]

    def __str__(self) -> str:
        return f"{self.code} in run {self.run_id}"
