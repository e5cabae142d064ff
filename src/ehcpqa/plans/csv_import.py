"""Reading a CSV of plan records exported from a case-management system.

Pure parsing and validation: nothing here touches the database. The caller passes in the case officers it knows
about, gets back typed rows and every problem found (with row number and column), and decides what to save.
The columns are documented for users in docs/csv-import.md; keep the two in step.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ehcpqa.plans.models import PlanStatus, PrimaryNeed


class CsvFileError(Exception):
    """The file as a whole cannot be used (not CSV, not UTF-8, wrong columns, too big). Nothing is imported."""


@dataclass(frozen=True)
class RowError:
    row: int  # the row as a spreadsheet numbers it: the header is row 1
    column: str | None  # the column heading as documented, or None for the row as a whole
    message: str


@dataclass
class PlanRow:
    row: int
    reference: str
    values: dict[str, Any]  # Plan field name -> typed value, ready to save
    case_officer_id: int | None = None


@dataclass
class ParsedCsv:
    rows: list[PlanRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


Parser = Callable[[str], Any]


class CellError(ValueError):
    """A value that cannot be used; the message is shown to the person importing."""


REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,59}$")
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
EARLIEST_DATE = date(1990, 1, 1)


def parse_reference(raw: str) -> str:
    value = raw.strip()
    if not value:
        raise CellError("Enter the plan reference.")
    if not REFERENCE_PATTERN.match(value):
        raise CellError(
            "Use only letters, digits and / _ . - (at most 60 characters), starting with a letter or digit."
        )
    return value


def parse_date(raw: str) -> date | None:
    value = raw.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CellError("Enter a real date like 2024-05-31 or 31/05/2024.")


def parse_year_group(raw: str) -> int | None:
    value = raw.strip().lower()
    value = re.sub(r"^(year|yr|y)\s*", "", value)
    if not value:
        return None
    named = {"r": 0, "reception": 0, "n2": -1, "nursery 2": -1, "n1": -2, "nursery 1": -2}
    if value in named:
        return named[value]
    if not re.fullmatch(r"-?\d+", value) or not -2 <= int(value) <= 14:
        raise CellError("Enter a year group from 0 (Reception, or R) to 14; N1 and N2 (or -2 and -1) for nursery.")
    return int(value)


def parse_primary_need(raw: str) -> str:
    value = raw.strip().lower()
    if not value:
        return ""
    for choice in PrimaryNeed:
        if value in (choice.value.lower(), choice.label.lower()):
            return choice.value
    codes = ", ".join(c.value for c in PrimaryNeed)
    raise CellError(f"Use one of the national primary need codes: {codes}.")


def parse_status(raw: str) -> str:
    value = raw.strip().lower()
    for choice in PlanStatus:
        if value == choice.value:
            return choice.value
    raise CellError("Enter the plan status: draft, final, amended or ceased.")


def parse_yes_no(raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise CellError("Enter yes or no.")


def text_of(max_length: int) -> Parser:
    def parse(raw: str) -> str:
        value = " ".join(raw.split())
        if len(value) > max_length:
            raise CellError(f"Use at most {max_length} characters.")
        return value

    return parse


@dataclass(frozen=True)
class Column:
    name: str  # heading in the file (compared after normalising case, spaces and hyphens)
    field: str  # Plan field it fills
    parse: Parser
    required: bool = True  # the heading must be present (the value may still be blank where that makes sense)


COLUMNS: tuple[Column, ...] = (
    Column("reference", "reference", parse_reference),
    Column("date_of_birth", "date_of_birth", parse_date),
    Column("year_group", "year_group", parse_year_group),
    Column("primary_need", "primary_need", parse_primary_need),
    Column("setting", "setting", text_of(200)),
    Column("setting_type", "setting_type", text_of(100)),
    Column("looked_after", "looked_after", parse_yes_no),
    Column("request_date", "request_date", parse_date),
    Column("issued_date", "issued_date", parse_date),
    Column("last_review_date", "last_review_date", parse_date),
    Column("status", "status", parse_status),
    Column("case_officer", "case_officer", text_of(254)),  # resolved against the authority's users below
    Column("team", "team", text_of(100)),
    Column("child_name", "child_name", text_of(200), required=False),
)
COLUMN_BY_NAME = {c.name: c for c in COLUMNS}
DATE_FIELDS = ("date_of_birth", "request_date", "issued_date", "last_review_date")


def normalise_heading(heading: str) -> str:
    return re.sub(r"[\s-]+", "_", heading.strip().lower()).strip("_")


def decode(data: bytes) -> str:
    if b"\x00" in data:
        raise CsvFileError(
            "The file is not a CSV file: it contains binary data. Export the plans as CSV and try again."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvFileError(
            "The file is not saved as UTF-8 text. In Excel choose ‘CSV UTF-8 (comma delimited)’ when you save it."
        ) from None


def parse_plan_csv(
    data: bytes,
    *,
    case_officers: Mapping[str, int],
    today: date,
    max_rows: int,
) -> ParsedCsv:
    """Parse and check every row. ``case_officers`` maps lower-cased usernames and emails to user ids.

    Raises CsvFileError when the file as a whole is unusable; otherwise returns rows and row-level errors.
    """
    text = decode(data)
    if not text.strip():
        raise CsvFileError("The file is empty. It needs a header row and at least one plan.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        columns = _check_header(header)
        result = ParsedCsv()
        first_row_of: dict[str, int] = {}
        data_rows = 0
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue  # blank lines are common at the end of exports
            row_number = reader.line_num
            data_rows += 1
            if data_rows > max_rows:
                raise CsvFileError(f"The file has more than {max_rows:,} plans. Split it into smaller files.")
            row = _parse_row(row_number, cells, columns, case_officers, today, result.errors)
            if row is None:
                continue
            key = row.reference.lower()
            if key in first_row_of:
                result.errors.append(
                    RowError(row_number, "reference", f"Reference {row.reference} is also on row {first_row_of[key]}.")
                )
                continue
            first_row_of[key] = row_number
            result.rows.append(row)
    except csv.Error as exc:
        raise CsvFileError(f"The file is not valid CSV near row {reader.line_num}: {exc}.") from None
    if not result.rows and not result.errors:
        raise CsvFileError("The file has a header row but no plans.")
    return result


def _check_header(header: list[str]) -> list[Column | None]:
    names = [normalise_heading(h) for h in header]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    unknown = [h for h, n in zip(header, names, strict=True) if n not in COLUMN_BY_NAME]
    missing = [c.name for c in COLUMNS if c.required and c.name not in names]
    problems = []
    if missing:
        problems.append("missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing))
    if unknown:
        problems.append("unknown column" + ("s " if len(unknown) > 1 else " ") + ", ".join(repr(u) for u in unknown))
    if duplicates:
        problems.append("repeated column" + ("s " if len(duplicates) > 1 else " ") + ", ".join(duplicates))
    if problems:
        raise CsvFileError("The header row does not match the documented columns: " + "; ".join(problems) + ".")
    return [COLUMN_BY_NAME[n] for n in names]


def _parse_row(
    row_number: int,
    cells: list[str],
    columns: list[Column | None],
    case_officers: Mapping[str, int],
    today: date,
    errors: list[RowError],
) -> PlanRow | None:
    if len(cells) != len(columns):
        errors.append(
            RowError(row_number, None, f"The row has {len(cells)} values but the header has {len(columns)} columns.")
        )
        return None
    values: dict[str, Any] = {}
    row_errors: list[RowError] = []
    for column, raw in zip(columns, cells, strict=True):
        assert column is not None
        try:
            values[column.field] = column.parse(raw)
        except CellError as exc:
            row_errors.append(RowError(row_number, column.name, str(exc)))
    for name in DATE_FIELDS:
        value = values.get(name)
        if isinstance(value, date) and not EARLIEST_DATE <= value <= today:
            row_errors.append(RowError(row_number, name, "The date must be in the past and after 1990."))
    officer_key = values.pop("case_officer", "")
    officer_id = None
    if officer_key:
        officer_id = case_officers.get(officer_key.lower())
        if officer_id is None:
            row_errors.append(
                RowError(
                    row_number,
                    "case_officer",
                    f"No case officer in this authority has the username or email {officer_key!r}.",
                )
            )
    errors.extend(row_errors)
    if row_errors:
        return None
    return PlanRow(row=row_number, reference=values.pop("reference"), values=values, case_officer_id=officer_id)
