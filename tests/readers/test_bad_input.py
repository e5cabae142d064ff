"""Every kind of bad input ends in a ReadError with a code and a plain message, never anything else."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from ehcp_analysis.model import ReadError
from ehcp_analysis.readers import archive, read_document
from ehcp_analysis.readers.errors import ERROR_CODES
from ehcp_analysis.readers.limits import Limits
from tests.readers.builders import (
    SIMPLE_PLAN,
    docx_bytes,
    encrypted_pdf,
    image_only_pdf,
    ole_file,
    pdf_bytes,
    replace_part,
)

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def read_error(path: Path, **kwargs: int) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_document(path, **kwargs)
    err = info.value
    assert err.code in ERROR_CODES
    # Plain English for a person: no traceback, no exception class names, no file paths.
    assert "Traceback" not in err.message and "Error" not in err.message and str(path) not in err.message
    return err


@pytest.fixture(scope="module")
def good_docx() -> bytes:
    return docx_bytes(SIMPLE_PLAN)


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return pdf_bytes([SIMPLE_PLAN[:4], SIMPLE_PLAN[4:]])


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").write_bytes(b"")
    assert read_error(tmp_path / "plan.docx").code == "empty"


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("\n   \n\t\n")
    assert read_error(tmp_path / "plan.txt").code == "empty"


def test_missing_file_and_directory_are_unreadable(tmp_path: Path) -> None:
    assert read_error(tmp_path / "nope.pdf").code == "unreadable"
    assert read_error(tmp_path).code == "unreadable"


def test_oversized_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("Section A: All about me\n" * 200)
    err = read_error(tmp_path / "plan.txt", max_bytes=1024)
    assert err.code == "too-large"
    assert "1 KB" in err.message


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.95])
def test_truncated_docx_is_corrupt(tmp_path: Path, good_docx: bytes, fraction: float) -> None:
    (tmp_path / "plan.docx").write_bytes(good_docx[: int(len(good_docx) * fraction)])
    assert read_error(tmp_path / "plan.docx").code == "corrupt"


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.95])
def test_truncated_pdf_is_corrupt(tmp_path: Path, good_pdf: bytes, fraction: float) -> None:
    (tmp_path / "plan.pdf").write_bytes(good_pdf[: int(len(good_pdf) * fraction)])
    assert read_error(tmp_path / "plan.pdf").code == "corrupt"


def test_password_protected_pdf(tmp_path: Path, good_pdf: bytes) -> None:
    path = encrypted_pdf(tmp_path / "plan.pdf", good_pdf)
    assert read_error(path).code == "encrypted"


def test_password_protected_office_file(tmp_path: Path) -> None:
    # Word saves a password-protected .docx as an OLE container holding an "EncryptedPackage" stream.
    (tmp_path / "plan.docx").write_bytes(ole_file("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert read_error(tmp_path / "plan.docx").code == "encrypted"


def test_image_only_pdf_has_no_text(tmp_path: Path) -> None:
    err = read_error(image_only_pdf(tmp_path / "scan.pdf"))
    assert err.code == "no-text"
    assert "scanned" in err.message


def test_legacy_doc(tmp_path: Path) -> None:
    (tmp_path / "plan.doc").write_bytes(ole_file("Root Entry", "WordDocument", "1Table"))
    err = read_error(tmp_path / "plan.doc")
    assert err.code == "legacy-format"
    assert ".docx" in err.message


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image"),
        (b"{\\rtf1\\ansi Section A}", "rich-text"),
        (bytes(range(256)) * 8, "not a DOCX"),
    ],
)
def test_other_formats_are_unsupported(tmp_path: Path, data: bytes, what: str) -> None:
    (tmp_path / "plan.docx").write_bytes(data)
    err = read_error(tmp_path / "plan.docx")
    assert err.code == "unsupported-format"
    assert what in err.message


def test_zip_that_is_not_a_document(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "plan.docx", "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert read_error(tmp_path / "plan.docx").code == "unsupported-format"


def test_docx_without_its_main_part_is_corrupt(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "plan.docx", "w") as zf:
        zf.writestr("word/styles.xml", "<styles/>")
    assert read_error(tmp_path / "plan.docx").code == "corrupt"


def test_malformed_xml_is_corrupt(tmp_path: Path, good_docx: bytes) -> None:
    bad = f"<w:document {W_NS}><w:body><w:p><w:r><w:t>Section A</w:t></w:r>".encode()
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/document.xml", bad))
    assert read_error(tmp_path / "plan.docx").code == "corrupt"


def test_billion_laughs_is_refused(tmp_path: Path, good_docx: bytes) -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
        )
        + f"]><w:document {W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/document.xml", lol))
    assert read_error(tmp_path / "plan.docx").code == "unsafe-content"


def test_entities_in_styles_part_are_refused_too(tmp_path: Path, good_docx: bytes) -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles>&x;</w:styles>'
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/styles.xml", xxe))
    assert read_error(tmp_path / "plan.docx").code == "unsafe-content"


def test_deeply_nested_xml_is_refused(tmp_path: Path, good_docx: bytes) -> None:
    deep = (
        f"<w:document {W_NS}><w:body>"
        + "<w:sdt><w:sdtContent>" * 3000
        + "</w:sdtContent></w:sdt>" * 3000
        + "</w:body></w:document>"
    ).encode()
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/document.xml", deep))
    assert read_error(tmp_path / "plan.docx").code == "unsafe-content"


def test_zip_bomb_is_refused_before_expanding(tmp_path: Path, good_docx: bytes) -> None:
    # 80 MiB of spaces compresses to under 100 KiB: far past the per-part limit and the compression-ratio limit.
    body = f"<w:document {W_NS}><w:body>".encode() + b" " * (80 * 2**20) + b"</w:body></w:document>"
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/document.xml", body))
    assert (tmp_path / "plan.docx").stat().st_size < 2**20
    assert read_error(tmp_path / "plan.docx").code == "unsafe-content"


def test_part_that_lies_about_its_size_is_cut_off(tmp_path: Path) -> None:
    # zipfile stops at the declared size and the checksum then fails: the lie costs nothing and reads as corrupt.
    path = tmp_path / "lying.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"x" * 5000)
    limits = Limits(max_part_bytes=1000)
    with zipfile.ZipFile(path) as zf:
        # Pretend the directory claimed a small size; the reader must count what it really gets.
        info = zf.getinfo("word/document.xml")
        info.file_size = 10
        with pytest.raises(ReadError) as err:
            archive.read_part(zf, "word/document.xml", limits)
    assert err.value.code == "corrupt"


def test_part_declared_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b"x" * 5000 + b"</a>")
    with zipfile.ZipFile(path) as zf, pytest.raises(ReadError) as err:
        archive.read_part(zf, "word/document.xml", Limits(max_part_bytes=1000))
    assert err.value.code == "unsafe-content"


def test_too_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", f"<w:document {W_NS}><w:body/></w:document>")
        for i in range(60):
            zf.writestr(f"junk/{i}", "")
    with pytest.raises(ReadError) as err:
        archive.open_archive(path, Limits(max_members=50))
    assert err.value.code == "unsafe-content"


def test_wrong_extension_is_read_by_content(tmp_path: Path, good_docx: bytes, good_pdf: bytes) -> None:
    (tmp_path / "really-docx.pdf").write_bytes(good_docx)
    (tmp_path / "really-pdf.txt").write_bytes(good_pdf)
    assert read_document(tmp_path / "really-docx.pdf").format == "docx"
    assert read_document(tmp_path / "really-pdf.txt").format == "pdf"


def test_docx_with_no_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.docx").write_bytes(docx_bytes([]))
    assert read_error(tmp_path / "blank.docx").code == "empty"


def test_scanned_pdf_read_with_ocr_when_tesseract_is_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in for the tesseract command: it must be given the page image on stdin and print the page text.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "tesseract"
    fake.write_text(
        "#!/bin/sh\n"
        "head -c 8 | grep -q PNG || exit 1\n"
        "printf 'Section A: All about me\\n\\nI like trains and\\ndrawing.\\n'\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ.get('PATH', '')}")
    path = image_only_pdf(tmp_path / "scan.pdf")
    assert read_error(path).code == "no-text"  # never without being asked
    doc = read_document(path, ocr=True)
    assert doc.ocr is True
    assert [b.text for b in doc.sections["A"].blocks] == ["I like trains and drawing."]
    assert doc.sections["A"].blocks[0].location is not None and doc.sections["A"].blocks[0].location.page == 1


def test_ocr_requested_without_tesseract_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReadError) as err:
        read_document(image_only_pdf(tmp_path / "scan.pdf"), ocr=True)
    assert err.value.code == "no-text" and "Tesseract" in err.value.message


def test_huge_number_of_paragraphs_is_too_large(tmp_path: Path, good_docx: bytes) -> None:
    from ehcp_analysis.readers.docx import read_docx

    body = f"<w:document {W_NS}><w:body>" + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 2000 + "</w:body></w:document>"
    (tmp_path / "plan.docx").write_bytes(replace_part(good_docx, "word/document.xml", body.encode()))
    with pytest.raises(ReadError) as err:
        read_docx(tmp_path / "plan.docx", Limits(max_blocks=1000))
    assert err.value.code == "too-large"


def test_pdf_with_too_many_pages_is_too_large(tmp_path: Path, good_pdf: bytes) -> None:
    from ehcp_analysis.readers.pdf import read_pdf

    (tmp_path / "plan.pdf").write_bytes(good_pdf)
    with pytest.raises(ReadError) as err:
        read_pdf(tmp_path / "plan.pdf", Limits(max_pages=0))
    assert err.value.code == "too-large"
