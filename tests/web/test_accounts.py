from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from ehcpqa.accounts.models import User
from tests.web.conftest import PASSWORD, Personas

pytestmark = pytest.mark.django_db


def test_anonymous_user_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert reverse("accounts:sign-in") in response["Location"]


def test_sign_in_with_right_password_reaches_home_page(personas: Personas, client: Client) -> None:
    response = client.post(reverse("accounts:sign-in"), {"username": "qa-lead", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "As QA lead you can" in response.content.decode()


def test_wrong_password_is_refused_with_a_clear_message(personas: Personas, client: Client) -> None:
    response = client.post(reverse("accounts:sign-in"), {"username": "qa-lead", "password": "wrong-password"})
    assert response.status_code == 400
    assert "Enter a correct username and password" in response.content.decode()


@override_settings(SIGN_IN_MAX_FAILURES=3)
def test_sign_in_is_throttled_after_repeated_failures(personas: Personas, client: Client) -> None:
    for _ in range(3):
        client.post(reverse("accounts:sign-in"), {"username": "qa-lead", "password": "nope-nope-nope"})
    # Even the right password is refused while throttled.
    response = client.post(reverse("accounts:sign-in"), {"username": "qa-lead", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_passwords_are_hashed_with_argon2(personas: Personas) -> None:
    assert User.objects.get(username="qa-lead").password.startswith("argon2")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("qa_lead", "As QA lead you can"),
        ("auditor", "As auditor you can"),
        ("moderator", "As moderator you can"),
        ("case_officer", "As case officer you can"),
        ("board_viewer", "As board viewer you can"),
    ],
)
def test_home_page_says_what_each_role_can_do(personas: Personas, persona: str, expected: str) -> None:
    user = getattr(personas, persona)
    html = personas.client_for(user).get(reverse("accounts:home")).content.decode()
    assert expected in html
    assert personas.la.name in html


def test_sign_out_needs_post_and_ends_the_session(personas: Personas) -> None:
    client = personas.client_for(personas.qa_lead)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    client.post(reverse("accounts:sign-out"))
    assert client.get(reverse("accounts:home")).status_code == 302


def test_outsider_sees_own_authority_only(personas: Personas) -> None:
    html = personas.client_for(personas.outsider).get(reverse("accounts:home")).content.decode()
    assert personas.other_la.name in html
    assert personas.la.name not in html


@pytest.mark.parametrize("persona", ["qa_lead", "auditor", "moderator", "case_officer", "board_viewer"])
def test_every_task_on_a_roles_home_page_opens_for_that_role(personas: Personas, persona: str) -> None:
    from ehcpqa.accounts.roles import tasks_for_user

    user = getattr(personas, persona)
    client = personas.client_for(user)
    urls = {task.url for _role, tasks in tasks_for_user(user) for task in tasks}
    assert urls
    for url in urls:
        assert client.get(url).status_code == 200, url
