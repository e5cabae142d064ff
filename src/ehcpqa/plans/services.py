"""Writes for the plan register. Each public function is one transaction that also records who did what."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import User
from ehcpqa.analysis.services import analysis_run_queue
from ehcpqa.plans import uploads
from ehcpqa.plans.csv_import import CsvFileError, ParsedCsv, PlanRow, RowError, decode, parse_plan_csv
from ehcpqa.plans.models import ImportStatus, Plan, PlanImport, PlanVersion, UploadBatch
from ehcpqa.plans.selectors import case_officer_lookup
from ehcpqa.plans.uploads import SpooledFile, UploadRefused

MAX_CSV_ROWS = 20_000


class ImportInvalid(Exception):
    """The import has row errors; nothing was saved."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


# --- CSV import ---------------------------------------------------------------------------------------------------


@dataclass
class PreviewRow:
    row: PlanRow
    plan: Plan | None  # the existing plan it updates, or None when it creates one
    changes: list[str] = field(default_factory=list)  # field names that would change


@dataclass
class ImportPreview:
    parsed: ParsedCsv
    rows: list[PreviewRow]

    @property
    def to_create(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.plan is None]

    @property
    def to_update(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.plan is not None and r.changes]

    @property
    def unchanged(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.plan is not None and not r.changes]


def _parse(user: User, content: bytes) -> ParsedCsv:
    return parse_plan_csv(
        content, case_officers=case_officer_lookup(user), today=timezone.localdate(), max_rows=MAX_CSV_ROWS
    )


def _preview(user: User, parsed: ParsedCsv) -> ImportPreview:
    existing = {p.reference.lower(): p for p in Plan.objects.filter(local_authority=user.local_authority_id)}
    rows = []
    for row in parsed.rows:
        plan = existing.get(row.reference.lower())
        changes = [] if plan is None else _changed_fields(plan, row)
        rows.append(PreviewRow(row=row, plan=plan, changes=changes))
    return ImportPreview(parsed=parsed, rows=rows)


def _changed_fields(plan: Plan, row: PlanRow) -> list[str]:
    changed = [name for name, value in row.values.items() if getattr(plan, name) != value]
    if plan.case_officer_id != row.case_officer_id:
        changed.append("case_officer")
    return changed


def plan_import_upload(*, user: User, upload: UploadedFile[Any]) -> tuple[PlanImport | None, ImportPreview]:
    """Check an uploaded CSV. When every row is valid, keep it for confirmation and return the stored import.

    Raises UploadRefused or CsvFileError when the file as a whole cannot be used. With row errors, nothing is
    stored and the preview carries the errors.
    """
    with uploads.private_tempdir() as folder:
        spooled = uploads.spool_upload(upload, folder, limit=uploads.max_csv_bytes())
        content = spooled.path.read_bytes()
    preview = _preview(user, _parse(user, content))
    if not preview.parsed.ok:
        return None, preview
    with transaction.atomic():
        plan_import = PlanImport.objects.create(
            local_authority_id=user.local_authority_id,
            uploaded_by=user,
            original_filename=spooled.name[:255],
            sha256=spooled.sha256,
            content=decode(content),
        )
        record_activity(
            actor=user,
            local_authority=user.local_authority,
            verb="plan_import.uploaded",
            target=plan_import,
            detail={"rows": len(preview.rows)},
        )
    return plan_import, preview


def plan_import_preview(*, user: User, plan_import: PlanImport) -> ImportPreview:
    """The preview of a stored import, checked again against the register as it is now."""
    return _preview(user, _parse(user, plan_import.content.encode("utf-8")))


