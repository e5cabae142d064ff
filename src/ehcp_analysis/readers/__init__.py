"""Read a plan document (DOCX, PDF, ODT or plain text) into the shared document model.

``read_document`` is the one entry point: it checks the file, works out its real type from its content, extracts
blocks with the matching reader, places them into sections A-K and pulls out the plan details. Every failure is a
``ReadError`` with a code from ``errors.ERROR_CODES`` and a plain-English message; nothing else escapes.
``iter_documents`` does the same for many paths, one document at a time, so memory stays flat over a directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ehcp_analysis import metadata as metadata_mod
from ehcp_analysis.model import Block, PlanDocument, ReadError
from ehcp_analysis.readers import errors
from ehcp_analysis.readers.docx import read_docx_parts
from ehcp_analysis.readers.limits import DEFAULT_LIMITS, Limits
from ehcp_analysis.readers.odt import read_odt
from ehcp_analysis.readers.pdf import read_pdf
from ehcp_analysis.readers.sniff import HEAD_BYTES, sniff
from ehcp_analysis.readers.text import read_text
from ehcp_analysis.sections import segment

__all__ = ["DOCUMENT_SUFFIXES", "ReadError", "iter_documents", "read_document"]

# Files picked up when walking a directory. A file named explicitly is always read, whatever its name.
DOCUMENT_SUFFIXES: frozenset[str] = frozenset({".docx", ".pdf", ".txt", ".text", ".odt", ".doc", ".docm"})


def read_document(path: Path, *, max_bytes: int = 50 * 2**20, ocr: bool = False) -> PlanDocument:
    """Read one plan document; raise ``ReadError`` when it cannot be read.

    ``ocr``: recognise the text of a scanned PDF with Tesseract when it is installed (slow; off by default).
    """
    limits = DEFAULT_LIMITS if max_bytes == DEFAULT_LIMITS.max_bytes else Limits(max_bytes=max_bytes)
    path = Path(path)
    try:
        return _read(path, limits, ocr=ocr)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(errors.TOO_LARGE, "The document is too large to read.") from None
    except RecursionError:
        raise ReadError(errors.UNSAFE, "The document structure is nested too deeply and was not read.") from None
    except Exception:  # noqa: BLE001 - a damaged file must never surface as a traceback
        raise ReadError(
            errors.CORRUPT, "The document is damaged or in an unexpected form and could not be read."
        ) from None


def _read(path: Path, limits: Limits, *, ocr: bool = False) -> PlanDocument:
    try:
        st = path.stat()
    except OSError:
        errors.fail(errors.UNREADABLE, "The file does not exist or cannot be opened.")
    if not path.is_file():
        errors.fail(errors.UNREADABLE, "The path is not a file.")
    if st.st_size == 0:
        errors.fail(errors.EMPTY, "The file is empty.")
    if st.st_size > limits.max_bytes:
        errors.fail(errors.TOO_LARGE, f"The file is larger than the limit of {_size(limits.max_bytes)}.")
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        errors.fail(errors.UNREADABLE, "The file cannot be opened (check its permissions).")
    fmt = sniff(path, head)
    pages: int | None = None
    running: list[str] = []
    used_ocr = False
    if fmt == "pdf":
        blocks, pages, running, used_ocr = read_pdf(path, limits, ocr=ocr)
    elif fmt == "docx":
        blocks, running = read_docx_parts(path, limits)
    elif fmt == "odt":
        blocks = read_odt(path, limits)
    else:
        blocks = read_text(path.read_bytes(), limits)
    document = build_document(str(path), fmt, blocks, pages=pages, running=running, limits=limits)
    document.ocr = used_ocr
    return document


def _size(n: int) -> str:
    return f"{n / 2**20:g} MB" if n >= 2**20 else f"{n / 1024:g} KB" if n >= 1024 else f"{n} bytes"


def build_document(
    source: str,
    fmt: str,
    blocks: list[Block],
    *,
    pages: int | None = None,
    running: list[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PlanDocument:
    """Number the blocks, place them into sections and read the plan details."""
    if not any(b.text.strip() for b in blocks):
        errors.fail(errors.EMPTY, "The document has no text.")
    characters = 0
    table = -1
    for i, block in enumerate(blocks):
        block.index = i
        characters += len(block.text)
        if block.row is not None:
            if block.row == 1:
                table += 1
            block.table = table
    if characters > limits.max_text_chars:
        errors.fail(errors.TOO_LARGE, "The document holds more text than a single plan could.")
    sections, unplaced = segment(blocks, formatted=fmt != "txt")
    placed = [b for s in {id(s): s for s in sections.values()}.values() for b in s.blocks]
    placed.sort(key=lambda b: b.index)
    meta = metadata_mod.extract(unplaced, placed, running or [])
    return PlanDocument(
        source=source,
        format=fmt,
        pages=pages,
        characters=characters,
        sections=sections,
        unplaced=unplaced,
        metadata=meta,
        running_text=running or [],
    )


def iter_documents(
    paths: Iterable[Path | str], *, max_bytes: int = 50 * 2**20, ocr: bool = False
) -> Iterator[tuple[Path, PlanDocument | ReadError]]:
    """Each document under ``paths`` (files as given, directories walked in sorted order), read one at a time."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield file, _try_read(file, max_bytes, ocr)
        else:
            yield path, _try_read(path, max_bytes, ocr)


def _try_read(path: Path, max_bytes: int, ocr: bool) -> PlanDocument | ReadError:
    try:
        return read_document(path, max_bytes=max_bytes, ocr=ocr)
    except ReadError as exc:
        return exc


def _walk(root: Path) -> Iterator[Path]:
    """Plan files under ``root`` in a stable order, skipping hidden files and Office lock files ("~$name.docx")."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith((".", "~$")):
                continue
            if os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES:
                yield Path(dirpath) / name
