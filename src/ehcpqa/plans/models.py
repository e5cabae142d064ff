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

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="version_number_unique_in_plan")]

    def __str__(self) -> str:
        return f"{self.plan.reference} v{self.number}"
