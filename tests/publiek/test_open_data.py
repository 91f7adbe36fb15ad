"""Open data files: CSV, JSON like the API, valid GeoJSON, Popolo motions, OpenAPI."""

import csv
import io

from sqlalchemy import select

from campaign.dates import PartialDate
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.kaart.geometry import BoundaryError, read_areas
from campaign.moties.models import Motie, Outcome, Stemming, Vote


def test_the_csv_has_342_rows_and_opens_with_the_csv_module(client, seeded):
    response = client.get("/open-data/gemeenten.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "CC BY 4.0" in response.headers["X-License"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 342
    amersfoort = next(row for row in rows if row["code"] == "GM0307")
    assert (amersfoort["status"], amersfoort["motie_gestemd_op"], amersfoort["stemmen_voor"]) == (
        "aangenomen",
        "2025-03",
        "26",
    )


def test_the_json_matches_the_api(client, seeded):
    data = client.get("/open-data/gemeenten.json").get_json()
    assert data["gemeenten"] == client.get("/api/v1/gemeenten").get_json()
    assert "CC BY 4.0" in data["license"] and data["generated_at"]


def test_the_geojson_is_valid_with_a_feature_per_gemeente(client, seeded):
    response = client.get("/open-data/gemeenten.geojson")
    assert response.mimetype == "application/geo+json"
    data = response.get_json()
    assert data["type"] == "FeatureCollection" and "Bron: CBS / Kadaster" in data["license"]
    assert len(data["features"]) == 342
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["id"] == feature["properties"]["code"]
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(3.0 < lon < 7.5 and 50.5 < lat < 53.7 for lon, lat in ring)
    # and it reads back as boundaries
    assert len(read_areas(data, "code", "name")) == 342
    amersfoort = next(f for f in data["features"] if f["id"] == "GM0307")["properties"]
    assert (amersfoort["outcome"], amersfoort["votes_for"]) == ("aangenomen", 26)


def test_the_geojson_reader_refuses_an_open_ring():
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": "GM1", "name": "X"},
                "geometry": {"type": "Polygon", "coordinates": [[[5, 52], [6, 52], [5, 52]]]},
            }
        ],
    }
    try:
        read_areas(data, "code", "name")
    except BoundaryError as error:
        assert "fewer than four points" in str(error)
    else:
        raise AssertionError("an open ring was accepted")


def test_motions_in_popolo_terms(client, seeded):
    data = client.get("/open-data/moties.json").get_json()
    assert data["license"] and len(data["motions"]) == 10
    organizations = {o["id"]: o for o in data["organizations"]}
    events = {e["id"]: e for e in data["events"]}
    council = organizations["gemeenteraad-GM0307"]
    assert (council["name"], council["classification"]) == (
        "Gemeenteraad Amersfoort",
        "gemeenteraad",
    )
    assert council["identifiers"] == [{"scheme": "CBS", "identifier": "GM0307"}]

    amersfoort = next(m for m in data["motions"] if m["organization_id"] == "gemeenteraad-GM0307")
    assert (amersfoort["classification"], amersfoort["result"]) == ("motie", "pass")
    # The source names no title, no day and no submission date: none is made up.
    assert "text" not in amersfoort and "date" not in amersfoort
    assert "legislative_session_id" not in amersfoort
    (event,) = amersfoort["vote_events"]
    assert "start_date" not in event
    meeting = events[event["legislative_session_id"]]
    assert (meeting["start_date"], meeting["classification"]) == ("2025-03", "raadsvergadering")
    assert meeting["organization_id"] == "gemeenteraad-GM0307"
    assert event["counts"] == [{"option": "yes", "value": 26}, {"option": "no", "value": 8}]
    voted_yes = {
        organizations[v["voter_id"]]["name"] for v in event["votes"] if v["option"] == "yes"
    }
    assert voted_yes == {
        "D66",
        "GroenLinks",
        "CDA",
        "ChristenUnie",
        "PvdA",
        "Partij voor de Dieren",
        "SP",
        "Beter Amersfoort",
        "DENK",
    }
    d66 = organizations["fractie-GM0307-2022-2026-d66"]
    assert (d66["classification"], d66["parent_id"]) == ("fractie", "gemeenteraad-GM0307")
    assert "2022-2026" in d66["description"]
    (source,) = amersfoort["sources"]
    assert source["url"] == "http://localhost/gemeente/amersfoort"
    assert "Oproep van KinderpardonNU" in source["note"]

    maastricht = next(m for m in data["motions"] if m["organization_id"] == "gemeenteraad-GM0935")
    (event,) = maastricht["vote_events"]
    assert event["counts"] == [] and event["votes"] == []
    assert events[event["legislative_session_id"]]["start_date"] == "2024"

    # A motion known from a page on the web names that page among its sources.
    groningen = next(m for m in data["motions"] if m["organization_id"] == "gemeenteraad-GM0014")
    assert [s["url"] for s in groningen["sources"]] == [
        "https://kerkasielkampen.nl/groningen-stemt-voor-motie-gewortelde-kinderen",
        "http://localhost/gemeente/groningen",
    ]


