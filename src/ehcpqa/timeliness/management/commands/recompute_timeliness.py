"""Recompute every stored timeliness measure from the case events, after the rules in statutory_rules.json change."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ehcpqa.timeliness.models import CaseRecord, TimelinessMeasure
from ehcpqa.timeliness.services import case_events, measure_rows

CHUNK = 1000


class Command(BaseCommand):
    help = "Recompute the statutory timeliness measures of every case (or of one authority) from its events."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--authority", help="the slug of one local authority")

    def handle(self, *args: Any, **options: Any) -> None:
        records = CaseRecord.objects.order_by("id").prefetch_related("events")
        if options.get("authority"):
            records = records.filter(local_authority__slug=options["authority"])
        today = timezone.localdate()
        done = 0
        ids = list(records.values_list("id", flat=True))
        for start in range(0, len(ids), CHUNK):
            chunk = list(records.filter(id__in=ids[start : start + CHUNK]))
            with transaction.atomic():
                TimelinessMeasure.objects.filter(case__in=chunk).delete()
                TimelinessMeasure.objects.bulk_create(
                    [
                        m
                        for r in chunk
                        for m in measure_rows(la_id=r.local_authority_id, record=r, case=case_events(r), today=today)
                    ],
                    batch_size=2000,
                )
            done += len(chunk)
        self.stdout.write(f"Recomputed the measures of {done} cases.")
