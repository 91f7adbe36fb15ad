"""Read the register's CSV export of gemeenten (organisaties.overheid.nl) from its raw bytes.

The export is UTF-8 (a BOM is accepted), `;`-separated, every field quoted, one header row and one
row per gemeente. Only the columns the campaign uses are read; the others may come and go. Rows
are joined on the CBS code at the end of the `TOOi URI`, never on the name, which differs from
CBS's (`Gemeente Bergen (NH)` against `Bergen (NH.)`).

Two levels of failure:

- A file that is not the export at all (empty, not UTF-8, an HTML page, wrong or missing columns,
  rows cut off) raises `RegisterFormatError` with one English sentence for the CLI.
- A flaw in one gemeente's row (an invalid code, seats that do not add up, an e-mail without @,
  ...) becomes a `Problem` on that row; the rest of the row and the file are still read.

The export date: the file has no such column (`Laatste mutatie` is per row and says only when the
gemeente last edited anything). The loader takes it, in this order, from an explicit
`--export-date`, from a date in the file name (`...-YYYY-MM-DD.csv`, `export_date_from_filename`),
or, for a URL, from the HTTP `Last-Modified` header (`export_date_from_last_modified`); without
any of them it refuses to load. An export date before `RegisterExport.latest_mutation` contradicts
the file and deserves a warning.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date
from email.utils import parsedate_to_datetime
from pathlib import PurePath
from zoneinfo import ZoneInfo

from campaign.register import cells
from campaign.register.records import (
    Labelled,
    PartySeats,
    Problem,
    ProblemKind,
    RegisterExport,
    RegisterGemeente,
)

__all__ = [
    "REQUIRED_COLUMNS",
    "Labelled",
    "PartySeats",
    "Problem",
    "ProblemKind",
    "RegisterExport",
    "RegisterFormatError",
    "RegisterGemeente",
    "export_date_from_filename",
    "export_date_from_last_modified",
    "parse_export",
]

REQUIRED_COLUMNS = (
    cells.NAME,
    cells.LAST_MUTATION,
    cells.EMAILS,
    cells.WEBSITES,
    cells.AREA,
    cells.INHABITANTS,
    cells.TOTAL_SEATS,
    cells.COUNCIL,
    cells.TOOI_URI,
)
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
_FILE_DATE = re.compile(r".*?(?<!\d)(\d{4})-(\d{2})-(\d{2})\.csv", re.IGNORECASE)


class RegisterFormatError(ValueError):
    """The file is not the register's CSV export of gemeenten; the message says why."""


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterFormatError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
            f"{error.start}); the register exports UTF-8."
        ) from None
    if not text.strip():
        raise RegisterFormatError("The file is empty.")
    if "\x00" in text:
        raise RegisterFormatError(
            "The file contains NUL characters, so it is no UTF-8 text file (UTF-16, or binary?)."
        )
    head = text.lstrip()[:2048].casefold()
    if head.startswith("<") or "<html" in head or "<!doctype" in head:
        raise RegisterFormatError(
            "The file is an HTML page, not the register's CSV export; was a web page "
            "downloaded instead of the export?"
        )
    return text


