"""Walking directories: sorted, one document at a time, errors reported in place."""

from __future__ import annotations

from pathlib import Path

from ehcp_analysis.model import PlanDocument, ReadError
from ehcp_analysis.readers import iter_documents
from tests.readers.builders import SIMPLE_PLAN, write_docx


def test_directory_walk_is_sorted_and_reports_errors(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_docx(tmp_path / "b.docx", SIMPLE_PLAN)
    write_docx(tmp_path / "sub" / "a.docx", SIMPLE_PLAN)
    (tmp_path / "a.txt").write_text("Section A: All about me\n\nI like trains.\n")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.7 broken")
    (tmp_path / "~$b.docx").write_bytes(b"lock")  # Word's lock file: not a plan
    (tmp_path / ".hidden.docx").write_bytes(b"x")
    (tmp_path / "labels.json").write_text("{}")  # not a plan document suffix
    results = list(iter_documents([tmp_path]))
    names = [p.relative_to(tmp_path).as_posix() for p, _ in results]
    assert names == ["a.txt", "b.docx", "c.pdf", "sub/a.docx"]
    kinds = [type(r) for _, r in results]
    assert kinds == [PlanDocument, PlanDocument, ReadError, PlanDocument]
    err = results[2][1]
    assert isinstance(err, ReadError) and err.code == "corrupt"


def test_files_given_by_name_are_read_whatever_their_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.dat"
    path.write_text("Section A: All about me\n\nI like trains.\n")
    ((got, result),) = list(iter_documents([str(path)]))
    assert got == path and isinstance(result, PlanDocument)


def test_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        write_docx(tmp_path / f"p{i}.docx", SIMPLE_PLAN)
    it = iter_documents([tmp_path])
    first = next(it)
    assert first[0].name == "p0.docx"