def plan_import_confirm(*, user: User, plan_import: PlanImport) -> PlanImport:
    """Create and update every plan in the import, or nothing at all."""
    if plan_import.status != ImportStatus.PREVIEWED:
        raise CsvFileError("This import has already been confirmed or discarded.")
    with transaction.atomic():
        plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
        if plan_import.status != ImportStatus.PREVIEWED:  # confirmed in another tab meanwhile
            raise CsvFileError("This import has already been confirmed or discarded.")
        preview = plan_import_preview(user=user, plan_import=plan_import)
        if not preview.parsed.ok:
            raise ImportInvalid(preview.parsed.errors)
        created = updated = 0
        for item in preview.rows:
            if item.plan is None:
                plan = Plan.objects.create(
                    local_authority_id=user.local_authority_id,
                    reference=item.row.reference,
                    case_officer_id=item.row.case_officer_id,
                    **item.row.values,
                )
                record_activity(
                    actor=user,
                    local_authority=user.local_authority,
                    verb="plan.created",
                    target=plan,
                    detail={"import": plan_import.pk},
                )
                created += 1
            elif item.changes:
                plan = item.plan
                for name, value in item.row.values.items():
                    setattr(plan, name, value)
                plan.case_officer_id = item.row.case_officer_id
                plan.save()
                # Field names only: the values may be personal data.
                record_activity(
                    actor=user,
                    local_authority=user.local_authority,
                    verb="plan.updated",
                    target=plan,
                    detail={"import": plan_import.pk, "fields": item.changes},
                )
                updated += 1
        plan_import.status = ImportStatus.CONFIRMED
        plan_import.created_count = created
        plan_import.updated_count = updated
        plan_import.content = ""
        plan_import.finished_at = timezone.now()
        plan_import.save()
        record_activity(
            actor=user,
            local_authority=user.local_authority,
            verb="plan_import.confirmed",
            target=plan_import,
            detail={"created": created, "updated": updated},
        )
    return plan_import


def plan_import_discard(*, user: User, plan_import: PlanImport) -> PlanImport:
    with transaction.atomic():
        if plan_import.status == ImportStatus.PREVIEWED:
            plan_import.status = ImportStatus.DISCARDED
            plan_import.content = ""
            plan_import.finished_at = timezone.now()
            plan_import.save()
            record_activity(
                actor=user, local_authority=user.local_authority, verb="plan_import.discarded", target=plan_import
            )
    return plan_import


# --- Plan documents -----------------------------------------------------------------------------------------------


