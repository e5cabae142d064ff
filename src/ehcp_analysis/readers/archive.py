"""Reading parts out of zip-based documents (DOCX, ODT) without trusting the archive.

A zip member can claim to be small and expand to gigabytes. Every read is capped by the real number of bytes
produced, and the archive as a whole is checked before anything is decompressed.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ehcp_analysis.readers import errors
from ehcp_analysis.readers.limits import Limits, MiB

ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def open_archive(path: Path, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except ZIP_ERRORS:
        errors.fail(errors.CORRUPT, "The document is damaged or incomplete and cannot be opened.")
    if len(infos) > limits.max_members:
        zf.close()
        errors.fail(errors.UNSAFE, "The document contains an unreasonable number of parts and was not opened.")
    if sum(i.file_size for i in infos) > limits.max_archive_bytes:
        zf.close()
        errors.fail(errors.UNSAFE, "The document would expand to an unreasonable size and was not opened.")
    return zf


def read_part(zf: zipfile.ZipFile, name: str, limits: Limits, *, required: bool = True) -> bytes | None:
    """The decompressed bytes of member ``name``, refusing to produce more than the per-part limit."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            errors.fail(errors.CORRUPT, "The document is incomplete: its main text part is missing.")
        return None
    if info.flag_bits & 0x1:
        errors.fail(errors.ENCRYPTED, "The document is password-protected. Remove the password and try again.")
    ratio_suspect = info.file_size > MiB and info.file_size > limits.max_ratio * max(info.compress_size, 1)
    if info.file_size > limits.max_part_bytes or ratio_suspect:
        errors.fail(errors.UNSAFE, "The document would expand to an unreasonable size and was not opened.")
    try:
        with zf.open(info) as fh:
            # The declared size can lie: read one byte past the limit to know if it did.
            data = fh.read(limits.max_part_bytes + 1)
    except ZIP_ERRORS:
        errors.fail(errors.CORRUPT, "The document is damaged or incomplete and cannot be read.")
    if len(data) > limits.max_part_bytes:
        errors.fail(errors.UNSAFE, "The document would expand to an unreasonable size and was not opened.")
    return data
