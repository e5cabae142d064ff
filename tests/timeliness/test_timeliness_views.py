"""The case-event import, the timeliness report and the review lists, through the web pages."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcpqa.plans.models import Plan
from ehcpqa.timeliness.models import CaseEvent, CaseImport, CaseRecord, TimelinessMeasure
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db

GOOD_CSV = """reference,event,date,detail,school,date_of_birth
EHC-0001,request,2025-01-06,,Oak Primary,2015-04-01
EHC-0001,decision-to-assess,2025-02-10,assess,,
EHC-0001,final-issued,2025-05-20,,,
EHC-0002,request,2025-01-06,,Ash Academy,2012-09-09
EHC-0002,exception,2025-02-01,child-away,,
EHC-0002,final-issued,2025-07-20,,,
EHC-0003,request,2025-01-06,,Ash Academy,2013-01-01
EHC-0003,final-issued,2025-06-20,,,
EHC-0004,final-issued,2024-12-15,,Oak Primary,2016-02-02
"""


def upload(client: object, text: str) -> object:
    return client.post(
        reverse("timeliness:import"),  # type: ignore[attr-defined]
        {"file": SimpleUploadedFile("cases.csv", text.encode(), content_type="text/csv")},
    )


def imported(personas: Personas, text: str = GOOD_CSV) -> None:
    client = personas.client_for(personas.qa_lead)
    response = upload(client, text)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm = client.post(response["Location"], {"action": "confirm"})
    assert confirm.status_code == 302


def test_import_previews_then_confirms(personas: Personas) -> None:
    Plan.objects.create(local_authority=personas.la, reference="EHC-0001")
    client = personas.client_for(personas.qa_lead)
    response = upload(client, GOOD_CSV)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert "9 events for 4 children" in preview.content.decode()
    assert not CaseRecord.objects.exists()  # nothing saved before confirmation
    client.post(response["Location"], {"action": "confirm"})
    assert CaseRecord.objects.filter(local_authority=personas.la).count() == 4
    assert CaseEvent.objects.count() == 9
    assert CaseRecord.objects.get(reference="EHC-0001").plan is not None
    assert CaseImport.objects.get().content == ""


def test_reimport_replaces_the_events_of_the_same_children(personas: Personas) -> None:
    imported(personas)
    imported(personas, "reference,event,date\nEHC-0001,request,2025-01-06\n")
    assert CaseEvent.objects.filter(case__reference="EHC-0001").count() == 1
    assert CaseEvent.objects.filter(case__reference="EHC-0002").count() == 3


def test_a_file_with_any_bad_row_imports_nothing(personas: Personas) -> None:
    bad = GOOD_CSV + "EHC-0005,review-decision,2025-03-01,perhaps,,\nEHC-0006,exception,2025-13-01,child-away,,\n"
    response = upload(personas.client_for(personas.qa_lead), bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file has 2 problems. Nothing was imported." in page
    assert "Enter the decision: maintain, amend or cease." in page and "Enter a real date" in page
    assert not CaseRecord.objects.exists() and not CaseImport.objects.exists()


def test_wrong_header_is_refused(personas: Personas) -> None:
    response = upload(personas.client_for(personas.qa_lead), "ref,what\nx,y\n")
    assert response.status_code == 400
    assert "missing: reference, event, date" in response.content.decode()


def test_report_counts_match_the_raw_measures(personas: Personas) -> None:
    imported(personas)
    response = personas.client_for(personas.board_viewer).get(reverse("timeliness:report") + "?format=csv")
    rows = {r["rule"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    final = rows["FINAL-20-WEEKS"]
    # Worked by hand: 0001 on time (20 May <= 26 May); 0002 late with an exception; 0003 late.
    assert (final["completed"], final["on time"], final["late"], final["with exceptions"]) == ("3", "1", "2", "1")
    assert final["percent on time (all)"] == "33.3" and final["percent on time (without exceptions)"] == "50.0"
    # Independently from the stored rows.
    stored = TimelinessMeasure.objects.filter(rule="FINAL-20-WEEKS", end__isnull=False)
    assert int(final["late"]) == sum(1 for m in stored if m.end and m.end > m.due)


def test_case_list_behind_a_figure(personas: Personas) -> None:
    imported(personas)
    page = (
        personas.client_for(personas.qa_lead)
        .get(reverse("timeliness:cases", args=["FINAL-20-WEEKS"]) + "?status=late")
        .content.decode()
    )
    assert "EHC-0002" in page and "EHC-0003" in page and "EHC-0001" not in page


def test_reviews_due_this_term_per_school(personas: Personas, monkeypatch: pytest.MonkeyPatch) -> None:
    imported(personas)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: date(2025, 11, 10))
    client = personas.client_for(personas.qa_lead)
    page = client.get(reverse("timeliness:reviews-due")).content.decode()
    assert "Oak Primary" in page and "Autumn term 2025 to 2026" in page
    response = client.get(reverse("timeliness:reviews-due") + "?format=csv&school=Oak+Primary")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    # EHC-0004 issued 15 December 2024: review due 15 December 2025, in the autumn term. EHC-0001 is due in May 2026.
    assert [(r["reference"], r["review due by"]) for r in rows] == [("EHC-0004", "2025-12-15")]
    assert response["Content-Disposition"] == 'attachment; filename="reviews-due-oak-primary.csv"'


def test_board_viewer_reads_but_cannot_import_or_list_reviews(personas: Personas) -> None:
    client = personas.client_for(personas.board_viewer)
    assert client.get(reverse("timeliness:report")).status_code == 200
    assert client.get(reverse("timeliness:import")).status_code == 403
    assert client.get(reverse("timeliness:reviews-due")).status_code == 403


@pytest.mark.parametrize("who", ["auditor", "case_officer", "moderator"])
def test_other_roles_are_refused(personas: Personas, who: str) -> None:
    assert personas.client_for(getattr(personas, who)).get(reverse("timeliness:report")).status_code == 403


def test_outsider_sees_nothing_of_another_authority(personas: Personas) -> None:
    imported(personas)
    case_import = CaseImport.objects.get()
    client = personas.client_for(personas.outsider)
    assert client.get(reverse("timeliness:import-preview", args=[case_import.pk])).status_code == 404
    page = client.get(reverse("timeliness:cases", args=["FINAL-20-WEEKS"])).content.decode()
    assert "EHC-0001" not in page
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("timeliness:report") + "?format=csv").content.decode())))
    assert all(r["completed"] == "0" for r in rows)
    assert "EHC-0004" not in client.get(reverse("timeliness:reviews-due") + "?format=csv").content.decode()


def test_anonymous_is_sent_to_sign_in(client: object) -> None:
    response = client.get(reverse("timeliness:report"))  # type: ignore[attr-defined]
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_recompute_command_rebuilds_measures_from_events(personas: Personas) -> None:
    from django.core.management import call_command

    imported(personas)
    before = sorted(TimelinessMeasure.objects.values_list("case__reference", "rule", "due", "end"))
    TimelinessMeasure.objects.all().delete()
    call_command("recompute_timeliness", authority="test-borough", stdout=io.StringIO())
    assert sorted(TimelinessMeasure.objects.values_list("case__reference", "rule", "due", "end")) == before
