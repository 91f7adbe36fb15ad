"""GET /api/v1/gemeenten and /api/v1/gemeenten/<code-or-slug>."""

import pytest

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente


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
        "status_since": amersfoort["status_since"],
        "noodopvang": False,
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
    assert sorted(v["fractie"] for v in motie["votes"] if v["vote"] == "voor") == sorted(
        [
            "D66",
            "GroenLinks",
            "CDA",
            "ChristenUnie",
            "PvdA",
            "PvdD",
            "SP",
            "Beter Amersfoort",
            "DENK",
        ]
    )
    # The appeal letter does not give the motion's own title: unknown, and said so the same
    # way as on every page.
    assert motie["title"] == "Motie (titel onbekend)" and motie["title_recorded"] is None
    assert motie["record_url"] is None


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
