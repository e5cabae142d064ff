"""Hard limits that keep a hostile or broken file from exhausting memory or time.

The numbers are generous for real plans (a long plan is a few hundred kilobytes of XML and under 100 pages) and
small enough that one bad upload cannot take the server down.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 2**20


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MiB  # size of the file on disk
    max_part_bytes: int = 32 * MiB  # one XML part of a DOCX / ODT once decompressed (a long plan: under 2 MiB)
    max_archive_bytes: int = 256 * MiB  # all members of a zip, as declared
    max_members: int = 5_000  # entries in a zip
    max_ratio: int = 200  # decompressed / compressed for one member above 1 MiB
    max_pages: int = 2_000  # PDF pages
    max_blocks: int = 200_000  # paragraphs and table rows in one document
    max_text_chars: int = 20_000_000  # characters of extracted text


DEFAULT_LIMITS = Limits()
