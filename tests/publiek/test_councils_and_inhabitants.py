"""What the register's facts give the public: councils per raadsperiode on each gemeente's page,
adoption per party per raadsperiode, and how many people live where the motion was adopted."""

from __future__ import annotations

import csv
import html
import io
import re

from sqlalchemy import func, select

from campaign.extensions import db
from campaign.formatting import dutch_number
from campaign.gemeenten.models import CampaignStatus, Gemeente


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_utrecht_shows_its_council_of_2026_2030_and_the_one_before(client, seeded):
    page = text_of(client.get("/gemeente/utrecht").get_data(as_text=True))

    new = page[page.index("Raad 2026-2030") : page.index("Raad 2022-2026")]
    assert "45 zetels, 16 fracties" in new
    assert "GroenLinks-PvdA 14" in new
    assert "export van 15 april 2026" in new
    old = page[page.index("Raad 2022-2026") :]
    assert "D66 8" in old and "GroenLinks 8" in old and "export van 25 maart 2026" in old
    assert "378.121 inwoners" in page
    assert (
        "Bron: Register van Overheidsorganisaties (organisaties.overheid.nl), 15 april 2026" in page
    )


def test_an_unknown_council_says_so_and_a_doubtful_one_says_why(client, seeded):
    amersfoort = text_of(client.get("/gemeente/amersfoort").get_data(as_text=True))
    almere = text_of(client.get("/gemeente/almere").get_data(as_text=True))

    assert "Raad 2026-2030 Nog niet bekend" in amersfoort
    # Almere registered 42 seats for 2026-2030: no size the Gemeentewet knows.
    assert "Let op, in het register: zo'n aantal zetels kent de Gemeentewet niet" in almere


def test_an_adoption_shows_its_source_with_a_link(client, seeded):
    page = client.get("/gemeente/groningen").get_data(as_text=True)

    assert (
        '<a href="https://kerkasielkampen.nl/groningen-stemt-voor-motie-gewortelde-kinderen" '
        'rel="noopener noreferrer">Kerkasiel Kampen, “Groningen stemt voor motie gewortelde '
        "kinderen” (mei 2025)</a>" in page
    )
    assert "Aangenomen door de vorige raad (2022-2026)." in page
    assert "7 mei 2025: " in text_of(page)  # the step in its history, dated by the vote


def test_the_home_page_says_how_many_people_live_where_the_motion_was_adopted(client, seeded):
    adopted, total = db.session.execute(
        select(
            func.sum(Gemeente.inhabitants).filter(Gemeente.status == CampaignStatus.AANGENOMEN),
            func.sum(Gemeente.inhabitants),
        )
    ).one()

    home = text_of(client.get("/").get_data(as_text=True))
    open_data = text_of(client.get("/open-data").get_data(as_text=True))

    assert total > 17_000_000 and adopted > 1_000_000
    expected = (
        f"In die gemeenten wonen {dutch_number(adopted)} mensen: "
        f"{dutch_number(round(100 * adopted / total, 1))}% van de inwoners van Nederland."
    )
    assert expected in home and expected in open_data


def test_the_open_data_give_every_gemeentes_inhabitants(client, seeded):
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/gemeenten.csv").text)))
    as_json = client.get("/open-data/gemeenten.json").get_json()
    geojson = client.get("/open-data/gemeenten.geojson").get_json()

    amersfoort = next(r for r in rows if r["code"] == "GM0307")
    assert amersfoort["inwoners"] == "163764" and amersfoort["status_sinds"] == "2025-03"
    assert all(r["inwoners"] for r in rows)
    assert next(g for g in as_json["gemeenten"] if g["code"] == "GM0307")["inhabitants"] == 163764
    feature = next(f for f in geojson["features"] if f["id"] == "GM0307")
    assert feature["properties"]["inhabitants"] == 163764
    assert "Inwoners: Bron: Register van Overheidsorganisaties" in as_json["license"]


def test_parties_are_counted_per_raadsperiode_against_the_gemeenten_where_they_sit(client, seeded):
    page = client.get("/partijen").get_data(as_text=True)
    old = page[page.index("Raadsperiode 2022-2026") :]

    pvdd = re.search(r'<th scope="row">PvdD</th>(.*?)</tr>', old, re.S).group(1)
    counts = re.findall(r'<td class="num">(?:<details><summary>)?(\d+)', pvdd)
    # PvdD had a fractie in 28 councils of 2022-2026; it voted for in Amersfoort, its vote is
    # unknown where an adoption is known without votes, and 22 councils did not vote.
    assert counts == ["28", "1", "0", "0", "5", "22"]
    assert "Beter Amersfoort (" in old and "): voor" in old


def test_the_motion_form_offers_the_fracties_of_the_council_in_office(client, seeded):
    utrecht = client.get("/gemeente/utrecht/motie").get_data(as_text=True)
    amersfoort = client.get("/gemeente/amersfoort/motie").get_data(as_text=True)

    assert 'name="fractie" value="GroenLinks-PvdA"' in utrecht
    assert 'value="GroenLinks"' not in utrecht  # a fractie of the previous council only
    assert "De fracties van de raad 2026-2030 van Amersfoort zijn nog niet bekend" in amersfoort
    assert 'name="fractie"' not in amersfoort
