"""Signing in and out in a real browser, for every role, with the pages checked by axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import PASSWORD, Personas

ROLE_HEADINGS = {
    "qa_lead": "As QA lead you can",
    "auditor": "As auditor you can",
    "moderator": "As moderator you can",
    "case_officer": "As case officer you can",
    "board_viewer": "As board viewer you can",
}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("persona", list(ROLE_HEADINGS))
def test_sign_in_home_and_sign_out(
    page: Page, live_server: Any, browser_personas: Personas, axe_check: Any, persona: str
) -> None:
    user = getattr(browser_personas, persona)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/sign-in/?next=/")
    axe_check(page)
    # With the keyboard: the username field, then the password, then Enter submits.
    page.get_by_label("Username").focus()
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=ROLE_HEADINGS[persona])).to_be_visible()
    expect(page.get_by_text("Test Borough Council").first).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()


def test_wrong_password_shows_an_accessible_error(
    page: Page, live_server: Any, browser_personas: Personas, axe_check: Any
) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("qa-lead")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a correct username and password")
    axe_check(page)
