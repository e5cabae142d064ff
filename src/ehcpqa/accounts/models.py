"""Tenancy: every object in the service belongs to exactly one local authority (LA).

Users belong to one LA and hold one or more roles in it. Auditors also have an agency, which decides which
sections they can be assigned in a multi-agency audit.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class LocalAuthority(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    # Grade bands are configurable per LA (PRODUCT.md section 5); stored as the lowest score of each band.
    good_from = models.PositiveSmallIntegerField(default=6)
    outstanding_from = models.PositiveSmallIntegerField(default=9)
    requires_improvement_from = models.PositiveSmallIntegerField(default=4)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "local authorities"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    # Labels read inside sentences ("As case officer you can"); use |capfirst at the start of a line.
    QA_LEAD = "qa_lead", "QA lead"
    AUDITOR = "auditor", "auditor"
    MODERATOR = "moderator", "moderator"
    CASE_OFFICER = "case_officer", "case officer"
    BOARD_VIEWER = "board_viewer", "board viewer"


class Agency(models.TextChoices):
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    INDEPENDENT = "independent", "Independent"


class User(AbstractUser):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="users")
    agency = models.CharField(max_length=20, choices=Agency.choices, blank=True)
    display_name = models.CharField(max_length=150, blank=True)

    REQUIRED_FIELDS = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def role_set(self) -> frozenset[Role]:
        cached: frozenset[Role] | None = getattr(self, "_role_cache", None)
        if cached is None:
            cached = frozenset(Role(g.role) for g in self.role_grants.all())
            self._role_cache = cached
        return cached

    def has_role(self, *roles: Role) -> bool:
        return bool(self.role_set.intersection(roles))


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")]

    def __str__(self) -> str:
        return f"{self.user} as {self.get_role_display()}"


class SignInAttempt(models.Model):
    """Used to throttle sign-in after repeated failures. Holds a username as typed, never a password."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"sign-in {'succeeded' if self.succeeded else 'failed'} at {self.at:%Y-%m-%d %H:%M}"


class ActivityRecord(models.Model):
    """Who did what, when, to which object: every view of a plan document and every change (PRODUCT.md §10).

    Written in the same transaction as the change it records, by accounts.activity.record_activity.
    """

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="activity")
    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="activity")
    verb = models.CharField(max_length=60)  # e.g. "plan.viewed", "audit.submitted"
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60)
    detail = models.JSONField(default=dict, blank=True)  # never personal data, only ids and field names
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["local_authority", "object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.object_type}#{self.object_id}"
