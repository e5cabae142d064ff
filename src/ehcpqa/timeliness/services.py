"""Writes for case records. Each public function is one transaction that also records who did what."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.plans.models import Plan
from ehcpqa.timeliness.case_csv import CaseFileError, ParsedCases, RowError, parse_case_csv
from ehcpqa.timeliness.deadlines import Case, Event, measure_case
from ehcpqa.timeliness.models import CaseEvent, CaseImport, CaseImportStatus, CaseRecord, TimelinessMeasure
from ehcpqa.timeliness.rules import statutory_rules

MAX_CSV_BYTES = 50 * 2**20
BATCH = 2000


class CaseImportInvalid(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def case_import_upload(*, user: User, filename: str, data: bytes) -> tuple[CaseImport | None, ParsedCases]:
    """Check the file. A file with row errors is not kept: the errors are shown and nothing is saved."""
    if len(data) > MAX_CSV_BYTES:
        raise CaseFileError("The file is larger than 50 MB. Split it into smaller files.")
    parsed = parse_case_csv(data, today=timezone.localdate())
    if not parsed.ok:
        return None, parsed
    with transaction.atomic():
        case_import = CaseImport.objects.create(
            local_authority_id=user.local_authority_id,
            uploaded_by=user,
            original_filename=filename[:255],
            content=data.decode("utf-8-sig"),
            case_count=len(parsed.cases),
            event_count=parsed.event_count,
        )
        record_activity(
            actor=user,
            local_authority=user.local_authority,
            verb="case_import.uploaded",
            target=case_import,
            detail={"cases": len(parsed.cases), "events": parsed.event_count},
        )
    return case_import, parsed


def case_import_preview(*, case_import: CaseImport) -> ParsedCases:
    return parse_case_csv(case_import.content.encode("utf-8"), today=timezone.localdate())


def case_import_confirm(*, user: User, case_import: CaseImport) -> CaseImport:
    """Replace the events of every case in the file with the file's events, all or nothing."""
    parsed = case_import_preview(case_import=case_import)
    if not parsed.ok:
        raise CaseImportInvalid(parsed.errors)
    with transaction.atomic():
        locked = CaseImport.objects.select_for_update().get(pk=case_import.pk)
        if locked.status != CaseImportStatus.PREVIEWED:
            return locked
        store_cases(local_authority=user.local_authority, parsed=parsed, today=timezone.localdate())
        locked.status = CaseImportStatus.CONFIRMED
        locked.content = ""
        locked.finished_at = timezone.now()
        locked.save(update_fields=["status", "content", "finished_at"])
        record_activity(
            actor=user,
            local_authority=user.local_authority,
            verb="case_import.confirmed",
            target=locked,
            detail={"cases": locked.case_count, "events": locked.event_count},
        )
    return locked


def case_import_discard(*, user: User, case_import: CaseImport) -> None:
    with transaction.atomic():
        case_import.status = CaseImportStatus.DISCARDED
        case_import.content = ""
        case_import.finished_at = timezone.now()
        case_import.save(update_fields=["status", "content", "finished_at"])
        record_activity(
            actor=user, local_authority=user.local_authority, verb="case_import.discarded", target=case_import
        )


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), BATCH):
        yield items[i : i + BATCH]


def store_cases(*, local_authority: LocalAuthority, parsed: ParsedCases, today: date) -> None:
    """Upsert case records, replace their events and recompute their measures. Call inside a transaction."""
    la_id = local_authority.pk
    references = [c.reference for c in parsed.cases.values()]
    plan_ids: dict[str, int] = {}
    existing: dict[str, CaseRecord] = {}
    for chunk in _chunks(references):
        plan_ids.update(
            Plan.objects.filter(local_authority_id=la_id, reference__in=chunk).values_list("reference", "pk")
        )
        existing.update(
            {c.reference: c for c in CaseRecord.objects.filter(local_authority_id=la_id, reference__in=chunk)}
        )
    new = [
        CaseRecord(local_authority_id=la_id, reference=c.reference)
        for c in parsed.cases.values()
        if c.reference not in existing
    ]
    CaseRecord.objects.bulk_create(new, batch_size=BATCH)
    for chunk in _chunks([c.reference for c in new]):
        existing.update(
            {c.reference: c for c in CaseRecord.objects.filter(local_authority_id=la_id, reference__in=chunk)}
        )
    for parsed_case in parsed.cases.values():
        record = existing[parsed_case.reference]
        record.plan_id = plan_ids.get(parsed_case.reference)
        record.school = parsed_case.school or record.school
        record.date_of_birth = parsed_case.date_of_birth or record.date_of_birth
    records = list(existing.values())
    CaseRecord.objects.bulk_update(records, ["plan", "school", "date_of_birth"], batch_size=BATCH)
    ids = [r.pk for r in records]
    for i in range(0, len(ids), BATCH):
        CaseEvent.objects.filter(case_id__in=ids[i : i + BATCH]).delete()
        TimelinessMeasure.objects.filter(case_id__in=ids[i : i + BATCH]).delete()
    events = [
        CaseEvent(case_id=existing[c.reference].pk, kind=e.kind, on=e.on, detail=e.detail)
        for c in parsed.cases.values()
        for e in c.events
    ]
    CaseEvent.objects.bulk_create(events, batch_size=BATCH)
    measures = [
        m
        for c in parsed.cases.values()
        for m in measure_rows(
            la_id=la_id,
            record=existing[c.reference],
            case=Case(c.reference, tuple(c.events), c.date_of_birth),
            today=today,
        )
    ]
    TimelinessMeasure.objects.bulk_create(measures, batch_size=BATCH)


def measure_rows(*, la_id: int, record: CaseRecord, case: Case, today: date) -> list[TimelinessMeasure]:
    return [
        TimelinessMeasure(
            local_authority_id=la_id,
            case_id=record.pk,
            rule=m.rule,
            start=m.start,
            due=m.due,
            end=m.end,
            earliest=m.earliest,
            exceptions=",".join(m.exceptions),
            has_exception=bool(m.exceptions),
            detail=m.detail,
        )
        for m in measure_case(case, statutory_rules(), today=today)
    ]


def case_events(record: CaseRecord) -> Case:
    events = tuple(Event(e.on, e.kind, e.detail) for e in record.events.all())
    return Case(record.reference, events, record.date_of_birth)
