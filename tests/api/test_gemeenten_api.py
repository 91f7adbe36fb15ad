"""GET /api/v1/gemeenten and /api/v1/gemeenten/<code-or-slug>."""

import pytest

from campaign.extensions import db
from campaign.gemeenten.models import RAADSPERIODES, Gemeente

PERIODS = RAADSPERIODES


def test_the_list_has_all_342_gemeenten_with_unique_slugs(client, seeded):
    response = client.get("/api/v1/gemeenten")

    assert response.status_code == 200
    gemeenten = response.get_json()
    assert len(gemeenten) == 342
    assert len({g["slug"] for g in gemeenten}) == 342
    amersfoort = next(g for g in gemeenten if g["code"] == "GM0307")
    assert amersfoort == {
        "code": "GM0307",
        "name": "Amersfoort",
        "slug": "amersfoort",
        "province": "Utrecht",
        "status": "aangenomen",
        "status_since": "2025-03",  # the vote's month, not the day the seed data was loaded
        "noodopvang": False,
        "inhabitants": 163764,
    }


@pytest.mark.parametrize("key", ["amersfoort", "GM0307", "gm0307"])
def test_amersfoort_shows_the_adopted_motion_with_26_votes_and_nine_parties(client, seeded, key):
    response = client.get(f"/api/v1/gemeenten/{key}")

    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Amersfoort"
    (motie,) = body["moties"]
    assert motie["outcome"] == "aangenomen"
    assert motie["voted_on"] == "2025-03"
    assert (motie["votes_for"], motie["votes_against"]) == (26, 8)
    # The appeal's "PvdD" is the register's fractie "Partij voor de Dieren".
    assert sorted(v["fractie"] for v in motie["votes"] if v["vote"] == "voor") == sorted(
        [
            "D66",
            "GroenLinks",
            "CDA",
            "ChristenUnie",
            "PvdA",
            "Partij voor de Dieren",
            "SP",
            "Beter Amersfoort",
            "DENK",
        ]
    )
    # The appeal letter does not give the motion's own title: unknown, and said so the same
    # way as on every page.
    assert motie["title"] == "Motie (titel onbekend)" and motie["title_recorded"] is None
    assert motie["record_url"] is None


REGISTER = "Register van Overheidsorganisaties (organisaties.overheid.nl)"


def test_amersfoort_shows_its_council_inhabitants_and_website_with_source_and_date(client, seeded):
    body = client.get("/api/v1/gemeenten/amersfoort").get_json()

    assert body["inhabitants"] == 163764
    assert body["website"] == "https://www.amersfoort.nl"
    assert body["sources"] == {
        "inhabitants": {"title": REGISTER, "date": "2026-04-15"},
        "website": {"title": REGISTER, "date": "2026-04-15"},
    }
    old, new = (next(r for r in body["raden"] if r["raadsperiode"] == p) for p in PERIODS)
    assert old["known"] and old["total_seats"] == 39
    assert old["source"] == {"title": REGISTER, "date": "2026-03-25"}
    assert old["doubts"] == []
    assert {f["name"]: f["seats"] for f in old["fracties"]} == {
        "GroenLinks": 6,
        "D66": 6,
        "CDA": 5,
        "ChristenUnie": 4,
        "VVD": 4,
        "Amersfoort2014": 4,
        "PvdA": 2,
        "SP": 2,
        "Partij voor de Dieren": 2,
        "Burger Partij Amersfoort": 1,
        "Beter Amersfoort": 1,
        "DENK": 1,
        "Amersfoort voor Vrijheid": 1,
    }
    assert next(f for f in old["fracties"] if f["name"] == "Partij voor de Dieren")["party"] == (
        "pvdd"
    )
    # Amersfoort's entry had not changed by April: its council of 2026-2030 is not known.
    assert new == {
        "raadsperiode": "2026-2030",
        "known": False,
        "total_seats": None,
        "fracties": [],
        "source": None,
        "doubts": [],
    }


def test_every_fractie_of_the_voting_council_has_a_vote_unknown_ones_as_unknown(client, seeded):
    (motie,) = client.get("/api/v1/gemeenten/amersfoort").get_json()["moties"]

    assert motie["raadsperiode"] == "2022-2026"
    assert len(motie["votes"]) == 13
    unknown = {v["fractie"]: v["seats"] for v in motie["votes"] if not v["recorded"]}
    assert unknown == {
        "VVD": 4,
        "Amersfoort2014": 4,
        "Burger Partij Amersfoort": 1,
        "Amersfoort voor Vrijheid": 1,
    }
    assert {v["vote"] for v in motie["votes"] if not v["recorded"]} == {"onbekend"}
    assert sum(v["seats"] for v in motie["votes"] if v["vote"] == "voor") == 29
    assert motie["sources"] == [{"title": motie["source"], "url": None}]
    assert motie["source"].startswith("Oproep van KinderpardonNU")


def test_the_adoptions_reported_in_public_carry_their_source_and_only_its_facts(client, seeded):
    groningen = client.get("/api/v1/gemeenten/GM0014").get_json()
    brunssum = client.get("/api/v1/gemeenten/GM0899").get_json()

    (motie,) = groningen["moties"]
    assert (motie["outcome"], motie["voted_on"], motie["votes_for"]) == (
        "aangenomen",
        "2025-05-07",
        None,
    )
    assert motie["sources"] == [
        {
            "title": "Kerkasiel Kampen, “Groningen stemt voor motie gewortelde kinderen” "
            "(mei 2025)",
            "url": "https://kerkasielkampen.nl/groningen-stemt-voor-motie-gewortelde-kinderen",
        }
    ]
    assert {v["vote"] for v in motie["votes"]} == {"onbekend"}
    (motie,) = brunssum["moties"]
    assert (motie["outcome"], motie["voted_on"], motie["raadsperiode"]) == (
        "aangenomen",
        None,
        "2022-2026",
    )
    # Its day is not known, so neither is since when it has its status.
    assert brunssum["status"] == "aangenomen" and brunssum["status_since"] is None


@pytest.mark.parametrize("key", ["GM9999", "nergenshuizen", "<script>", "GM03071"])
def test_an_unknown_gemeente_is_a_json_404_in_dutch(client, seeded, key):
    response = client.get(f"/api/v1/gemeenten/{key}")

    assert response.status_code == 404
    assert response.is_json
    body = response.get_json()
    assert body["error"] == "not_found"
    assert "Geen gemeente" in body["message"]


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


def test_the_api_does_not_accept_writes(client, seeded):
    response = client.post("/api/v1/gemeenten", json={"name": "Nieuw"})
    assert response.status_code == 405
    assert response.get_json()["error"] == "method_not_allowed"
    assert db.session.query(Gemeente).count() == 342
