"""Reading the register facts kept in seed_data/register/ (see `derive`, which writes them), as
the facts of one export per export date, so `flask init` stores them like a load would."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

from campaign.gemeenten.provenance import CouncilIssue
from campaign.register.facts import (
    CouncilFacts,
    ExportFacts,
    GemeenteFacts,
    general_email_of,
    griffie_email_of,
    merge_parties,
    website_of,
)
from campaign.register.records import Labelled, PartySeats

SEED_LOCATION = "seed_data/register"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_seed_facts(folder: Path) -> list[ExportFacts]:
    """One `ExportFacts` per export date in the files, oldest first."""
    inhabitants: dict[date, dict[str, int]] = defaultdict(dict)
    for row in _rows(folder / "gemeenten.csv"):
        if row["inhabitants"]:
            inhabitants[date.fromisoformat(row["export_date"])][row["code"]] = int(
                row["inhabitants"]
            )
    contacts: dict[date, dict[tuple[str, str], list[Labelled]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in _rows(folder / "contact.csv"):
        entry = Labelled(row["address"], row["label"] or None)
        contacts[date.fromisoformat(row["export_date"])][row["code"], row["kind"]].append(entry)
    parties: dict[tuple[str, str], list[PartySeats]] = defaultdict(list)
    for row in _rows(folder / "zetels.csv"):
        party = PartySeats(row["party"], int(row["seats"]))
        parties[row["code"], row["raadsperiode"]].append(party)
    councils: dict[date, dict[str, list[CouncilFacts]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(folder / "raden.csv"):
        # A party registered twice is one fractie (its `duplicate_party` issue stays).
        merged, _ = merge_parties(parties[row["code"], row["raadsperiode"]])
        councils[date.fromisoformat(row["export_date"])][row["code"]].append(
            CouncilFacts(
                raadsperiode=row["raadsperiode"],
                total_seats=int(row["total_seats"]) if row["total_seats"] else None,
                parties=merged,
                issues=tuple(CouncilIssue(issue) for issue in row["issues"].split()),
            )
        )
    exports = []
    for day in sorted(inhabitants.keys() | contacts.keys() | councils.keys()):
        codes = inhabitants[day].keys() | {code for code, _ in contacts[day]} | councils[day].keys()
        gemeenten = []
        for code in sorted(codes):
            emails, websites = contacts[day][code, "email"], contacts[day][code, "website"]
            gemeenten.append(
                GemeenteFacts(
                    code=code,
                    name="",
                    inhabitants=inhabitants[day].get(code),
                    general_email=general_email_of(emails),
                    griffie_email=griffie_email_of(emails),
                    website=website_of(websites),
                    councils=tuple(councils[day].get(code, ())),
                )
            )
        exports.append(ExportFacts(SEED_LOCATION, day, tuple(gemeenten)))
    return exports
