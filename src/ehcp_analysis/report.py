"""The JSON report of a pre-audit run, schema ``ehcpqa.report/1``.

One *report* describes one file: either the document that was read, its sections, findings and suggested scores,
or the reason it could not be read. A *run* wraps the reports with the schema name, the engine version and the
criteria framework. The shape is a stable interface (see the product brief and ``schemas/report-1.json``): add
fields only with a new schema version.

Reports are plain dicts of JSON types so that the CLI can write them one at a time and the web application can
store them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any, TextIO

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.findings import Analysis
from ehcp_analysis.model import SECTION_IDS, PlanDocument

SCHEMA_ID = "ehcpqa.report/1"

# The criteria framework the built-in checks are written against. A local authority's adapted framework lives in
# the web application; the engine's findings always refer to this default.
FRAMEWORK_ID = "england-send"
FRAMEWORK_VERSION = "1"

# Error code for a failure that is our fault rather than the document's; the run carries on with the next file.
INTERNAL_ERROR = "internal-error"

Report = dict[str, Any]

# Plain-English names of the sections, for readers of the text and HTML reports. A plan's own heading is shown
# beside them when it has one; these are used where the plan has none (a missing section) or for grouping.
SECTION_NAMES: dict[str, str] = {
    "A": "Views, interests and aspirations",
    "B": "Special educational needs",
    "C": "Health needs",
    "D": "Social care needs",
    "E": "Outcomes",
    "F": "Special educational provision",
    "G": "Health provision",
    "H1": "Social care provision under the Chronically Sick and Disabled Persons Act 1970",
    "H2": "Other social care provision",
    "I": "School or other institution",
    "J": "Personal budget",
    "K": "Advice and information",
    "H": "Social care provision",
    "GEN": "The plan as a whole",
    "STRUCT": "Structure of the plan",
}

GRADE_LABELS: dict[str, str] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires-improvement": "Requires improvement",
    "inadequate": "Inadequate",
}


def section_label(section_id: str) -> str:
    """A label such as 'Section F: Special educational provision'; the id itself for a place with no name."""
    name = SECTION_NAMES.get(section_id)
    if name is None:
        return section_id
    if section_id in SECTION_IDS or section_id == "H":
        return f"Section {section_id}: {name}"
    return name


def run_header() -> dict[str, Any]:
    """Everything in a run except its reports."""
    return {
        "schema": SCHEMA_ID,
        "engine_version": ENGINE_VERSION,
        "framework": {"id": FRAMEWORK_ID, "version": FRAMEWORK_VERSION},
    }


def build_run(reports: list[Report]) -> dict[str, Any]:
    """A whole run as one dict (for small runs and tests; the CLI streams instead)."""
    return {**run_header(), "reports": reports}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def document_report(source: str, document: PlanDocument, analysis: Analysis) -> Report:
    """The report of a document that was read and analysed."""
    meta = document.metadata
    return {
        "source": source,
        "ok": True,
        "error": None,
        "document": {"format": document.format, "pages": document.pages, "characters": document.characters},
        "metadata": {
            "child_name": meta.child_name,
            "date_of_birth": _iso(meta.date_of_birth),
            "year_group": meta.year_group,
            "plan_date": _iso(meta.plan_date),
            "last_review_date": _iso(meta.last_review_date),
            "plan_status": meta.plan_status,
        },
        "sections": [_section_entry(document, sid) for sid in SECTION_IDS],
        "findings": [f.as_dict() for f in analysis.findings],
        "scores": analysis.scores.as_dict(),
    }


def _section_entry(document: PlanDocument, section_id: str) -> dict[str, Any]:
    section = document.section(section_id)
    if section is None:
        # A missing section keeps its place in the list so every report has the same twelve entries.
        return {"id": section_id, "title": None, "present": False, "characters": 0}
    return {"id": section_id, "title": section.title, "present": True, "characters": section.characters}


def error_report(source: str, code: str, message: str) -> Report:
    """The report of a file that could not be read or analysed.

    Keys that only make sense for a read document are null (or empty lists) rather than absent, so a consumer can
    index every report the same way and tell the two kinds apart by ``ok``.
    """
    return {
        "source": source,
        "ok": False,
        "error": {"code": code, "message": message},
        "document": None,
        "metadata": None,
        "sections": [],
        "findings": [],
        "scores": None,
    }


class JsonRunWriter:
    """Writes a run to ``out`` one report at a time, so memory stays flat however many plans there are.

    The output is a single JSON document, identical in content to ``json.dumps(build_run(reports))``.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._count = 0

    def begin(self) -> None:
        header = json.dumps(run_header(), indent=2, ensure_ascii=False)
        # Reopen the header object to append the reports array to it.
        self._out.write(header[: header.rstrip().rfind("}")].rstrip() + ',\n  "reports": [')

    def add(self, report: Report) -> None:
        body = json.dumps(report, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        self._out.write(("," if self._count else "") + "\n    " + body)
        self._count += 1

    def finish(self) -> None:
        self._out.write("\n  ]\n}\n" if self._count else "]\n}\n")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``ehcpqa.report/1``, shipped with the package."""
    text = resources.files("ehcp_analysis.schemas").joinpath("report-1.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def iter_findings_by_place(report: Report) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The findings of a report grouped by the section where their evidence is, in statutory order.

    A finding about the whole plan (``GEN``) whose evidence sits in a section is shown with that section, because
    that is where a reader will go to fix it. Findings with no place come last under ``GEN``.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in report.get("findings") or []:
        groups.setdefault(finding_place(finding), []).append(finding)
    order = {sid: i for i, sid in enumerate(SECTION_IDS)}
    for place in sorted(groups, key=lambda p: (order.get(p, len(order)), p)):
        yield place, sorted(groups[place], key=_finding_order)


def finding_place(finding: dict[str, Any]) -> str:
    """The section a finding should be shown in: where its evidence is, else the section it is about."""
    location = (finding.get("evidence") or {}).get("location") or {}
    section = location.get("section") or finding.get("section") or "GEN"
    return str(section)


def _finding_order(finding: dict[str, Any]) -> tuple[int, int, str]:
    location = (finding.get("evidence") or {}).get("location") or {}
    severity_rank = 0 if finding.get("severity") == "red" else 1
    return severity_rank, int(location.get("paragraph") or 0), str(finding.get("code"))
