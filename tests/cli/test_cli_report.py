"""The JSON report: shape of ehcpqa.report/1, the schema file, and the streaming writer."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from cli_testkit import analysis, finding, make_document, validate_run

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.model import SECTION_IDS
from ehcp_analysis.report import JsonRunWriter, build_run, document_report, error_report


def test_document_report_has_every_statutory_section_in_order_and_marks_missing_ones() -> None:
    report = document_report("plans/p1.docx", make_document(), analysis(finding()))

    sections = report["sections"]
    assert [s["id"] for s in sections] == list(SECTION_IDS)
    by_id = {s["id"]: s for s in sections}
    assert by_id["J"] == {"id": "J", "title": None, "present": False, "characters": 0}
    assert by_id["F"]["present"] is True
    assert by_id["F"]["title"] == "Section F: heading as written"
    assert by_id["F"]["characters"] == len("Ava will have access to speech and language therapy as required.") + len(
        "Daily 1:1 reading, 20 minutes."
    )


def test_document_report_carries_metadata_findings_and_suggested_scores() -> None:
    report = document_report("p.docx", make_document(), analysis(finding(), score=5, grade="requires-improvement"))

    assert report["ok"] is True and report["error"] is None
    assert report["document"] == {"format": "docx", "pages": None, "characters": make_document().characters}
    assert report["metadata"] == {
        "child_name": "Ava Example",
        "date_of_birth": "2016-03-04",
        "year_group": 4,
        "plan_date": "2025-05-01",
        "last_review_date": None,
        "plan_status": "final",
    }
    assert report["findings"][0]["code"] == "F.vague-wording"
    assert report["findings"][0]["evidence"]["location"] == {"section": "F", "paragraph": 1, "page": None}
    assert report["scores"] == {
        "overall": {"score": 5, "grade": "requires-improvement", "suggested": True},
        "sections": {"F": {"grade": "inadequate"}},
    }


def test_run_matches_the_schema_for_read_and_unreadable_files() -> None:
    run = build_run(
        [
            document_report("a.docx", make_document(), analysis(finding())),
            document_report("b.docx", make_document(), analysis(score=None, grade=None)),
            error_report("c.pdf", "encrypted", "The PDF is protected by a password."),
        ]
    )
    validate_run(run)
    assert run["schema"] == "ehcpqa.report/1"
    assert run["engine_version"] == ENGINE_VERSION
    assert run["framework"] == {"id": "england-send", "version": "1"}


def test_error_report_has_the_same_keys_with_nothing_read() -> None:
    report = error_report("bad.pdf", "corrupt", "Not a PDF file.")
    good = document_report("a.docx", make_document(), analysis())
    assert report.keys() == good.keys()
    assert report["ok"] is False
    assert report["error"] == {"code": "corrupt", "message": "Not a PDF file."}


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r["sections"].pop(),  # a statutory section left out
        lambda r: r["scores"]["overall"].update(grade="fine"),  # not one of the four grades
        lambda r: r["scores"]["overall"].update(suggested=False),  # machine scores are always suggestions
        lambda r: r["findings"][0].update(severity="green"),
        lambda r: r["findings"][0].update(code="vague wording"),
        lambda r: r.update(error={"code": "corrupt", "message": "x"}),  # ok with an error
        lambda r: r["metadata"].update(plan_date="1 May 2025"),
        lambda r: r.update(extra=1),
    ],
)
def test_schema_rejects_reports_that_break_the_contract(breakage: object) -> None:
    report = document_report("a.docx", make_document(), analysis(finding()))
    breakage(report)  # type: ignore[operator]
    with pytest.raises(jsonschema.ValidationError):
        validate_run(build_run([report]))


def test_schema_rejects_an_unreadable_file_without_its_error() -> None:
    report = error_report("bad.pdf", "corrupt", "Not a PDF file.")
    report["error"] = None
    with pytest.raises(jsonschema.ValidationError):
        validate_run(build_run([report]))


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_is_the_same_document_as_the_whole_run(count: int) -> None:
    reports = [
        document_report(f"p{i}.docx", make_document(child_name=f"Child “{i}” <b>"), analysis(finding()))
        for i in range(count)
    ]
    buffer = io.StringIO()
    writer = JsonRunWriter(buffer)
    writer.begin()
    for report in reports:
        writer.add(report)
    writer.finish()

    assert json.loads(buffer.getvalue()) == build_run(reports)
