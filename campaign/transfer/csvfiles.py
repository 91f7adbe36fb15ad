"""Reading CSV files as spreadsheets save them, and writing CSV that spreadsheets open safely."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence

from campaign.errors import UserError
from campaign.security import FORBIDDEN_CHARACTERS

# A cell starting with one of these runs as a formula in Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
UTF8_BOM = "\ufeff"


def guard_cell(value: object) -> str:
    """Text a user typed stays text: a leading apostrophe stops a spreadsheet evaluating it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, for_excel: bool = False
) -> str:
    """CSV as RFC 4180 describes it: comma-separated, CRLF line ends, quotes where needed.

    `for_excel`: a file that Dutch Excel opens right with a double click. Excel reads a CSV
    without a byte order mark as Windows-1252 ("SÃºdwest-FryslÃ¢n") and splits it on the
    locale's list separator, which is `;` in Dutch, so it gets both.
    """
    buffer = io.StringIO()
    if for_excel:
        buffer.write(UTF8_BOM)
    writer = csv.writer(buffer, delimiter=";" if for_excel else ",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([guard_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def decode_upload(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), UTF-16 with its BOM (Excel's "Unicode
    text"), else Windows-1252 as older Excel saves."""
    if not data.strip():
        raise UserError("Het bestand is leeg.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError("Dit bestand is geen leesbare UTF-16-tekst.") from None
    elif b"\x00" in data:
        raise UserError("Dit is geen CSV-bestand (het bevat binaire gegevens).")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if FORBIDDEN_CHARACTERS.search(text):
        raise UserError("Dit is geen CSV-bestand (het bevat binaire gegevens).")
    return text


def read_rows(text: str, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows as dicts keyed by lower-case column name; comma, semicolon or tab separated."""
    try:
        return _read_rows(text, required)
    except csv.Error as error:
        raise UserError(
            f"Dit is geen leesbare CSV ({error}). Sla het bestand opnieuw op als CSV."
        ) from None


def _read_rows(text: str, required: Sequence[str]) -> list[dict[str, str]]:
    first_line = text.splitlines()[0] if text else ""
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in required if name not in columns]
    if missing:
        raise UserError(
            "De kolom(men) "
            + ", ".join(missing)
            + " ontbreken. Verwacht: "
            + ", ".join(required)
            + "."
        )
    rows = []
    for raw in reader:
        row = {
            (key or "").strip().lower(): (value or "").strip()
            for key, value in raw.items()
            if not isinstance(value, list)
        }
        if any(row.values()):
            rows.append(row)
    if not rows:
        raise UserError("Het bestand bevat geen rijen onder de kopregel.")
    return rows
