"""CSV export that spreadsheets open safely; imports with a preview, all or nothing."""

import csv
import io

from sqlalchemy import func, select

from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente
from campaign.transfer.csvfiles import guard_cell


def test_export_has_every_gemeente_and_guards_formulas(client, login, volunteer, seeded):
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.slug == "amersfoort"))
    amersfoort.notes = '=HYPERLINK("http://evil.example","klik")'
    db.session.commit()
    login(volunteer)

    response = client.get("/beheer/export/gemeenten.csv")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 342
    row = next(r for r in rows if r["code"] == "GM0307")
    assert row["status"] == "aangenomen"
    assert row["notities"] == '\'=HYPERLINK("http://evil.example","klik")'


def test_guard_cell_covers_every_formula_start():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1"):
        assert guard_cell(text).startswith("'")
    assert guard_cell("Groen Links") == "Groen Links"


FRACTIES = (
    "gemeente;raadsperiode;fractie;zetels;fractievoorzitter;email\n"
    "GM0307;2026-2030;GroenLinks;9;Anna;anna@example.org\n"
    "Amersfoort;2026-2030;VVD;6;Bert;\n"
)


def upload(client, kind, text, filename="fracties.csv"):
    return client.post(
        "/beheer/import",
        data={"kind": kind, "file": (io.BytesIO(text.encode("utf-8-sig")), filename)},
        content_type="multipart/form-data",
    )


def fractie_count():
    return db.session.scalar(select(func.count()).select_from(Fractie))


def test_import_shows_a_preview_then_stores_everything(client, login, admin, seeded):
    login(admin)
    before = fractie_count()
    preview = upload(client, "fracties", FRACTIES)
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    assert "Alle 2 rijen zijn in orde" in html
    assert fractie_count() == before

    confirm = client.post(
        "/beheer/import/bevestigen",
        data={"kind": "fracties", "content": FRACTIES.replace(";", ";")},
    )
    assert confirm.status_code == 302
    assert fractie_count() == before + 2
    vvd = db.session.scalar(
        select(Fractie)
        .join(Gemeente)
        .where(
            Gemeente.cbs_code == "GM0307",
            Fractie.name == "VVD",
            Fractie.raadsperiode == "2026-2030",
        )
    )
    assert (vvd.gemeente.name, vvd.seats, vvd.leader_name) == ("Amersfoort", 6, "Bert")


def test_an_imported_fractie_is_matched_on_its_party_and_then_wins_over_the_register(
    client, login, admin, seeded
):
    login(admin)
    text = (
        "gemeente;raadsperiode;fractie;zetels;fractievoorzitter;email\n"
        "GM0307;2022-2026;PvdD;3;Cor;\n"
    )
    before = fractie_count()

    preview = upload(client, "fracties", text).get_data(as_text=True)
    client.post("/beheer/import/bevestigen", data={"kind": "fracties", "content": text})

    assert "bijwerken (Partij voor de Dieren)" in preview
    assert fractie_count() == before
    pvdd = db.session.scalar(
        select(Fractie)
        .join(Gemeente)
        .where(
            Gemeente.cbs_code == "GM0307",
            Fractie.raadsperiode == "2022-2026",
            Fractie.name == "Partij voor de Dieren",
        )
    )
    db.session.refresh(pvdd)
    assert (pvdd.seats, pvdd.leader_name, pvdd.origin.value) == (3, "Cor", "hand")


def test_one_bad_row_stores_nothing_and_says_which_row(client, login, admin, seeded):
    login(admin)
    bad = FRACTIES + "Atlantis;2026-2030;Zeemeerminnen;3;;\nGM0307;2030-2034;SP;2;;\n"
    before = fractie_count()

    preview = upload(client, "fracties", bad)
    assert preview.status_code == 400
    html = preview.get_data(as_text=True)
    assert "Onbekende gemeente &#39;Atlantis&#39;." in html
    assert "Raadsperiode &#39;2030-2034&#39; bestaat niet" in html
    assert "Importeren bevestigen" not in html

    forced = client.post(
        "/beheer/import/bevestigen",
        data={"kind": "fracties", "content": bad},
        follow_redirects=True,
    )
    assert "2 rij(en) bevatten fouten; er is niets opgeslagen." in forced.get_data(as_text=True)
    assert fractie_count() == before


def test_contact_details_import_and_unusable_files(client, login, admin, seeded):
    login(admin)
    text = "gemeente,griffie_email,website,noodopvang\nGM0307,griffie@amersfoort.example,https://amersfoort.example,ja\n"
    upload(client, "contactgegevens", text)
    client.post("/beheer/import/bevestigen", data={"kind": "contactgegevens", "content": text})
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0307"))
    assert (amersfoort.griffie_email, amersfoort.has_noodopvang) == (
        "griffie@amersfoort.example",
        True,
    )

    missing = upload(client, "contactgegevens", "naam,email\nx,y\n")
    assert missing.status_code == 400
    assert "De kolom(men) gemeente ontbreken." in missing.get_data(as_text=True)
    wrong_type = upload(client, "fracties", "x", filename="foto.png")
    assert wrong_type.status_code == 400
    assert "Alleen .csv-bestanden." in wrong_type.get_data(as_text=True)


def test_an_unreadable_csv_gets_a_dutch_message(client, login, admin, seeded):
    login(admin)
    response = upload(
        client,
        "fracties",
        "gemeente;raadsperiode;fractie\nGM0307;2026-2030;" + "x" * 200_000 + "\n",
    )
    assert response.status_code == 400
    assert "Dit is geen leesbare CSV" in response.get_data(as_text=True)


def test_excels_unicode_text_is_read(client, login, admin, seeded):
    """Excel's "Unicode text" is UTF-16 with a byte order mark and tabs between columns."""
    login(admin)
    text = FRACTIES.replace(";", "\t").replace("GroenLinks", "Súdwest Lokaal")
    response = client.post(
        "/beheer/import",
        data={"kind": "fracties", "file": (io.BytesIO(text.encode("utf-16")), "fracties.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Súdwest Lokaal" in response.get_data(as_text=True)


def test_a_too_long_fractievoorzitter_is_an_error_not_cut(client, login, admin, seeded):
    login(admin)
    text = FRACTIES.replace("Anna", "A" * 121)
    response = upload(client, "fracties", text)
    assert response.status_code == 400
    assert "te lang (hooguit 120 tekens)" in response.get_data(as_text=True)


def test_odd_seat_numbers_are_a_row_error(client, login, admin, seeded):
    login(admin)
    for seats in ("²", "٣", "9" * 5000):
        response = upload(client, "fracties", FRACTIES.replace(";9;", f";{seats};"))
        assert response.status_code == 400
        assert "geen aantal van 0 tot 55" in response.get_data(as_text=True)
