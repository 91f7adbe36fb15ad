"""`flask register load`: what it stores, what it leaves to volunteers, and what it refuses."""

from __future__ import annotations

from sqlalchemy import select

from campaign.acting import SystemOrigin, act_as
from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente, Raad
from campaign.gemeenten.provenance import FactField, GemeenteFact, Origin
from campaign.gemeenten.services import FractieInput, GemeenteDetails, save_fractie, update_details
from campaign.moties.models import Outcome, Vote
from campaign.moties.services import MotieInput, create_motie
from campaign.register.cells import COUNCIL, INHABITANTS, LAST_MUTATION, TOOI_URI, WEBSITES
from tests.register.conftest import snapshot
from tests.register.samples import export_bytes, row

SEATS = "Totaal aantal zetels"
UTRECHT = {
    "Officiële naam": "Gemeente Utrecht",
    TOOI_URI: "https://identifier.overheid.nl/tooi/id/gemeente/gm0344",
    INHABITANTS: "374238",
    "E-mail adressen": "Gemeente@utrecht.nl, label: algemeen",
    WEBSITES: "https://www.utrecht.nl, label: algemeen",
    SEATS: "45",
    COUNCIL: "D66 (23);GroenLinks (22)",
}
UTRECHT_NEW = {**UTRECHT, COUNCIL: "GroenLinks-PvdA (14);D66 (9);VVD (22)"}
MARCH, APRIL = "gemeenten-2026-03-22.csv", "gemeenten-2026-04-15.csv"


def gemeente(code: str) -> Gemeente:
    db.session.expire_all()
    return db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == code))


def council(code: str, periode: str) -> dict[str, int | None]:
    return {f.name: f.seats for f in gemeente(code).fracties if f.raadsperiode == periode}


def load(runner, path, *options):
    result = runner.invoke(args=["register", "load", str(path), *options])
    return result


def test_a_load_stores_each_fact_with_the_export_as_its_source(runner, gemeenten, write_export):
    path = write_export(MARCH, export_bytes(row(), row(UTRECHT)))

    result = load(runner, path)

    assert result.exit_code == 0, result.output
    amersfoort = gemeente("GM0307")
    assert (amersfoort.inhabitants, amersfoort.website, amersfoort.general_email) == (
        163418,
        "https://www.amersfoort.nl",
        "info@amersfoort.nl",
    )
    assert amersfoort.griffie_email is None  # the register has none for Amersfoort
    facts = {fact.field: fact for fact in amersfoort.facts}
    assert set(facts) == {FactField.INHABITANTS, FactField.WEBSITE, FactField.GENERAL_EMAIL}
    assert {fact.origin for fact in facts.values()} == {Origin.REGISTER}
    assert facts[FactField.GENERAL_EMAIL].register_label == "algemeen"
    assert {str(fact.source.export_date) for fact in facts.values()} == {"2026-03-22"}
    (raad,) = amersfoort.raden
    assert (raad.raadsperiode, raad.total_seats, raad.source.location) == ("2022-2026", 39, MARCH)
    assert council("GM0307", "2022-2026")["Partij voor de Dieren"] == 2
    assert "GM0307 Amersfoort: 17 added" in result.output
    assert "2 gemeenten: 2 with changes, 0 without" in result.output


def test_the_raadsperiode_follows_the_export_date_and_an_unchanged_list_stays_old(
    runner, gemeenten, write_export
):
    load(runner, write_export(MARCH, export_bytes(row(), row(UTRECHT))))

    result = load(runner, write_export(APRIL, export_bytes(row(), row(UTRECHT_NEW))))

    assert result.exit_code == 0, result.output
    # Utrecht registered its new council: 2026-2030. Amersfoort's list is still the old one.
    assert council("GM0344", "2022-2026") == {"D66": 23, "GroenLinks": 22}
    assert council("GM0344", "2026-2030") == {"GroenLinks-PvdA": 14, "D66": 9, "VVD": 22}
    assert council("GM0307", "2026-2030") == {}
    assert [r.raadsperiode for r in gemeente("GM0307").raden] == ["2022-2026"]
    assert "left alone: council (same parties as in 2022-2026" in result.output


