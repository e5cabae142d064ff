"""``ehcpqa check`` end to end: real DOCX, PDF and text files through the real readers, checks and reports."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_testkit import validate_run, write_docx, write_pdf, write_txt

from ehcp_analysis import cli
from ehcp_analysis.cli import main

EHCPQA = Path(sys.executable).parent / "ehcpqa"
AS_OF = ["--as-of", "2026-11-23"]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder of good plans in three formats, a sub-folder, and files a walk must skip."""
    folder = tmp_path / "plans"
    (folder / "year9").mkdir(parents=True)
    write_docx(folder / "b.docx")
    write_pdf(folder / "a.pdf")
    write_txt(folder / "year9" / "c.txt")
    (folder / "notes.json").write_text("{}")  # not a plan type: skipped when walking
    (folder / ".hidden.docx").write_bytes(b"junk")  # hidden: skipped
    (folder / "~$b.docx").write_bytes(b"junk")  # Word lock file: skipped
    return folder


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    """Run ``check --format json`` in-process; the exit code, the validated report and standard error."""
    code = main(["check", "--format", "json", *AS_OF, *args])
    captured = capsys.readouterr()
    run = json.loads(captured.out)
    validate_run(run)
    return code, run, captured.err


def test_folder_of_good_plans_is_analysed_in_sorted_order_and_exits_0(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, run, err = _json(capsys, str(plans))

    assert code == 0
    assert [Path(r["source"]).relative_to(plans).as_posix() for r in run["reports"]] == [
        "a.pdf",
        "b.docx",
        "year9/c.txt",
    ]
    for report in run["reports"]:
        assert report["ok"] is True
        assert report["document"]["format"] == Path(report["source"]).suffix[1:]
        assert all(s["present"] for s in report["sections"]), report["source"]
        assert report["metadata"]["child_name"] == "Ava Example"
        assert report["scores"]["overall"]["suggested"] is True


def test_vague_provision_in_a_real_plan_is_found_with_its_evidence(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, run, err = _json(capsys, str(plans / "b.docx"))
    assert code == 0
    vague = [f for f in run["reports"][0]["findings"] if f["code"] == "F.vague-wording"]
    assert vague, "the plan says 'access to ... as required'"
    assert "as required" in vague[0]["evidence"]["text"]
    assert vague[0]["evidence"]["location"]["section"] == "F"


def test_one_bad_file_among_good_ones_is_reported_and_exits_3(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (plans / "broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (plans / "empty.docx").write_bytes(b"")

    code, run, err = _json(capsys, str(plans))

    assert code == 3
    by_name = {Path(r["source"]).name: r for r in run["reports"]}
    assert set(by_name) == {"a.pdf", "b.docx", "broken.pdf", "empty.docx", "c.txt"}
    assert by_name["broken.pdf"]["ok"] is False
    assert by_name["broken.pdf"]["error"]["code"] == "corrupt"
    assert by_name["empty.docx"]["error"]["code"] == "empty"
    assert all(by_name[n]["ok"] for n in ("a.pdf", "b.docx", "c.txt"))
    assert "2 of 5 files could not be read" in err


def test_unexpected_failure_in_one_file_becomes_an_internal_error_report_and_the_run_goes_on(
    plans: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cli.analyse_document

    def explode_on_pdf(document: Any, **kwargs: Any) -> Any:
        if document.format == "pdf":
            raise ValueError("Ava Example's private detail")
        return real(document, **kwargs)

    monkeypatch.setattr(cli, "analyse_document", explode_on_pdf)
    code, run, err = _json(capsys, str(plans))

    assert code == 3
    failed = [r for r in run["reports"] if not r["ok"]]
    assert [Path(r["source"]).name for r in failed] == ["a.pdf"]
    assert failed[0]["error"]["code"] == "internal-error"
    assert "Ava Example" not in failed[0]["error"]["message"]  # no personal data from the exception text
    assert sum(r["ok"] for r in run["reports"]) == 2
    assert "Traceback" not in err


def test_as_of_date_reaches_the_checks(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The plan is dated 1 May 2026: current in late 2026, out of date two years later.
    def codes(as_of: str) -> set[str]:
        assert main(["check", "--format", "json", "--as-of", as_of, str(plans / "b.docx")]) == 0
        return {f["code"] for f in json.loads(capsys.readouterr().out)["reports"][0]["findings"]}

    assert "GEN.out-of-date" not in codes("2026-11-23")
    assert "GEN.out-of-date" in codes("2028-11-23")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no-such-plan.docx"], "no such file or directory: no-such-plan.docx"),
        (["check"], "the following arguments are required: PATH"),
        (["check", "--format", "xml", "."], "invalid choice: 'xml'"),
        (["check", "--as-of", "31/03/2026", "."], "not a date in the form YYYY-MM-DD"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "usage: ehcpqa"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_output_to_a_missing_folder_is_a_usage_error(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(plans), "--output", str(plans / "nowhere" / "r.json")]) == 2
    assert "--output folder does not exist" in capsys.readouterr().err


def test_output_file_gets_the_whole_report_and_stdout_stays_empty(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    assert main(["check", str(plans), "--format", "json", "--output", str(target), *AS_OF]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    run = json.loads(target.read_text(encoding="utf-8"))
    validate_run(run)
    assert len(run["reports"]) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_text_report_for_a_parent(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(plans / "b.docx"), *AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Suggested grade:" in out and "not a decision by an auditor" in out
    assert "Section F: Special educational provision" in out
    assert "“Ava will have access to speech and language therapy as required.”" in " ".join(out.split())
    assert "Summary: 1 file checked, 1 analysed." in out


def test_html_report_of_a_hostile_plan_escapes_it_and_marks_the_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = '<script>alert("x")</script> Ava will have support from a member of staff as required.'
    write_docx(tmp_path / "<b>hostile<i>.docx", {"F": [hostile], "A": ["</mark><h1>fake</h1>"]})
    target = tmp_path / "report.html"

    assert main(["check", str(tmp_path), "--format", "html", "--output", str(target), *AS_OF]) == 0

    page = target.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<h1>fake" not in page and "<b>hostile" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;hostile&lt;i&gt;.docx" in page
    marked = re.findall(r'<mark class="sev-red">([^<]*)</mark><a class="ref" href="#(p1-f\d+)"', page)
    assert any("&lt;script&gt;" in text for text, _ in marked), "the hostile paragraph is quoted and marked"
    assert all(f'id="{target}"' in page for _, target in marked)


def test_the_installed_command_runs_as_a_separate_process(plans: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    done = subprocess.run(
        [str(EHCPQA), "check", str(plans / "b.docx"), str(bad), "--format", "json", *AS_OF],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    run = json.loads(done.stdout)
    validate_run(run)
    assert [r["ok"] for r in run["reports"]] == [True, False]

    version = subprocess.run([str(EHCPQA), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert version.returncode == 0
    assert version.stdout.startswith("ehcpqa 0.1.0")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("files", "shown"), [(12, True), (3, False)])
def test_progress_goes_to_a_terminal_stderr_only_for_many_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], files: int, shown: bool
) -> None:
    for i in range(files):
        (tmp_path / f"p{i:02}.txt").write_text("Section A: All about me\n\nAva likes horses.\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    assert main(["check", str(tmp_path), "--format", "json"]) == 0

    assert (f"Checked {files:,} of {files:,} files" in terminal.getvalue()) is shown
    assert "Checked" not in capsys.readouterr().out  # never mixed into the report


def test_output_file_gets_the_usual_permissions_not_the_temporary_files(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.txt"
    old = os.umask(0o022)
    try:
        assert main(["check", str(plans / "b.docx"), "--output", str(target), *AS_OF]) == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)  # a file that already exists keeps its mode
    assert main(["check", str(plans / "b.docx"), "--output", str(target), *AS_OF]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
