"""GeoJSON as RFC 7946 wants it: valid geometry (shapely, i.e. GEOS) and the right-hand rule."""

from shapely import is_valid_reason
from shapely.geometry import LinearRing, shape

from campaign.kaart.geometry import to_geojson_geometry


def polygons_of(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon"
    return geometry["coordinates"]


def winding_problems(geometry: dict) -> list[str]:
    """RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise."""
    problems = []
    for number, polygon in enumerate(polygons_of(geometry)):
        exterior, *holes = polygon
        if not LinearRing(exterior).is_ccw:
            problems.append(f"polygon {number}: the exterior ring is clockwise")
        problems += [
            f"polygon {number}: hole {index} is counter-clockwise"
            for index, hole in enumerate(holes)
            if LinearRing(hole).is_ccw
        ]
    return problems


def test_every_gemeente_in_the_open_data_is_valid_and_counter_clockwise(client, seeded):
    features = client.get("/open-data/gemeenten.geojson").get_json()["features"]
    assert len(features) == 342

    problems = {}
    for feature in features:
        geometry = shape(feature["geometry"])
        found = winding_problems(feature["geometry"])
        if not geometry.is_valid:
            found.append(is_valid_reason(geometry))
        if found:
            problems[feature["properties"]["name"]] = found
    assert problems == {}
    # The two that were broken before: repaired, and still where they were.
    names = {feature["properties"]["name"]: feature for feature in features}
    for name, (lon, lat) in {
        "Westervoort": (5.97, 51.96),
        "Schouwen-Duiveland": (3.85, 51.7),
    }.items():
        outline = shape(names[name]["geometry"])
        assert outline.contains(shape({"type": "Point", "coordinates": [lon, lat]})), name


def test_a_clockwise_outline_with_a_hole_is_turned_the_rfc_way():
    clockwise_square = [(5.0, 52.0), (5.0, 52.1), (5.1, 52.1), (5.1, 52.0), (5.0, 52.0)]
    counter_clockwise_hole = [
        (5.02, 52.02),
        (5.08, 52.02),
        (5.08, 52.08),
        (5.02, 52.08),
        (5.02, 52.02),
    ]

    geometry = to_geojson_geometry([[clockwise_square, counter_clockwise_hole]])

    assert geometry["type"] == "Polygon"
    assert winding_problems(geometry) == []
    assert (
        shape(geometry).area
        == shape(
            {"type": "Polygon", "coordinates": [clockwise_square, counter_clockwise_hole]}
        ).area
    )


def test_a_self_crossing_outline_is_repaired_without_losing_its_area():
    # A bow tie: the ring crosses itself at (5.05, 52.05).
    bow_tie = [(5.0, 52.0), (5.1, 52.1), (5.1, 52.0), (5.0, 52.1), (5.0, 52.0)]

    geometry = to_geojson_geometry([[bow_tie]])

    assert shape(geometry).is_valid and winding_problems(geometry) == []
    assert geometry["type"] == "MultiPolygon" and len(geometry["coordinates"]) == 2
    assert abs(shape(geometry).area - 0.005) < 1e-9


def test_rounding_that_would_make_an_outline_touch_itself_keeps_it_valid():
    # A waist: its two sides come 0.0008 apart; rounded to three decimals they meet in a point.
    waist = [
        (5.0, 52.0),
        (5.01, 52.0),
        (5.01, 52.01),
        (5.0, 52.01),
        (5.0, 52.0),
    ]
    waist[2:2] = [(5.01, 52.005), (5.0054, 52.005)]
    waist[-1:-1] = [(5.0, 52.005), (5.0046, 52.005)]
    rounded = [[round(x, 3), round(y, 3)] for x, y in waist]
    assert shape({"type": "Polygon", "coordinates": [waist]}).is_valid
    assert not shape({"type": "Polygon", "coordinates": [rounded]}).is_valid

    geometry = to_geojson_geometry([[waist]], decimals=3)

    assert shape(geometry).is_valid and winding_problems(geometry) == []
    assert all(
        round(value, 3) == value
        for polygon in polygons_of(geometry)
        for ring in polygon
        for point in ring
        for value in point
    )
