"""Helpers for the plan register tests: synthetic plan documents, CSV text, and a private media folder per test."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ehcpqa.accounts.models import User
from ehcpqa.plans.models import Plan

HEADER = (
    "reference,date_of_birth,year_group,primary_need,setting,setting_type,looked_after,request_date,"
    "issued_date,last_review_date,status,case_officer,team"
)

# A short synthetic plan in plain text: every section present, with wording the checks are known to flag.
PLAN_TEXT = """Education, Health and Care Plan
Name: Robin Testperson
Date of birth: 4 March 2012

Section A: Views, interests and aspirations
Robin enjoys building models and wants to work with animals when older. Robin says "I like quiet rooms".

Section B: Special educational needs
Robin has dyslexia.

Section C: Health needs
Robin has no health needs related to special educational needs.

Section D: Social care needs
Robin has no social care needs.

Section E: Outcomes
By July 2027 Robin will read a short book aloud with fewer than five errors.

Section F: Special educational provision
Robin will have access to speech and language therapy as required.

Section G: Health provision
None.

Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970
None.

Section H2: Other social care provision
None.

Section I: Placement
Oakfield Primary School, a maintained mainstream school.

Section J: Personal budget
Not applicable.

Section K: Advice and information
Educational psychologist advice, Dr A Sample, 1 March 2025.
"""

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@pytest.fixture(autouse=True)  # in every module that imports it
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Uploaded documents and temporary files go to a folder of this test only, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "private"
    return Path(settings.MEDIA_ROOT)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def csv_row(
    reference: str,
    *,
    case_officer: str = "case-officer",
    status: str = "final",
    dob: str = "2012-03-04",
    year: str = "9",
    need: str = "ASD",
    looked_after: str = "no",
) -> str:
    return (
        f"{reference},{dob},{year},{need},Oakfield Primary,Mainstream,{looked_after},2023-01-10,2023-05-30,"
        f"2024-05-01,{status},{case_officer},North team"
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def make_plan(la: Any, reference: str = "EHC-0001", *, case_officer: User | None = None, **fields: Any) -> Plan:
    defaults: dict[str, Any] = {"child_name": "Robin Testperson", "year_group": 9, "primary_need": "SpLD"}
    defaults.update(fields)
    return Plan.objects.create(local_authority=la, reference=reference, case_officer=case_officer, **defaults)
