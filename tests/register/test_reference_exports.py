"""The two full register exports of the campaign's reference data, checked against its README."""

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from campaign.gemeenten.parties import is_national, party_key
from campaign.register.export import PartySeats, ProblemKind, RegisterExport, parse_export


def _reference_folder() -> Path:
    """`shared/reference` beside the repository (or beside the folder of a git worktree)."""
    for folder in Path(__file__).resolve().parents[2].parents:
        if (folder / "shared" / "reference").is_dir():
            return folder / "shared" / "reference"
    return Path(__file__).resolve().parents[2].parent / "shared" / "reference"


REFERENCE = _reference_folder()
MARCH = REFERENCE / "register-overheidsorganisaties-gemeenten-2026-03-22.csv"
APRIL = REFERENCE / "register-overheidsorganisaties-gemeenten-2026-04-15.csv"


def read(path: Path) -> RegisterExport:
    if not path.exists():
        pytest.skip(f"the reference register export is not at {path}")
    return parse_export(path.read_bytes())


@pytest.fixture(scope="module")
def march() -> RegisterExport:
    return read(MARCH)


@pytest.fixture(scope="module")
def april() -> RegisterExport:
    return read(APRIL)


def with_problem(export: RegisterExport, kind: ProblemKind) -> int:
    return sum(1 for gemeente in export.gemeenten if gemeente.has_problem(kind))


@pytest.mark.parametrize(("name", "entries", "unequal"), [("march", 2900, 12), ("april", 2853, 13)])
def test_each_export_has_the_342_gemeenten_the_readme_counts(request, name, entries, unequal):
    export = request.getfixturevalue(name)

    assert len(export.gemeenten) == len(export.by_code()) == 342
    assert sum(len(g.parties) for g in export.gemeenten) == entries
    assert with_problem(export, ProblemKind.SEATS_MISMATCH) == unequal
    assert with_problem(export, ProblemKind.MALFORMED_PARTY) == 0
    assert with_problem(export, ProblemKind.INVALID_NUMBER) == 0
    assert all(g.inhabitants and g.total_seats and g.last_mutation for g in export.gemeenten)


def test_e_mail_addresses_as_the_readme_counts_them_and_as_they_really_are(march, april):
    # The README's 330 / 331 count filled-in e-mail cells; in three of them (Delft, Leiden,
    # Vlaardingen) the only entry is a web page, so 327 / 328 gemeenten have a real address.
    for export, cells, addresses in ((march, 330, 327), (april, 331, 328)):
        filled = [
            g for g in export.gemeenten if g.emails or g.has_problem(ProblemKind.MALFORMED_EMAIL)
        ]
        assert len(filled) == cells
        assert sum(1 for g in export.gemeenten if g.emails) == addresses
    zaanstad = april.by_code()["GM0479"]
    assert [e.value for e in zaanstad.emails] == ["raadsgriffie@zaanstad.nl"]


def test_195_gemeenten_registered_another_council_between_the_exports(march, april):
    old, new = march.by_code(), april.by_code()

    assert old.keys() == new.keys()
    changed = [code for code in old if Counter(old[code].parties) != Counter(new[code].parties)]
    assert len(changed) == 195


def test_amersfoort_in_march(march):
    amersfoort = march.by_code()["GM0307"]

    assert amersfoort.name == "Gemeente Amersfoort"
    assert amersfoort.total_seats == 39
    assert len(amersfoort.parties) == 13
    assert amersfoort.parties[:3] == (
        PartySeats("GroenLinks", 6),
        PartySeats("D66", 6),
        PartySeats("CDA", 5),
    )
    assert PartySeats("Partij voor de Dieren", 2) in amersfoort.parties
    voted_for = {"D66", "GroenLinks", "CDA", "ChristenUnie", "PvdA", "Partij voor de Dieren"}
    voted_for |= {"SP", "Beter Amersfoort", "DENK"}
    assert sum(p.seats for p in amersfoort.parties if p.name in voted_for) == 29


def test_utrecht_in_april(march, april):
    assert march.by_code()["GM0344"].parties[:2] == (
        PartySeats("D66", 8),
        PartySeats("GroenLinks", 8),
    )
    utrecht = april.by_code()["GM0344"]
    assert utrecht.parties[:3] == (
        PartySeats("GroenLinks-PvdA", 14),
        PartySeats("D66", 9),
        PartySeats("VVD", 5),
    )


def test_the_march_export_has_rows_changed_after_its_date(march, april):
    # The file name (and the README) date it 22 March 2026, yet 16 rows were changed on 23-25 March.
    assert march.latest_mutation == date(2026, 3, 25)
    assert sum(1 for g in march.gemeenten if g.last_mutation > date(2026, 3, 22)) == 16
    assert april.latest_mutation == date(2026, 4, 15)


def test_every_registered_party_has_a_key_and_national_names_are_found(march, april):
    pairs = {(p.name, g.name) for e in (march, april) for g in e.gemeenten for p in g.parties}
    keys = {(name, gemeente): party_key(name, gemeente=gemeente) for name, gemeente in pairs}

    national = {name for (name, _), key in keys.items() if is_national(key)}
    assert len({name for name, _ in pairs}) == 1179
    assert len(national) == 39
    assert {"CDA", "Partij voor de Dieren", "SGP/Christenunie", "PvdAGroenLinks"} <= national
    assert {"BBB Berkelland", "D66 voor Heerde", "GroenLinks Heerde"} <= national
    assert {"PRO", "GroenLinksaf", "Wij zijn Someren/VVD", "Trots"}.isdisjoint(national)
