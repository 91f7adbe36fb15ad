"""Seed facts from two exports: councils per raadsperiode, contact from the newer one, as CSV."""

import csv
from datetime import date

import pytest

from campaign.register.cells import COUNCIL, EMAILS, TOOI_URI
from campaign.register.derive import (
    NEW_PERIOD,
    OLD_PERIOD,
    CouncilIssue,
    derive_seed,
    main,
    write_seed,
)
from campaign.register.export import parse_export
from tests.conftest import SEED_DATA
from tests.register.samples import export_bytes, row
from tests.register.test_reference_exports import APRIL, MARCH

SEATS = "Totaal aantal zetels"
MARCH_DATE, APRIL_DATE = date(2026, 3, 22), date(2026, 4, 15)
UTRECHT_MARCH = {
    TOOI_URI: "x/gemeente/gm0344",
    "Aantal inwoners": "374238",
    SEATS: "45",
    COUNCIL: "D66 (23);GroenLinks (22)",
}
UTRECHT_APRIL = {**UTRECHT_MARCH, COUNCIL: "GroenLinks-PvdA (14);D66 (9);VVD (22)"}


def exports(march_rows, april_rows):
    return parse_export(export_bytes(*march_rows)), parse_export(export_bytes(*april_rows))


def derive(march_rows, april_rows):
    march, april = exports(march_rows, april_rows)
    return derive_seed(march, MARCH_DATE, april, APRIL_DATE)


def test_a_changed_party_list_is_the_new_council_and_an_unchanged_one_is_unknown():
    facts = derive([row(UTRECHT_MARCH), row()], [row(), row(UTRECHT_APRIL)])

    councils = [(c.code, c.raadsperiode, c.export_date) for c in facts.councils]
    assert councils == [
        ("GM0307", OLD_PERIOD, MARCH_DATE),
        ("GM0344", OLD_PERIOD, MARCH_DATE),
        ("GM0344", NEW_PERIOD, APRIL_DATE),
    ]
    assert facts.councils[2].parties[0].name == "GroenLinks-PvdA"
    assert [g.code for g in facts.gemeenten] == ["GM0307", "GM0344"]


def test_the_same_parties_in_another_order_are_no_new_council():
    reordered = {**UTRECHT_MARCH, COUNCIL: "GroenLinks (22);D66 (23)"}

    facts = derive([row(UTRECHT_MARCH)], [row(reordered)])

    assert [c.raadsperiode for c in facts.councils] == [OLD_PERIOD]


def test_contact_and_inhabitants_come_from_the_newer_export():
    newer = row(
        {EMAILS: "raadsgriffie@amersfoort.nl, label: algemeen", "Aantal inwoners": "170000"}
    )

    (amersfoort,) = derive([row()], [newer]).gemeenten

    assert [e.value for e in amersfoort.emails] == ["raadsgriffie@amersfoort.nl"]
    assert amersfoort.inhabitants == 170000


def test_doubtful_councils_carry_their_issues():
    half = {**UTRECHT_MARCH, SEATS: "22", COUNCIL: "GroenLinks-PvdA (14);D66 (8)"}
    unregistered = {**UTRECHT_MARCH, SEATS: "23", COUNCIL: "GroenLinks-PvdA (14);D66 (9)"}
    short = {**UTRECHT_MARCH, COUNCIL: "D66 (23);GroenLinks (20)"}

    for april, issues in [
        (half, (CouncilIssue.UNUSUAL_COUNCIL_SIZE,)),
        (unregistered, (CouncilIssue.SIZE_UNLIKE_INHABITANTS,)),
        (short, (CouncilIssue.SEATS_MISMATCH,)),
        (UTRECHT_APRIL, ()),
    ]:
        facts = derive([row(UTRECHT_MARCH)], [row(april)])
        assert facts.councils[-1].issues == issues


def test_rows_without_a_usable_code_are_left_out_with_a_note():
    broken = row({TOOI_URI: "x/gemeente/gm34"})

    facts = derive([row(), broken], [row(), broken])

    assert [g.code for g in facts.gemeenten] == ["GM0307"]
    assert sum("left out" in note and "gm34" in note for note in facts.notes) == 2


def test_a_march_row_changed_after_the_export_date_and_unchanged_since_gets_a_note():
    late = row({"Laatste mutatie": "25-03-2026"})

    facts = derive([late], [late])

    assert any("changed on 2026-03-25" in note for note in facts.notes)
    assert any(note.startswith("GM0307 (Gemeente Amersfoort) was changed") for note in facts.notes)


