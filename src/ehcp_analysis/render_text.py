"""Plain-English text report, for a parent, a school or a case officer at a terminal.

Works from the report dicts alone (see ``report.py``) so that it says exactly what the JSON says. Written one plan
at a time; a short summary of the whole run comes last.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from datetime import date
from typing import Any, TextIO

from ehcp_analysis.model import PlanDocument
from ehcp_analysis.report import GRADE_LABELS, Report, iter_findings_by_place, section_label

WIDTH = 88
EVIDENCE_LIMIT = 300  # characters of quoted evidence; the full text is in the plan and the JSON report

SEVERITY_LABELS = {"red": "RED", "amber": "AMBER"}
SEVERITY_MEANINGS = {"red": "likely unlawful or unenforceable", "amber": "quality weakness"}


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _long_date(value: str | None) -> str:
    if not value:
        return "not found"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > EVIDENCE_LIMIT:
        flat = flat[: EVIDENCE_LIMIT - 1].rstrip() + "…"
    return f"“{flat}”"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_plan(report: Report) -> str:
    """The text report of one plan (or of one file that could not be read)."""
    rule = "=" * WIDTH
    lines = [rule, _wrap(f"Plan: {report['source']}", "      ", ""), rule]
    if not report["ok"]:
        error = report["error"]
        lines.append(_wrap(f"Could not be read ({error['code']}): {error['message']}", "  ", ""))
        lines.append(_wrap("Nothing in this file was checked. Fix or replace the file and run the check again.", ""))
        return "\n".join(lines) + "\n"

    lines += _describe_plan(report)
    lines.append("")
    lines += _describe_grade(report)
    lines.append("")
    lines += _describe_findings(report)
    return "\n".join(lines) + "\n"


def _describe_plan(report: Report) -> list[str]:
    meta = report["metadata"]
    doc = report["document"]
    year = meta["year_group"]
    status = meta["plan_status"] or "not found"
    pages = f", {_plural(doc['pages'], 'page')}" if doc["pages"] is not None else ""
    return [
        _wrap(f"Child: {meta['child_name'] or 'name not found'}", "  ", ""),
        f"Date of birth: {_long_date(meta['date_of_birth'])}    "
        f"Year group: {'not found' if year is None else ('Reception' if year == 0 else year)}    "
        f"Plan status: {status}",
        f"Plan dated: {_long_date(meta['plan_date'])}    Last reviewed: {_long_date(meta['last_review_date'])}",
        f"Document: {str(doc['format']).upper()}{pages}, {doc['characters']:,} characters",
    ]


def _describe_grade(report: Report) -> list[str]:
    overall = report["scores"]["overall"]
    if overall["grade"] is None:
        headline = "Suggested grade: none (the automated checks did not score this plan)"
    else:
        score = f" (score {overall['score']} out of 10)" if overall["score"] is not None else ""
        headline = f"Suggested grade: {GRADE_LABELS.get(overall['grade'], overall['grade'])}{score}"
    note = (
        "This is a suggestion made by automated checks, not a decision by an auditor. Read the findings below "
        "and check them against the plan: the checks can miss problems and can be wrong."
    )
    return [headline, _wrap(note, "  ")]


def _describe_findings(report: Report) -> list[str]:
    lines: list[str] = []
    missing = [s["id"] for s in report["sections"] if not s["present"]]
    if missing:
        lines.append(_wrap(f"Sections not found in this plan: {', '.join(missing)}", "  ", ""))
    findings = report["findings"]
    counts = Counter(f["severity"] for f in findings)
    if not findings:
        lines.append("No findings: the automated checks found nothing to point out.")
        return lines
    lines.append(
        f"Findings: {counts['red']} red ({SEVERITY_MEANINGS['red']}), "
        f"{counts['amber']} amber ({SEVERITY_MEANINGS['amber']})"
    )
    titles = {s["id"]: s["title"] for s in report["sections"]}
    number = 0
    for place, group in iter_findings_by_place(report):
        lines.append("")
        heading = section_label(place)
        written = " ".join(str(titles.get(place) or "").split())
        if written and written.lower() != heading.lower():
            heading += f" (headed “{written}” in the plan)"
        lines.append(_wrap(heading, "  ", ""))
        lines.append("-" * min(WIDTH, len(lines[-1].splitlines()[0])))
        for finding in group:
            number += 1
            lines += _describe_finding(number, finding)
    return lines


def _describe_finding(number: int, finding: dict[str, Any]) -> list[str]:
    label = SEVERITY_LABELS.get(finding["severity"], str(finding["severity"]).upper())
    head = f"{number}. [{label}] "
    indent = " " * len(head)
    out = [_wrap(finding["message"], indent, head)]
    evidence = finding["evidence"]
    if evidence["text"]:
        out.append(_wrap(f"Evidence{_where(evidence['location'])}: {_quote(evidence['text'])}", indent + "  ", indent))
    if finding["suggestion"]:
        out.append(_wrap(f"Suggestion: {finding['suggestion']}", indent + "  ", indent))
    out.append(f"{indent}({finding['code']}, criterion {finding['criterion']})")
    return out


def _where(location: dict[str, Any] | None) -> str:
    if not location:
        return ""
    parts = []
    if location.get("paragraph"):
        parts.append(f"paragraph {location['paragraph']}")
    if location.get("page"):
        parts.append(f"page {location['page']}")
    return f" ({', '.join(parts)})" if parts else ""


class TextRunWriter:
    """Writes each plan's text report as it comes, then a summary of the run."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._grades: Counter[str] = Counter()
        self._failed = 0
        self._total = 0

    def begin(self) -> None:
        pass

    def add(self, report: Report, document: PlanDocument | None = None) -> None:
        if self._total:
            self._out.write("\n")
        self._out.write(render_plan(report))
        self._total += 1
        if not report["ok"]:
            self._failed += 1
        else:
            self._grades[report["scores"]["overall"]["grade"] or "none"] += 1

    def finish(self) -> None:
        self._out.write("\n" + summary(self._total, self._failed, self._grades))


def summary(total: int, failed: int, grades: Counter[str]) -> str:
    """The closing lines: how many files, how many read, the spread of suggested grades."""
    if total == 0:
        return "No plan documents were found.\n"
    analysed = total - failed
    line = f"Summary: {_plural(total, 'file')} checked, {analysed} analysed"
    if failed:
        line += f", {failed} could not be read"
    lines = [line + "."]
    if analysed:
        spread = ", ".join(f"{GRADE_LABELS[g]} {grades[g]}" for g in GRADE_LABELS)
        if grades["none"]:
            spread += f", not scored {grades['none']}"
        lines.append(f"Suggested grades: {spread}.")
    return "\n".join(lines) + "\n"
