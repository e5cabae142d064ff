"""The dashboard, a drill-down, the timeliness report and the board pack download, in Chromium with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.reporting.builders import build_authority
from tests.web.conftest import Personas

pytestmark = pytest.mark.browser


def test_dashboard_filters_drilldown_and_board_pack(
    page: Page, live_server: Any, browser_personas: Personas, sign_in: Any, axe_check: Any, tmp_path: Path
) -> None:
    p = browser_personas
    build_authority(p.la, auditor=p.auditor, case_officer=p.case_officer, n_plans=30)
    sign_in(p.board_viewer)
    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("heading", name="Quality dashboard", level=1)).to_be_visible()
    expect(
        page.get_by_role("img", name="Bar chart: Audit grades. The same figures are in the table that follows.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Automated pre-audit (machine findings): suggested grades")).to_be_visible()
    axe_check(page)

    # Combine two filters, then switch the cohort split.
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Looked-after children", exact=True).select_option("no")
    page.get_by_label("Age phase", exact=True).select_option("secondary")
    page.get_by_role("button", name="Apply filters").click()
    expect(
        page.get_by_text("Showing: Age phase: Secondary (Years 7 to 11); Looked-after children: Not looked after")
    ).to_be_visible()
    page.get_by_role("link", name="Primary need").click()
    expect(page.get_by_role("heading", name="Audit results by primary need")).to_be_visible()
    axe_check(page)

    # Drill down from the total of submitted audits to the plans behind it.
    page.get_by_role("link", name="see the plans").first.click()
    expect(page.get_by_role("heading", name="Plans behind the figure")).to_be_visible()
    axe_check(page)
    page.go_back()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the board pack (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "board-pack.pdf"
    target = tmp_path / "pack.pdf"
    download.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    page.goto(f"{live_server.url}/timeliness/")
    expect(page.get_by_role("heading", name="Statutory timeliness")).to_be_visible()
    axe_check(page)


def test_public_key_figures_page_is_accessible(
    page: Page, live_server: Any, browser_personas: Personas, axe_check: Any
) -> None:
    build_authority(
        browser_personas.la, auditor=browser_personas.auditor, case_officer=browser_personas.case_officer, n_plans=12
    )
    page.goto(f"{live_server.url}/reporting/public/test-borough/")
    expect(page.get_by_role("heading", name="Quality of Education, Health and Care plans: key figures")).to_be_visible()
    axe_check(page)
