"""Reading a CSV file the way Dutch Excel does when someone double-clicks it.

Excel takes a file that starts with the UTF-8 byte order mark as UTF-8 and any other as the
Windows code page (1252 in the Netherlands), splits each line on the locale's list separator
(`;` for nl-NL), and runs a cell that starts with `=`, `+`, `-` or `@` as a formula.
"""

from __future__ import annotations

import codecs
import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@")


def read_as_dutch_excel(data: bytes) -> list[list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    else:
        text = data.decode("cp1252", errors="replace")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def formulas(rows: list[list[str]]) -> list[str]:
    """Cells Excel would run. A number like -3 starts with "-" too, and is harmless."""
    found = []
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_STARTS):
                try:
                    float(cell)
                except ValueError:
                    found.append(cell)
    return found