def _new_version(
    *,
    plan: Plan,
    spooled: SpooledFile,
    user: User | None,
    batch: UploadBatch | None,
    stored: list[str],
    queue_analysis: bool = True,
) -> PlanVersion:
    """Store the file and create the version and (normally) its queued analysis run. Call inside a transaction."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # serialise version numbers per plan
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PlanVersion(
        plan=plan,
        number=number,
        original_filename=spooled.name[:255],
        sha256=spooled.sha256,
        size=spooled.size,
        format=spooled.format,
        uploaded_by=user,
        batch=batch,
    )
    with spooled.path.open("rb") as fh:
        version.document.save(spooled.sha256, File(fh), save=False)
    stored.append(version.document.name or "")
    version.save()
    if queue_analysis:
        analysis_run_queue(version=version, requested_by=user)
    if user is not None:
        record_activity(
            actor=user,
            local_authority=plan.local_authority,
            verb="plan_version.uploaded",
            target=version,
            detail={"plan": plan.pk, "number": number, "format": spooled.format, "batch": batch.pk if batch else None},
        )
    return version


def _existing_version_with(plan: Plan, sha256: str) -> PlanVersion | None:
    return plan.versions.filter(sha256=sha256).first()


def _delete_stored(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def plan_version_upload(
    *, user: User | None, plan: Plan, upload: UploadedFile[Any] | Path, queue_analysis: bool = True
) -> PlanVersion:
    """Add one document to a plan as its next version. Raises UploadRefused and leaves the plan as it was.

    ``queue_analysis=False`` is for the demo seed, which analyses many documents itself in a process pool.
    """
    with uploads.private_tempdir() as folder:
        if isinstance(upload, Path):
            with upload.open("rb") as fh:
                size, sha256 = uploads.copy_capped(fh, folder / "upload", limit=settings.MAX_UPLOAD_BYTES)
            spooled = SpooledFile(path=folder / "upload", name=upload.name, size=size, sha256=sha256)
        else:
            spooled = uploads.spool_upload(upload, folder, limit=settings.MAX_UPLOAD_BYTES)
        uploads.detect_format(spooled)
        same = _existing_version_with(plan, spooled.sha256)
        if same is not None:
            raise UploadRefused(f"This document is already version {same.number} of the plan.")
        stored: list[str] = []
        try:
            with transaction.atomic():
                return _new_version(
                    plan=plan, spooled=spooled, user=user, batch=None, stored=stored, queue_analysis=queue_analysis
                )
        except BaseException:
            _delete_stored(stored)  # the database rolled back; do not leave the file behind
            raise


def reference_candidates(filename: str) -> list[str]:
    """What a file name may say the plan reference is: "REF123.docx", "REF123 - anything.pdf", "REF123_v2.docx"."""
    stem = PurePosixPath(filename).stem.strip()
    candidates = [stem, stem.split(" - ")[0].strip(), re.split(r"[\s_]+", stem)[0]]
    return [c for i, c in enumerate(candidates) if c and c not in candidates[:i]]


def plan_documents_zip_upload(*, user: User, upload: UploadedFile[Any]) -> UploadBatch:
    """Add the documents in a ZIP to the plans their file names refer to.

    The ZIP as a whole is refused (UploadRefused, nothing saved) when it is not a ZIP or breaks the size limits.
    Single files that cannot be used are listed on the batch with the reason; the others are saved together.
    """
    plans = {p.reference.lower(): p for p in Plan.objects.filter(local_authority_id=user.local_authority_id)}
    with uploads.private_tempdir() as folder:
        archive = uploads.spool_upload(upload, folder, limit=settings.MAX_UPLOAD_BYTES)
        if not uploads.is_zip(archive):
            raise UploadRefused("The file is not a ZIP archive. Upload a .zip of plan documents.")
        members = uploads.extract_archive(
            archive.path,
            folder,
            max_member_bytes=settings.MAX_UPLOAD_BYTES,
            max_total_bytes=settings.MAX_ZIP_EXPANDED_BYTES,
            max_members=uploads.max_zip_members(),
        )
        skipped: list[dict[str, Any]] = []
        accepted: list[tuple[Plan, SpooledFile]] = []
        taken: set[int] = set()
        for member in members:
            if member.spooled is None:
                skipped.append({"name": member.name, "reason": member.reason})
                continue
            plan = next((plans[c.lower()] for c in reference_candidates(member.name) if c.lower() in plans), None)
            if plan is None:
                skipped.append(
                    {
                        "name": member.name,
                        "reason": "No plan in the register has the reference this file name starts with.",
                    }
                )
                continue
            try:
                uploads.detect_format(member.spooled)
            except UploadRefused as exc:
                skipped.append({"name": member.name, "reason": str(exc)})
                continue
            if plan.pk in taken:
                skipped.append(
                    {"name": member.name, "reason": f"Another file in the ZIP is for plan {plan.reference}."}
                )
                continue
            same = _existing_version_with(plan, member.spooled.sha256)
            if same is not None:
                skipped.append(
                    {
                        "name": member.name,
                        "reason": f"Already uploaded as version {same.number} of plan {plan.reference}.",
                    }
                )
                continue
            taken.add(plan.pk)
            accepted.append((plan, member.spooled))
        stored: list[str] = []
        try:
            with transaction.atomic():
                batch = UploadBatch.objects.create(
                    local_authority_id=user.local_authority_id,
                    uploaded_by=user,
                    original_filename=archive.name[:255],
                    sha256=archive.sha256,
                    size=archive.size,
                    skipped=skipped,
                )
                record_activity(
                    actor=user,
                    local_authority=user.local_authority,
                    verb="upload_batch.uploaded",
                    target=batch,
                    detail={"files": len(members), "accepted": len(accepted), "skipped": len(skipped)},
                )
                for plan, spooled in accepted:
                    _new_version(plan=plan, spooled=spooled, user=user, batch=batch, stored=stored)
        except BaseException:
            _delete_stored(stored)
            raise
    return batch


def plan_version_opened(*, user: User, version: PlanVersion, verb: str) -> None:
    """Record that someone saw or downloaded a plan document (PRODUCT.md section 10)."""
    record_activity(
        actor=user,
        local_authority=version.plan.local_authority,
        verb=verb,
        target=version,
        detail={"plan": version.plan_id},
    )
