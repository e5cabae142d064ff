"""Moderation tests reuse the web personas (including the outsider from another authority)."""

from tests.web.conftest import personas  # noqa: F401  (re-exported fixture)
