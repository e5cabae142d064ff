"""generate_corpus and the ``generate`` subcommand, through their public interfaces."""

from __future__ import annotations

import argparse
import io
import json
from datetime import date
from pathlib import Path

import pytest

from ehcp_analysis.synth import generate_corpus, plan_from_labels
from ehcp_analysis.synth.cli import add_generate_parser, run_generate

AS_OF = date(2026, 11, 23)


def test_corpus_writes_files_and_labels(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    labels_path = generate_corpus(
        count=6,
        out_dir=tmp_path / "c",
        formats=["txt", "docx"],
        seed=3,
        as_of=AS_OF,
        defect_rate=0.5,
        workers=1,
        progress=lambda d, t: seen.append((d, t)),
    )
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    assert labels["schema"] == "ehcpqa.labels/1"
    assert labels["seed"] == 3 and labels["as_of"] == "2026-11-23" and labels["generator_version"]
    assert [p["id"] for p in labels["plans"]] == [f"plan-{i:04d}" for i in range(1, 7)]
    for entry in labels["plans"]:
        assert set(entry["files"]) == {"txt", "docx"}
        assert [h["sections"][0] for h in entry["headings"]][:2] == ["A", "B"]
        text = (labels_path.parent / entry["files"]["txt"]).read_text(encoding="utf-8")
        for defect in entry["defects"]:
            assert set(defect) == {"code", "section", "text"}
            assert defect["text"] in text
    assert seen[-1] == (6, 6)
    rebuilt = plan_from_labels(labels, "plan-0004")
    assert [d.as_dict() for d in rebuilt.defects] == labels["plans"][3]["defects"]
    with pytest.raises(KeyError):
        plan_from_labels(labels, "plan-0099")


def test_corpus_is_the_same_with_one_worker_or_two(tmp_path: Path) -> None:
    one = generate_corpus(count=30, out_dir=tmp_path / "one", formats=["txt"], seed=5, as_of=AS_OF, workers=1)
    two = generate_corpus(count=30, out_dir=tmp_path / "two", formats=["txt"], seed=5, as_of=AS_OF, workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert (one.parent / "plan-0027.txt").read_bytes() == (two.parent / "plan-0027.txt").read_bytes()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ehcpqa")
    add_generate_parser(parser.add_subparsers(dest="command"))
    return parser


def _run(argv: list[str]) -> tuple[int, str]:
    args = _parser().parse_args(argv)
    args.stderr = io.StringIO()
    code = args.handler(args)
    assert args.handler is run_generate
    return code, args.stderr.getvalue()


def test_generate_command_writes_a_corpus(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    code, err = _run(
        [
            "generate",
            "--count",
            "3",
            "--out",
            str(out),
            "--formats",
            "txt,pdf",
            "--seed",
            "4",
            "--as-of",
            "2026-11-23",
            "--defect-rate",
            "1",
        ]
    )
    assert code == 0
    assert "3/3" in err
    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert len(labels["plans"]) == 3 and all(p["defects"] for p in labels["plans"])
    assert (out / "plan-0002.pdf").exists()


@pytest.mark.parametrize(
    "bad",
    [
        ["--count", "zero"],
        ["--count", "0"],
        ["--count", "2", "--formats", "doc"],
        ["--count", "2", "--seed", "x"],
        ["--count", "2", "--as-of", "23/11/2026"],
        ["--count", "2", "--defect-rate", "1.5"],
    ],
)
def test_generate_usage_errors_exit_2(bad: list[str], tmp_path: Path) -> None:
    code, err = _run(["generate", "--out", str(tmp_path / "x"), *bad])
    assert code == 2
    assert "error:" in err
    assert not (tmp_path / "x" / "labels.json").exists()


def test_missing_required_option_is_an_argparse_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        _parser().parse_args(["generate", "--out", "somewhere"])
    assert exc.value.code == 2
