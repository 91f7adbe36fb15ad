"""What one export of the register says of each gemeente, in the terms the campaign stores.

From a row of the export (`RegisterGemeente`) this picks:

- the general e-mail address: the first one labelled `algemeen` (an `Omgevingsloket` address
  is for permits, not for the council, so it is never taken as general);
- a griffie address: the first e-mail address whose address or label names the griffie;
- the website: the first one labelled `algemeen`, else the first one;
- the number of inhabitants;
- the council: total seats and parties as registered. A party registered twice under the same
  name (case aside) is one fractie whose seats are added up, and the row says so; different
  names stay different fracties.

Which raadsperiode a council belongs to follows from the export's date: before the councils
elected on 18 March 2026 took office (`RAADSPERIODE_2026_STARTS`), it is 2022-2026; from then on
2026-2030, except where the party list is exactly the stored 2022-2026 one (the gemeente has not
registered its new council yet), which leaves 2026-2030 unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from campaign.gemeenten.models import RAADSPERIODES, current_raadsperiode
from campaign.gemeenten.provenance import CouncilIssue
from campaign.register.cells import COUNCIL, COUNCIL_SIZES, council_size_for
from campaign.register.records import Labelled, PartySeats, ProblemKind, RegisterGemeente

GENERAL_LABEL = "algemeen"
_ISSUES = {
    ProblemKind.SEATS_MISMATCH: CouncilIssue.SEATS_MISMATCH,
    ProblemKind.UNUSUAL_COUNCIL_SIZE: CouncilIssue.UNUSUAL_COUNCIL_SIZE,
    ProblemKind.DUPLICATE_PARTY: CouncilIssue.DUPLICATE_PARTY,
}
# Problems that make a whole row unusable: it cannot be joined to a gemeente.
UNJOINABLE = (ProblemKind.INVALID_CODE, ProblemKind.DUPLICATE_CODE)


@dataclass(frozen=True)
class CouncilFacts:
    raadsperiode: str
    total_seats: int | None
    parties: tuple[PartySeats, ...]
    issues: tuple[CouncilIssue, ...] = ()


@dataclass(frozen=True)
class GemeenteFacts:
    """What an export says of one gemeente. None (or no council) means it says nothing of it,
    which never clears a value stored earlier."""

    code: str
    name: str
    inhabitants: int | None = None
    general_email: Labelled | None = None
    griffie_email: Labelled | None = None
    website: Labelled | None = None
    councils: tuple[CouncilFacts, ...] = ()
    # Doubts and left-out entries of this gemeente's row, in English, for the report.
    remarks: tuple[str, ...] = ()
    # Why the row's council was not taken, when it was not.
    council_not_taken: str | None = None


@dataclass(frozen=True)
class Unusable:
    """A row the load could not use at all, and why."""

    line: int | None
    name: str
    reason: str


@dataclass(frozen=True)
class ExportFacts:
    location: str
    export_date: date
    gemeenten: tuple[GemeenteFacts, ...]
    unusable: tuple[Unusable, ...] = ()
    notes: tuple[str, ...] = ()


def general_email_of(emails: Sequence[Labelled]) -> Labelled | None:
    return next((e for e in emails if (e.label or "").casefold() == GENERAL_LABEL), None)


def griffie_email_of(emails: Sequence[Labelled]) -> Labelled | None:
    return next((e for e in emails if "griffie" in f"{e.value} {e.label or ''}".casefold()), None)


def website_of(websites: Sequence[Labelled]) -> Labelled | None:
    general = next((w for w in websites if (w.label or "").casefold() == GENERAL_LABEL), None)
    return general or (websites[0] if websites else None)


def merge_parties(parties: Sequence[PartySeats]) -> tuple[tuple[PartySeats, ...], list[str]]:
    """One entry per name (case aside), seats added up, in the order of first mention."""
    seats: dict[str, int] = {}
    names: dict[str, str] = {}
    for party in parties:
        key = party.name.casefold()
        names.setdefault(key, party.name)
        seats[key] = seats.get(key, 0) + party.seats
    counts = Counter(party.name.casefold() for party in parties)
    remarks = [
        f"party {names[key]!r} is registered {count} times: one fractie with {seats[key]} seats"
        for key, count in counts.items()
        if count > 1
    ]
    return tuple(PartySeats(names[key], seats[key]) for key in names), remarks


def council_issues(row: RegisterGemeente, is_new: bool) -> tuple[CouncilIssue, ...]:
    """Why the row's council is doubtful. A new council whose size does not fit the number of
    inhabitants is usually registered only in part."""
    issues = [_ISSUES[p.kind] for p in row.problems if p.kind in _ISSUES]
    if (
        is_new
        and row.inhabitants is not None
        and row.total_seats in COUNCIL_SIZES
        and row.total_seats != council_size_for(row.inhabitants)
    ):
        issues.append(CouncilIssue.SIZE_UNLIKE_INHABITANTS)
    return tuple(dict.fromkeys(issues))


def same_parties(one: Sequence[PartySeats], other: Sequence[PartySeats]) -> bool:
    return Counter(one) == Counter(other)


def council_period(
    parties: Sequence[PartySeats],
    export_date: date,
    previous_council: Sequence[PartySeats] | None,
) -> str | None:
    """The raadsperiode an export's council belongs to (see the module's rule); None: unknown."""
    periode = current_raadsperiode(export_date)
    index = RAADSPERIODES.index(periode)
    if index > 0 and previous_council is not None and same_parties(parties, previous_council):
        return None
    return periode


def _remarks(row: RegisterGemeente, merged: list[str], council_stored: bool) -> tuple[str, ...]:
    remarks = []
    for problem in row.problems:
        if problem.kind in UNJOINABLE or problem.kind is ProblemKind.DUPLICATE_PARTY:
            continue  # the first makes the row unusable; duplicates are in `merged`
        if problem.kind not in _ISSUES:
            remarks.append(f"{problem.message} (left out)")
        elif council_stored:
            remarks.append(f"{problem.message} (council stored as doubtful)")
        else:
            remarks.append(problem.message)
    return (*remarks, *merged)


def _has_unreadable_party(row: RegisterGemeente) -> bool:
    return any(
        p.column == COUNCIL and p.kind in (ProblemKind.MALFORMED_PARTY, ProblemKind.INVALID_NUMBER)
        for p in row.problems
    )


def gemeente_facts(
    row: RegisterGemeente,
    code: str,
    export_date: date,
    previous_council: Sequence[PartySeats] | None,
) -> GemeenteFacts:
    """The facts of one row that joins gemeente `code`."""
    parties, merged = merge_parties(row.parties)
    councils: tuple[CouncilFacts, ...] = ()
    note = None
    if _has_unreadable_party(row):
        note = "a party entry cannot be read, so the council is incomplete and not taken"
    elif parties:
        periode = council_period(parties, export_date, previous_council)
        if periode is None:
            note = (
                f"same parties as in {RAADSPERIODES[0]}: its {RAADSPERIODES[1]} council is not "
                "registered yet and stays unknown"
            )
        else:
            is_new = periode != RAADSPERIODES[0]
            issues = council_issues(row, is_new)
            councils = (CouncilFacts(periode, row.total_seats, parties, issues),)
    return GemeenteFacts(
        code=code,
        name=row.name,
        inhabitants=row.inhabitants,
        general_email=general_email_of(row.emails),
        griffie_email=griffie_email_of(row.emails),
        website=website_of(row.websites),
        councils=councils,
        remarks=_remarks(row, merged, bool(councils)),
        council_not_taken=note,
    )


def export_facts(
    rows: Sequence[RegisterGemeente],
    export_date: date,
    location: str,
    known_codes: set[str],
    previous_councils: Mapping[str, Sequence[PartySeats]],
) -> ExportFacts:
    """The facts of an export's rows; rows that cannot be joined to a gemeente here are listed
    in `unusable` with the reason. `previous_councils` are the stored 2022-2026 party lists."""
    codes = Counter(row.code for row in rows if row.code is not None)
    unusable: list[Unusable] = []
    notes: list[str] = []
    facts: list[GemeenteFacts] = []
    for row in rows:
        joinable = [p.message for p in row.problems if p.kind in UNJOINABLE]
        if joinable or row.code is None:
            unusable.append(Unusable(row.line, row.name, "; ".join(joinable)))
            continue
        if codes[row.code] > 1:
            continue
        if row.code not in known_codes:
            reason = f"{row.code} is not a gemeente here (merged away, or not a gemeente code)"
            unusable.append(Unusable(row.line, row.name, reason))
            continue
        facts.append(gemeente_facts(row, row.code, export_date, previous_councils.get(row.code)))
    missing = sorted(known_codes - set(codes))
    if missing:
        notes.append(f"{len(missing)} gemeenten here are not in the export: " + ", ".join(missing))
    return ExportFacts(location, export_date, tuple(facts), tuple(unusable), tuple(notes))