def test_loading_the_same_file_again_changes_nothing(runner, gemeenten, write_export):
    path = write_export(APRIL, export_bytes(row(), row(UTRECHT_NEW)))
    load(runner, path)
    before = snapshot()

    again = load(runner, path)

    assert again.exit_code == 0, again.output
    assert snapshot() == before
    assert "0 added, 0 changed" in again.output
    assert "GM0307 Amersfoort: 4 unchanged" in again.output


def test_a_later_export_changes_exactly_what_differs(runner, gemeenten, write_export):
    load(runner, write_export(APRIL, export_bytes(row(), row(UTRECHT_NEW))))
    changed = {
        **UTRECHT_NEW,
        INHABITANTS: "375000",
        COUNCIL: "GroenLinks-PvdA (15);D66 (9);VVD (21)",
        LAST_MUTATION: "30-04-2026",
    }
    before = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))

    result = load(
        runner, write_export("gemeenten-2026-05-01.csv", export_bytes(row(), row(changed)))
    )

    assert result.exit_code == 0, result.output
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    changes = sorted(
        (e.table_name, e.action, tuple(sorted((e.after or {}).keys() - {"id"})))
        for e in entries
        if e.table_name != "register_sources"
    )
    assert changes == [
        ("fracties", "update", ("seats",)),  # GroenLinks-PvdA 14 → 15
        ("fracties", "update", ("seats",)),  # VVD 22 → 21
        ("gemeente_facts", "update", ("changed_at", "register_value", "source_id")),
        ("gemeenten", "update", ("inhabitants",)),
        ("raden", "update", ("parties", "source_id")),
    ]
    assert {e.origin for e in entries} == {SystemOrigin.REGISTER}
    assert {e.actor_id for e in entries} == {None}
    assert gemeente("GM0344").inhabitants == 375000
    assert council("GM0344", "2026-2030") == {"GroenLinks-PvdA": 15, "D66": 9, "VVD": 21}
    assert "changed: inhabitants (374238 → 375000)" in result.output


def test_an_older_export_after_a_newer_one_leaves_the_newer_facts_alone(
    runner, gemeenten, write_export
):
    load(runner, write_export(APRIL, export_bytes(row({INHABITANTS: "170000"}))))

    result = load(runner, write_export(MARCH, export_bytes(row())))

    assert result.exit_code == 0, result.output
    assert gemeente("GM0307").inhabitants == 170000
    assert "left alone: inhabitants (an export of 2026-04-15 is loaded)" in result.output


def test_a_hand_entered_address_survives_a_load_and_waits_for_review(
    runner, client, login, volunteer, gemeenten, write_export
):
    load(runner, write_export(MARCH, export_bytes(row())))
    amersfoort = gemeente("GM0307")
    act_as(volunteer.id)
    update_details(
        amersfoort,
        GemeenteDetails(
            griffie_email="griffie@amersfoort.example",
            website="https://www.amersfoort.nl/raad",
            has_noodopvang=False,
            notes="",
            general_email="info@amersfoort.nl",
        ),
        amersfoort.version_id,
    )

    dry = load(runner, write_export(APRIL, export_bytes(row())), "--dry-run")
    result = load(runner, write_export(APRIL, export_bytes(row())))

    conflict = "conflict: website (register: https://www.amersfoort.nl, here: https://www.amersfoort.nl/raad)"
    assert conflict in dry.output and conflict in result.output
    amersfoort = gemeente("GM0307")
    assert amersfoort.website == "https://www.amersfoort.nl/raad"
    assert amersfoort.griffie_email == "griffie@amersfoort.example"
    login(volunteer)
    page = client.get("/beheer/register/").get_data(as_text=True)
    assert "register: https://www.amersfoort.nl" in page
    assert "hier: https://www.amersfoort.nl/raad" in page
    workspace = client.get("/beheer/gemeenten/amersfoort").get_data(as_text=True)
    assert "Verschillen met het register" in workspace
    assert "Ingevoerd door de campagne op" in workspace

    fact = next(f for f in amersfoort.facts if f.field is FactField.WEBSITE)
    kept = client.post(
        f"/beheer/register/gegevens/{fact.id}",
        data={"keuze": "houden", "register": "https://www.amersfoort.nl"},
    )
    assert kept.status_code == 302
    assert "register: https://www.amersfoort.nl" not in client.get("/beheer/register/").get_data(
        as_text=True
    )
    again = load(runner, write_export(APRIL, export_bytes(row())))
    assert "left alone: website (register: https://www.amersfoort.nl" in again.output
    assert gemeente("GM0307").website == "https://www.amersfoort.nl/raad"


