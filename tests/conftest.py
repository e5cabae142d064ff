"""Shared test set-up. Settings come from tests/settings.py (see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Everything under tests/browser runs in Chromium: mark it so `-m browser` / `-m "not browser"` split the suite.
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
