"""Reuse the web personas (owner authority, other roles, an outsider from another authority).

The reporting result cache is switched off here so each test counts from its own rows; test_cache.py turns it on.
"""

from typing import Any

import pytest

from tests.web.conftest import personas  # noqa: F401


@pytest.fixture(autouse=True)
def no_reporting_cache(settings: Any) -> None:
    settings.REPORTING_CACHE_SECONDS = 0
