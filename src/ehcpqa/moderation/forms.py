"""Forms of the moderation pages. Error messages follow the GOV.UK pattern: say what to do."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from ehcpqa.accounts.models import Role, User
from ehcpqa.audits.models import Answer, Audit, AuditStatus, Criterion, Framework
from ehcpqa.plans.models import Plan


def second_markers(user: User) -> QuerySet[User]:
    """People of the user's authority who may second-mark: moderators and auditors."""
    return (
        User.objects.filter(local_authority=user.local_authority_id, is_active=True)
        .filter(role_grants__role__in=[Role.MODERATOR, Role.AUDITOR])
        .distinct()
        .order_by("username")
    )


def _limit(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    """Narrow a model choice field to the user's own authority (the class-level queryset is empty)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class MarkerChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        roles = ", ".join(sorted(r.label for r in obj.role_set if r in (Role.MODERATOR, Role.AUDITOR)))
        return f"{obj} ({roles})"


class SampleForm(forms.Form):
    percent = forms.IntegerField(
        label="Share of submitted audits to moderate (per cent)",
        initial=10,
        min_value=1,
        max_value=100,
        help_text="Each auditor's share is rounded up, so every auditor has at least one audit moderated.",
        error_messages={
            "required": "Enter a share from 1 to 100",
            "min_value": "Enter a share from 1 to 100",
            "max_value": "Enter a share from 1 to 100",
            "invalid": "Enter the share as a whole number",
        },
    )
    moderators = MarkerChoiceField(
        label="Moderators and second auditors",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Nobody moderates an audit they took part in or a plan they wrote.",
        error_messages={"required": "Choose at least one moderator"},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        markers = second_markers(user)
        _limit(self, "moderators", markers)
        self.fields["moderators"].initial = [u.pk for u in markers if u.has_role(Role.MODERATOR)]


class FlagForm(forms.Form):
    audit = forms.ModelChoiceField(
        label="Audit to moderate", queryset=Audit.objects.none(), error_messages={"required": "Choose an audit"}
    )
    moderator = forms.ModelChoiceField(
        label="Moderator", queryset=User.objects.none(), error_messages={"required": "Choose a moderator"}
    )
    note = forms.CharField(
        label="Why it needs moderating (optional)", required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args: Any, user: User, audits: QuerySet[Audit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "audit", audits.filter(status=AuditStatus.SUBMITTED))
        _limit(self, "moderator", second_markers(user))


class MarkingForm(forms.Form):
    """A judgement and a comment per criterion of the framework: the blind second marking."""

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"answer_{c.pk}"] = forms.ChoiceField(
                label=f"{c.code}: {c.text}", choices=Answer.choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=f"Comment on {c.code} (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea,
                error_messages={"max_length": "Comment must be 2,000 characters or fewer"},
            )

    def judgements(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (self.cleaned_data[f"answer_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"].strip())
            for c in self.criteria
        }


class ResolveForm(forms.Form):
    score = forms.IntegerField(
        label="Agreed overall score (1 to 10)",
        min_value=1,
        max_value=10,
        error_messages={
            "required": "Enter the agreed score",
            "min_value": "Enter a score from 1 to 10",
            "max_value": "Enter a score from 1 to 10",
            "invalid": "Enter the score as a whole number from 1 to 10",
        },
    )
    reason = forms.CharField(
        label="Reason for the agreed result",
        max_length=4000,
        widget=forms.Textarea,
        help_text="The first auditor will read this. Say which differences decided the result.",
        error_messages={"required": "Explain the agreed result"},
    )


class CalibrationForm(forms.Form):
    name = forms.CharField(
        label="Name of the exercise", max_length=200, error_messages={"required": "Enter a name for the exercise"}
    )
    plan = forms.ModelChoiceField(
        label="Plan every auditor will mark", queryset=Plan.objects.none(), error_messages={"required": "Choose a plan"}
    )
    framework = forms.ModelChoiceField(
        label="Criteria framework", queryset=Framework.objects.none(), error_messages={"required": "Choose a framework"}
    )
    auditors = MarkerChoiceField(
        label="Auditors taking part",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least two auditors"},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(
            self,
            "plan",
            Plan.objects.filter(local_authority=user.local_authority_id, versions__isnull=False)
            .distinct()
            .order_by("reference"),
        )
        _limit(
            self,
            "framework",
            Framework.objects.filter(
                Q(local_authority__isnull=True) | Q(local_authority=user.local_authority_id), published=True
            ),
        )
        markers = second_markers(user)
        _limit(self, "auditors", markers)
        self.fields["auditors"].initial = [u.pk for u in markers if u.has_role(Role.AUDITOR)]


class CloseCalibrationForm(forms.Form):
    notes = forms.CharField(
        label="What the team agreed in discussion", required=False, max_length=8000, widget=forms.Textarea
    )
