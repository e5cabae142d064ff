"""Forms of the audit pages. Validation messages follow the GOV.UK error message style."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from django import forms
from django.db.models import QuerySet

from ehcpqa.accounts.models import Role, User
from ehcpqa.audits.models import (
    ActionStatus,
    Answer,
    AuditRound,
    Criterion,
    Decision,
    Framework,
    ParentFeedback,
    Rating,
    RoundStatus,
    SampleKind,
)
from ehcpqa.audits.selectors import PHASE_LABELS
from ehcpqa.plans.models import PrimaryNeed

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%Y-%m-%d", "%d-%m-%Y"]
DATE_HINT = "For example, 31/3/2026"


class DateText(forms.DateField):
    """A date typed as text: day/month/year (GOV.UK style), or ISO."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("help_text", DATE_HINT)
        kwargs.setdefault("error_messages", {"invalid": "Enter a real date, for example 31/3/2026"})
        super().__init__(**kwargs)
        self.widget.input_type = "text"

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, date | datetime):
            return f"{value.day}/{value.month}/{value.year}"
        return value


class RoundForm(forms.Form):
    name = forms.CharField(
        label="Round name", max_length=200, error_messages={"required": "Enter a name for the round"}
    )
    framework = forms.ModelChoiceField(
        label="Criteria framework",
        queryset=Framework.objects.none(),
        empty_label=None,
        error_messages={"required": "Choose a framework"},
    )
    period_start = DateText(
        label="Period starts",
        error_messages={
            "required": "Enter the date the period starts",
            "invalid": "Enter a real date, for example 31/3/2026",
        },
    )
    period_end = DateText(
        label="Period ends",
        error_messages={
            "required": "Enter the date the period ends",
            "invalid": "Enter a real date, for example 31/3/2026",
        },
    )
    sample_kind = forms.ChoiceField(
        label="Which plans to sample",
        choices=SampleKind.choices,
        widget=forms.RadioSelect,
        initial=SampleKind.ALL,
        error_messages={"required": "Choose how to sample plans"},
    )
    up_to = DateText(
        label="Finalised on or before", required=False, help_text="Leave empty for every finalised plan. " + DATE_HINT
    )
    percent = forms.IntegerField(
        label="Percentage of plans",
        required=False,
        min_value=1,
        max_value=100,
        help_text="For a random sample, a whole number from 1 to 100",
        error_messages={
            "min_value": "Enter a percentage from 1 to 100",
            "max_value": "Enter a percentage from 1 to 100",
            "invalid": "Enter the percentage as a whole number",
        },
    )
    seed = forms.IntegerField(widget=forms.HiddenInput, required=False)
    year9_plus = forms.BooleanField(label="Year 9 and older", required=False)
    looked_after = forms.BooleanField(label="Looked-after children", required=False)
    phase = forms.ChoiceField(label="Age phase", required=False, choices=[("", "Any phase"), *PHASE_LABELS.items()])
    primary_need = forms.ChoiceField(
        label="Primary need", required=False, choices=[("", "Any primary need"), *PrimaryNeed.choices]
    )
    issued_before = DateText(label="Issued before", required=False)
    team = forms.CharField(label="Team", required=False, max_length=100)
    auditors = forms.ModelMultipleChoiceField(
        label="Auditors",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one auditor"},
    )
    sections_by_agency = forms.BooleanField(
        label="Give sections to auditors by agency (health: C and G; social care: D and H)", required=False
    )
    previewed = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ehcpqa.audits.access import frameworks_for_user

        self.fields["framework"].queryset = frameworks_for_user(user).filter(published=True)  # type: ignore[attr-defined]
        self.fields["auditors"].queryset = auditors_of(user)  # type: ignore[attr-defined]
        self.fields["auditors"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u} ({u.get_agency_display() or 'no agency'})"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after the day it starts")
        if data.get("sample_kind") == SampleKind.RANDOM and not data.get("percent"):
            self.add_error("percent", "Enter the percentage of plans to sample")
        if data.get("sample_kind") == SampleKind.FILTER and not any(
            data.get(k) for k in ("year9_plus", "looked_after", "phase", "primary_need", "issued_before", "team")
        ):
            self.add_error("sample_kind", "Choose at least one theme for a themed sample")
        return data

    def sample_rule(self) -> dict[str, Any]:
        d = self.cleaned_data
        kind = d["sample_kind"]
        rule: dict[str, Any] = {"kind": kind, "up_to": d["up_to"].isoformat() if d.get("up_to") else None}
        if kind == SampleKind.RANDOM:
            rule.update(percent=d["percent"], seed=d["seed"])
        if kind == SampleKind.FILTER:
            rule.update(
                year9_plus=d["year9_plus"],
                looked_after=d["looked_after"],
                phase=d["phase"],
                primary_need=d["primary_need"],
                team=d["team"].strip(),
                issued_before=d["issued_before"].isoformat() if d.get("issued_before") else None,
            )
        return rule

    def digest(self) -> str:
        """A fingerprint of what was previewed: confirming a changed sample needs a fresh preview."""
        payload = {
            "rule": self.sample_rule(),
            "auditors": sorted(a.pk for a in self.cleaned_data["auditors"]),
            "agency": self.cleaned_data["sections_by_agency"],
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def auditors_of(user: User) -> QuerySet[User]:
    return (
        User.objects.filter(local_authority=user.local_authority_id, role_grants__role=Role.AUDITOR, is_active=True)
        .distinct()
        .order_by("display_name", "username")
    )


class SectionForm(forms.Form):
    """One section of an audit: a judgement and a comment per criterion, a decision per machine suggestion."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, criteria: list[Criterion], finding_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.finding_ids = finding_ids
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
        for fid in finding_ids:
            self.fields[f"finding_{fid}"] = forms.ChoiceField(
                label="Do you agree with this suggestion?",
                choices=Decision.choices,
                required=False,
                widget=forms.RadioSelect,
            )

    def judgements(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (self.cleaned_data[f"answer_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"].strip())
            for c in self.criteria
        }

    def decisions(self) -> dict[int, str]:
        return {
            fid: self.cleaned_data[f"finding_{fid}"]
            for fid in self.finding_ids
            if self.cleaned_data.get(f"finding_{fid}")
        }


class OverrideForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.IntegerField(
        label="Your overall score (1 to 10)",
        required=False,
        min_value=1,
        max_value=10,
        help_text="Leave empty to use the derived score",
        error_messages={
            "min_value": "Enter a score from 1 to 10",
            "max_value": "Enter a score from 1 to 10",
            "invalid": "Enter the score as a whole number from 1 to 10",
        },
    )
    reason = forms.CharField(
        label="Why the derived score does not reflect the plan", required=False, max_length=4000, widget=forms.Textarea
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("score") is not None and not (data.get("reason") or "").strip():
            self.add_error("reason", "Explain why you are changing the score")
        return data


class CriterionForm(forms.Form):
    text = forms.CharField(
        label="Criterion", max_length=1000, widget=forms.Textarea, error_messages={"required": "Enter the criterion"}
    )
    guidance = forms.CharField(label="What good looks like", required=False, max_length=4000, widget=forms.Textarea)
    weight = forms.IntegerField(
        label="Weight (1 to 3)",
        min_value=1,
        max_value=3,
        help_text="3 for a core legal requirement, 1 for a quality point",
        error_messages={
            "required": "Enter a weight from 1 to 3",
            "min_value": "Enter a weight from 1 to 3",
            "max_value": "Enter a weight from 1 to 3",
            "invalid": "Enter the weight as a whole number from 1 to 3",
        },
    )


class LockVersionForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class RoundTransitionForm(forms.Form):
    target = forms.ChoiceField(choices=RoundStatus.choices)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect)


class ReauditForm(forms.Form):
    auditor = forms.ModelChoiceField(
        label="Auditor", queryset=User.objects.none(), error_messages={"required": "Choose an auditor"}
    )
    audit_round = forms.ModelChoiceField(
        label="Round", queryset=AuditRound.objects.none(), error_messages={"required": "Choose an open round"}
    )

    def __init__(self, *args: Any, user: User, exclude_user_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        auditors = auditors_of(user)
        if exclude_user_id is not None:
            auditors = auditors.exclude(pk=exclude_user_id)
        self.fields["auditor"].queryset = auditors  # type: ignore[attr-defined]
        self.fields["audit_round"].queryset = AuditRound.objects.filter(  # type: ignore[attr-defined]
            local_authority=user.local_authority_id, status=RoundStatus.OPEN
        )


class ParentFeedbackForm(forms.ModelForm):  # type: ignore[type-arg]
    call_date = DateText(
        label="Date of the call",
        error_messages={
            "required": "Enter the date of the call",
            "invalid": "Enter a real date, for example 31/3/2026",
        },
    )

    class Meta:
        model = ParentFeedback
        fields = ["call_date", "respondent", "accuracy", "clarity", "reflects_child", "comments"]
        labels = {
            "respondent": "Who did you speak to?",
            "accuracy": "How accurate is the plan?",
            "clarity": "How clear is the plan?",
            "reflects_child": "How well does the plan reflect the child or young person?",
            "comments": "Comments (optional)",
        }
        widgets = {
            "respondent": forms.RadioSelect,
            "accuracy": forms.RadioSelect,
            "clarity": forms.RadioSelect,
            "reflects_child": forms.RadioSelect,
        }
        error_messages = {
            "respondent": {"required": "Choose who you spoke to"},
            "accuracy": {"required": "Choose how accurate the family found the plan"},
            "clarity": {"required": "Choose how clear the family found the plan"},
            "reflects_child": {"required": "Choose how well the plan reflects the child"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("accuracy", "clarity", "reflects_child"):
            self.fields[name].choices = Rating.choices  # type: ignore[attr-defined]

    def clean_call_date(self) -> date:
        value: date = self.cleaned_data["call_date"]
        if value > date.today():
            raise forms.ValidationError("The date of the call must be today or in the past")
        return value
