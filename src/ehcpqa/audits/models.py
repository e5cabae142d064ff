"""Human audit records: criteria frameworks, audit rounds, audits, judgements, actions and family feedback.

Machine output (analysis.AnalysisRun, analysis.StoredFinding) is never written from here: what an auditor thinks of a
machine finding is a FindingDecision of its own, so machine and human views can be compared later.
See docs/audits.md for the model in plain English.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from ehcpqa.accounts.models import LocalAuthority
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.plans.models import Plan, PlanVersion


class Answer(models.TextChoices):
    # The values of the framework's answer scale (ehcp_analysis.framework.ANSWERS).
    MET = "met", "Met"
    PARTLY_MET = "partly-met", "Partly met"
    NOT_MET = "not-met", "Not met"
    NOT_APPLICABLE = "not-applicable", "Not applicable"


class Grade(models.TextChoices):
    # Values are the grade slugs of the JSON report (PRODUCT.md section 9), so machine and human grades compare.
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires-improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class Framework(models.Model):
    """One version of a criteria framework. ``local_authority`` is null for the national default."""

    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.CASCADE, related_name="frameworks"
    )
    slug = models.SlugField(max_length=60)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)
    # Section id -> weight in the overall score (F, E and B weigh most); sections not listed weigh 1.
    section_weights = models.JSONField(default=dict, blank=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "version"], condition=Q(local_authority__isnull=True), name="national_framework_unique"
            ),
            models.UniqueConstraint(
                fields=["local_authority", "slug", "version"],
                condition=Q(local_authority__isnull=False),
                name="la_framework_unique",
            ),
        ]

    def __str__(self) -> str:
        owner = "national" if self.local_authority_id is None else "local"
        return f"{self.title} (version {self.version}, {owner})"


class Criterion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=12)
    section = models.CharField(max_length=4)  # "A".."K", "H1"/"H2"/"H", "GEN" (whole plan) or "P" (process)
    text = models.TextField()
    guidance = models.TextField(blank=True)
    good_example = models.TextField(blank=True)
    poor_example = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=1)
    automated = models.BooleanField(default=False)
    automated_checks = models.JSONField(default=list, blank=True)  # finding codes that inform this criterion
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class SampleKind(models.TextChoices):
    ALL = "all", "All finalised plans up to a date"
    RANDOM = "random", "A random percentage of finalised plans"
    FILTER = "filter", "Plans matching a theme"


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open"  # audits assigned and under way
    CLOSED = "closed", "Closed"  # no more audit work; results stand
    CANCELLED = "cancelled", "Cancelled"


class AuditRound(models.Model):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="audit_rounds")
    name = models.CharField(max_length=200)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="rounds")
    period_start = models.DateField()
    period_end = models.DateField()
    sample_kind = models.CharField(max_length=10, choices=SampleKind.choices)
    # The sample rule as chosen (dates, percentage, seed, filters) so the sample can be explained and redrawn.
    sample_rule = models.JSONField(default=dict, blank=True)
    sections_by_agency = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class AuditStatus(models.TextChoices):
    ASSIGNED = "assigned", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


class Audit(models.Model):
    """One auditor's audit of one plan version in one round. Submitted audits are locked."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="audits")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="audits")
    version = models.ForeignKey(PlanVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="audits")
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audits")
    # Shown to auditors instead of the plan reference, so the audit stays blind.
    audit_number = models.CharField(max_length=20)
    status = models.CharField(max_length=12, choices=AuditStatus.choices, default=AuditStatus.ASSIGNED)
    # Optimistic concurrency: every save must quote the number it read; a stale number is refused.
    lock_version = models.PositiveIntegerField(default=0)
    derived_score = models.PositiveSmallIntegerField(null=True, blank=True)
    derived_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    section_grades = models.JSONField(default=dict, blank=True)
    override_score = models.PositiveSmallIntegerField(null=True, blank=True)
    override_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    override_reason = models.TextField(blank=True)
    reaudit_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reaudits")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["audit_number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "audit_number"], name="audit_number_unique_in_round"),
        ]
        indexes = [models.Index(fields=["auditor", "status"])]

    def __str__(self) -> str:
        return f"Audit {self.audit_number}"

    @property
    def final_score(self) -> int | None:
        """The result that counts: the auditor's override when given, else the derived score."""
        return self.override_score if self.override_score is not None else self.derived_score

    @property
    def final_grade(self) -> str:
        return self.override_grade or self.derived_grade

    def get_final_grade_display(self) -> str:
        return Grade(self.final_grade).label if self.final_grade else ""

    @property
    def is_locked(self) -> bool:
        return self.status == AuditStatus.SUBMITTED


class SectionAssignment(models.Model):
    """A section of an audit delegated to an auditor of another agency (health: C and G; social care: D, H)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="section_assignments")
    section = models.CharField(max_length=4)
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="section_audits")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "section"], name="one_assignee_per_section")]

    def __str__(self) -> str:
        return f"{self.audit} section {self.section}"


class CriterionJudgement(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="judgements")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="judgements")
    answer = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "criterion"], name="one_judgement_per_criterion")]

    def __str__(self) -> str:
        return f"{self.audit}: {self.criterion.code} {self.answer or 'unanswered'}"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", "Accept"
    REJECTED = "rejected", "Reject"


class FindingDecision(models.Model):
    """An auditor's view of one machine finding. The finding itself is never changed."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="finding_decisions")
    finding = models.ForeignKey(StoredFinding, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "finding"], name="one_decision_per_finding")]

    def __str__(self) -> str:
        return f"{self.audit}: finding {self.finding_id} {self.decision}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Action(models.Model):
    """Work for a case officer after a Requires improvement or Inadequate result."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="audit_actions")
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="audit_actions")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_actions"
    )
    grade = models.CharField(max_length=24, choices=Grade.choices)
    immediate = models.BooleanField(default=False)
    description = models.TextField()
    due_date = models.DateField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["local_authority", "status"])]

    def __str__(self) -> str:
        return f"Action on {self.plan} due {self.due_date}"


class Respondent(models.TextChoices):
    PARENT = "parent", "Parent"
    CARER = "carer", "Carer"
    YOUNG_PERSON = "young_person", "Young person"


class Rating(models.IntegerChoices):
    POOR = 1, "Poor"
    FAIR = 2, "Fair"
    GOOD = 3, "Good"
    VERY_GOOD = 4, "Very good"


class ParentFeedback(models.Model):
    """A monthly quality feedback call with a family about their plan, recorded for reporting."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="parent_feedback")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parent_feedback")
    call_date = models.DateField()
    respondent = models.CharField(max_length=16, choices=Respondent.choices)
    accuracy = models.PositiveSmallIntegerField(choices=Rating.choices)
    clarity = models.PositiveSmallIntegerField(choices=Rating.choices)
    reflects_child = models.PositiveSmallIntegerField(choices=Rating.choices)
    comments = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-call_date", "-id"]
        verbose_name_plural = "parent feedback"

    def __str__(self) -> str:
        return f"Feedback call on {self.plan} ({self.call_date})"
