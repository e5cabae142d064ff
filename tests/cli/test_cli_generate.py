"""``ehcpqa generate`` is mounted from the synthetic-plan package, and ``check`` never depends on it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from cli_testkit import write_txt

from ehcp_analysis.cli import main


def test_generate_writes_plans_and_labels_that_check_can_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus"
    assert main(["generate", "--count", "2", "--out", str(out), "--formats", "txt", "--seed", "7"]) == 0
    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert labels
    plans = sorted(p.name for p in out.glob("*.txt"))
    assert len(plans) == 2
    capsys.readouterr()

    assert main(["check", str(out), "--format", "json"]) == 0
    run = json.loads(capsys.readouterr().out)
    assert [Path(r["source"]).name for r in run["reports"]] == plans


def test_generate_options_and_help_are_the_generators_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--help"]) == 0
    assert "--count" in capsys.readouterr().out
    assert main(["generate", "--count", "lots", "--out", "x"]) == 2
    assert "--count" in capsys.readouterr().err


def test_check_still_works_when_the_generator_cannot_be_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ehcp_analysis.synth.cli", None)  # makes the import fail
    write_txt(tmp_path / "plan.txt")

    assert main(["check", str(tmp_path / "plan.txt")]) == 0
    assert main(["generate", "--count", "1", "--out", str(tmp_path / "g")]) == 1
    assert "ehcpqa generate: not available" in capsys.readouterr().err
