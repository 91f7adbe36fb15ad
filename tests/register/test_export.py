"""Reading the register's CSV export: good rows, each kind of row problem, files that aren't one."""

from datetime import date
from decimal import Decimal

import pytest

from campaign.register.cells import COUNCIL, EMAILS, INHABITANTS, TOOI_URI, WEBSITES
from campaign.register.export import (
    Labelled,
    PartySeats,
    ProblemKind,
    RegisterFormatError,
    export_date_from_filename,
    export_date_from_last_modified,
    parse_export,
)
from tests.register.samples import COLUMNS, export_bytes, row


def only_row(changes=None):
    return parse_export(export_bytes(row(changes))).gemeenten[0]


def kinds(gemeente):
    return [problem.kind for problem in gemeente.problems]


def test_a_good_row_is_read_as_registered():
    amersfoort = only_row()

    assert amersfoort.problems == ()
    assert amersfoort.line == 2
    assert amersfoort.code == "GM0307"
    assert amersfoort.name == "Gemeente Amersfoort"
    assert amersfoort.emails == (
        Labelled("info@amersfoort.nl", "algemeen"),
        Labelled("omgevingsloket@amersfoort.nl", "Omgevingsloket"),
    )
    assert amersfoort.websites == (Labelled("https://www.amersfoort.nl", "algemeen"),)
    assert amersfoort.inhabitants == 163418
    assert amersfoort.area_km2 == Decimal("63.86")
    assert amersfoort.total_seats == 39
    assert len(amersfoort.parties) == 13
    assert amersfoort.parties[0] == PartySeats("GroenLinks", 6)
    assert amersfoort.parties[-1] == PartySeats("Amersfoort voor Vrijheid", 1)
    assert amersfoort.last_mutation == date(2026, 3, 22)


def test_party_names_keep_their_parentheses_and_spelling():
    council = "Groen Drimmelen (VP/D66) (4);D.O.P. (Democratisch Onafhankelijke Partij) (5);VVD (4)"
    drimmelen = only_row({COUNCIL: council, "Totaal aantal zetels": "13"})

    assert drimmelen.problems == ()
    assert [p.name for p in drimmelen.parties] == [
        "Groen Drimmelen (VP/D66)",
        "D.O.P. (Democratisch Onafhankelijke Partij)",
        "VVD",
    ]


def test_a_bom_and_windows_line_ends_are_fine():
    data = b"\xef\xbb\xbf" + export_bytes(
        row(), row({TOOI_URI: "x/gemeente/gm0344"}), line_end="\r\n"
    )

    export = parse_export(data)

    assert [g.code for g in export.gemeenten] == ["GM0307", "GM0344"]
    assert export.gemeenten[1].line == 3


@pytest.mark.parametrize(
    "uri",
    [
        "https://identifier.overheid.nl/tooi/id/gemeente/gm307",
        "https://identifier.overheid.nl/tooi/id/provincie/pv26",
        "",
    ],
)
def test_a_code_that_is_not_gm_and_four_digits_is_reported_not_guessed(uri):
    export = parse_export(export_bytes(row({TOOI_URI: uri})))

    assert export.gemeenten[0].code is None
    assert kinds(export.gemeenten[0]) == [ProblemKind.INVALID_CODE]
    assert export.by_code() == {}


def test_rows_sharing_a_code_are_all_reported_and_none_is_joined():
    other = row({"Officiële naam": "Gemeente Elders"})
    export = parse_export(export_bytes(row(), row({TOOI_URI: "x/gemeente/gm0344"}), other))

    first, utrecht, second = export.gemeenten
    assert kinds(first) == kinds(second) == [ProblemKind.DUPLICATE_CODE]
    assert "line 4" in first.problems[0].message and "line 2" in second.problems[0].message
    assert list(export.by_code()) == ["GM0344"]


def test_seats_that_do_not_add_up_are_reported_and_kept():
    borsele = only_row(
        {"Totaal aantal zetels": "19", COUNCIL: "CDA (5);Lokale Partij (5);PvdA (9)"}
    )
    short = only_row({"Totaal aantal zetels": "19", COUNCIL: "CDA (5);PvdA (10)"})

    assert borsele.problems == ()
    assert kinds(short) == [ProblemKind.SEATS_MISMATCH]
    assert short.total_seats == 19 and sum(p.seats for p in short.parties) == 15
    assert "15 seats" in short.problems[0].message


def test_a_council_size_the_law_does_not_know_is_reported():
    leiden = only_row({"Totaal aantal zetels": "40", COUNCIL: "D66 (20);VVD (20)"})

    assert kinds(leiden) == [ProblemKind.UNUSUAL_COUNCIL_SIZE]


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("CDA", ProblemKind.MALFORMED_PARTY),
        ("CDA 5", ProblemKind.MALFORMED_PARTY),
        ("Groen Drimmelen (VP/D66)", ProblemKind.MALFORMED_PARTY),
        (" (5)", ProblemKind.MALFORMED_PARTY),
        ("CDA (4,5)", ProblemKind.INVALID_NUMBER),
        ("CDA (-5)", ProblemKind.INVALID_NUMBER),
    ],
)
def test_a_party_entry_without_whole_seats_is_reported_and_the_sum_is_not(entry, kind):
    gemeente = only_row({"Totaal aantal zetels": "39", COUNCIL: f"GroenLinks (34);{entry}"})

    assert kinds(gemeente) == [kind]
    assert gemeente.parties == (PartySeats("GroenLinks", 34),)


