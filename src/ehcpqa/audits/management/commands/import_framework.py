"""Import the national default criteria framework from the analysis engine's data. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ehcpqa.audits.frameworks import framework_import_default


class Command(BaseCommand):
    help = "Import the national default criteria framework (idempotent: an existing version is left unchanged)."

    def handle(self, *args: Any, **options: Any) -> None:
        framework, created = framework_import_default()
        verb = "Imported" if created else "Already present:"
        self.stdout.write(
            f"{verb} {framework.slug} version {framework.version} ({framework.criteria.count()} criteria)"
        )
