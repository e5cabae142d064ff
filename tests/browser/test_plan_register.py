"""The plan register in a real browser: import a CSV, preview, confirm, list, upload, and read the findings.

Every page on the way is checked with axe-core, and the steps that matter are done with the keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ehcpqa.analysis.models import AnalysisRun
from ehcpqa.plans.models import Plan
from tests.web.conftest import Personas
from tests.web.plan_fixtures import PLAN_TEXT, csv_bytes, csv_row, make_plan, make_zip

pytestmark = pytest.mark.browser


def test_import_confirm_list_upload_and_read_findings(
    page: Page,
    live_server: Any,
    browser_personas: Personas,
    browser_media_root: Path,
    sign_in: Any,
    axe_check: Any,
    tmp_path: Path,
) -> None:
    sign_in(browser_personas.qa_lead)
    page.get_by_role("link", name="Plan register").first.click()
    expect(page.get_by_role("heading", name="Plan register")).to_be_visible()
    expect(page.get_by_text("No plans yet")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Import plan records").click()
    axe_check(page)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(csv_row("EHC-0001"), csv_row("EHC-0002", dob="31/02/2012")))
    page.get_by_label("CSV file of plan records").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported")
    expect(page.get_by_role("cell", name="date_of_birth")).to_be_visible()
    axe_check(page)

    good = tmp_path / "plans.csv"
    good.write_bytes(csv_bytes(csv_row("EHC-0001"), csv_row("EHC-0002", status="draft"), csv_row("EHC-0003")))
    page.get_by_label("CSV file of plan records").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check the import before you confirm it")).to_be_visible()
    expect(page.get_by_text("3 new plans to create")).to_be_visible()
    axe_check(page)
    assert not Plan.objects.exists()
    # Confirm with the keyboard.
    page.get_by_role("button", name="Confirm and import").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Import complete: 3 plans created and 0 updated.")).to_be_visible()
    assert Plan.objects.count() == 3
    axe_check(page)

    # Search by reference with the keyboard: type, then Enter submits the filter form.
    page.get_by_label("Reference contains").focus()
    page.keyboard.type("0002")
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 plan match these filters")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="EHC-0002").click()
    expect(page.get_by_role("heading", name="EHC-0002", level=1)).to_be_visible()
    expect(page.get_by_text("No document has been uploaded for this plan yet")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Upload a new version").click()
    axe_check(page)
    document = tmp_path / "EHC-0002.txt"
    document.write_text(PLAN_TEXT, encoding="utf-8")
    page.get_by_label("Plan document").set_input_files(str(document))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("Version 1 uploaded")).to_be_visible()
    expect(page.get_by_role("heading", name="Automated pre-audit")).to_be_visible()
    expect(page.get_by_text("Automated suggestion").first).to_be_visible()
    mark = page.locator("mark.app-evidence").first
    expect(mark).to_be_visible()
    axe_check(page)

    # From the highlighted text to the finding beside it, with the keyboard.
    reference = page.locator("a.app-finding-ref").first
    reference.focus()
    page.keyboard.press("Enter")
    target = reference.get_attribute("href")
    assert target and page.url.endswith(target)
    expect(page.locator(target)).to_be_visible()
    assert AnalysisRun.objects.filter(version__plan__reference="EHC-0002").count() == 1


def test_auditor_reads_a_plan_blind(
    page: Page,
    live_server: Any,
    browser_personas: Personas,
    browser_media_root: Path,
    sign_in: Any,
    axe_check: Any,
    tmp_path: Path,
) -> None:
    from ehcpqa.plans.services import plan_version_upload

    plan = make_plan(browser_personas.la, "EHC-0042")
    source = tmp_path / "plan.txt"
    source.write_text(PLAN_TEXT, encoding="utf-8")
    plan_version_upload(user=browser_personas.qa_lead, plan=plan, upload=source)
    sign_in(browser_personas.auditor)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.get_by_text("masked for a blind audit")).to_be_visible()
    expect(page.get_by_text("Automated suggestion").first).to_be_visible()
    assert "Robin" not in page.content()
    axe_check(page)


def test_zip_upload_shows_progress_and_what_was_not_used(
    page: Page,
    live_server: Any,
    browser_personas: Personas,
    browser_media_root: Path,
    sign_in: Any,
    axe_check: Any,
    tmp_path: Path,
) -> None:
    make_plan(browser_personas.la, "EHC-0001")
    make_plan(browser_personas.la, "EHC-0002")
    archive = tmp_path / "plans.zip"
    archive.write_bytes(
        make_zip(
            {
                "EHC-0001.txt": PLAN_TEXT.encode(),
                "EHC-0002 - review.txt": (PLAN_TEXT + "\nReviewed.").encode(),
                "EHC-0404.txt": PLAN_TEXT.encode(),
            }
        )
    )
    sign_in(browser_personas.qa_lead)
    page.goto(f"{live_server.url}/plans/documents/")
    axe_check(page)
    page.get_by_label("ZIP file of plan documents").set_input_files(str(archive))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", name="Uploaded documents")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="All 2 documents analysed")).to_be_visible()
    expect(page.get_by_role("cell", name="EHC-0404.txt")).to_be_visible()
    axe_check(page)


def test_batch_progress_updates_itself_while_documents_are_analysed(
    page: Page, live_server: Any, browser_personas: Personas, browser_media_root: Path, sign_in: Any, axe_check: Any
) -> None:
    from ehcpqa.analysis.models import RunStatus
    from ehcpqa.plans.models import UploadBatch
    from ehcpqa.plans.services import plan_documents_zip_upload
    from tests.web.plan_fixtures import upload

    make_plan(browser_personas.la, "EHC-0001")
    make_plan(browser_personas.la, "EHC-0002")
    archive = make_zip({"EHC-0001.txt": PLAN_TEXT.encode(), "EHC-0002.txt": (PLAN_TEXT + "\nMore.").encode()})
    batch = plan_documents_zip_upload(user=browser_personas.qa_lead, upload=upload("plans.zip", archive))
    waiting = AnalysisRun.objects.filter(version__plan__reference="EHC-0002")
    waiting.update(status=RunStatus.QUEUED)  # as if the worker had not reached it yet
    sign_in(browser_personas.qa_lead)
    page.goto(f"{live_server.url}/plans/documents/{batch.pk}/")
    status = page.get_by_role("status")
    expect(status).to_contain_text("1 of 2 documents analysed")
    expect(page.locator("progress")).to_have_attribute("value", "1")
    axe_check(page)
    waiting.update(status=RunStatus.DONE)  # the worker finishes; htmx polling picks it up without a reload
    expect(status).to_contain_text("All 2 documents analysed", timeout=10_000)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    assert UploadBatch.objects.count() == 1
