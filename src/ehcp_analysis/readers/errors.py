"""Error codes for documents that cannot be read, and the messages that go with them.

Messages are plain English for the person who uploaded the file. They never contain text from the document (it
may hold personal data) and never a traceback.
"""

from __future__ import annotations

from typing import NoReturn

from ehcp_analysis.model import ReadError

EMPTY = "empty"  # zero bytes, or a document with no paragraphs at all
TOO_LARGE = "too-large"  # file, page count or extracted text above the limits
UNSUPPORTED_FORMAT = "unsupported-format"  # not DOCX, PDF, ODT or text (images, RTF, spreadsheets...)
LEGACY_FORMAT = "legacy-format"  # old binary Word .doc (OLE); must be saved as .docx
CORRUPT = "corrupt"  # damaged or truncated DOCX / PDF / ODT
ENCRYPTED = "encrypted"  # password-protected PDF or Office file
NO_TEXT = "no-text"  # a scanned or image-only PDF
UNSAFE = "unsafe-content"  # zip bomb, XML entity expansion, absurd nesting
UNREADABLE = "unreadable"  # missing file, a directory, no permission

ERROR_CODES: tuple[str, ...] = (
    EMPTY,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    LEGACY_FORMAT,
    CORRUPT,
    ENCRYPTED,
    NO_TEXT,
    UNSAFE,
    UNREADABLE,
)


def fail(code: str, message: str) -> NoReturn:
    assert code in ERROR_CODES, code
    raise ReadError(code, message)