def _column_positions(header: list[str]) -> dict[str, int]:
    names = [name.strip() for name in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if len(missing) == len(REQUIRED_COLUMNS):
        hint = " (it does not look ';'-separated)" if len(names) == 1 else ""
        raise RegisterFormatError(
            "The header has none of the register's columns, such as "
            f"{cells.TOOI_URI!r} and {cells.COUNCIL!r}{hint}: this is not the register's "
            "CSV export of gemeenten."
        )
    if missing:
        raise RegisterFormatError(
            "The file lacks these columns of the register's export: "
            + ", ".join(repr(column) for column in missing)
            + "."
        )
    doubled = [column for column in REQUIRED_COLUMNS if names.count(column) > 1]
    if doubled:
        raise RegisterFormatError(
            "The header has these columns more than once: "
            + ", ".join(repr(column) for column in doubled)
            + "."
        )
    return {column: names.index(column) for column in REQUIRED_COLUMNS}


def _read_row(line: int, values: dict[str, str]) -> RegisterGemeente:
    code, code_problems = cells.read_code(values[cells.TOOI_URI])
    name = values[cells.NAME].strip()
    name_problems = (
        []
        if name
        else [Problem(ProblemKind.MISSING_NAME, cells.NAME, "", "the row has no official name")]
    )
    emails, email_problems = cells.read_labelled(cells.EMAILS, values[cells.EMAILS])
    websites, website_problems = cells.read_labelled(cells.WEBSITES, values[cells.WEBSITES])
    inhabitants, inhabitant_problems = cells.read_count(
        cells.INHABITANTS, values[cells.INHABITANTS]
    )
    area, area_problems = cells.read_area(values[cells.AREA])
    total_seats, total_problems = cells.read_count(cells.TOTAL_SEATS, values[cells.TOTAL_SEATS])
    parties, council_problems = cells.read_council(values[cells.COUNCIL], total_seats)
    last_mutation, date_problems = cells.read_date(cells.LAST_MUTATION, values[cells.LAST_MUTATION])
    return RegisterGemeente(
        line=line,
        code=code,
        name=name,
        emails=emails,
        websites=websites,
        inhabitants=inhabitants,
        area_km2=area,
        total_seats=total_seats,
        parties=parties,
        last_mutation=last_mutation,
        problems=(
            *code_problems,
            *name_problems,
            *email_problems,
            *website_problems,
            *inhabitant_problems,
            *area_problems,
            *total_problems,
            *council_problems,
            *date_problems,
        ),
    )


def _mark_duplicate_codes(rows: list[RegisterGemeente]) -> list[RegisterGemeente]:
    """Every row whose code another row also has gets a problem: which one is right is unknown."""
    lines: defaultdict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row.code is not None:
            lines[row.code].append(row.line)
    marked = []
    for row in rows:
        shared = [line for line in lines.get(row.code or "", []) if line != row.line]
        if shared:
            message = f"code {row.code} is also on line " + ", ".join(map(str, shared))
            problem = Problem(ProblemKind.DUPLICATE_CODE, cells.TOOI_URI, row.code or "", message)
            row = replace(row, problems=(*row.problems, problem))
        marked.append(row)
    return marked


def parse_export(data: bytes) -> RegisterExport:
    """Read the export's raw bytes; raises `RegisterFormatError` if it is not the export."""
    reader = csv.reader(io.StringIO(_decode(data), newline=""), delimiter=";", strict=True)
    rows: list[RegisterGemeente] = []
    try:
        header = next(reader)
        positions = _column_positions(header)
        start = reader.line_num + 1
        for record in reader:
            if not record:
                start = reader.line_num + 1
                continue
            if len(record) != len(header):
                raise RegisterFormatError(
                    f"Line {start} has {len(record)} fields where the header has "
                    f"{len(header)}: the file is damaged or cut off."
                )
            values = {column: record[index] for column, index in positions.items()}
            rows.append(_read_row(start, values))
            start = reader.line_num + 1
    except csv.Error as error:
        raise RegisterFormatError(
            f"The file is not valid CSV near line {reader.line_num}: {error}."
        ) from None
    if not rows:
        raise RegisterFormatError("The file has a header but no gemeenten.")
    return RegisterExport(gemeenten=tuple(_mark_duplicate_codes(rows)))


def export_date_from_filename(name: str | PurePath) -> date | None:
    """`register-overheidsorganisaties-gemeenten-2026-04-15.csv` → 15 April 2026, else None."""
    match = _FILE_DATE.fullmatch(PurePath(name).name)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def export_date_from_last_modified(value: str) -> date | None:
    """An HTTP `Last-Modified` header → the date in the Netherlands, else None."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(DUTCH_TIME).date()