def test_long_malformed_cells_are_read_in_linear_time():
    endless = "1" * 60_000
    cells = {COUNCIL: f"CDA ({endless}x)", EMAILS: "a@" + "b." * 30_000 + " x"}

    assert kinds(only_row(cells)) == [ProblemKind.MALFORMED_EMAIL, ProblemKind.MALFORMED_PARTY]


def test_a_party_registered_twice_is_reported():
    council = "Samen Actief (2);CDA (8);Samen Actief (1)"
    gemeente = only_row({"Totaal aantal zetels": "11", COUNCIL: council})

    assert kinds(gemeente) == [ProblemKind.DUPLICATE_PARTY]
    assert len(gemeente.parties) == 3


def test_an_e_mail_entry_that_is_no_address_is_left_out_and_reported():
    cell = "https://www.delft.nl, label: Omgevingsloket;griffie@delft.nl;, label: algemeen"
    delft = only_row({EMAILS: cell})

    assert delft.emails == (Labelled("griffie@delft.nl", None),)
    assert kinds(delft) == [ProblemKind.MALFORMED_EMAIL, ProblemKind.MALFORMED_EMAIL]
    assert delft.problems[0].value == "https://www.delft.nl, label: Omgevingsloket"


def test_a_website_without_http_is_reported():
    gemeente = only_row({WEBSITES: "www.sed-organisatie.nl, label: algemeen"})

    assert gemeente.websites == ()
    assert kinds(gemeente) == [ProblemKind.MALFORMED_WEBSITE]


def test_numbers_and_dates_are_not_repaired():
    gemeente = only_row(
        {INHABITANTS: "163.418", "Oppervlakte (km2)": "63.86", "Laatste mutatie": "31-02-2026"}
    )

    assert (gemeente.inhabitants, gemeente.area_km2, gemeente.last_mutation) == (None, None, None)
    assert kinds(gemeente) == [
        ProblemKind.INVALID_NUMBER,
        ProblemKind.INVALID_NUMBER,
        ProblemKind.INVALID_DATE,
    ]


def test_empty_cells_are_unknown_not_problems():
    cells = {INHABITANTS: "", "Oppervlakte (km2)": "", "Laatste mutatie": "", EMAILS: ""}
    gemeente = only_row({**cells, "Totaal aantal zetels": "", COUNCIL: ""})

    assert gemeente.problems == ()
    assert gemeente.inhabitants is None and gemeente.total_seats is None
    assert gemeente.emails == () and gemeente.parties == ()


def test_a_row_without_a_name_is_reported():
    assert kinds(only_row({"Officiële naam": " "})) == [ProblemKind.MISSING_NAME]


def test_the_latest_mutation_bounds_the_export_date():
    export = parse_export(
        export_bytes(row(), row({TOOI_URI: "x/gm0344", "Laatste mutatie": "25-03-2026"}))
    )

    assert export.latest_mutation == date(2026, 3, 25)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \r\n\n", "empty"),
        (b"<!DOCTYPE html>\n<html><body>Onderhoud</body></html>", "HTML page"),
        (b"\n  <html lang='nl'><head>", "HTML page"),
        ("Officiële naam;TOOi URI".encode("latin-1"), "not UTF-8"),
        (b"code,name,province\nGM0307,Amersfoort,Utrecht\n", "not look ';'-separated"),
        (b'"Naam";"Adres"\n"a";"b"\n', "none of the register's columns"),
        (export_bytes(row(), columns=[c for c in COLUMNS if c != COUNCIL]), repr(COUNCIL)),
        (export_bytes(columns=COLUMNS), "no gemeenten"),
        (export_bytes(row()) + b'"Gemeente Kapot";"x"\n', "Line 3 has 2 fields"),
        (export_bytes(row()) + b'"Gemeente Kapot;"x"\n', "not valid CSV"),
        (export_bytes(row()).replace(b"Amersfoort", b"Amers\x00foort", 1), "NUL characters"),
        ("TOOi URI;Naam\n".encode("utf-16-le"), "NUL characters"),
    ],
)
def test_a_file_that_is_not_the_export_raises_one_clear_error(data, words):
    with pytest.raises(RegisterFormatError) as raised:
        parse_export(data)

    assert words in str(raised.value)


def test_the_error_names_every_missing_column():
    columns = [c for c in COLUMNS if c not in (TOOI_URI, INHABITANTS)]

    with pytest.raises(RegisterFormatError, match="'Aantal inwoners', 'TOOi URI'"):
        parse_export(export_bytes(row(), columns=columns))


def test_a_doubled_column_is_refused():
    with pytest.raises(RegisterFormatError, match="more than once"):
        parse_export(export_bytes(row(), columns=[*COLUMNS, TOOI_URI]))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("register-overheidsorganisaties-gemeenten-2026-04-15.csv", date(2026, 4, 15)),
        ("/data/exports/gemeenten-2026-03-22.CSV", date(2026, 3, 22)),
        ("https://example.org/archive/gemeenten-2026-03-22.csv", date(2026, 3, 22)),
        ("gemeenten-2026-02-30.csv", None),
        ("gemeenten-2026-04-15.csv.bak", None),
        ("gemeenten-2026-04-15-v2.csv", None),
        ("Gemeenten.csv", None),
    ],
)
def test_the_export_date_in_a_file_name(name, expected):
    assert export_date_from_filename(name) == expected


def test_the_export_date_from_last_modified_is_the_dutch_date():
    assert export_date_from_last_modified("Wed, 15 Apr 2026 21:30:00 GMT") == date(2026, 4, 15)
    assert export_date_from_last_modified("Wed, 15 Apr 2026 22:30:00 GMT") == date(2026, 4, 16)
    assert export_date_from_last_modified("gisteren") is None