def test_taking_the_registers_value_ends_the_difference(
    runner, client, login, volunteer, gemeenten, write_export
):
    load(runner, write_export(MARCH, export_bytes(row())))
    amersfoort = gemeente("GM0307")
    update_details(
        amersfoort,
        GemeenteDetails(None, "https://amersfoort.example", False, "", "info@amersfoort.nl"),
        amersfoort.version_id,
    )
    load(runner, write_export(APRIL, export_bytes(row())))
    fact = next(f for f in gemeente("GM0307").facts if f.field is FactField.WEBSITE)
    login(volunteer)

    stale = client.post(
        f"/beheer/register/gegevens/{fact.id}",
        data={"keuze": "overnemen", "register": "https://elders.example"},
        follow_redirects=True,
    )
    assert "Het register zegt inmiddels iets anders" in stale.get_data(as_text=True)
    assert gemeente("GM0307").website == "https://amersfoort.example"
    taken = client.post(
        f"/beheer/register/gegevens/{fact.id}",
        data={"keuze": "overnemen", "register": "https://www.amersfoort.nl"},
        follow_redirects=True,
    )

    assert "website uit het register overgenomen" in taken.get_data(as_text=True)
    amersfoort = gemeente("GM0307")
    assert amersfoort.website == "https://www.amersfoort.nl"
    assert next(f for f in amersfoort.facts if f.field is FactField.WEBSITE).origin is (
        Origin.REGISTER
    )
    assert (
        client.post(
            f"/beheer/register/gegevens/{fact.id}", data={"keuze": "weggooien", "register": "x"}
        ).status_code
        == 302
    )
    assert gemeente("GM0307").website == "https://www.amersfoort.nl"


def test_a_fractie_typed_by_hand_is_matched_on_its_party_and_never_overwritten(
    runner, client, login, volunteer, gemeenten, write_export
):
    amersfoort = gemeente("GM0307")
    save_fractie(amersfoort, FractieInput("PvdD", "2022-2026", seats=3, leader_name="Cor"))
    save_fractie(amersfoort, FractieInput("SP", "2022-2026"))

    result = load(runner, write_export(MARCH, export_bytes(row())))

    # "SP" without seats is completed; "PvdD" with other seats waits for a volunteer.
    assert (
        "conflict: fractie Partij voor de Dieren (2022-2026) "
        "(register: Partij voor de Dieren, 2 seats; here: PvdD, 3 seats)" in result.output
    )
    seats = council("GM0307", "2022-2026")
    assert seats["PvdD"] == 3 and "Partij voor de Dieren" not in seats
    assert seats["SP"] == 2 and len(seats) == 13
    login(volunteer)
    page = client.get("/beheer/register/").get_data(as_text=True)
    assert "register: Partij voor de Dieren, 2 zetels" in page and "hier: PvdD, 3 zetels" in page
    pvdd = next(f for f in gemeente("GM0307").fracties if f.name == "PvdD")

    client.post(
        f"/beheer/register/fracties/{pvdd.id}",
        data={
            "keuze": "overnemen",
            "register": "Partij voor de Dieren|2",
            "version_id": pvdd.version_id,
        },
    )

    db.session.expire_all()
    pvdd = db.session.get(Fractie, pvdd.id)
    assert (pvdd.name, pvdd.seats, pvdd.leader_name, pvdd.origin) == (
        "Partij voor de Dieren",
        2,
        "Cor",
        Origin.REGISTER,
    )
    assert "Partij voor de Dieren" not in client.get("/beheer/register/").get_data(as_text=True)


