"""The analysis adapter: engine outcomes stored as immutable runs; masking for blind viewers; CSV parsing rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ehcpqa.analysis.engine import analyse_file
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.analysis.selectors import Masker, document_view
from ehcpqa.analysis.services import analysis_run_execute, analysis_run_queue
from ehcpqa.plans.csv_import import CsvFileError, parse_plan_csv
from tests.web.conftest import Personas
from tests.web.plan_fixtures import HEADER, PLAN_TEXT, csv_bytes, csv_row, make_plan, media_root  # noqa: F401

TODAY = date(2026, 11, 23)


def test_an_unreadable_file_gives_a_failed_outcome_with_the_readers_code(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    outcome = analyse_file(path, as_of=TODAY)
    assert not outcome.ok
    assert outcome.error_code == "unsupported-format"
    assert outcome.error_message


def test_a_readable_file_gives_sections_findings_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    outcome = analyse_file(path, as_of=TODAY)
    assert outcome.ok
    assert [s["id"] for s in outcome.document["sections"]][:2] == ["A", "B"]
    assert outcome.metadata["date_of_birth"] == "2012-03-04"
    assert any(f["code"] == "B.diagnosis-without-impact" for f in outcome.findings)


@pytest.mark.django_db
def test_a_finished_run_is_never_changed_by_running_it_again(personas: Personas, media_root: Path) -> None:  # noqa: F811
    from ehcpqa.plans.services import plan_version_upload

    plan = make_plan(personas.la)
    source = media_root.parent / "plan.txt"
    source.write_text(PLAN_TEXT, encoding="utf-8")
    version = plan_version_upload(user=personas.qa_lead, plan=plan, upload=source)
    run = AnalysisRun.objects.get(version=version)
    assert run.status == RunStatus.DONE
    before = (run.finished_at, StoredFinding.objects.filter(run=run).count())
    again = analysis_run_execute(run_id=run.pk)
    again.refresh_from_db()
    assert (again.finished_at, StoredFinding.objects.filter(run=run).count()) == before


@pytest.mark.django_db
def test_a_missing_file_fails_the_run_cleanly(personas: Personas, media_root: Path) -> None:  # noqa: F811
    from ehcpqa.plans.services import plan_version_upload

    plan = make_plan(personas.la)
    source = media_root.parent / "plan.txt"
    source.write_text(PLAN_TEXT, encoding="utf-8")
    version = plan_version_upload(user=personas.qa_lead, plan=plan, upload=source, queue_analysis=False)
    Path(version.document.path).unlink()
    run = analysis_run_queue(version=version, requested_by=None)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error_code == "unreadable"


def test_masker_hides_name_parts_and_date_of_birth() -> None:
    mask = Masker(["Robin Testperson"], [date(2012, 3, 4)])
    text = mask("Robin Testperson (born 4 March 2012, 04/03/2012). robin's plan; Testperson family. Robinson stays.")
    assert "Robin " not in text and "Testperson" not in text and "robin" not in text
    assert "2012" not in text
    assert "Robinson" in text  # whole words only


def test_masker_ignores_a_role_in_brackets_and_initials() -> None:
    mask = Masker(["M. Baker (case officer)"], [])
    assert mask("Written by M. Baker, the case officer.") == "Written by [hidden], the case officer."


def test_masker_with_nothing_to_hide_changes_nothing() -> None:
    assert Masker([], [])("Robin") == "Robin"


@pytest.mark.django_db
def test_document_view_marks_quoted_evidence_in_its_paragraph(personas: Personas, media_root: Path) -> None:  # noqa: F811
    from ehcpqa.plans.services import plan_version_upload

    plan = make_plan(personas.la)
    source = media_root.parent / "plan.txt"
    source.write_text(PLAN_TEXT, encoding="utf-8")
    run = AnalysisRun.objects.get(version=plan_version_upload(user=None, plan=plan, upload=source))
    view = document_view(run)
    section_b = next(s for s in view.sections if s.id == "B")
    marked = [seg for p in section_b.paragraphs for seg in p.segments if seg.finding]
    assert any(
        seg.text == "Robin has dyslexia." and seg.finding and seg.finding.finding.code == "B.diagnosis-without-impact"
        for seg in marked
    )
    masked = document_view(run, mask=Masker(["Robin Testperson"], []))
    texts = " ".join(seg.text for s in masked.sections for p in s.paragraphs for seg in p.segments)
    assert "Robin" not in texts


LOOKUP = {"case-officer": 7, "co@example.org": 7}


def parse(content: bytes, **kwargs: object):  # type: ignore[no-untyped-def]
    return parse_plan_csv(content, case_officers=LOOKUP, today=TODAY, max_rows=int(kwargs.get("max_rows", 100)))


def test_parser_accepts_uk_and_iso_dates_email_officers_and_reception() -> None:
    parsed = parse(
        csv_bytes(
            csv_row("A-1", dob="04/03/2012", year="Reception", case_officer="CO@example.org"),
            csv_row("A-2", dob="2012-03-04", year="Year 11", looked_after="Yes"),
        )
    )
    assert parsed.ok
    first, second = parsed.rows
    assert first.values["date_of_birth"] == second.values["date_of_birth"] == date(2012, 3, 4)
    assert (first.values["year_group"], second.values["year_group"]) == (0, 11)
    assert first.case_officer_id == 7
    assert second.values["looked_after"] is True


def test_parser_refuses_future_dates_and_silly_year_groups() -> None:
    parsed = parse(csv_bytes(csv_row("A-1", dob="2031-01-01", year="15")))
    assert {(e.row, e.column) for e in parsed.errors} == {(2, "date_of_birth"), (2, "year_group")}


def test_parser_duplicate_references_differ_only_in_case() -> None:
    parsed = parse(csv_bytes(csv_row("ehc-1"), csv_row("EHC-1")))
    assert [(e.row, e.column) for e in parsed.errors] == [(3, "reference")]


def test_parser_refuses_more_rows_than_allowed() -> None:
    with pytest.raises(CsvFileError, match="more than 2"):
        parse(csv_bytes(csv_row("A-1"), csv_row("A-2"), csv_row("A-3")), max_rows=2)


def test_parser_skips_blank_lines_and_numbers_rows_as_a_spreadsheet_does() -> None:
    content = (HEADER + "\n" + csv_row("A-1") + "\n\n" + csv_row("A-2", status="nope") + "\n").encode()
    parsed = parse(content)
    assert [e.row for e in parsed.errors] == [4]


def test_the_documented_sample_file_imports_cleanly() -> None:
    sample = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plan-register-sample.csv"
    parsed = parse_plan_csv(
        sample.read_bytes(),
        case_officers={"case.officer": 1, "case.officer@demo-borough.example": 1},
        today=TODAY,
        max_rows=100,
    )
    assert parsed.ok, parsed.errors
    assert [r.reference for r in parsed.rows] == ["EHC-DEMO-0001", "EHC-DEMO-0002", "EHC-DEMO-0003", "EHC-DEMO-0004"]
    assert parsed.rows[2].values["year_group"] == 0 and parsed.rows[3].case_officer_id is None


def test_parser_reads_nursery_years() -> None:
    parsed = parse(csv_bytes(csv_row("A-1", year="N1"), csv_row("A-2", year="-1")))
    assert [r.values["year_group"] for r in parsed.rows] == [-2, -1]
