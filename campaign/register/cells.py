"""How each cell of the register export is read, and which problems a cell can have.

Each reader returns the typed value (None, or an empty tuple, when there is nothing readable) and
the problems it found. Readers never repair a value: `26.062` inhabitants is reported, not read as
26062, and a party entry without seats is reported, not given zero.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlsplit

from campaign.register.records import Labelled, PartySeats, Problem, ProblemKind

NAME = "Officiële naam"
LAST_MUTATION = "Laatste mutatie"
EMAILS = "E-mail adressen"
WEBSITES = "Internetpagina's"
AREA = "Oppervlakte (km2)"
INHABITANTS = "Aantal inwoners"
TOTAL_SEATS = "Totaal aantal zetels"
COUNCIL = "Raad (Partij (aantal zetels))"
TOOI_URI = "TOOi URI"

# Gemeentewet art. 8: the council size for up to so many inhabitants; more than 200,000 get 45.
_SIZE_BRACKETS = (
    (3_000, 9), (6_000, 11), (10_000, 13), (15_000, 15), (20_000, 17), (25_000, 19),
    (30_000, 21), (35_000, 23), (40_000, 25), (45_000, 27), (50_000, 29), (60_000, 31),
    (70_000, 33), (80_000, 35), (100_000, 37), (200_000, 39),
)  # fmt: skip
COUNCIL_SIZES = frozenset({seats for _, seats in _SIZE_BRACKETS} | {45})

_CODE = re.compile(r"GM\d{4}")
_COUNT = re.compile(r"\d+")
_AREA = re.compile(r"\d+(?:,\d+)?")
_LABEL_SEPARATOR = ", label: "
# `Groen Drimmelen (VP/D66) (4)`: the name is everything before the last parenthesised group.
_PARTY = re.compile(r"(?P<name>.*\S)?\s*\((?P<seats>[^()]*)\)\s*")
_NUMBER_LIKE = re.compile(r"[-+]?[\d\s.,]+")


def council_size_for(inhabitants: int) -> int:
    """The council size Gemeentewet art. 8 gives this many inhabitants.

    The law counts the inhabitants of 1 January of the year before the election; the register's
    count may be of another date, so a difference near a bracket's edge is no proof of an error.
    """
    return next((seats for limit, seats in _SIZE_BRACKETS if inhabitants <= limit), 45)


def _problem(kind: ProblemKind, column: str, value: str, message: str) -> Problem:
    return Problem(kind=kind, column=column, value=value, message=message)


def read_code(uri: str) -> tuple[str | None, list[Problem]]:
    """`https://identifier.overheid.nl/tooi/id/gemeente/gm1680` → `GM1680`."""
    candidate = uri.strip().rstrip("/").rsplit("/", 1)[-1].upper()
    if _CODE.fullmatch(candidate):
        return candidate, []
    message = (
        "no TOOi URI, so no CBS code"
        if not uri.strip()
        else f"the TOOi URI {uri.strip()!r} does not end in a CBS code (GM and 4 digits)"
    )
    return None, [_problem(ProblemKind.INVALID_CODE, TOOI_URI, uri, message)]


def read_count(column: str, text: str) -> tuple[int | None, list[Problem]]:
    """A whole number of inhabitants or seats; empty means unknown."""
    value = text.strip()
    if not value:
        return None, []
    if _COUNT.fullmatch(value):
        return int(value), []
    message = f"{column} {value!r} is not a whole number"
    return None, [_problem(ProblemKind.INVALID_NUMBER, column, text, message)]


def read_area(text: str) -> tuple[Decimal | None, list[Problem]]:
    """Square kilometres with a decimal comma (`279,27`); a decimal point is ambiguous: refused."""
    value = text.strip()
    if not value:
        return None, []
    if _AREA.fullmatch(value):
        return Decimal(value.replace(",", ".")), []
    message = f"area {value!r} is not a number with a decimal comma"
    return None, [_problem(ProblemKind.INVALID_NUMBER, AREA, text, message)]


def read_date(column: str, text: str) -> tuple[date | None, list[Problem]]:
    """A register date, `dd-mm-yyyy`."""
    value = text.strip()
    if not value:
        return None, []
    try:
        return datetime.strptime(value, "%d-%m-%Y").date(), []
    except ValueError:
        message = f"{column} {value!r} is not a date (dd-mm-yyyy)"
        return None, [_problem(ProblemKind.INVALID_DATE, column, text, message)]


def _is_email(value: str) -> bool:
    """One @ with something before it and a dotted domain after it, no spaces or separators."""
    local, at, domain = value.partition("@")
    if not (at and local) or "@" in domain:
        return False
    if any(char.isspace() or char in ",;<>" for char in value):
        return False
    host, dot, top = domain.rpartition(".")
    return bool(dot and host and top)


def _is_website(value: str) -> bool:
    if any(char.isspace() for char in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and "." in parts.netloc


def read_labelled(column: str, text: str) -> tuple[tuple[Labelled, ...], list[Problem]]:
    """`;`-separated `value, label: L` entries of the e-mail or website column.

    An entry whose value is not an e-mail address (resp. an http(s) URL) is left out and reported:
    some gemeenten put a web page in the e-mail column.
    """
    is_valid, kind, what = (
        (_is_email, ProblemKind.MALFORMED_EMAIL, "an e-mail address")
        if column == EMAILS
        else (_is_website, ProblemKind.MALFORMED_WEBSITE, "an http(s) web address")
    )
    entries: list[Labelled] = []
    problems: list[Problem] = []
    for entry in text.split(";"):
        if not entry.strip():
            continue
        value, separator, label = entry.partition(_LABEL_SEPARATOR)
        value = value.strip()
        if is_valid(value):
            entries.append(
                Labelled(value=value, label=(label.strip() or None) if separator else None)
            )
        else:
            problems.append(_problem(kind, column, entry, f"{value!r} is not {what}"))
    return tuple(entries), problems


def _read_party(entry: str) -> PartySeats | Problem:
    shown = entry.strip()
    match = _PARTY.fullmatch(entry)
    seats = match["seats"].strip() if match else ""
    number_like = _NUMBER_LIKE.fullmatch(seats) and any(char.isdigit() for char in seats)
    if match is None or not number_like:
        message = f"party entry {shown!r} has no seats"
        return _problem(ProblemKind.MALFORMED_PARTY, COUNCIL, entry, message)
    if not _COUNT.fullmatch(seats):
        message = f"party entry {shown!r} has a seat count that is not a whole number"
        return _problem(ProblemKind.INVALID_NUMBER, COUNCIL, entry, message)
    name = (match["name"] or "").strip()
    if not any(char.isalnum() for char in name):
        message = f"party entry {shown!r} has no party name"
        return _problem(ProblemKind.MALFORMED_PARTY, COUNCIL, entry, message)
    return PartySeats(name=name, seats=int(seats))


def read_council(
    text: str, total_seats: int | None
) -> tuple[tuple[PartySeats, ...], list[Problem]]:
    """`GroenLinks (6);D66 (6);...` checked against the registered total, which is not corrected.

    The seats are added up only when every entry could be read; otherwise the unreadable entry is
    the problem to report, not the sum.
    """
    parties: list[PartySeats] = []
    problems: list[Problem] = []
    unreadable = False
    for entry in text.split(";"):
        if not entry.strip():
            continue
        result = _read_party(entry)
        if isinstance(result, Problem):
            problems.append(result)
            unreadable = True
            continue
        if any(party.name == result.name for party in parties):
            message = f"party {result.name!r} is registered twice"
            problems.append(_problem(ProblemKind.DUPLICATE_PARTY, COUNCIL, entry, message))
        parties.append(result)
    if total_seats is None:
        return tuple(parties), problems
    if total_seats not in COUNCIL_SIZES:
        message = f"a council of {total_seats} seats is not a size the Gemeentewet (art. 8) allows"
        problems.append(
            _problem(ProblemKind.UNUSUAL_COUNCIL_SIZE, TOTAL_SEATS, str(total_seats), message)
        )
    seats = sum(party.seats for party in parties)
    if not unreadable and seats != total_seats:
        message = f"the parties hold {seats} seats, the registered total is {total_seats}"
        problems.append(_problem(ProblemKind.SEATS_MISMATCH, COUNCIL, text, message))
    return tuple(parties), problems
