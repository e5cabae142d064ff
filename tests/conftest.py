"""Shared test set-up. Settings come from tests/settings.py (see pyproject.toml)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).parent / "browser"
DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def _uses_database(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("django_db")) or bool(
        DB_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Everything under tests/browser runs in Chromium: mark it so `-m browser` / `-m "not browser"` split the suite.
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
    # The PostgreSQL pass (scripts/test.sh) repeats only the tests that touch the database.
    if os.environ.get("EHCPQA_ONLY_DATABASE_TESTS") == "1":
        kept = [i for i in items if _uses_database(i)]
        config.hook.pytest_deselected(items=[i for i in items if not _uses_database(i)])
        items[:] = kept
