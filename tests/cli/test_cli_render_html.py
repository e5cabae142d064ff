"""The HTML report: self-contained, escaped, accessible, with evidence highlighted and linked to its finding."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from cli_testkit import analysis, finding, make_document

from ehcp_analysis.findings import Severity
from ehcp_analysis.render_html import render_page
from ehcp_analysis.report import document_report, error_report

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


class _Structure(HTMLParser):
    """Collects tags and checks that every element is closed in the right order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids.append(str(dict(attrs)["id"]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _parse(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def _page(*findings: object, doc: object = None) -> str:
    document = doc or make_document()
    return render_page([(document_report("plans/p1.docx", document, analysis(*findings)), document)])  # type: ignore[arg-type]


def test_evidence_is_marked_in_the_text_and_linked_both_ways_with_its_finding() -> None:
    page = _page(finding())
    mark = re.search(
        r'<span class="anchor" id="p1-m1"></span><mark class="sev-red">([^<]*)</mark>'
        r'<a class="ref" href="#p1-f1"[^>]*>\[1\]</a>',
        page,
    )
    assert mark is not None
    assert mark.group(1) == "access to speech and language therapy as required"
    finding_item = page[page.index('<li id="p1-f1"') :]
    assert '<a href="#p1-m1">Show in the text</a>' in finding_item[: finding_item.index("</li>")]
    structure = _parse(page)
    assert len(structure.ids) == len(set(structure.ids)), "ids must be unique"
    for tag, attrs in structure.tags:  # every in-page link lands somewhere
        if tag == "a" and str(attrs.get("href", "")).startswith("#"):
            assert str(attrs["href"])[1:] in structure.ids


def test_finding_sits_beside_the_text_of_its_section() -> None:
    page = _page(finding())
    section_f = page[page.index('id="p1-s-F"') : page.index('id="p1-s-G"')]
    assert "<aside" in section_f and 'id="p1-f1"' in section_f
    assert "Provision uses non-committal wording." in section_f


def test_hostile_text_in_plan_source_and_findings_is_escaped() -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    doc = make_document(
        {"A": [f"Ava says {hostile} every day."], "F": [hostile]},
        source="x.docx",
        child_name=hostile,
        unplaced=[hostile],
    )
    found = finding(text=hostile, message=hostile, suggestion=hostile, section="F")
    report = document_report(f"plans/{hostile}.docx", doc, analysis(found))
    page = render_page([(report, doc), (error_report(hostile, "corrupt", hostile), None)])

    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # The hostile quote is still found and marked, escaped inside the mark.
    assert '<mark class="sev-red">&lt;script&gt;' in page
    _parse(page)


def test_page_is_self_contained_and_has_landmarks_language_and_headings() -> None:
    page = _page(finding())
    structure = _parse(page)
    tags = [t for t, _ in structure.tags]
    assert re.match(r'<!DOCTYPE html>\s*<html lang="en-GB">', page)
    for landmark in ("header", "main", "footer", "nav") if "nav" in tags else ("header", "main", "footer"):
        assert landmark in tags
    assert tags.count("h1") == 1 and "h2" in tags and "h3" in tags
    assert "<script" not in page and "<link" not in page
    assert not re.search(r'(?:src|href)="(?!#)', page), "no external or relative assets"
    assert "url(" not in page and "@import" not in page


def test_grade_is_shown_as_a_suggestion_in_the_plan_and_the_summary_table() -> None:
    page = _page(finding())
    assert "Suggested grade: Requires improvement, score 5 out of 10" in page
    table = page[page.index("<table") : page.index("</table>")]
    assert '<th scope="row"><a href="#p1">plans/p1.docx</a></th>' in table
    assert "<td>Requires improvement</td>" in table
    assert "Grades here are suggestions." in page


def test_overlapping_evidence_is_marked_without_nesting_and_both_findings_linked() -> None:
    doc = make_document({"F": ["Ava will have access to speech and language therapy as required."]})
    page = _page(
        finding(text="access to speech and language therapy"),
        finding("F.delegated", text="therapy as required", severity=Severity.AMBER, message="Left open."),
        doc=doc,
    )
    _parse(page)
    assert "<mark" not in page.split("<mark", 1)[1].split("</mark>", 1)[0]
    assert 'href="#p1-f1"' in page and 'href="#p1-f2"' in page
    assert '<mark class="sev-red">therapy</mark>' in page  # the shared words take the worse severity


def test_evidence_with_different_spacing_or_case_is_still_found() -> None:
    doc = make_document({"F": ["Ava will have Access  to\nspeech therapy."]})
    page = _page(finding(text="access to speech therapy"), doc=doc)
    assert '<mark class="sev-red">Access  to\nspeech therapy</mark>' in page


def test_evidence_not_in_the_text_is_quoted_without_a_broken_link() -> None:
    page = _page(finding(text="words that are nowhere in the plan"))
    assert "<q>words that are nowhere in the plan</q>" in page
    assert 'href="#p1-m1"' not in page
    _parse(page)


def test_missing_section_and_unreadable_file_are_shown() -> None:
    doc = make_document()
    page = render_page(
        [
            (
                document_report(
                    "a.docx",
                    doc,
                    analysis(finding("J.missing", text="", section="J", message="No personal budget statement.")),
                ),
                doc,
            ),
            (error_report("b.pdf", "encrypted", "Protected by a password."), None),
        ]
    )
    section_j = page[page.index('id="p1-s-J"') : page.index('id="p1-s-K"')]
    assert "This section was not found in the plan." in section_j
    assert "No personal budget statement." in section_j
    assert "Could not be read</strong> (encrypted): Protected by a password." in page
    assert "2 files checked, 1 analysed, 1 could not be read." in page
    _parse(page)


def test_a_heading_shared_by_two_sections_shows_its_text_once() -> None:
    doc = make_document()
    combined = doc.sections["C"]
    combined.shared_with = ("G",)
    doc.sections["G"] = combined  # "Sections C and G: health", as the readers place it
    page = _page(doc=doc)
    assert page.count("No health needs have been identified.") == 1
    section_g = page[page.index('id="p1-s-G"') : page.index('id="p1-s-H1"')]
    assert "This section shares its heading with Section C; its text is shown there." in section_g
    _parse(page)
