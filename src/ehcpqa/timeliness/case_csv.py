"""Reading a CSV of case events: one row per dated step of a child's statutory process.

Checks every row and returns typed cases and all row errors; it never touches the database. The columns are
documented in docs/timeliness.md; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ehcpqa.timeliness.deadlines import EVENT_KINDS, REVIEW_DECISIONS, Event
from ehcpqa.timeliness.rules import statutory_rules

REQUIRED = ("reference", "event", "date")
OPTIONAL = ("detail", "school", "date_of_birth")
REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,59}$")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
EARLIEST = date(2000, 1, 1)
NEEDS_DETAIL = {
    "advice-requested": "the adviser",
    "advice-received": "the adviser",
    "phase-transfer": "the kind of transfer",
}
DECISIONS_TO_ASSESS = ("assess", "not-assess")


class CaseFileError(Exception):
    """The file as a whole cannot be used. Nothing is imported."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str | None
    message: str


@dataclass
class ParsedCase:
    reference: str
    school: str = ""
    date_of_birth: date | None = None
    events: list[Event] = field(default_factory=list)


@dataclass
class ParsedCases:
    cases: dict[str, ParsedCase] = field(default_factory=dict)  # keyed by reference as first written
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def event_count(self) -> int:
        return sum(len(c.events) for c in self.cases.values())


def _date(raw: str, *, latest: date) -> date:
    value = raw.strip()
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if not EARLIEST <= parsed <= latest:
            raise ValueError(f"Use a date between 2000 and {latest.year}.")
        return parsed
    raise ValueError("Enter a real date like 2025-05-31 or 31/05/2025.")


def _check_detail(kind: str, detail: str) -> str | None:
    if kind == "exception" and detail not in {e.code for e in statutory_rules().exceptions}:
        codes = ", ".join(e.code for e in statutory_rules().exceptions)
        return f"Name the exception: one of {codes}."
    if kind == "review-decision" and detail not in REVIEW_DECISIONS:
        return "Enter the decision: maintain, amend or cease."
    if kind == "decision-to-assess" and detail not in DECISIONS_TO_ASSESS:
        return "Enter assess or not-assess."
    if kind in NEEDS_DETAIL and not detail:
        return f"Enter {NEEDS_DETAIL[kind]} in the detail column."
    return None


def parse_case_csv(data: bytes, *, today: date, max_rows: int = 500_000) -> ParsedCases:
    if b"\x00" in data[:8192]:
        raise CaseFileError("The file is not a CSV file: it contains binary data.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError("The file is not saved as UTF-8 text. Save it as ‘CSV UTF-8’ and try again.") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    result = ParsedCases()
    try:
        header = [re.sub(r"[\s-]+", "_", h.strip().lower()) for h in next(reader, [])]
        missing = [c for c in REQUIRED if c not in header]
        unknown = [h for h in header if h not in REQUIRED + OPTIONAL]
        if missing or unknown or len(set(header)) != len(header):
            raise CaseFileError(
                "The header row does not match the documented columns"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                + "."
            )
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            result.rows += 1
            if result.rows > max_rows:
                raise CaseFileError(f"The file has more than {max_rows:,} rows. Split it into smaller files.")
            _parse_row(
                reader.line_num, dict(zip(header, cells, strict=False)), len(cells) == len(header), today, result
            )
    except csv.Error as exc:
        raise CaseFileError(f"The file is not valid CSV near row {reader.line_num}: {exc}.") from None
    if not result.rows:
        raise CaseFileError("The file has no case events.")
    return result


def _parse_row(row: int, cells: dict[str, str], complete: bool, today: date, result: ParsedCases) -> None:
    if not complete:
        result.errors.append(RowError(row, None, "The row does not have the same number of values as the header."))
        return
    errors: list[RowError] = []
    reference = cells["reference"].strip()
    if not REFERENCE_PATTERN.match(reference):
        errors.append(RowError(row, "reference", "Enter the reference: letters, digits and / _ . - only."))
    kind = cells["event"].strip().lower()
    if kind not in EVENT_KINDS:
        errors.append(RowError(row, "event", f"Use one of the events: {', '.join(EVENT_KINDS)}."))
    detail = " ".join(cells.get("detail", "").split()).lower()
    if kind in EVENT_KINDS and (problem := _check_detail(kind, detail)):
        errors.append(RowError(row, "detail", problem))
    on = dob = None
    try:
        on = _date(cells["date"], latest=today)
    except ValueError as exc:
        errors.append(RowError(row, "date", str(exc)))
    if cells.get("date_of_birth", "").strip():
        try:
            dob = _date(cells["date_of_birth"], latest=today)
        except ValueError as exc:
            errors.append(RowError(row, "date_of_birth", str(exc)))
    school = " ".join(cells.get("school", "").split())[:200]
    if errors:
        result.errors.extend(errors)
        return
    assert on is not None
    case = result.cases.setdefault(reference.lower(), ParsedCase(reference))
    if dob is not None:
        if case.date_of_birth is not None and case.date_of_birth != dob:
            result.errors.append(
                RowError(row, "date_of_birth", f"A different date of birth is given for {reference} on an earlier row.")
            )
            return
        case.date_of_birth = dob
    if school:
        case.school = school  # the last school named wins: rows are usually in date order
    case.events.append(Event(on, kind, detail))
