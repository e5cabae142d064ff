"""Shared test set-up. Settings come from tests/settings.py (see pyproject.toml)."""
