"""The plain-English text report."""

from __future__ import annotations

from collections import Counter

from cli_testkit import analysis, finding, make_document

from ehcp_analysis.findings import Severity
from ehcp_analysis.render_text import TextRunWriter, render_plan, summary
from ehcp_analysis.report import document_report, error_report


def _text(*findings: object, **scores: object) -> str:
    return render_plan(document_report("plans/p1.docx", make_document(), analysis(*findings, **scores)))  # type: ignore[arg-type]


def test_grade_is_labelled_as_a_suggestion_with_its_score() -> None:
    text = _text(finding(), score=5, grade="requires-improvement")
    assert "Suggested grade: Requires improvement (score 5 out of 10)" in text
    assert "not a decision by an auditor" in text


def test_unscored_plan_says_so_instead_of_inventing_a_grade() -> None:
    text = _text(score=None, grade=None)
    assert "Suggested grade: none" in text
    assert "No findings" in text


def test_findings_are_grouped_by_section_in_statutory_order_with_severity_evidence_and_suggestion() -> None:
    text = _text(
        finding(
            "K.stale-advice",
            text="Educational psychologist advice, 3 March 2025.",
            section="K",
            severity=Severity.AMBER,
            message="Advice is old.",
            suggestion="Ask for new advice.",
            criterion="K-02",
        ),
        finding(),
        finding(
            "B.diagnosis-without-impact",
            text="Ava has difficulty",
            section="B",
            severity=Severity.AMBER,
            message="Label with no impact.",
            suggestion="Describe the effect.",
            criterion="B-02",
        ),
    )
    b, f, k = (text.index(f"Section {s}: ") for s in ("B", "F", "K"))
    assert b < f < k
    f_part = text[f:k]
    assert "[RED] Provision uses non-committal wording." in f_part
    assert "“access to speech and language therapy as required”" in f_part
    assert "paragraph 1" in f_part
    assert "Suggestion: Say how often, for how long and who delivers it." in f_part
    assert "F.vague-wording, criterion F-06" in f_part
    assert "[AMBER] Advice is old." in text[k:]
    assert "Findings: 1 red" in text and "2 amber" in text


def test_a_general_finding_is_shown_with_the_section_its_evidence_is_in() -> None:
    text = _text(
        finding("GEN.placeholder", text="as required", section="GEN", where="F", message="Template text left in.")
    )
    # Shown under F, where the reader will go to fix it, though the finding is about the whole plan.
    assert text.index("Template text left in.") > text.index("Section F: ")


def test_missing_sections_are_listed() -> None:
    assert "Sections not found in this plan: J" in _text()


def test_unreadable_file_says_why_and_that_nothing_was_checked() -> None:
    text = render_plan(error_report("bad.pdf", "encrypted", "The PDF is protected by a password."))
    assert "bad.pdf" in text
    assert "Could not be read (encrypted): The PDF is protected by a password." in text
    assert "Nothing in this file was checked" in text


def test_long_evidence_is_shortened_and_lines_stay_readable() -> None:
    long = "word " * 200
    doc = make_document({"F": [long]})
    text = render_plan(document_report("p.docx", doc, analysis(finding(text=long.strip()))))
    assert "…”" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_run_summary_counts_files_and_grades() -> None:
    import io

    out = io.StringIO()
    writer = TextRunWriter(out)
    writer.begin()
    writer.add(document_report("a.docx", make_document(), analysis(grade="good", score=7)))
    writer.add(error_report("b.pdf", "corrupt", "broken"))
    writer.finish()
    assert "Summary: 2 files checked, 1 analysed, 1 could not be read." in out.getvalue()
    assert "Good 1" in out.getvalue()
    assert summary(0, 0, Counter()) == "No plan documents were found.\n"


def test_findings_about_a_place_that_is_not_a_statutory_section_are_named_plainly() -> None:
    text = _text(finding("H.unquantified", text="", section="H", message="Social care provision has no amount."))
    assert "Section H: Social care provision" in text
    assert text.index("Social care provision has no amount.") > text.index("Section H: Social care provision")