def test_a_recorded_motion_names_its_council_record_and_its_days(
    client, app, make_gemeente, make_fractie
):
    gemeente = make_gemeente(name="Zeist", cbs_code="GM0355", slug="zeist")
    groen = make_fractie(gemeente, name="GroenLinks", raadsperiode="2022-2026")
    vvd = make_fractie(gemeente, name="VVD", raadsperiode="2022-2026")
    motie = Motie(
        gemeente=gemeente,
        title="Motie Pleidooi voor gewortelde kinderen",
        submitted_on=PartialDate(2025, 6, 12),
        voted_on=PartialDate(2025, 6, 12),
        outcome=Outcome.VERWORPEN,
        votes_for=14,
        votes_against=19,
        record_url="https://zeist.raadsinformatie.nl/modules/1/moties/123",
    )
    motie.stemmingen = [
        Stemming(fractie=groen, vote=Vote.VOOR),
        Stemming(fractie=vvd, vote=Vote.VERDEELD),
    ]
    db.session.add(motie)
    db.session.commit()

    data = client.get("/open-data/moties.json").get_json()
    (motion,) = data["motions"]
    assert motion["text"] == "Motie Pleidooi voor gewortelde kinderen"
    assert motion["result"] == "fail"
    assert motion["legislative_session_id"] == "raadsvergadering-GM0355-2025-06-12"
    (event,) = motion["vote_events"]
    assert event["legislative_session_id"] == motion["legislative_session_id"]
    assert [e["start_date"] for e in data["events"]] == ["2025-06-12"]
    assert event["votes"] == [
        {"voter_id": "fractie-GM0355-2022-2026-groenlinks", "option": "yes"},
        {"voter_id": "fractie-GM0355-2022-2026-vvd", "option": "split"},
    ]
    assert [s["url"] for s in motion["sources"]] == [
        "https://zeist.raadsinformatie.nl/modules/1/moties/123",
        "http://localhost/gemeente/zeist",
    ]


def test_openapi_describes_the_api(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/gemeenten", "/gemeenten/{key}"}
    assert spec["servers"][0]["url"] == "http://localhost/api/v1"


def test_a_motion_made_from_the_model_motion_has_its_title_as_text(client, seeded):
    model = db.session.scalars(
        select(TemplateVersion).where(TemplateVersion.kind == TemplateKind.MOTIE)
    ).first()
    zeist = db.session.scalars(select(Gemeente).where(Gemeente.slug == "zeist")).one()
    db.session.add(Motie(gemeente=zeist, template_version=model, outcome=Outcome.AANGENOMEN))
    db.session.commit()

    motions = client.get("/open-data/moties.json").get_json()["motions"]
    (motion,) = [m for m in motions if m["organization_id"] == "gemeenteraad-GM0355"]
    assert motion["text"] == model.title
