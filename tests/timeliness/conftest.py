"""Reuse the web personas (owner authority, other roles, an outsider from another authority)."""

from tests.web.conftest import personas  # noqa: F401
