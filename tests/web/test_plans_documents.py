"""Plan documents: one at a time or a ZIP of many, kept as uploaded, checked by content, analysed in the background."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from django.core.handlers.wsgi import LimitedStream
from django.test import RequestFactory
from django.urls import reverse

from ehcpqa.accounts.models import ActivityRecord
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.plans import views
from ehcpqa.plans.models import PlanVersion, UploadBatch
from tests.web.conftest import Personas
from tests.web.plan_fixtures import PLAN_TEXT, PNG_BYTES, make_plan, make_zip, media_root, upload  # noqa: F401

pytestmark = pytest.mark.django_db


def stored_files(root: Path) -> list[Path]:
    return [p for p in (root / "plans").rglob("*") if p.is_file()] if (root / "plans").exists() else []


def test_upload_keeps_the_file_with_its_checksum_and_analyses_it(personas: Personas, media_root: Path) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    content = PLAN_TEXT.encode()
    client = personas.client_for(personas.qa_lead)
    response = client.post(reverse("plans:upload", args=[plan.pk]), {"file": upload("Robin's plan.txt", content)})
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert (version.number, version.format, version.size) == (1, "txt", len(content))
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert version.uploaded_by == personas.qa_lead
    path = Path(version.document.path)
    assert path.read_bytes() == content
    assert media_root in path.parents
    assert "Robin" not in version.document.name  # the stored name never carries the uploaded name
    run = AnalysisRun.objects.get(version=version)
    assert run.status == RunStatus.DONE
    assert run.document["sections"]
    assert StoredFinding.objects.filter(run=run).exists()
    assert ActivityRecord.objects.filter(verb="plan_version.uploaded", object_id=str(version.pk)).exists()


def test_second_upload_becomes_version_two_and_an_identical_file_is_refused(
    personas: Personas, media_root: Path
) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    client = personas.client_for(personas.qa_lead)
    url = reverse("plans:upload", args=[plan.pk])
    client.post(url, {"file": upload("a.txt", PLAN_TEXT.encode())})
    client.post(url, {"file": upload("b.txt", (PLAN_TEXT + "\nAmended.").encode())})
    response = client.post(url, {"file": upload("c.txt", PLAN_TEXT.encode())})
    assert response.status_code == 400
    assert "already version 1" in response.content.decode()
    assert list(plan.versions.order_by("number").values_list("number", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", PNG_BYTES, "looks like an image"),
        ("plan.pdf", b"", "The file is empty"),
        ("plan.docx", make_zip({"notes.txt": b"hello"}), "zip archive, not a plan document"),
    ],
    ids=["image-named-docx", "empty", "zip-named-docx"],
)
def test_a_file_that_is_not_a_plan_document_is_refused_and_nothing_changes(
    personas: Personas,
    media_root: Path,
    name: str,
    content: bytes,
    message: str,  # noqa: F811
) -> None:
    plan = make_plan(personas.la)
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload", args=[plan.pk]), {"file": upload(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlanVersion.objects.exists()
    assert not AnalysisRun.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_over_the_limit_is_refused(personas: Personas, media_root: Path, settings) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    settings.MAX_UPLOAD_BYTES = 1000
    plan = make_plan(personas.la)
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload", args=[plan.pk]), {"file": upload("p.txt", PLAN_TEXT.encode() * 3)}
    )
    assert response.status_code == 413
    assert "larger than the limit of 1000 bytes" in response.content.decode()
    assert not PlanVersion.objects.exists()


class CountingInput(io.RawIOBase):
    """A request body that claims to be 200 MB and counts how much of it anyone reads."""

    def __init__(self, prefix: bytes) -> None:
        self.prefix = prefix
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        size = len(buffer)
        data = (self.prefix[self.read_bytes : self.read_bytes + size] or b"x" * size)[:size]
        buffer[: len(data)] = data
        self.read_bytes += len(data)
        return len(data)


def test_a_200_mb_upload_is_refused_without_reading_the_body(personas: Personas, media_root: Path) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    boundary = "BoUnDaRy"
    prefix = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    ).encode()
    body = CountingInput(prefix)
    declared = 200 * 2**20
    request = RequestFactory().generic(
        "POST",
        reverse("plans:upload", args=[plan.pk]),
        data=prefix,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    # Swap the body for one that claims 200 MB; the handler must refuse before reading it.
    request.META["CONTENT_LENGTH"] = str(declared)
    request._stream = LimitedStream(body, declared)
    request.user = personas.qa_lead
    request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
    response = views.upload_document(request, plan_id=plan.pk)
    assert response.status_code == 413
    assert "larger than the limit" in response.content.decode()
    assert body.read_bytes < 2 * 2**20  # only the first chunk or so was ever read
    assert not PlanVersion.objects.exists()


def test_case_officer_uploads_to_own_plans_only(personas: Personas, media_root: Path) -> None:  # noqa: F811
    own = make_plan(personas.la, "EHC-OWN", case_officer=personas.case_officer)
    other = make_plan(personas.la, "EHC-OTHER")
    client = personas.client_for(personas.case_officer)
    assert (
        client.post(reverse("plans:upload", args=[own.pk]), {"file": upload("a.txt", PLAN_TEXT.encode())}).status_code
        == 302
    )
    assert (
        client.post(reverse("plans:upload", args=[other.pk]), {"file": upload("a.txt", PLAN_TEXT.encode())}).status_code
        == 403
    )
    assert client.get(reverse("plans:upload", args=[other.pk])).status_code == 403


@pytest.mark.parametrize(
    ("persona", "status"), [("auditor", 403), ("moderator", 403), ("board_viewer", 403), ("outsider", 404)]
)
def test_others_cannot_upload(personas: Personas, media_root: Path, persona: str, status: int) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    client = personas.client_for(getattr(personas, persona))
    response = client.post(reverse("plans:upload", args=[plan.pk]), {"file": upload("a.txt", PLAN_TEXT.encode())})
    assert response.status_code == status
    assert not PlanVersion.objects.exists()


def test_download_gives_the_original_under_a_neutral_name_and_is_recorded(personas: Personas, media_root: Path) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    client = personas.client_for(personas.qa_lead)
    client.post(reverse("plans:upload", args=[plan.pk]), {"file": upload("Robin Testperson.txt", PLAN_TEXT.encode())})
    version = PlanVersion.objects.get()
    response = client.get(reverse("plans:download", args=[version.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PLAN_TEXT.encode()  # type: ignore[attr-defined]
    assert 'filename="EHC-0001-v1.txt"' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    assert ActivityRecord.objects.filter(verb="plan_version.downloaded", actor=personas.qa_lead).count() == 1


@pytest.mark.parametrize(
    ("persona", "status"), [("auditor", 403), ("board_viewer", 403), ("case_officer", 403), ("outsider", 404)]
)
def test_download_is_refused_to_those_who_must_not_see_identity(
    personas: Personas,
    media_root: Path,
    persona: str,  # noqa: F811
    status: int,
) -> None:
    plan = make_plan(personas.la)
    personas.client_for(personas.qa_lead).post(
        reverse("plans:upload", args=[plan.pk]), {"file": upload("a.txt", PLAN_TEXT.encode())}
    )
    version = PlanVersion.objects.get()
    response = personas.client_for(getattr(personas, persona)).get(reverse("plans:download", args=[version.pk]))
    assert response.status_code == status


def test_rerun_makes_a_new_run_and_keeps_the_old_one(personas: Personas, media_root: Path) -> None:  # noqa: F811
    plan = make_plan(personas.la)
    client = personas.client_for(personas.qa_lead)
    client.post(reverse("plans:upload", args=[plan.pk]), {"file": upload("a.txt", PLAN_TEXT.encode())})
    version = PlanVersion.objects.get()
    first = AnalysisRun.objects.get()
    first_findings = list(first.findings.values_list("code", "evidence_text"))
    response = client.post(reverse("plans:rerun", args=[version.pk]))
    assert response.status_code == 302
    runs = list(AnalysisRun.objects.order_by("created_at", "pk"))
    assert len(runs) == 2 and runs[0].pk == first.pk
    assert list(runs[0].findings.values_list("code", "evidence_text")) == first_findings
    assert runs[1].status == RunStatus.DONE
    assert ActivityRecord.objects.filter(verb="analysis.rerun-requested").count() == 1
    assert personas.client_for(personas.outsider).post(reverse("plans:rerun", args=[version.pk])).status_code == 404
    assert personas.client_for(personas.auditor).post(reverse("plans:rerun", args=[version.pk])).status_code == 403


# --- ZIP of many ----------------------------------------------------------------------------------------------------


def test_zip_adds_matched_documents_and_reports_the_rest(personas: Personas, media_root: Path) -> None:  # noqa: F811
    first = make_plan(personas.la, "EHC-0001")
    second = make_plan(personas.la, "EHC-0002")
    archive = make_zip(
        {
            "export/EHC-0001.txt": PLAN_TEXT.encode(),
            "EHC-0002 - annual review.txt": (PLAN_TEXT + "\nReviewed.").encode(),
            "EHC-9999.txt": PLAN_TEXT.encode(),
            "EHC-0001 photo.png": PNG_BYTES,
            "__MACOSX/._EHC-0001.txt": b"junk",
        }
    )
    client = personas.client_for(personas.qa_lead)
    response = client.post(reverse("plans:upload-zip"), {"file": upload("plans.zip", archive, "application/zip")})
    assert response.status_code == 302
    batch = UploadBatch.objects.get()
    assert response["Location"] == reverse("plans:batch", args=[batch.pk])
    assert set(batch.versions.values_list("plan__reference", flat=True)) == {"EHC-0001", "EHC-0002"}
    assert first.versions.count() == 1 and second.versions.count() == 1
    reasons = {item["name"]: item["reason"] for item in batch.skipped}
    assert set(reasons) == {"EHC-9999.txt", "EHC-0001 photo.png"}
    assert "No plan" in reasons["EHC-9999.txt"]
    assert "image" in reasons["EHC-0001 photo.png"]

    html = client.get(response["Location"]).content.decode()
    assert "All 2 documents analysed" in html
    assert "<progress" in html
    assert "EHC-9999.txt" in html
    fragment = client.get(response["Location"], headers={"HX-Request": "true"})
    assert fragment.status_code == 286  # finished: tells htmx to stop polling
    assert fragment.content.decode().lstrip().startswith("<label")
    assert "hx-trigger" not in html


def test_batch_progress_counts_documents_still_waiting(personas: Personas, media_root: Path) -> None:  # noqa: F811
    make_plan(personas.la, "EHC-0001")
    make_plan(personas.la, "EHC-0002")
    client = personas.client_for(personas.qa_lead)
    archive = make_zip({"EHC-0001.txt": PLAN_TEXT.encode(), "EHC-0002.txt": (PLAN_TEXT + "x").encode()})
    client.post(reverse("plans:upload-zip"), {"file": upload("plans.zip", archive)})
    batch = UploadBatch.objects.get()
    AnalysisRun.objects.filter(version__plan__reference="EHC-0002").update(status=RunStatus.QUEUED)
    html = client.get(reverse("plans:batch", args=[batch.pk])).content.decode()
    assert "1 of 2 documents analysed" in html
    assert 'hx-trigger="every 2s"' in html
    assert 'http-equiv="refresh"' in html  # without JavaScript the page refreshes itself
    fragment = client.get(reverse("plans:batch", args=[batch.pk]), headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "1 of 2 documents analysed" in fragment.content.decode()


def test_zip_that_would_expand_past_the_limit_is_refused_whole(
    personas: Personas,
    media_root: Path,  # noqa: F811
    settings,
) -> None:  # type: ignore[no-untyped-def]
    settings.MAX_ZIP_EXPANDED_BYTES = 100_000
    make_plan(personas.la, "EHC-0001")
    make_plan(personas.la, "EHC-0002")
    archive = make_zip({"EHC-0001.txt": PLAN_TEXT.encode(), "EHC-0002.txt": b"a" * 200_000})
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload-zip"), {"file": upload("bomb.zip", archive)}
    )
    assert response.status_code == 400
    assert "would expand to" in response.content.decode()
    assert not UploadBatch.objects.exists()
    assert not PlanVersion.objects.exists()
    assert stored_files(media_root) == []


def test_zip_with_too_many_files_is_refused(personas: Personas, media_root: Path, settings) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    settings.MAX_ZIP_MEMBERS = 3
    archive = make_zip({f"EHC-{i}.txt": b"x" for i in range(4)})
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload-zip"), {"file": upload("m.zip", archive)}
    )
    assert response.status_code == 400
    assert "the limit is 3" in response.content.decode()
    assert not UploadBatch.objects.exists()


def test_zip_member_larger_than_it_declares_is_not_extracted_past_its_claim(
    personas: Personas, media_root: Path
) -> None:  # noqa: F811
    make_plan(personas.la, "EHC-0001")
    archive = bytearray(make_zip({"EHC-0001.txt": PLAN_TEXT.encode()}))
    # Rewrite the uncompressed size in the local header and the central directory to claim 10 bytes.
    real = len(PLAN_TEXT.encode()).to_bytes(4, "little")
    count = 0
    for offset in range(len(archive) - 4):
        if archive[offset : offset + 4] == real:
            archive[offset : offset + 4] = (10).to_bytes(4, "little")
            count += 1
    assert count >= 2
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload-zip"), {"file": upload("lies.zip", bytes(archive))}
    )
    if response.status_code == 302:
        batch = UploadBatch.objects.get()
        assert not batch.versions.exists()
        assert batch.skipped and "damaged" in batch.skipped[0]["reason"]
    else:
        assert response.status_code == 400
    assert not PlanVersion.objects.exists()


def test_a_file_that_is_not_a_zip_is_refused(personas: Personas, media_root: Path) -> None:  # noqa: F811
    response = personas.client_for(personas.qa_lead).post(
        reverse("plans:upload-zip"), {"file": upload("plans.zip", PLAN_TEXT.encode())}
    )
    assert response.status_code == 400
    assert "not a ZIP archive" in response.content.decode()


def test_zip_of_the_same_documents_twice_adds_nothing_new(personas: Personas, media_root: Path) -> None:  # noqa: F811
    make_plan(personas.la, "EHC-0001")
    archive = make_zip({"EHC-0001.txt": PLAN_TEXT.encode()})
    client = personas.client_for(personas.qa_lead)
    client.post(reverse("plans:upload-zip"), {"file": upload("a.zip", archive)})
    client.post(reverse("plans:upload-zip"), {"file": upload("a.zip", archive)})
    latest = UploadBatch.objects.order_by("-pk").first()
    assert latest is not None and not latest.versions.exists()
    assert "Already uploaded as version 1" in latest.skipped[0]["reason"]
    assert PlanVersion.objects.count() == 1


@pytest.mark.parametrize("persona", ["case_officer", "auditor", "board_viewer"])
def test_only_the_qa_lead_uploads_a_zip(personas: Personas, media_root: Path, persona: str) -> None:  # noqa: F811
    client = personas.client_for(getattr(personas, persona))
    assert client.get(reverse("plans:upload-zip")).status_code == 403
    assert (
        client.post(reverse("plans:upload-zip"), {"file": upload("a.zip", make_zip({"a.txt": b"x"}))}).status_code
        == 403
    )


def test_outsider_gets_404_for_another_authoritys_batch(personas: Personas, media_root: Path) -> None:  # noqa: F811
    make_plan(personas.la, "EHC-0001")
    personas.client_for(personas.qa_lead).post(
        reverse("plans:upload-zip"), {"file": upload("a.zip", make_zip({"EHC-0001.txt": PLAN_TEXT.encode()}))}
    )
    batch = UploadBatch.objects.get()
    assert personas.client_for(personas.outsider).get(reverse("plans:batch", args=[batch.pk])).status_code == 404


def test_outsider_zip_never_matches_another_authoritys_plans(personas: Personas, media_root: Path) -> None:  # noqa: F811
    make_plan(personas.la, "EHC-0001")
    personas.client_for(personas.outsider).post(
        reverse("plans:upload-zip"), {"file": upload("a.zip", make_zip({"EHC-0001.txt": PLAN_TEXT.encode()}))}
    )
    assert not PlanVersion.objects.exists()


def test_upload_views_still_check_the_csrf_token(personas: Personas, media_root: Path) -> None:  # noqa: F811
    from django.test import Client

    plan = make_plan(personas.la)
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.qa_lead)
    for url in [reverse("plans:upload", args=[plan.pk]), reverse("plans:upload-zip"), reverse("plans:import")]:
        response = client.post(url, {"file": upload("a.txt", PLAN_TEXT.encode())})
        assert response.status_code == 403, url
    assert not PlanVersion.objects.exists()
