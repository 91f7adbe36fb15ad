"""Open data files: CSV, JSON like the API, valid GeoJSON, Popolo motions, OpenAPI."""

import csv
import io

from campaign.kaart.geometry import BoundaryError, read_areas


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


def test_motions_in_the_popolo_shape(client, seeded):
    data = client.get("/open-data/moties.json").get_json()
    assert data["license"] and len(data["motions"]) == 10
    amersfoort = next(
        m for m in data["motions"] if m["organization"]["id"] == "gemeenteraad-GM0307"
    )
    assert amersfoort["result"] == "pass"
    (event,) = amersfoort["vote_events"]
    assert event["start_date"] == "2025-03"
    assert event["counts"] == [{"option": "yes", "value": 26}, {"option": "no", "value": 8}]
    assert {g["group"]["name"] for g in event["group_results"] if g["option"] == "yes"} >= {
        "D66",
        "SP",
        "DENK",
    }
    maastricht = next(
        m for m in data["motions"] if m["organization"]["id"] == "gemeenteraad-GM0935"
    )
    assert maastricht["vote_events"][0]["counts"] == [] and maastricht["sources"] == []


def test_openapi_describes_the_api(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/gemeenten", "/gemeenten/{key}"}
    assert spec["servers"][0]["url"] == "http://localhost/api/v1"
