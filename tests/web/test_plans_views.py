"""The plan list and the plan page: filters, the automated grade, findings beside the text, blind masking."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from ehcpqa.accounts.models import ActivityRecord
from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.plans.models import PlanVersion
from tests.web.conftest import Personas
from tests.web.plan_fixtures import PLAN_TEXT, make_plan, media_root, upload  # noqa: F401

pytestmark = pytest.mark.django_db
LIST = reverse("plans:list")


def with_document(personas: Personas, reference: str = "EHC-0001", **fields: object) -> PlanVersion:
    plan = make_plan(personas.la, reference, **fields)  # type: ignore[arg-type]
    personas.client_for(personas.qa_lead).post(
        reverse("plans:upload", args=[plan.pk]), {"file": upload("plan.txt", PLAN_TEXT.encode())}
    )
    return plan.versions.get()


def test_empty_register_says_what_to_do_next(personas: Personas) -> None:
    html = personas.client_for(personas.qa_lead).get(LIST).content.decode()
    assert "No plans yet" in html
    assert reverse("plans:import") in html
    html = personas.client_for(personas.case_officer).get(LIST).content.decode()
    assert "Ask them when your plans will be added" in html


def test_list_filters_by_status_need_year_officer_and_reference(personas: Personas) -> None:
    make_plan(
        personas.la, "EHC-0001", status="draft", primary_need="ASD", year_group=9, case_officer=personas.case_officer
    )
    make_plan(personas.la, "EHC-0002", status="final", primary_need="SEMH", year_group=3)
    make_plan(personas.la, "XYZ-0003", status="final", primary_need="ASD", year_group=9)
    make_plan(personas.other_la, "EHC-9999")
    client = personas.client_for(personas.qa_lead)

    def refs(**query: object) -> set[str]:
        page = client.get(LIST, query).context["page"]
        return {p.reference for p in page.object_list}

    assert refs() == {"EHC-0001", "EHC-0002", "XYZ-0003"}
    assert refs(status="draft") == {"EHC-0001"}
    assert refs(primary_need="ASD") == {"EHC-0001", "XYZ-0003"}
    assert refs(year_group=3) == {"EHC-0002"}
    assert refs(case_officer=personas.case_officer.pk) == {"EHC-0001"}
    assert refs(reference="ehc") == {"EHC-0001", "EHC-0002"}
    assert refs(primary_need="ASD", year_group=9, status="final") == {"XYZ-0003"}
    html = client.get(LIST, {"reference": "nothing-like-it"}).content.decode()
    assert "No plans match these filters" in html


def test_list_is_paginated(personas: Personas) -> None:
    for i in range(55):
        make_plan(personas.la, f"EHC-{i:04}")
    client = personas.client_for(personas.qa_lead)
    first = client.get(LIST, {"status": "final"})
    assert len(first.context["page"].object_list) == 50
    assert "page=2" in first.content.decode() and "status=final" in first.content.decode()
    second = client.get(LIST, {"status": "final", "page": 2})
    assert [p.reference for p in second.context["page"].object_list] == [f"EHC-{i:04}" for i in range(50, 55)]


def test_list_shows_the_latest_suggested_grade_labelled_as_automated(personas: Personas, media_root: Path) -> None:  # noqa: F811
    version = with_document(personas)
    run = AnalysisRun.objects.get(version=version)
    html = personas.client_for(personas.qa_lead).get(LIST).content.decode()
    assert "(automated)" in html
    if run.suggested_grade:
        from ehcpqa.analysis.selectors import grade_label

        assert grade_label(run.suggested_grade) in html
    AnalysisRun.objects.create(version=version, status=RunStatus.DONE, suggested_grade="outstanding", suggested_score=9)
    html = personas.client_for(personas.qa_lead).get(LIST).content.decode()
    assert "Outstanding" in html


@pytest.mark.parametrize("persona", ["auditor", "moderator", "board_viewer"])
def test_list_is_for_the_qa_lead_and_case_officers(personas: Personas, persona: str) -> None:
    assert personas.client_for(getattr(personas, persona)).get(LIST).status_code == 403


def test_outsider_sees_only_their_own_authoritys_plans(personas: Personas) -> None:
    make_plan(personas.la, "EHC-0001")
    html = personas.client_for(personas.outsider).get(LIST).content.decode()
    assert "EHC-0001" not in html


def test_plan_page_shows_findings_beside_the_text_with_evidence_marked(personas: Personas, media_root: Path) -> None:  # noqa: F811
    version = with_document(personas)
    run = AnalysisRun.objects.get(version=version)
    assert run.findings.exists()
    response = personas.client_for(personas.qa_lead).get(reverse("plans:detail", args=[version.plan_id]))
    html = response.content.decode()
    assert "Automated suggestion" in html
    assert "Robin Testperson" in html  # the QA lead sees identity
    assert "Section F: Special educational provision" in html
    marked = [f for f in run.findings.all() if f.evidence_text and f.location]
    assert marked, "the engine should quote some evidence in this plan"
    assert '<mark class="app-evidence' in html
    for finding in run.findings.all():
        assert finding.code in html
    assert ActivityRecord.objects.filter(verb="plan_version.viewed", actor=personas.qa_lead).count() == 1


def test_auditor_sees_the_plan_blind(personas: Personas, media_root: Path) -> None:  # noqa: F811
    personas.case_officer.display_name = "Jo Writer (case officer)"
    personas.case_officer.save()
    version = with_document(personas, date_of_birth="2012-03-04", case_officer=personas.case_officer)
    html = personas.client_for(personas.auditor).get(reverse("plans:detail", args=[version.plan_id])).content.decode()
    assert "Jo Writer" not in html  # nor who wrote it
    assert "Automated suggestion" in html
    assert "Robin" not in html and "Testperson" not in html
    assert "4 March 2012" not in html
    assert "masked for a blind audit" in html
    assert reverse("plans:download", args=[version.pk]) not in html


def test_case_officer_sees_identity_on_own_plans_only(personas: Personas, media_root: Path) -> None:  # noqa: F811
    own = with_document(personas, "EHC-OWN", case_officer=personas.case_officer)
    other = with_document(personas, "EHC-OTHER")
    client = personas.client_for(personas.case_officer)
    assert "Robin Testperson" in client.get(reverse("plans:detail", args=[own.plan_id])).content.decode()
    assert "Robin" not in client.get(reverse("plans:detail", args=[other.plan_id])).content.decode()


def test_plan_without_a_document_says_what_to_do(personas: Personas) -> None:
    plan = make_plan(personas.la)
    html = personas.client_for(personas.qa_lead).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "No document has been uploaded for this plan yet" in html
    assert reverse("plans:upload", args=[plan.pk]) in html


def test_unreadable_document_is_explained_on_the_plan_and_run_pages(personas: Personas, media_root: Path) -> None:  # noqa: F811
    version = with_document(personas)
    run = AnalysisRun.objects.create(
        version=version,
        status=RunStatus.FAILED,
        error_code="no-text",
        error_message="The PDF has no text layer: it looks scanned.",
    )
    client = personas.client_for(personas.qa_lead)
    assert "it looks scanned" in client.get(reverse("plans:detail", args=[version.plan_id])).content.decode()
    html = client.get(reverse("plans:run", args=[run.pk])).content.decode()
    assert "no-text" in html and "it looks scanned" in html


def test_run_page_shows_that_run(personas: Personas, media_root: Path) -> None:  # noqa: F811
    version = with_document(personas)
    run = AnalysisRun.objects.get(version=version)
    html = personas.client_for(personas.moderator).get(reverse("plans:run", args=[run.pk])).content.decode()
    assert f"Pre-audit run {run.pk}" in html
    assert "Robin" not in html  # moderators see it blind too


@pytest.mark.parametrize("name", ["plans:detail", "plans:run", "plans:download", "plans:upload", "plans:rerun"])
def test_outsider_gets_404_for_everything_of_another_authority(
    personas: Personas,
    media_root: Path,  # noqa: F811
    name: str,
) -> None:
    version = with_document(personas)
    run = AnalysisRun.objects.get(version=version)
    arg = {"plans:detail": version.plan_id, "plans:upload": version.plan_id, "plans:run": run.pk}.get(name, version.pk)
    client = personas.client_for(personas.outsider)
    method = client.post if name == "plans:rerun" else client.get
    assert method(reverse(name, args=[arg])).status_code == 404


@pytest.mark.parametrize("name", ["plans:detail", "plans:run"])
def test_board_viewer_cannot_open_plans(personas: Personas, media_root: Path, name: str) -> None:  # noqa: F811
    version = with_document(personas)
    run = AnalysisRun.objects.get(version=version)
    arg = version.plan_id if name == "plans:detail" else run.pk
    assert personas.client_for(personas.board_viewer).get(reverse(name, args=[arg])).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(personas.la)
    for url in [LIST, reverse("plans:detail", args=[plan.pk]), reverse("plans:import")]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:sign-in") in response["Location"]
