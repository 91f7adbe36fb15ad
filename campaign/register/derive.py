"""Derive the facts seed_data/register/ keeps from two register exports, so a fresh install knows
every gemeente's contact addresses and councils from day one.

The two exports straddle the council elections of 18 March 2026:

- the older one (22 March 2026) holds the councils of raadsperiode 2022-2026;
- the newer one (15 April 2026) holds a 2026-2030 council only where its party list differs from
  the older one. Where the lists are the same, the gemeente had not yet registered its new
  council, so 2026-2030 stays unknown; nothing is copied forward.

Contact addresses and inhabitants come from the newer export. Councils are kept exactly as
registered, flaws included, and each carries the issues that make it doubtful (seats that do not
add up, a size the Gemeentewet does not allow, a party registered twice, and for a new council a
size that does not fit the number of inhabitants, which usually means it is registered only in
part). Only the facts the campaign uses are written, never the export as it is.

Each file's export date is the date in its name, unless the file holds rows changed later (the
export of "22 March 2026" has rows changed on 25 March): an export cannot be older than its
newest change, so that later date is the one recorded, and a note says so.

Usage: `python -m campaign.register.derive OUT_DIR MARCH_FILE APRIL_FILE`
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from campaign.gemeenten.provenance import CouncilIssue
from campaign.register.export import (
    Labelled,
    PartySeats,
    ProblemKind,
    RegisterExport,
    RegisterFormatError,
    RegisterGemeente,
    parse_export,
)
from campaign.register.facts import council_issues
from campaign.register.source import SourceError, choose_export_date, read_source

OLD_PERIOD = "2022-2026"
NEW_PERIOD = "2026-2030"


@dataclass(frozen=True)
class Council:
    code: str
    raadsperiode: str
    export_date: date
    total_seats: int | None
    parties: tuple[PartySeats, ...]
    issues: tuple[CouncilIssue, ...]


@dataclass(frozen=True)
class GemeenteFacts:
    code: str
    export_date: date
    inhabitants: int | None
    emails: tuple[Labelled, ...]
    websites: tuple[Labelled, ...]


@dataclass(frozen=True)
class SeedFacts:
    gemeenten: tuple[GemeenteFacts, ...]
    councils: tuple[Council, ...]
    notes: tuple[str, ...]


def _council(
    code: str, row: RegisterGemeente, periode: str, export_date: date, is_new: bool
) -> Council:
    return Council(
        code=code,
        raadsperiode=periode,
        export_date=export_date,
        total_seats=row.total_seats,
        parties=row.parties,
        issues=council_issues(row, is_new),
    )


def _same_council(old: RegisterGemeente, new: RegisterGemeente) -> bool:
    return Counter(old.parties) == Counter(new.parties)


def _date_notes(name: str, export: RegisterExport, export_date: date) -> list[str]:
    latest = export.latest_mutation
    if latest is not None and latest > export_date:
        return [f"the {name} export is dated {export_date} but has rows changed on {latest}"]
    return []


def _row_notes(name: str, export: RegisterExport) -> list[str]:
    return [
        f"{name} export, line {row.line} ({row.name or 'no name'}) left out: {problem.message}"
        for row in export.gemeenten
        for problem in row.problems
        if problem.kind in (ProblemKind.INVALID_CODE, ProblemKind.DUPLICATE_CODE)
    ]


def derive_seed(
    march: RegisterExport, march_date: date, april: RegisterExport, april_date: date
) -> SeedFacts:
    """The seed facts of the two exports, sorted by code; `notes` say what was left out and why."""
    if march_date >= april_date:
        raise ValueError(f"the March export ({march_date}) must be older than April ({april_date})")
    notes = [
        *_date_notes("March", march, march_date),
        *_date_notes("April", april, april_date),
        *_row_notes("March", march),
        *_row_notes("April", april),
    ]
    old, new = march.by_code(), april.by_code()
    gemeenten: list[GemeenteFacts] = []
    councils: list[Council] = []
    for code in sorted(old.keys() | new.keys()):
        latest, latest_date = (new[code], april_date) if code in new else (old[code], march_date)
        gemeenten.append(
            GemeenteFacts(code, latest_date, latest.inhabitants, latest.emails, latest.websites)
        )
        if code in old and old[code].parties:
            councils.append(_council(code, old[code], OLD_PERIOD, march_date, is_new=False))
        if code in new and code not in old:
            notes.append(f"{code} is only in the April export: its {NEW_PERIOD} council is unknown")
        elif code in new and new[code].parties and not _same_council(old[code], new[code]):
            councils.append(_council(code, new[code], NEW_PERIOD, april_date, is_new=True))
        elif code in new and (old[code].last_mutation or march_date) > march_date:
            notes.append(
                f"{code} ({old[code].name}) was changed after the March export date and is the "
                f"same in April: check that its {OLD_PERIOD} council is not already the new one"
            )
    return SeedFacts(gemeenten=tuple(gemeenten), councils=tuple(councils), notes=tuple(notes))


def _write(path: Path, header: Sequence[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_seed(facts: SeedFacts, folder: Path) -> list[Path]:
    """Write gemeenten.csv, contact.csv, raden.csv and zetels.csv; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    contact: list[list[object]] = []
    for gemeente in facts.gemeenten:
        for kind, entries in (("email", gemeente.emails), ("website", gemeente.websites)):
            contact.extend(
                [gemeente.code, gemeente.export_date.isoformat(), kind, e.value, e.label or ""]
                for e in entries
            )
    files: dict[str, tuple[list[str], list[list[object]]]] = {
        "gemeenten.csv": (
            ["code", "export_date", "inhabitants"],
            [
                [g.code, g.export_date.isoformat(), "" if g.inhabitants is None else g.inhabitants]
                for g in facts.gemeenten
            ],
        ),
        "contact.csv": (["code", "export_date", "kind", "address", "label"], contact),
        "raden.csv": (
            ["code", "raadsperiode", "export_date", "total_seats", "issues"],
            [
                [
                    c.code,
                    c.raadsperiode,
                    c.export_date.isoformat(),
                    "" if c.total_seats is None else c.total_seats,
                    " ".join(c.issues),
                ]
                for c in facts.councils
            ],
        ),
        "zetels.csv": (
            ["code", "raadsperiode", "party", "seats"],
            [[c.code, c.raadsperiode, p.name, p.seats] for c in facts.councils for p in c.parties],
        ),
    }
    paths = []
    for name, (header, rows) in files.items():
        _write(folder / name, header, rows)
        paths.append(folder / name)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m campaign.register.derive", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("march_file", type=Path, help="export with the 2022-2026 councils")
    parser.add_argument("april_file", type=Path, help="export after the 2026 councils took office")
    parser.add_argument("--march-date", type=date.fromisoformat, help="export date, YYYY-MM-DD")
    parser.add_argument("--april-date", type=date.fromisoformat, help="export date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    exports: list[tuple[RegisterExport, date]] = []
    for path, given in ((args.march_file, args.march_date), (args.april_file, args.april_date)):
        try:
            fetched = read_source(str(path))
            export = parse_export(fetched.data)
            export_date, notes = choose_export_date(export, given, fetched, date.max)
        except (SourceError, RegisterFormatError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
        for note in notes:
            print(f"{path.name}: {note}", file=sys.stderr)
        exports.append((export, export_date))
    (march, march_date), (april, april_date) = exports
    facts = derive_seed(march, march_date, april, april_date)
    for path in write_seed(facts, args.out_dir):
        print(f"wrote {path}")
    periods = Counter(council.raadsperiode for council in facts.councils)
    doubtful = Counter(council.raadsperiode for council in facts.councils if council.issues)
    summary = ", ".join(
        f"{periode}: {count} ({doubtful[periode]} with issues)"
        for periode, count in sorted(periods.items())
    )
    print(f"{len(facts.gemeenten)} gemeenten; councils of {summary}")
    for note in facts.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
