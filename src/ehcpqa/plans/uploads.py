"""Receiving files without trusting them: size caps while the request streams in, checksums, type by content, and
ZIP archives opened with limits on both the sizes they declare and the bytes they really produce.

Nothing here writes to the database; services.py decides what to keep.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from ehcp_analysis.model import ReadError
from ehcp_analysis.readers.sniff import HEAD_BYTES, sniff

CHUNK = 64 * 1024
# Room for the other form fields and the multipart boundaries around the file itself.
FORM_OVERHEAD_BYTES = 64 * 1024
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
# Files that archiving tools add and nobody means to upload.
NOISE_PREFIXES = ("__MACOSX/",)
NOISE_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


class UploadRefused(Exception):
    """The upload cannot be used at all. The message is shown to the person who uploaded it."""


def max_zip_members() -> int:
    return int(getattr(settings, "MAX_ZIP_MEMBERS", 1000))


def max_csv_bytes() -> int:
    return int(getattr(settings, "MAX_CSV_BYTES", 5 * 2**20))


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB"):
        value /= 1024
        if value < 1024:
            return f"{value:.1f} {unit}".replace(".0 ", " ")
    return f"{value / 1024:.1f} GB".replace(".0 ", " ")


# --- Streaming size cap -------------------------------------------------------------------------------------------


class SizeCappedUploadHandler(FileUploadHandler):
    """Stops reading the request as soon as it is known to be too big.

    A request that declares a body larger than the cap is refused before any of the file is read; a request that
    declares nothing (or lies) is refused as soon as the bytes received pass the cap. Either way the view sees no
    file and ``upload_refused_as_too_large(request)`` is true, so it can say so clearly.
    """

    def __init__(self, request: HttpRequest, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.declared_too_large = False

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        self.declared_too_large = content_length > self.max_bytes + FORM_OVERHEAD_BYTES
        return None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.declared_too_large:
            self._refuse()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self) -> None:
        assert self.request is not None
        self.request.upload_refused_as_too_large = True  # type: ignore[attr-defined]
        # connection_reset: do not read the rest of the body just to throw it away.
        raise StopUpload(connection_reset=True)


def upload_refused_as_too_large(request: HttpRequest) -> bool:
    return bool(getattr(request, "upload_refused_as_too_large", False))


def size_capped_upload(
    max_bytes: Callable[[], int],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view that receives a file so the request body is capped while it streams in.

    Django's documented pattern: upload handlers must be set before the CSRF check reads the body, so the view is
    exempted, the handler installed, then the CSRF check applied to the inner view.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        protected = csrf_protect(view)

        @functools.wraps(view)
        @csrf_exempt
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                request.upload_handlers.insert(0, SizeCappedUploadHandler(request, max_bytes()))
            return protected(request, *args, **kwargs)

        return wrapper

    return decorate


# --- Spooling, checksums and type by content ---------------------------------------------------------------------


@dataclass
class SpooledFile:
    path: Path
    name: str  # the name it came with, for messages and the record; never used to build a path
    size: int
    sha256: str
    format: str = ""  # set by detect_format


@contextmanager
def private_tempdir() -> Iterator[Path]:
    """A temporary folder inside the private data folder (not /tmp, which may be shared), removed afterwards."""
    base = Path(settings.MEDIA_ROOT) / "tmp"
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copy_capped(source: IO[bytes], target: Path, *, limit: int) -> tuple[int, str]:
    """Copy ``source`` to ``target`` counting bytes; refuse as soon as it passes ``limit``. Returns size and sha256."""
    digest = hashlib.sha256()
    size = 0
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UploadRefused(f"The file is larger than the limit of {human_size(limit)}.")
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest()


def spool_upload(upload: UploadedFile[Any], folder: Path, *, limit: int) -> SpooledFile:
    if upload.size is not None and upload.size > limit:
        raise UploadRefused(f"The file is larger than the limit of {human_size(limit)}.")
    target = folder / "upload"
    upload.seek(0)
    size, sha256 = copy_capped(upload, target, limit=limit)
    if size == 0:
        raise UploadRefused("The file is empty.")
    return SpooledFile(path=target, name=Path(upload.name or "upload").name, size=size, sha256=sha256)


def detect_format(spooled: SpooledFile) -> str:
    """ "docx", "pdf", "odt" or "txt" from the content; UploadRefused with the reader's reason otherwise."""
    with spooled.path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    try:
        spooled.format = sniff(spooled.path, head)
    except ReadError as exc:
        raise UploadRefused(exc.message) from None
    return spooled.format


def is_zip(spooled: SpooledFile) -> bool:
    with spooled.path.open("rb") as fh:
        return fh.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


# --- ZIP archives of many plans ----------------------------------------------------------------------------------


@dataclass
class ArchiveMember:
    name: str  # as written in the archive, folders removed
    spooled: SpooledFile | None  # None when skipped
    reason: str = ""  # why it was skipped


def extract_archive(
    archive: Path, folder: Path, *, max_member_bytes: int, max_total_bytes: int, max_members: int
) -> list[ArchiveMember]:
    """Every file in the archive, extracted to ``folder`` under generated names.

    The archive as a whole is refused (UploadRefused) when it is not a ZIP, has too many entries, declares more than
    ``max_total_bytes`` in all, or produces more bytes than it declared (a ZIP bomb); nothing from it is kept then.
    A single unusable member (too large, password-protected, damaged) is skipped with a reason instead.
    """
    try:
        zf = zipfile.ZipFile(archive)
        infos = zf.infolist()
    except ZIP_ERRORS:
        raise UploadRefused("The file is not a ZIP archive, or it is damaged.") from None
    with zf:
        files = [i for i in infos if not i.is_dir()]
        if len(files) > max_members:
            raise UploadRefused(f"The ZIP holds {len(files):,} files; the limit is {max_members:,}. Split it up.")
        declared = sum(i.file_size for i in files)
        if declared > max_total_bytes:
            raise UploadRefused(
                f"The ZIP would expand to {human_size(declared)}; the limit is {human_size(max_total_bytes)}."
            )
        members: list[ArchiveMember] = []
        produced = 0
        for index, info in enumerate(files):
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            if info.filename.startswith(NOISE_PREFIXES) or name in NOISE_NAMES or name.startswith("._"):
                continue
            if info.flag_bits & 0x1:
                members.append(ArchiveMember(name, None, "The file is password-protected."))
                continue
            if info.file_size > max_member_bytes:
                members.append(ArchiveMember(name, None, f"The file is larger than {human_size(max_member_bytes)}."))
                continue
            target = folder / f"member-{index}"
            try:
                size, sha256 = _extract_member(zf, info, target, budget=max_total_bytes - produced)
            except UploadRefused:
                raise
            except ZIP_ERRORS:
                members.append(ArchiveMember(name, None, "The file is damaged inside the ZIP."))
                continue
            produced += size
            if size == 0:
                members.append(ArchiveMember(name, None, "The file is empty."))
                continue
            members.append(ArchiveMember(name, SpooledFile(path=target, name=name, size=size, sha256=sha256)))
        return members


def _extract_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, *, budget: int) -> tuple[int, str]:
    # The declared size can lie: count the bytes really produced against both the declaration and the budget.
    limit = min(info.file_size, budget)
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as source, target.open("wb") as out:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UploadRefused("The ZIP expands to more than it declares, so it was not opened (a ZIP bomb?).")
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest()
