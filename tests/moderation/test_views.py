"""Moderation pages through the test client. Every page is also tried by the outsider from another authority."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ehcpqa.audits.models import Audit
from ehcpqa.moderation import services
from ehcpqa.moderation.models import CalibrationExercise, ItemStatus, ModerationItem
from tests.audits.factories import make_plan, small_framework
from tests.moderation.builders import make_round, mark, submitted_audit
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


def flagged_item(personas: Personas) -> ModerationItem:
    audit_round = make_round(personas.la)
    audit = submitted_audit(audit_round, personas.auditor)
    return services.audit_flag(audit=audit, by=personas.qa_lead, moderator=personas.moderator, note="Check F")


def item_urls(item: ModerationItem) -> list[str]:
    round_id = item.audit.round_id
    return [
        reverse("moderation:item", args=[item.pk]),
        reverse("moderation:marking", args=[item.second_marking_id]),
        reverse("moderation:outcome", args=[item.pk]),
        reverse("moderation:round", args=[round_id]),
        reverse("moderation:round-statistics", args=[round_id]),
        reverse("moderation:machine-human", args=[round_id]),
    ]


def test_another_authoritys_objects_are_not_found(personas: Personas) -> None:
    item = flagged_item(personas)
    outsider = personas.client_for(personas.outsider)  # holds every role, in another authority
    for url in item_urls(item):
        assert outsider.get(url).status_code == 404, url
    assert outsider.post(reverse("moderation:item", args=[item.pk]), {"score": 5, "reason": "x"}).status_code == 404
    assert outsider.post(reverse("moderation:flag", args=[item.audit.round_id]), {}).status_code == 404
    home = outsider.get(reverse("moderation:home"))
    assert home.status_code == 200 and item.audit.audit_number not in home.content.decode()


def test_people_without_the_role_are_refused(personas: Personas) -> None:
    item = flagged_item(personas)
    case_officer = personas.client_for(personas.case_officer)
    assert case_officer.get(reverse("moderation:home")).status_code == 403
    assert case_officer.get(reverse("moderation:statistics")).status_code == 403
    other_auditor = personas.client_for(personas.health_auditor)
    assert other_auditor.get(reverse("moderation:item", args=[item.pk])).status_code == 403
    assert other_auditor.get(reverse("moderation:marking", args=[item.second_marking_id])).status_code == 403
    assert other_auditor.get(reverse("moderation:round-statistics", args=[item.audit.round_id])).status_code == 403
    assert (
        personas.client_for(personas.auditor).get(reverse("moderation:round", args=[item.audit.round_id])).status_code
        == 403
    )


def test_the_second_marking_is_blind_until_submitted(personas: Personas) -> None:
    item = flagged_item(personas)
    moderator = personas.client_for(personas.moderator)
    response = moderator.get(reverse("moderation:item", args=[item.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "moderation:marking", args=[item.second_marking_id]
    )
    page = moderator.get(response["Location"]).content.decode()
    assert "first view of" not in page  # the first auditor's comments
    assert "Robin Testchild" not in page and "[name]" in page  # masked plan text
    assert str(personas.auditor) not in page
    assert "Hedged wording in provision" in page  # the machine's findings, as the first auditor saw them


def test_a_moderator_marks_compares_and_resolves_and_the_auditor_is_told(personas: Personas) -> None:
    item = flagged_item(personas)
    moderator = personas.client_for(personas.moderator)
    criteria = list(item.audit.round.framework.criteria.all())
    data = {f"answer_{c.pk}": "met" for c in criteria}
    f06 = next(c for c in criteria if c.code == "F-06")
    data[f"answer_{f06.pk}"] = "not-met"
    data[f"comment_{f06.pk}"] = "Therapy 'as required' is hedged."
    incomplete = {**data, f"answer_{f06.pk}": ""}
    refused = moderator.post(
        reverse("moderation:marking", args=[item.second_marking_id]), {**incomplete, "then": "submit"}
    )
    assert refused.status_code == 400 and "Answer every criterion" in refused.content.decode()
    response = moderator.post(reverse("moderation:marking", args=[item.second_marking_id]), {**data, "then": "submit"})
    assert response.status_code == 302 and response["Location"] == reverse("moderation:item", args=[item.pk])
    page = moderator.get(response["Location"]).content.decode()
    assert "1 criterion marked differently" in page and page.count(">Different<") == 1
    assert "first view of F-06" in page  # now the first auditor's comments are shown
    bad = moderator.post(reverse("moderation:item", args=[item.pk]), {"score": "11", "reason": ""})
    assert bad.status_code == 400 and "Enter a score from 1 to 10" in bad.content.decode()
    done = moderator.post(
        reverse("moderation:item", args=[item.pk]), {"score": "8", "reason": "F-06 wording is hedged; otherwise sound."}
    )
    assert done.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.agreed_score, item.agreed_grade) == (ItemStatus.RESOLVED, 8, "good")
    assert Audit.objects.get(pk=item.audit_id).final_score == 10  # original kept

    auditor = personas.client_for(personas.auditor)
    outcomes = auditor.get(reverse("moderation:outcomes")).content.decode()
    assert ">New<" in outcomes and item.audit.audit_number in outcomes
    outcome = auditor.get(reverse("moderation:outcome", args=[item.pk])).content.decode()
    assert "F-06 wording is hedged" in outcome and "Therapy" in outcome
    assert auditor.post(reverse("moderation:outcomes")).status_code == 302
    assert ">New<" not in auditor.get(reverse("moderation:outcomes")).content.decode()
    assert (
        personas.client_for(personas.health_auditor).get(reverse("moderation:outcome", args=[item.pk])).status_code
        == 403
    )
    trend = personas.client_for(personas.qa_lead).get(reverse("moderation:statistics")).content.decode()
    assert str(personas.auditor) in trend and "+2.00" in trend  # first score 10, agreed 8: lenient by 2
    assert "Needs two rounds" in trend


def test_qa_lead_draws_the_sample_and_flags_an_audit(personas: Personas) -> None:
    audit_round = make_round(personas.la)
    audits = [submitted_audit(audit_round, personas.auditor) for _ in range(3)]
    qa = personas.client_for(personas.qa_lead)
    page = qa.get(reverse("moderation:round", args=[audit_round.pk]))
    assert page.status_code == 200 and "Draw the sample" in page.content.decode()
    invalid = qa.post(reverse("moderation:sample-draw", args=[audit_round.pk]), {"percent": "0"})
    assert invalid.status_code == 400 and "Enter a share from 1 to 100" in invalid.content.decode()
    drawn = qa.post(
        reverse("moderation:sample-draw", args=[audit_round.pk]),
        {"percent": "10", "moderators": [personas.moderator.pk]},
    )
    assert drawn.status_code == 302
    assert ModerationItem.objects.filter(sample__round=audit_round).count() == 1  # 10% of 3, rounded up
    sampled = ModerationItem.objects.get(sample__round=audit_round).audit_id
    other = next(a for a in audits if a.pk != sampled)
    flag = qa.post(
        reverse("moderation:flag", args=[audit_round.pk]),
        {"audit": other.pk, "moderator": personas.moderator.pk, "note": "Score looks high"},
    )
    assert flag.status_code == 302
    assert ModerationItem.objects.filter(sample__round=audit_round).count() == 2


def test_statistics_pages_show_tables_and_say_when_there_is_not_enough_variation(personas: Personas) -> None:
    item = flagged_item(personas)
    mark(item.second_marking, personas.moderator)
    for user in (personas.qa_lead, personas.moderator):
        client = personas.client_for(user)
        page = client.get(reverse("moderation:round-statistics", args=[item.audit.round_id])).content.decode()
        assert "Not enough variation" in page and "100%" in page  # one pair, both Outstanding
        assert client.get(reverse("moderation:statistics")).status_code == 200
        machine = client.get(reverse("moderation:machine-human", args=[item.audit.round_id])).content.decode()
        assert "F-06" in machine


def test_calibration_results_stay_hidden_from_an_auditor_until_they_have_marked(personas: Personas) -> None:
    plan = make_plan(personas.la, "CAL-V")
    qa = personas.client_for(personas.qa_lead)
    framework = small_framework()
    created = qa.post(
        reverse("moderation:calibration-create"),
        {
            "name": "Spring calibration",
            "plan": plan.pk,
            "framework": framework.pk,
            "auditors": [personas.auditor.pk, personas.moderator.pk],
        },
    )
    assert created.status_code == 302
    exercise_url = created["Location"]
    exercise = CalibrationExercise.objects.get()
    marking_of = {m.marker_id: m for m in exercise.markings.all()}
    mark(marking_of[personas.moderator.pk], personas.moderator)
    auditor = personas.client_for(personas.auditor)
    before = auditor.get(exercise_url).content.decode()
    assert "shown once you have submitted" in before and "Spread of results" not in before
    mark(marking_of[personas.auditor.pk], personas.auditor, {"F-06": "not-met"})
    after = auditor.get(exercise_url).content.decode()
    assert "Spread of results" in after and "Answers differ" in after
    assert personas.client_for(personas.outsider).get(exercise_url).status_code == 404
    assert personas.client_for(personas.health_auditor).get(exercise_url).status_code == 403
    closed = qa.post(exercise_url, {"notes": "Agreed how to read F-06."})
    assert closed.status_code == 302 and auditor.post(exercise_url, {"notes": "x"}).status_code == 403
