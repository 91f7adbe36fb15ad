"""Small register exports written in the register's own format, for the tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from campaign.register.export import REQUIRED_COLUMNS

COLUMNS = ("Afkorting", *REQUIRED_COLUMNS, "Organisatiecode")

AMERSFOORT = {
    "Officiële naam": "Gemeente Amersfoort",
    "Afkorting": "Amersfoort",
    "Laatste mutatie": "22-03-2026",
    "E-mail adressen": "info@amersfoort.nl, label: algemeen;"
    "omgevingsloket@amersfoort.nl, label: Omgevingsloket",
    "Internetpagina's": "https://www.amersfoort.nl, label: algemeen",
    "Oppervlakte (km2)": "63,86",
    "Aantal inwoners": "163418",
    "Totaal aantal zetels": "39",
    "Raad (Partij (aantal zetels))": "GroenLinks (6);D66 (6);CDA (5);ChristenUnie (4);VVD (4);"
    "Amersfoort2014 (4);PvdA (2);SP (2);Partij voor de Dieren (2);"
    "Burger Partij Amersfoort (1);Beter Amersfoort (1);DENK (1);Amersfoort voor Vrijheid (1)",
    "TOOi URI": "https://identifier.overheid.nl/tooi/id/gemeente/gm0307",
    "Organisatiecode": "gm0307",
}


def row(changes: Mapping[str, str] | None = None) -> dict[str, str]:
    """Amersfoort's row with some cells (by column name) changed."""
    return {**AMERSFOORT, **(changes or {})}


def export_bytes(
    *rows: dict[str, str], columns: Sequence[str] = COLUMNS, line_end: str = "\n"
) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator=line_end)
    writer.writerow(columns)
    for values in rows:
        writer.writerow([values.get(column, "") for column in columns])
    return out.getvalue().encode("utf-8")