def test_the_march_export_must_be_the_older_one():
    march, april = exports([row()], [row()])

    with pytest.raises(ValueError, match="must be older"):
        derive_seed(march, APRIL_DATE, april, MARCH_DATE)


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_seed_files_hold_facts_only_sorted_by_code(tmp_path):
    facts = derive([row(UTRECHT_MARCH), row()], [row(), row(UTRECHT_APRIL)])

    paths = write_seed(facts, tmp_path / "register")

    assert [p.name for p in paths] == ["gemeenten.csv", "contact.csv", "raden.csv", "zetels.csv"]
    gemeenten, contact, raden, zetels = (read_csv(p) for p in paths)
    assert gemeenten == [
        ["code", "export_date", "inhabitants"],
        ["GM0307", "2026-04-15", "163418"],
        ["GM0344", "2026-04-15", "374238"],
    ]
    assert contact[0] == ["code", "export_date", "kind", "address", "label"]
    assert contact[1] == ["GM0307", "2026-04-15", "email", "info@amersfoort.nl", "algemeen"]
    assert raden[0] == ["code", "raadsperiode", "export_date", "total_seats", "issues"]
    assert raden[3] == ["GM0344", NEW_PERIOD, "2026-04-15", "45", ""]
    assert zetels[0] == ["code", "raadsperiode", "party", "seats"]
    assert zetels[-3:] == [
        ["GM0344", NEW_PERIOD, "GroenLinks-PvdA", "14"],
        ["GM0344", NEW_PERIOD, "D66", "9"],
        ["GM0344", NEW_PERIOD, "VVD", "22"],
    ]
    assert b"\r" not in paths[3].read_bytes()


def test_the_command_takes_the_export_dates_from_the_file_names(tmp_path, capsys):
    march = tmp_path / "gemeenten-2026-03-22.csv"
    april = tmp_path / "gemeenten-2026-04-15.csv"
    march.write_bytes(export_bytes(row(UTRECHT_MARCH)))
    april.write_bytes(export_bytes(row(UTRECHT_APRIL)))

    assert main([str(tmp_path / "out"), str(march), str(april)]) == 0

    assert (
        "1 gemeenten; councils of 2022-2026: 1 (0 with issues), 2026-2030: 1"
        in capsys.readouterr().out
    )
    assert read_csv(tmp_path / "out" / "raden.csv")[2][:3] == ["GM0344", NEW_PERIOD, "2026-04-15"]


def test_the_command_refuses_a_file_without_a_date_or_that_is_no_export(tmp_path, capsys):
    undated = tmp_path / "Gemeenten.csv"
    undated.write_bytes(export_bytes(row()))
    page = tmp_path / "gemeenten-2026-04-15.csv"
    page.write_bytes(b"<html><body>Niet gevonden</body></html>")

    assert main([str(tmp_path / "out"), str(undated), str(page)]) == 1
    assert "No export date: the file name gives none" in capsys.readouterr().err
    assert main([str(tmp_path), str(undated), str(page), "--march-date", "2026-03-22"]) == 1
    assert "HTML page" in capsys.readouterr().err


def test_an_export_is_dated_no_earlier_than_its_newest_change(tmp_path, capsys):
    march = tmp_path / "gemeenten-2026-03-22.csv"
    april = tmp_path / "gemeenten-2026-04-15.csv"
    march.write_bytes(export_bytes(row({**UTRECHT_MARCH, "Laatste mutatie": "25-03-2026"})))
    april.write_bytes(export_bytes(row(UTRECHT_APRIL)))

    assert main([str(tmp_path / "out"), str(march), str(april)]) == 0

    assert "rows changed on 2026-03-25" in capsys.readouterr().err
    assert read_csv(tmp_path / "out" / "raden.csv")[1][:3] == ["GM0344", OLD_PERIOD, "2026-03-25"]


def test_the_committed_seed_files_are_what_the_reference_exports_give(tmp_path, capsys):
    if not (MARCH.exists() and APRIL.exists()):
        pytest.skip(f"the reference register exports are not in {MARCH.parent}")
    committed = SEED_DATA / "register"

    assert main([str(tmp_path), str(MARCH), str(APRIL)]) == 0

    for name in ("gemeenten.csv", "contact.csv", "raden.csv", "zetels.csv"):
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
    raden = read_csv(committed / "raden.csv")[1:]
    assert sum(1 for r in raden if r[1] == OLD_PERIOD) == 342
    assert sum(1 for r in raden if r[1] == NEW_PERIOD) == 195
