from __future__ import annotations

from django import forms

from ehcpqa.accounts.models import User
from ehcpqa.plans.models import PlanStatus, PrimaryNeed
from ehcpqa.plans.selectors import PlanFilters, case_officers_for, year_groups_in_use


def year_group_label(year: int) -> str:
    if year < 0:
        return f"Nursery {3 + year}" if year >= -2 else "Early years"  # N1 is -2, N2 is -1
    if year == 0:
        return "Reception"
    # Past Year 13 the year number only counts on from school (young people stay on plans to 25): say so.
    return f"Year {year}" if year <= 13 else f"Year {year} (beyond Year 13)"


class PlanFilterForm(forms.Form):
    reference = forms.CharField(label="Reference", required=False, max_length=60)
    status = forms.ChoiceField(label="Status", required=False)
    primary_need = forms.ChoiceField(label="Primary need", required=False)
    year_group = forms.TypedChoiceField(label="Year group", required=False, coerce=int, empty_value=None)
    case_officer = forms.TypedChoiceField(label="Case officer", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["status"].choices = [("", "Any status"), *PlanStatus.choices]  # type: ignore[attr-defined]
        self.fields["primary_need"].choices = [  # type: ignore[attr-defined]
            ("", "Any primary need"),
            *[(c.value, f"{c.label} ({c.value})") for c in PrimaryNeed],
        ]
        self.fields["year_group"].choices = [  # type: ignore[attr-defined]
            ("", "Any year group"),
            *[(str(y), year_group_label(y)) for y in year_groups_in_use(user)],
        ]
        self.fields["case_officer"].choices = [  # type: ignore[attr-defined]
            ("", "Any case officer"),
            *[(str(u.pk), str(u)) for u in case_officers_for(user)],
        ]

    def filters(self) -> PlanFilters:
        if not self.is_valid():
            return PlanFilters()
        data = self.cleaned_data
        return PlanFilters(
            status=data["status"],
            primary_need=data["primary_need"],
            year_group=data["year_group"],
            case_officer=data["case_officer"],
            reference=data["reference"],
        )


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file of plan records",
        allow_empty_file=True,
        help_text="A .csv file saved as UTF-8, with the columns described below.",
    )


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label="Plan document", allow_empty_file=True, help_text="A Word document (.docx), PDF or plain text file."
    )


class ZipUploadForm(forms.Form):
    file = forms.FileField(
        label="ZIP file of plan documents",
        allow_empty_file=True,
        help_text="Name each file after its plan reference, for example EHC-0001.docx "
        "or ‘EHC-0001 - annual review.pdf’.",
    )
