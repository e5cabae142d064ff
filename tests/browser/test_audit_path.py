"""The audit path in Chromium: a QA lead sets up a round, an auditor completes an audit with the keyboard only, the
case officer sees the resulting action. axe-core checks every page on the way for WCAG 2.2 A/AA violations.

Uses the shared browser fixtures of tests/browser/conftest.py (page, browser_personas, sign_in, axe_check)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ehcpqa.audits.models import Action, Audit
from tests.audits.factories import make_plan, small_framework
from tests.web.conftest import Personas

pytestmark = pytest.mark.browser


def tab_to(page: Page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()


def test_round_keyboard_audit_and_action(
    page: Page, live_server: Any, browser_personas: Personas, sign_in: Any, axe_check: Any
) -> None:
    p = browser_personas
    make_plan(p.la, "EHCP-B1", case_officer=p.case_officer, issued_date=date(2025, 5, 1))
    framework = small_framework()
    base = live_server.url

    # 1. The QA lead sets up the round and sees the sample size before creating it.
    sign_in(p.qa_lead)
    page.goto(f"{base}/audits/rounds/")
    axe_check(page)
    page.get_by_role("link", name="Set up a new round").click()
    axe_check(page)
    page.get_by_label("Round name").fill("Browser round")
    page.get_by_label("Criteria framework").select_option(str(framework.pk))
    page.get_by_label("Period starts").fill("1/9/2026")
    page.get_by_label("Period ends").fill("31/12/2026")
    page.get_by_label("Edu Auditor").check()
    page.get_by_role("button", name="Check sample size").click()
    expect(page.locator("#sample-size")).to_contain_text("1 plan")
    axe_check(page)
    page.get_by_role("button", name="Create round and assign plans").click()
    expect(page).to_have_url(re.compile(r".*/audits/rounds/\d+/$"))
    expect(page.get_by_role("cell", name="EHCP-B1")).to_be_visible()
    axe_check(page)
    sign_out(page)

    # 2. The auditor works through every section with the keyboard only.
    sign_in(p.auditor)
    page.goto(f"{base}/audits/mine/")
    axe_check(page)
    tab_to(page, "main a[href*='/audits/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r".*/audits/\d+/$"))
    axe_check(page)
    tab_to(page, "a.govuk-task-list__link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visited = []
    while "/sections/" in page.url:
        visited.append(page.url.rstrip("/").rsplit("/", 1)[-1])
        assert "EHCP-B1" not in page.content() and "Robin" not in page.content()  # blind
        axe_check(page)
        for radio in page.locator("input[type=radio][id$='_0'][name^='answer_']").all():
            tab_to(page, f"#{radio.get_attribute('id')}")
            page.keyboard.press("ArrowDown")  # "Partly met"
            page.keyboard.press("ArrowDown")  # "Not met"
        tab_to(page, "button[value=next]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert len(visited) < 10
    assert visited == ["A", "B", "C", "E", "F"]
    expect(page.get_by_text("Submitting locks the audit")).to_be_visible()
    axe_check(page)
    tab_to(page, "form[action$='/submit/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("submitted: Inadequate")).to_be_visible()
    axe_check(page)
    assert Audit.objects.get().status == "submitted"
    sign_out(page)

    # 3. The case officer sees the immediate action and the feedback.
    sign_in(p.case_officer)
    page.goto(f"{base}/audits/actions/")
    expect(page.get_by_role("heading", name=re.compile("Plan EHCP-B1"))).to_be_visible()
    expect(page.get_by_text("Immediate").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Audit feedback for EHCP-B1").click()
    expect(page.get_by_role("heading", name="Where the plan needs work")).to_be_visible()
    axe_check(page)
    assert Action.objects.get().assigned_to == p.case_officer
