"""Audit pages: every view is tried by the right role, a wrong role (403) and an outsider from another authority
(404, exactly as for something that does not exist)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from ehcpqa.accounts.models import ActivityRecord, Role
from ehcpqa.analysis.models import StoredFinding
from ehcpqa.audits import services
from ehcpqa.audits.frameworks import framework_copy
from ehcpqa.audits.models import Action, Audit, AuditRound, AuditStatus, CriterionJudgement, ParentFeedback
from tests.audits.factories import make_plan, small_framework
from tests.web.conftest import Personas, make_user

pytestmark = pytest.mark.django_db


def _audit(p: Personas, *, analysed: bool = True) -> Audit:
    make_plan(p.la, "EHCP-100", case_officer=p.case_officer, analysed=analysed)
    audit_round = services.round_create(
        by=p.qa_lead,
        name="Spring audit",
        framework=small_framework(),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        sample_rule={"kind": "all"},
        auditors=[p.auditor],
    )
    return audit_round.audits.get()


def _section_post(audit: Audit, section: str, answer: str, comment: str = "", lock: int | None = None) -> dict:
    data: dict[str, object] = {"lock_version": audit.lock_version if lock is None else lock, "then": "stay"}
    for c in audit.round.framework.criteria.filter(section=section):
        data[f"answer_{c.pk}"] = answer
        data[f"comment_{c.pk}"] = comment
    return data


def _complete(p: Personas, audit: Audit, answer: str) -> Audit:
    client = p.client_for(p.auditor)
    for section in ("A", "B", "C", "E", "F"):
        audit.refresh_from_db()
        response = client.post(
            reverse("audits:audit-section", args=[audit.pk, section]), _section_post(audit, section, answer)
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    audit.refresh_from_db()
    return audit


# ---- Rounds ----


def test_round_pages_are_for_qa_leads_of_the_authority(personas: Personas) -> None:
    audit = _audit(personas)
    detail = reverse("audits:round-detail", args=[audit.round_id])
    lead = personas.client_for(personas.qa_lead)
    assert "Spring audit" in lead.get(reverse("audits:rounds")).content.decode()
    html = lead.get(detail).content.decode()
    assert audit.audit_number in html and "EHCP-100" in html
    assert personas.client_for(personas.auditor).get(reverse("audits:rounds")).status_code == 403
    assert personas.client_for(personas.auditor).get(detail).status_code == 403
    assert personas.client_for(personas.outsider).get(detail).status_code == 404
    assert "Spring audit" not in personas.client_for(personas.outsider).get(reverse("audits:rounds")).content.decode()


def test_round_is_created_only_after_the_sample_size_was_seen(personas: Personas) -> None:
    for i in range(5):
        make_plan(personas.la, f"EHCP-{i}", case_officer=personas.case_officer, year_group=9 + i % 2)
    framework = small_framework()
    client = personas.client_for(personas.qa_lead)
    url = reverse("audits:round-create")
    assert client.get(url).status_code == 200
    form = {
        "name": "Year 9 audit",
        "framework": framework.pk,
        "period_start": "1/9/2026",
        "period_end": "31/12/2026",
        "sample_kind": "filter",
        "year9_plus": "on",
        "phase": "secondary",
        "auditors": [personas.auditor.pk, personas.moderator.pk],
        "seed": "11",
    }
    # Jumping straight to "create" without seeing the size only shows the size.
    response = client.post(url, {**form, "action": "confirm"})
    assert response.status_code == 200 and not AuditRound.objects.exists()
    html = response.content.decode()
    assert re.search(r"5 plans</h2>", html)
    previewed = re.search(r'name="previewed" value="([0-9a-f]+)"', html)
    assert previewed is not None
    # Changing the sample after the preview needs a fresh look at the size.
    response = client.post(url, {**form, "phase": "post_16", "action": "confirm", "previewed": previewed.group(1)})
    assert not AuditRound.objects.exists() and "0 plans" in response.content.decode()
    response = client.post(url, {**form, "action": "confirm", "previewed": previewed.group(1)})
    assert response.status_code == 302
    audit_round = AuditRound.objects.get()
    assert audit_round.audits.count() == 5 and audit_round.sample_rule["year9_plus"] is True


def test_round_form_errors_are_summarised(personas: Personas) -> None:
    small_framework()
    response = personas.client_for(personas.qa_lead).post(
        reverse("audits:round-create"), {"sample_kind": "random", "action": "preview"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and "Enter a name for the round" in html
    assert "Enter the percentage of plans to sample" in html and "Choose at least one auditor" in html


def test_round_can_be_closed_through_the_transition_table(personas: Personas) -> None:
    audit = _audit(personas)
    url = reverse("audits:round-transition", args=[audit.round_id])
    assert personas.client_for(personas.outsider).post(url, {"target": "closed"}).status_code == 404
    assert personas.client_for(personas.auditor).post(url, {"target": "closed"}).status_code == 403
    personas.client_for(personas.qa_lead).post(url, {"target": "closed"})
    assert AuditRound.objects.get().status == "closed"


# ---- Auditing ----


def test_auditor_sees_masked_text_guidance_and_suggestions(personas: Personas) -> None:
    audit = _audit(personas)
    client = personas.client_for(personas.auditor)
    assert audit.audit_number in client.get(reverse("audits:my-audits")).content.decode()
    html = client.get(reverse("audits:audit-section", args=[audit.pk, "A"])).content.decode()
    assert "[name] likes trains" in html and "[date of birth]" in html
    assert "Robin" not in html and "Testchild" not in html and "EHCP-100" not in html
    assert "Quote the child" in html  # what good looks like
    html = client.get(reverse("audits:audit-section", args=[audit.pk, "F"])).content.decode()
    assert "Hedged wording in provision" in html and "No amount or frequency" in html
    viewed = ActivityRecord.objects.filter(verb="plan.document_viewed", actor=personas.auditor)
    assert sorted(r.detail["section"] for r in viewed) == ["A", "F"]


def test_audit_pages_refuse_outsiders_and_other_roles(personas: Personas) -> None:
    audit = _audit(personas)
    other_auditor = make_user(personas.la, "other-auditor", Role.AUDITOR)
    for name in ("audits:audit",):
        url = reverse(name, args=[audit.pk])
        assert personas.client_for(personas.outsider).get(url).status_code == 404
        assert personas.client_for(personas.case_officer).get(url).status_code == 403
        assert personas.client_for(other_auditor).get(url).status_code == 403
    section = reverse("audits:audit-section", args=[audit.pk, "A"])
    assert personas.client_for(personas.outsider).get(section).status_code == 404
    assert personas.client_for(personas.outsider).post(section, _section_post(audit, "A", "met")).status_code == 404
    assert personas.client_for(other_auditor).get(section).status_code == 403
    assert personas.client_for(personas.case_officer).get(reverse("audits:my-audits")).status_code == 403
    assert (
        personas.client_for(personas.auditor).get(reverse("audits:audit-section", args=[audit.pk, "Z"])).status_code
        == 404
    )


def test_unanalysed_document_is_explained(personas: Personas) -> None:
    audit = _audit(personas, analysed=False)
    html = (
        personas.client_for(personas.auditor)
        .get(reverse("audits:audit-section", args=[audit.pk, "A"]))
        .content.decode()
    )
    assert "has not been analysed" in html


def test_section_save_and_finding_decision(personas: Personas) -> None:
    audit = _audit(personas)
    finding = StoredFinding.objects.get(code="F.vague-wording")
    data = _section_post(audit, "F", "not-met", "Therapy not quantified")
    data[f"finding_{finding.pk}"] = "accepted"
    data["then"] = "next"
    response = personas.client_for(personas.auditor).post(reverse("audits:audit-section", args=[audit.pk, "F"]), data)
    assert response.status_code == 302  # on to the next section
    assert set(CriterionJudgement.objects.values_list("answer", flat=True)) == {"not-met"}
    assert audit.finding_decisions.get().decision == "accepted"
    assert StoredFinding.objects.get(pk=finding.pk).severity == "red"


def test_stale_save_is_refused_and_what_was_typed_is_shown(personas: Personas) -> None:
    audit = _audit(personas)
    client = personas.client_for(personas.auditor)
    url = reverse("audits:audit-section", args=[audit.pk, "A"])
    client.post(url, _section_post(audit, "A", "met", "saved first", lock=0))
    response = client.post(url, _section_post(audit, "A", "not-met", "typed in a second tab", lock=0))
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this audit" in html
    assert "typed in a second tab" in html  # nothing lost
    assert "saved first" in html  # and the other save is shown
    assert CriterionJudgement.objects.get().comment == "saved first"


def test_submit_locks_and_creates_the_action(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "not-met")
    client = personas.client_for(personas.auditor)
    response = client.post(
        reverse("audits:audit-submit", args=[audit.pk]), {"lock_version": audit.lock_version}, follow=True
    )
    assert "submitted: Inadequate" in response.content.decode()
    audit.refresh_from_db()
    assert audit.status == AuditStatus.SUBMITTED
    response = client.post(reverse("audits:audit-section", args=[audit.pk, "A"]), _section_post(audit, "A", "met"))
    assert response.status_code == 302
    assert set(CriterionJudgement.objects.values_list("answer", flat=True)) == {"not-met"}
    assert Action.objects.get().assigned_to == personas.case_officer
    assert ActivityRecord.objects.filter(verb="audit.submitted").count() == 1


def test_override_through_the_page_keeps_both(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "met")
    client = personas.client_for(personas.auditor)
    url = reverse("audits:audit", args=[audit.pk])
    response = client.post(url, {"lock_version": audit.lock_version, "score": "8", "reason": ""})
    assert response.status_code == 400 and "Explain why you are changing the score" in response.content.decode()
    client.post(url, {"lock_version": audit.lock_version, "score": "8", "reason": "Thin advice list"})
    audit.refresh_from_db()
    assert (audit.derived_score, audit.override_score, audit.override_reason) == (10, 8, "Thin advice list")
    assert personas.client_for(personas.qa_lead).post(url, {"lock_version": 0, "score": "2"}).status_code == 403


# ---- Closing the loop ----


def test_case_officer_sees_and_updates_their_actions(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "not-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    action = Action.objects.get()
    html = personas.client_for(personas.case_officer).get(reverse("audits:my-actions")).content.decode()
    assert "EHCP-100" in html and "Immediate" in html
    other_officer = make_user(personas.la, "other-officer", Role.CASE_OFFICER)
    assert "EHCP-100" not in personas.client_for(other_officer).get(reverse("audits:my-actions")).content.decode()
    assert personas.client_for(personas.auditor).get(reverse("audits:my-actions")).status_code == 403
    url = reverse("audits:action-update", args=[action.pk])
    assert personas.client_for(personas.outsider).post(url, {"status": "done"}).status_code == 404
    assert personas.client_for(other_officer).post(url, {"status": "done"}).status_code == 403
    personas.client_for(personas.case_officer).post(url, {"status": "in_progress"})
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_feedback_page_and_pdf(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "partly-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    page = reverse("audits:plan-feedback", args=[audit.plan_id])
    pdf = reverse("audits:plan-feedback-pdf", args=[audit.plan_id])
    html = personas.client_for(personas.case_officer).get(page).content.decode()
    assert "Where the plan needs work" in html and "F-02" in html
    response = personas.client_for(personas.case_officer).get(pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert ActivityRecord.objects.filter(verb="plan.feedback_downloaded", actor=personas.case_officer).exists()
    other_officer = make_user(personas.la, "other-officer", Role.CASE_OFFICER)
    assert personas.client_for(other_officer).get(pdf).status_code == 403
    assert personas.client_for(personas.outsider).get(pdf).status_code == 404
    assert personas.client_for(personas.outsider).get(page).status_code == 404
    assert personas.client_for(personas.qa_lead).get(page).status_code == 200


def test_family_feedback_call_is_recorded(personas: Personas) -> None:
    plan = make_plan(personas.la, "EHCP-200", case_officer=personas.case_officer)
    url = reverse("audits:parent-feedback-create", args=[plan.pk])
    client = personas.client_for(personas.case_officer)
    response = client.post(url, {"call_date": "", "comments": "x"})
    html = response.content.decode()
    assert response.status_code == 400 and "Enter the date of the call" in html and "Choose who you spoke to" in html
    response = client.post(
        url,
        {
            "call_date": "3/11/2025",
            "respondent": "parent",
            "accuracy": "3",
            "clarity": "2",
            "reflects_child": "4",
            "comments": "Clear outcomes; therapy hours unclear.",
        },
    )
    assert response.status_code == 302
    call = ParentFeedback.objects.get()
    assert (call.call_date, call.accuracy, call.recorded_by) == (date(2025, 11, 3), 3, personas.case_officer)
    assert "therapy hours unclear" in client.get(reverse("audits:parent-feedback", args=[plan.pk])).content.decode()
    assert personas.client_for(personas.outsider).get(url).status_code == 404
    assert personas.client_for(personas.auditor).get(url).status_code == 403


# ---- Frameworks ----


def test_frameworks_national_and_own_copies_only(personas: Personas) -> None:
    national = small_framework()
    theirs = framework_copy(source=national, local_authority=personas.other_la, by=personas.outsider)
    client = personas.client_for(personas.qa_lead)
    assert client.get(reverse("audits:framework-detail", args=[national.pk])).status_code == 200
    assert client.get(reverse("audits:framework-detail", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("audits:framework-copy", args=[theirs.pk])).status_code == 404
    assert personas.client_for(personas.auditor).get(reverse("audits:frameworks")).status_code == 403
    response = client.post(reverse("audits:framework-copy", args=[national.pk]))
    assert response.status_code == 302
    assert personas.la.frameworks.get().based_on == national


def test_outsider_gets_404_for_every_object_of_another_authority(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "not-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    action = Action.objects.get()
    client = personas.client_for(personas.outsider)
    gets = [
        reverse("audits:round-detail", args=[audit.round_id]),
        reverse("audits:audit", args=[audit.pk]),
        reverse("audits:audit-section", args=[audit.pk, "F"]),
        reverse("audits:plan-feedback", args=[audit.plan_id]),
        reverse("audits:plan-feedback-pdf", args=[audit.plan_id]),
        reverse("audits:parent-feedback", args=[audit.plan_id]),
    ]
    posts = [
        reverse("audits:audit-submit", args=[audit.pk]),
        reverse("audits:round-transition", args=[audit.round_id]),
        reverse("audits:action-update", args=[action.pk]),
        reverse("audits:plan-reaudit", args=[audit.plan_id]),
        reverse("audits:parent-feedback-create", args=[audit.plan_id]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"lock_version": 0, "target": "closed", "status": "done"}).status_code == 404, url
    # Lists show only the outsider's own authority.
    for name in ("audits:my-audits", "audits:my-actions", "audits:rounds"):
        assert "EHCP-100" not in client.get(reverse(name)).content.decode()
        assert audit.audit_number not in client.get(reverse(name)).content.decode()


def test_round_form_offers_only_own_authority_auditors_and_frameworks(personas: Personas) -> None:
    make_plan(personas.other_la, "ELSE-1")
    own_copy = framework_copy(source=small_framework(), local_authority=personas.la, by=personas.qa_lead)
    own_copy.published = True
    own_copy.save()
    response = personas.client_for(personas.outsider).post(
        reverse("audits:round-create"),
        {
            "name": "Sneaky",
            "framework": own_copy.pk,
            "period_start": "1/1/2026",
            "period_end": "2/1/2026",
            "sample_kind": "all",
            "auditors": [personas.auditor.pk],
            "action": "preview",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice" in html
    assert not AuditRound.objects.exists()


def test_own_copy_is_edited_then_published_and_then_frozen(personas: Personas) -> None:
    national = small_framework()
    copy = framework_copy(source=national, local_authority=personas.la, by=personas.qa_lead)
    criterion = copy.criteria.get(code="F-02")
    url = reverse("audits:criterion-edit", args=[copy.pk, criterion.pk])
    client = personas.client_for(personas.qa_lead)
    assert (
        client.get(reverse("audits:criterion-edit", args=[national.pk, national.criteria.first().pk])).status_code
        == 403
    )
    assert personas.client_for(personas.outsider).get(url).status_code == 404
    assert personas.client_for(personas.auditor).get(url).status_code == 403
    response = client.post(
        url, {"text": "Provision says what, how much, how often and who", "guidance": "", "weight": "4"}
    )
    assert response.status_code == 400 and "Enter a weight from 1 to 3" in response.content.decode()
    client.post(url, {"text": "Provision says what, how much, how often and who", "guidance": "", "weight": "3"})
    criterion.refresh_from_db()
    assert criterion.text.startswith("Provision says what")
    assert national.criteria.get(code="F-02").text == "Provision is quantified"
    assert (
        personas.client_for(personas.outsider).post(reverse("audits:framework-publish", args=[copy.pk])).status_code
        == 404
    )
    client.post(reverse("audits:framework-publish", args=[copy.pk]))
    copy.refresh_from_db()
    assert copy.published
    response = client.post(url, {"text": "Changed after publication", "guidance": "", "weight": "3"})
    assert response.status_code == 400 and "copy it into a new version" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.text.startswith("Provision says what")


def test_stale_override_is_refused_and_kept_on_the_page(personas: Personas) -> None:
    audit = _complete(personas, _audit(personas), "met")
    stale = audit.lock_version - 1
    client = personas.client_for(personas.auditor)
    response = client.post(
        reverse("audits:audit", args=[audit.pk]), {"lock_version": stale, "score": "6", "reason": "Typed in an old tab"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this audit" in html and "Typed in an old tab" in html
    audit.refresh_from_db()
    assert audit.override_score is None
    # The QA lead can read the audit but not change it.
    assert personas.client_for(personas.qa_lead).get(reverse("audits:audit", args=[audit.pk])).status_code == 200


def test_qa_lead_assigns_a_reaudit_after_the_plan_is_amended(personas: Personas) -> None:
    from tests.audits.factories import add_version

    audit = _complete(personas, _audit(personas), "not-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    url = reverse("audits:plan-reaudit", args=[audit.plan_id])
    form = {"auditor": personas.moderator.pk, "audit_round": audit.round_id}
    client = personas.client_for(personas.qa_lead)
    response = client.post(url, form, follow=True)
    assert "Upload the amended plan first" in response.content.decode()
    newer = add_version(audit.plan)
    assert personas.client_for(personas.case_officer).post(url, form).status_code == 403
    client.post(url, form)
    reaudit = Audit.objects.get(reaudit_of=audit)
    assert (reaudit.version, reaudit.auditor) == (newer, personas.moderator)
    assert (
        reaudit.audit_number
        in personas.client_for(personas.moderator).get(reverse("audits:my-audits")).content.decode()
    )


def test_feedback_pdf_reads_as_text(personas: Personas) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    audit = _complete(personas, _audit(personas), "not-met")
    services.audit_submit(audit=audit, by=personas.auditor, lock_version=audit.lock_version)
    pdf = personas.client_for(personas.qa_lead).get(reverse("audits:plan-feedback-pdf", args=[audit.plan_id]))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "Audit feedback for plan EHCP-100" in text
    assert "Inadequate" in text and "F-06" in text and "immediate" in text