def test_a_fractie_the_register_no_longer_lists_goes_unless_a_motion_names_it(
    runner, gemeenten, write_export
):
    load(runner, write_export(APRIL, export_bytes(row(UTRECHT_NEW))))
    fracties = {f.name: f for f in gemeente("GM0344").fracties}
    create_motie(
        gemeente("GM0344"),
        MotieInput(outcome=Outcome.AANGENOMEN, stemmingen={fracties["VVD"]: Vote.TEGEN}),
    )
    smaller = {
        **UTRECHT_NEW,
        COUNCIL: "GroenLinks-PvdA (14);DENK (31)",
        LAST_MUTATION: "01-05-2026",
    }

    result = load(runner, write_export("gemeenten-2026-05-02.csv", export_bytes(row(smaller))))

    assert "changed: fractie D66 (2026-2030) (no longer registered: removed)" in result.output
    assert (
        "left alone: fractie VVD (2026-2030) (no longer registered; kept: a motion" in result.output
    )
    assert set(council("GM0344", "2026-2030")) == {"GroenLinks-PvdA", "DENK", "VVD"}
    raad = next(r for r in gemeente("GM0344").raden if r.raadsperiode == "2026-2030")
    assert raad.party_seats == [("GroenLinks-PvdA", 14), ("DENK", 31)]


def test_a_party_registered_twice_is_one_fractie_with_its_seats_added(
    runner, gemeenten, write_export
):
    doubled = {**UTRECHT, COUNCIL: "D66 (20);GroenLinks (22);D66 (3)"}

    result = load(runner, write_export(MARCH, export_bytes(row(doubled))))

    assert council("GM0344", "2022-2026") == {"D66": 23, "GroenLinks": 22}
    assert "note: party 'D66' is registered 2 times: one fractie with 23 seats" in result.output
    raad = gemeente("GM0344").raden[0]
    assert raad.issues == "duplicate_party"


def test_rows_that_cannot_be_used_are_listed_with_the_reason(runner, gemeenten, write_export):
    rows = [
        row({TOOI_URI: "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"}),
        row({TOOI_URI: "https://example.org/geen-code", "Officiële naam": "Waterschap"}),
        row({SEATS: "41", "E-mail adressen": "https://www.amersfoort.nl/contact, label: algemeen"}),
    ]

    result = load(runner, write_export(MARCH, export_bytes(*rows)))

    assert result.exit_code == 0, result.output
    assert "Rows not used (2):" in result.output
    assert "line 2 (Gemeente Amersfoort): GM9999 is not a gemeente here" in result.output
    assert "line 3 (Waterschap): the TOOi URI 'https://example.org/geen-code' does not end" in (
        result.output
    )
    assert "the parties hold 39 seats, the registered total is 41 (council stored as doubtful)" in (
        result.output
    )
    assert "'https://www.amersfoort.nl/contact' is not an e-mail address (left out)" in (
        result.output
    )
    amersfoort = gemeente("GM0307")
    assert amersfoort.general_email is None
    assert [i.value for i in amersfoort.raden[0].issue_list] == [
        "unusual_council_size",
        "seats_mismatch",
    ]


def test_the_dry_run_prints_every_step_and_changes_nothing(runner, gemeenten, write_export):
    before = snapshot()

    result = load(runner, write_export(MARCH, export_bytes(row(), row(UTRECHT))), "--dry-run")

    assert result.exit_code == 0, result.output
    assert snapshot() == before
    lines = result.output.splitlines()
    assert "GM0307 Amersfoort: 17 added" in lines
    assert "    added: inhabitants (163418)" in lines
    assert "    added: council 2022-2026 (39 seats, 13 parties)" in lines
    assert "    added: fractie Partij voor de Dieren (2022-2026) (2 seats)" in lines
    assert lines[-1] == "Dry run: nothing was changed."


def test_a_load_is_attributed_to_the_register_not_to_a_person(runner, gemeenten, write_export):
    before = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))

    load(runner, write_export(MARCH, export_bytes(row())))

    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert entries and {(e.actor_id, e.origin) for e in entries} == {(None, SystemOrigin.REGISTER)}
    assert {e.table_name for e in entries} == {
        "register_sources",
        "gemeente_facts",
        "gemeenten",
        "raden",
        "fracties",
    }
    raden = db.session.scalars(select(Raad)).all()
    facts = db.session.scalars(select(GemeenteFact)).all()
    assert len(raden) == 1 and len(facts) == 3
