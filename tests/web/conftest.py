from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from ehcpqa.accounts.models import Agency, LocalAuthority, Role, RoleGrant, User

PASSWORD = "correct-horse-battery-staple"


def make_user(la: LocalAuthority, username: str, *roles: Role, agency: str = "") -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        local_authority=la,
        agency=agency,
        display_name=username.replace("-", " ").title(),
    )
    for role in roles:
        RoleGrant.objects.create(user=user, role=role)
    return user


@dataclass
class Personas:
    la: LocalAuthority
    other_la: LocalAuthority
    qa_lead: User
    auditor: User
    health_auditor: User
    moderator: User
    case_officer: User
    board_viewer: User
    outsider: User  # QA lead of another authority: must be refused Test Borough's objects

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


@pytest.fixture
def personas(db: None) -> Personas:
    la = LocalAuthority.objects.create(name="Test Borough Council", slug="test-borough")
    other = LocalAuthority.objects.create(name="Elsewhere County Council", slug="elsewhere")
    return Personas(
        la=la,
        other_la=other,
        qa_lead=make_user(la, "qa-lead", Role.QA_LEAD),
        auditor=make_user(la, "edu-auditor", Role.AUDITOR, agency=Agency.EDUCATION),
        health_auditor=make_user(la, "health-auditor", Role.AUDITOR, agency=Agency.HEALTH),
        moderator=make_user(la, "moderator", Role.MODERATOR, Role.AUDITOR, agency=Agency.INDEPENDENT),
        case_officer=make_user(la, "case-officer", Role.CASE_OFFICER),
        board_viewer=make_user(la, "board-viewer", Role.BOARD_VIEWER),
        outsider=make_user(
            other, "outsider", Role.QA_LEAD, Role.AUDITOR, Role.MODERATOR, Role.CASE_OFFICER, Role.BOARD_VIEWER
        ),
    )
