"""The plan register: one Plan per child's EHCP, with every uploaded document kept as a PlanVersion."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ehcpqa.accounts.models import LocalAuthority


class PrimaryNeed(models.TextChoices):
    # The primary need types of the national SEN statistics.
    ASD = "ASD", "Autistic spectrum disorder"
    SLCN = "SLCN", "Speech, language and communication needs"
    SEMH = "SEMH", "Social, emotional and mental health"
    MLD = "MLD", "Moderate learning difficulty"
    SPLD = "SpLD", "Specific learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Visual impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    OTH = "OTH", "Other difficulty or disability"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Final"
    AMENDED = "amended", "Amended"
    CEASED = "ceased", "Ceased"


class Plan(models.Model):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="plans")
    reference = models.CharField(max_length=60)
    child_name = models.CharField(max_length=200, blank=True)  # special category data: masked in blind audits
    date_of_birth = models.DateField(null=True, blank=True)
    year_group = models.SmallIntegerField(null=True, blank=True)
    primary_need = models.CharField(max_length=8, choices=PrimaryNeed.choices, blank=True)
    setting = models.CharField(max_length=200, blank=True)
    setting_type = models.CharField(max_length=100, blank=True)
    looked_after = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.FINAL)
    request_date = models.DateField(null=True, blank=True)
    issued_date = models.DateField(null=True, blank=True)
    last_review_date = models.DateField(null=True, blank=True)
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_plans"
    )
    team = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["local_authority", "reference"], name="plan_reference_unique_in_la")
        ]
        indexes = [
            models.Index(fields=["local_authority", "primary_need"]),
            models.Index(fields=["local_authority", "year_group"]),
            models.Index(fields=["local_authority", "case_officer"]),
        ]

    def __str__(self) -> str:
        return self.reference

    def latest_version(self) -> PlanVersion | None:
        return self.versions.order_by("-number").first()


def plan_document_path(instance: PlanVersion, filename: str) -> str:
    # The stored name carries no part of the uploaded name: that may contain a child's name.
    return f"plans/{instance.plan.local_authority_id}/{instance.plan_id}/{instance.sha256}"


class PlanVersion(models.Model):
    """One uploaded document of a plan. Kept as uploaded; never edited."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    document = models.FileField(upload_to=plan_document_path, max_length=300)
    original_filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    format = models.CharField(max_length=8)  # detected from the content, not the extension
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Set when the document came in a ZIP of many, so the batch can show how far analysis has got.
    batch = models.ForeignKey("UploadBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="versions")

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="version_number_unique_in_plan")]

    def __str__(self) -> str:
        return f"{self.plan.reference} v{self.number}"


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting for confirmation"
    CONFIRMED = "confirmed", "Imported"
    DISCARDED = "discarded", "Discarded"


class PlanImport(models.Model):
    """A CSV of plan records between upload and confirmation.

    The file is kept only until the import is confirmed or discarded, then its text is cleared: the plans table
    is the record of what was imported, and the CSV holds dates of birth we should not keep twice.
    """

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="plan_imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    original_filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    content = models.TextField(blank=True)  # the decoded CSV; cleared once confirmed or discarded
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.get_status_display()})"


class UploadBatch(models.Model):
    """A ZIP of plan documents uploaded at once: what was matched, what was not, and the versions it created."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="upload_batches")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    original_filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    # Files that did not become a version: [{"name": ..., "reason": ...}]. Names are the ones inside the ZIP.
    skipped = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Upload batch {self.pk}"
