"""Optional text recognition for scanned PDFs with Tesseract, when it is installed and the caller asks for it.

Off by default: OCR is slow (seconds a page), its text has errors, and the product must work without it. Each page
is rendered at 300 dpi by pdfium and passed to the ``tesseract`` command on stdin; nothing leaves the machine.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium

from ehcp_analysis.model import Block, BlockKind
from ehcp_analysis.readers.limits import Limits

DPI = 300
SECONDS_PER_PAGE = 120
MAX_OCR_PAGES = 200
_BLANK_LINE = re.compile(r"\n\s*\n")


def available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_pdf(path: Path, limits: Limits) -> list[Block]:
    """Paragraphs recognised on each page (blank lines separate them); empty when nothing was recognised."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return []
    blocks: list[Block] = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(doc), limits.max_pages, MAX_OCR_PAGES)):
            page = doc[index]
            try:
                image = page.render(scale=DPI / 72).to_pil()
            finally:
                page.close()
            png = io.BytesIO()
            image.save(png, format="PNG")
            try:
                done = subprocess.run(
                    [tesseract, "stdin", "stdout"],
                    input=png.getvalue(),
                    capture_output=True,
                    timeout=SECONDS_PER_PAGE,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired):
                return []
            text = done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""
            for para in _BLANK_LINE.split(text):
                joined = " ".join(para.split())
                if joined:
                    blocks.append(Block(kind=BlockKind.PARAGRAPH, text=joined, page=index + 1))
    finally:
        doc.close()
    return blocks
