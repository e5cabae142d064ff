"""Decide what a file really is from its first bytes, never from its extension.

Councils rename files, e-mail systems mangle extensions and a ``.docx`` can be a PDF. The reader is chosen from
the content; the extension is only used in the error message for legacy formats.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ehcp_analysis.readers import errors

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a normal archive, an empty archive
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Other binary formats people upload by mistake; named so the message can say what the file looked like.
OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"II*\x00", "an image"),
    (b"MM\x00*", "an image"),
    (b"{\\rtf", "a rich-text (RTF) file"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"Rar!", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
    (b"%!PS", "a PostScript file"),
)
HEAD_BYTES = 8192


def sniff(path: Path, head: bytes) -> str:
    """Return "pdf", "docx", "odt" or "txt" for ``path`` whose first bytes are ``head``; raise ReadError otherwise."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        _ole(path, head)
    for magic, what in OTHER_MAGIC:
        if head.startswith(magic):
            errors.fail(
                errors.UNSUPPORTED_FORMAT, f"The file looks like {what}, not a plan document (DOCX, PDF or text)."
            )
    if _looks_like_text(head):
        return "txt"
    errors.fail(errors.UNSUPPORTED_FORMAT, "The file is not a DOCX, PDF, ODT or plain text document.")


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200 and zf.read("mimetype").strip() == ODT_MIMETYPE:
                    return "odt"
    except zipfile.BadZipFile:
        errors.fail(errors.CORRUPT, "The file is a damaged or incomplete archive (a DOCX is a zip archive).")
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        errors.fail(errors.CORRUPT, "The file is a damaged or incomplete archive (a DOCX is a zip archive).")
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("word/") for n in names):
        errors.fail(errors.CORRUPT, "The Word document is incomplete: its main text part is missing.")
    if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
        errors.fail(errors.UNSUPPORTED_FORMAT, "The file is a spreadsheet or presentation, not a plan document.")
    errors.fail(errors.UNSUPPORTED_FORMAT, "The file is a zip archive, not a plan document.")


def _ole(path: Path, head: bytes) -> None:
    """OLE compound files are legacy Word/Excel files, or modern Office files protected with a password."""
    # The directory of an encrypted OOXML package names the stream "EncryptedPackage" (UTF-16LE). The directory
    # is small and near the start in practice, so a bounded scan is enough and avoids a full OLE parser.
    with path.open("rb") as fh:
        chunk = fh.read(4 * 2**20)
    if "EncryptedPackage".encode("utf-16-le") in chunk:
        errors.fail(errors.ENCRYPTED, "The Office document is password-protected. Remove the password and try again.")
    if "WordDocument".encode("utf-16-le") in chunk or path.suffix.lower() == ".doc":
        errors.fail(
            errors.LEGACY_FORMAT,
            "The file is an old-style Word document (.doc). Open it in Word and save it as .docx, or as PDF.",
        )
    errors.fail(errors.UNSUPPORTED_FORMAT, "The file is an old-style Office file, not a plan document.")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return False
    # Allow tabs, newlines, form feeds; anything else below 0x20 in quantity means binary.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= max(2, len(head) // 200)
