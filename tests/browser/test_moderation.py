"""Moderation in Chromium: a moderator second-marks an audit blind, finds a disagreement, records the agreed result;
the first auditor then reads the outcome. axe-core checks every page on the way (WCAG 2.2 A/AA)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from ehcpqa.moderation import services
from ehcpqa.moderation.models import ItemStatus, ModerationItem
from tests.moderation.builders import make_round, submitted_audit
from tests.web.conftest import Personas


def test_a_moderator_resolves_a_disagreement_end_to_end(
    browser_personas: Personas,
    sign_in: Callable[[Any], Any],
    axe_check: Callable[[Any], None],
    page: Any,
    live_server: Any,
) -> None:
    p = browser_personas
    audit_round = make_round(p.la)
    audit = submitted_audit(audit_round, p.auditor)  # every criterion met: 10, Outstanding
    item = services.audit_flag(audit=audit, by=p.qa_lead, moderator=p.moderator, note="Provision looks generous")
    criteria = {c.code: c for c in audit_round.framework.criteria.all()}

    sign_in(p.moderator)
    page.locator("#main-content").get_by_role("link", name="Moderation", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    axe_check(page)

    page.get_by_role("link", name=f"Audit {audit.audit_number}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Second marking of audit {audit.audit_number}")
    expect(page.get_by_text("first view of")).to_have_count(0)  # blind: the first auditor's comments are hidden
    axe_check(page)
    for code, criterion in criteria.items():
        choice = 2 if code in ("F-02", "F-06") else 0  # Answer order: met, partly met, not met, not applicable
        page.locator(f"#id_answer_{criterion.pk}_{choice}").check()
    page.get_by_label("Comment on F-06 (optional)").fill("Speech and language therapy 'as required' is hedged.")
    page.get_by_role("button", name="Save and submit marking").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Compare markings of audit {audit.audit_number}")
    expect(page.locator("#differences-summary")).to_contain_text("2 criteria marked differently")
    expect(page.get_by_text("Different", exact=True)).to_have_count(2)
    axe_check(page)

    page.get_by_label("Agreed overall score (1 to 10)").fill("")
    page.get_by_role("button", name="Record agreed result").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)  # the error state too
    page.get_by_label("Agreed overall score (1 to 10)").fill("6")
    page.get_by_label("Reason for the agreed result").fill("F-02 and F-06 are not met: therapy is not quantified.")
    page.get_by_role("button", name="Record agreed result").click()
    expect(page.get_by_text("The first auditor has been told.")).to_be_visible()
    expect(page.get_by_role("row", name="Agreed result")).to_contain_text("Good")
    axe_check(page)

    item.refresh_from_db()
    assert (item.status, item.agreed_score) == (ItemStatus.RESOLVED, 6)
    assert ModerationItem.objects.get(pk=item.pk).audit.final_score == 10  # the first audit is kept as it was

    page.get_by_role("button", name="Sign out").click()
    sign_in(p.auditor)
    page.locator("#main-content").get_by_role("link", name="Moderation outcomes").click()
    expect(page.get_by_text("New", exact=True).first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=audit.audit_number).click()
    expect(page.get_by_text("therapy is not quantified")).to_be_visible()
    axe_check(page)
