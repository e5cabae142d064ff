"""Importing plan records from a case-management CSV: preview, confirm, and refusing bad files whole."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcpqa.accounts.models import ActivityRecord, RoleGrant
from ehcpqa.plans.models import ImportStatus, Plan, PlanImport
from tests.web.conftest import Personas
from tests.web.plan_fixtures import HEADER, csv_bytes, csv_row, make_plan, media_root, upload  # noqa: F401

pytestmark = pytest.mark.django_db
IMPORT = reverse("plans:import")


def post_csv(client, content: bytes, name: str = "plans.csv"):  # type: ignore[no-untyped-def]
    return client.post(IMPORT, {"file": upload(name, content, "text/csv")})


def test_valid_file_is_previewed_and_nothing_saved_until_confirmed(personas: Personas, media_root) -> None:  # noqa: F811
    client = personas.client_for(personas.qa_lead)
    response = post_csv(client, csv_bytes(csv_row("EHC-0001"), csv_row("EHC-0002", status="draft")))
    assert response.status_code == 302
    plan_import = PlanImport.objects.get()
    assert response["Location"] == reverse("plans:import-preview", args=[plan_import.pk])
    assert not Plan.objects.exists()

    html = client.get(response["Location"]).content.decode()
    assert "2 new plans to create" in html
    assert "EHC-0002" in html

    response = client.post(reverse("plans:import-preview", args=[plan_import.pk]), {"action": "confirm"})
    assert response.status_code == 302
    plans = {p.reference: p for p in Plan.objects.all()}
    assert set(plans) == {"EHC-0001", "EHC-0002"}
    assert plans["EHC-0002"].status == "draft"
    assert plans["EHC-0001"].case_officer == personas.case_officer
    assert plans["EHC-0001"].date_of_birth.isoformat() == "2012-03-04"
    assert plans["EHC-0001"].local_authority == personas.la
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.CONFIRMED
    assert plan_import.content == ""  # the CSV is not kept once imported
    assert (plan_import.created_count, plan_import.updated_count) == (2, 0)
    verbs = set(ActivityRecord.objects.values_list("verb", flat=True))
    assert {"plan_import.uploaded", "plan_import.confirmed", "plan.created"} <= verbs


def test_reimport_updates_changed_plans_and_reports_which_fields(personas: Personas) -> None:
    make_plan(
        personas.la,
        "EHC-0001",
        case_officer=personas.case_officer,
        status="draft",
        year_group=9,
        primary_need="ASD",
        date_of_birth=None,
    )
    client = personas.client_for(personas.qa_lead)
    response = post_csv(client, csv_bytes(csv_row("EHC-0001", status="final")))
    html = client.get(response["Location"]).content.decode()
    assert "1 existing plan to update" in html
    assert "status" in html
    client.post(response["Location"], {"action": "confirm"})
    plan = Plan.objects.get()
    assert plan.status == "final"
    assert plan.child_name == "Robin Testperson"  # no child_name column: left as it was
    record = ActivityRecord.objects.get(verb="plan.updated")
    assert "status" in record.detail["fields"]


def test_headings_are_matched_whatever_their_case_and_spacing(personas: Personas) -> None:
    header = HEADER.replace("date_of_birth", "Date of birth").replace("case_officer", "Case-Officer") + ",child_name"
    row = csv_row("EHC-0009", dob="04/03/2012", year="R") + ",Ali Sample"
    client = personas.client_for(personas.qa_lead)
    response = post_csv(client, csv_bytes(row, header=header))
    assert response.status_code == 302
    client.post(response["Location"], {"action": "confirm"})
    plan = Plan.objects.get()
    assert (plan.year_group, plan.child_name, plan.date_of_birth.isoformat()) == (0, "Ali Sample", "2012-03-04")


def test_row_errors_are_listed_with_row_and_column_and_nothing_is_saved(personas: Personas) -> None:
    content = csv_bytes(
        csv_row("EHC-0001"),
        csv_row("EHC-0002", dob="31/02/2012"),
        csv_row("EHC-0003", case_officer="nobody-here"),
        csv_row("EHC-0001"),
        csv_row("EHC-0005", status="lost", need="XYZ"),
    )
    response = post_csv(personas.client_for(personas.qa_lead), content)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    for row, column in [
        (3, "date_of_birth"),
        (4, "case_officer"),
        (5, "reference"),
        (6, "status"),
        (6, "primary_need"),
    ]:
        assert f'<td class="govuk-table__cell">{row}</td><td class="govuk-table__cell">{column}</td>' in html
    assert "also on row 2" in html
    assert not Plan.objects.exists()
    assert not PlanImport.objects.exists()


def test_an_auditor_is_not_a_case_officer_for_the_import(personas: Personas) -> None:
    response = post_csv(personas.client_for(personas.qa_lead), csv_bytes(csv_row("EHC-1", case_officer="edu-auditor")))
    assert response.status_code == 400
    assert "No case officer in this authority" in response.content.decode()


def test_case_officer_of_another_authority_is_unknown(personas: Personas) -> None:
    response = post_csv(personas.client_for(personas.qa_lead), csv_bytes(csv_row("EHC-1", case_officer="outsider")))
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (csv_bytes(csv_row("EHC-1"), header=HEADER.replace(",team", "")), "missing column team"),
        (
            csv_bytes(csv_row("EHC-1") + ",x", header=HEADER + ",favourite_colour"),
            "unknown column &#x27;favourite_colour&#x27;",
        ),
        (b"reference,team\nEHC-1,North", "missing columns"),
        (b"", "The file is empty"),
        (HEADER.encode() + b"\n", "no plans"),
        (csv_bytes(csv_row("EHC-1").replace("Oakfield", "Caf\xe9")).decode().encode("latin-1"), "not saved as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        (csv_bytes(csv_row("EHC-1")) + b'"EHC-2,unterminated', "not valid CSV"),
    ],
    ids=[
        "missing-column",
        "unknown-column",
        "most-columns-missing",
        "empty",
        "header-only",
        "latin-1",
        "binary",
        "unterminated-quote",
    ],
)
def test_unusable_files_are_refused_whole_with_a_clear_message(
    personas: Personas, content: bytes, message: str
) -> None:
    response = post_csv(personas.client_for(personas.qa_lead), content)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert not PlanImport.objects.exists()
    assert not Plan.objects.exists()


def test_row_with_the_wrong_number_of_values_is_reported(personas: Personas) -> None:
    response = post_csv(personas.client_for(personas.qa_lead), csv_bytes(csv_row("EHC-1") + ",extra"))
    assert response.status_code == 400
    assert "14 values but the header has 13 columns" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_without_being_read(personas: Personas, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MAX_CSV_BYTES = 2000
    content = csv_bytes(*[csv_row(f"EHC-{i:04}") for i in range(60)])
    response = post_csv(personas.client_for(personas.qa_lead), content)
    assert response.status_code == 413
    assert "larger than the limit" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_confirm_checks_again_and_saves_nothing_if_a_row_became_invalid(personas: Personas) -> None:
    client = personas.client_for(personas.qa_lead)
    response = post_csv(client, csv_bytes(csv_row("EHC-0001", case_officer="qa-lead"), csv_row("EHC-0002")))
    assert response.status_code == 400  # the QA lead is not a case officer
    RoleGrant.objects.create(user=personas.qa_lead, role="case_officer")
    response = post_csv(
        personas.client_for(personas.qa_lead),
        csv_bytes(csv_row("EHC-0001", case_officer="qa-lead"), csv_row("EHC-0002")),
    )
    assert response.status_code == 302
    RoleGrant.objects.filter(user=personas.qa_lead, role="case_officer").delete()
    response = personas.client_for(personas.qa_lead).post(response["Location"], {"action": "confirm"})
    assert response.status_code == 400
    assert "can no longer be imported" in response.content.decode()
    assert not Plan.objects.exists()


def test_an_import_cannot_be_confirmed_twice(personas: Personas) -> None:
    client = personas.client_for(personas.qa_lead)
    location = post_csv(client, csv_bytes(csv_row("EHC-0001")))["Location"]
    client.post(location, {"action": "confirm"})
    response = client.post(location, {"action": "confirm"})
    assert response.status_code == 200
    assert "This import is finished" in response.content.decode()
    assert Plan.objects.count() == 1


def test_discard_keeps_nothing(personas: Personas) -> None:
    client = personas.client_for(personas.qa_lead)
    location = post_csv(client, csv_bytes(csv_row("EHC-0001")))["Location"]
    client.post(location, {"action": "discard"})
    plan_import = PlanImport.objects.get()
    assert plan_import.status == ImportStatus.DISCARDED
    assert plan_import.content == ""
    assert not Plan.objects.exists()


@pytest.mark.parametrize("persona", ["auditor", "moderator", "case_officer", "board_viewer"])
def test_only_the_qa_lead_imports(personas: Personas, persona: str) -> None:
    client = personas.client_for(getattr(personas, persona))
    assert client.get(IMPORT).status_code == 403
    assert post_csv(client, csv_bytes(csv_row("EHC-1"))).status_code == 403
    assert not PlanImport.objects.exists()


def test_outsider_cannot_see_or_confirm_another_authoritys_import(personas: Personas) -> None:
    location = post_csv(personas.client_for(personas.qa_lead), csv_bytes(csv_row("EHC-0001")))["Location"]
    outsider = personas.client_for(personas.outsider)
    assert outsider.get(location).status_code == 404
    assert outsider.post(location, {"action": "confirm"}).status_code == 404
    assert not Plan.objects.exists()
