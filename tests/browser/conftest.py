"""Browser tests: the system Chromium driven by Playwright against Django's live server.

Reusable pieces for every app's browser tests:

- ``page`` (from pytest-playwright), launched with the system Chromium and the flags below; never a downloaded one;
- ``browser_personas``: the usual personas, created in a database the live server can see;
- ``sign_in(user)``: signs a persona in through the sign-in page and returns the page on their home page;
- ``axe_check(page)``: runs axe-core on the current page and fails with a readable list of any violations.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ehcpqa.accounts.models import Agency, LocalAuthority, Role, User
from tests.web.conftest import PASSWORD, Personas, make_user

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls there unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--headless",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HERE = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)  # before `-m browser` / `-m "not browser"` selects tests by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE not in Path(str(item.fspath)).parents:
            continue
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(
                pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
            )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture
def browser_personas(transactional_db: None, live_server: Any) -> Personas:
    """The personas of the web tests, committed so that the live server's thread sees them."""
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
        outsider=make_user(other, "outsider", Role.QA_LEAD),
    )


@pytest.fixture
def browser_media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "private"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def sign_in(page: Any, live_server: Any) -> Callable[[User], Any]:
    from playwright.sync_api import expect

    def sign_in_as(user: User) -> Any:
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
        return page

    return sign_in_as


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']} — {violation['helpUrl']}")
        for node in violation.get("nodes", [])[:5]:
            lines.append(
                f"    at {' '.join(node.get('target', []))}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
            lines.append(f"       {node.get('html', '')[:200]}")
    return "\n".join(lines)


def run_axe(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@pytest.fixture
def axe_check() -> Iterator[Callable[[Any], None]]:
    def check(page: Any) -> None:
        violations = run_axe(page)
        assert not violations, f"{page.url}\n" + format_violations(violations)

    yield check
