"""Loading boundaries from TopoJSON or GeoJSON files (and URLs), checked against the gemeenten."""

import http.server
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from campaign.extensions import db
from campaign.kaart.models import MapLayer, MapShape
from campaign.seeding import seed_gemeenten
from tests.conftest import SEED_DATA


def _reference_file() -> Path:
    """`shared/reference` beside the repository (or beside the folder of a git worktree)."""
    for folder in Path(__file__).resolve().parents[2].parents:
        if (folder / "shared" / "reference").is_dir():
            return folder / "shared" / "reference" / "gemeente_2025.topojson"
    return Path(__file__).resolve().parents[3] / "shared" / "reference" / "gemeente_2025.topojson"


REFERENCE = _reference_file()


@pytest.fixture
def gemeenten(app):
    if not REFERENCE.exists():
        pytest.skip(f"the reference boundaries are not at {REFERENCE}")
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")


def shape_count():
    return db.session.scalar(select(func.count()).select_from(MapShape))


def test_loading_the_reference_topojson_gives_one_shape_per_gemeente(runner, gemeenten):
    result = runner.invoke(args=["boundaries", "load", str(REFERENCE)])

    assert result.exit_code == 0, result.output
    assert "Loaded 342 shapes" in result.output
    assert "have no shape" not in result.output and "not gemeenten here" not in result.output
    assert shape_count() == 342
    amersfoort = db.session.scalar(select(MapShape).where(MapShape.cbs_code == "GM0307"))
    assert amersfoort.svg_path.startswith("M") and amersfoort.svg_path.endswith("Z")
    assert amersfoort.geometry["type"] in ("Polygon", "MultiPolygon")
    assert {"GM0327", "GM0355", "GM0308"} <= set(
        amersfoort.neighbour_codes
    )  # Leusden, Zeist, Baarn


def test_the_seed_shapes_match_the_reference(runner, gemeenten, tmp_path):
    out = tmp_path / "afgeleid.geojson"
    runner.invoke(args=["boundaries", "derive", str(REFERENCE), "--out", str(out)])
    assert json.loads(out.read_text()) == json.loads(
        (SEED_DATA / "kaart" / "gemeenten_2025.geojson").read_text()
    )


def test_another_file_replaces_the_map_and_reports_mismatches(runner, gemeenten, tmp_path):
    runner.invoke(args=["boundaries", "load", str(REFERENCE)])
    data = json.loads((SEED_DATA / "kaart" / "gemeenten_2025.geojson").read_text())
    features = [f for f in data["features"] if f["properties"]["statcode"] != "GM0307"]
    features[0] = {**features[0], "properties": {"code": "GM9999", "naam": "Nieuwgemeente"}}
    for feature in features[1:]:
        feature["properties"] = {
            "code": feature["properties"]["statcode"],
            "naam": feature["properties"]["statnaam"],
        }
    other = tmp_path / "ander-jaar.geojson"
    other.write_text(json.dumps({"type": "FeatureCollection", "features": features}))

    result = runner.invoke(
        args=[
            "boundaries",
            "load",
            str(other),
            "--code-property",
            "code",
            "--name-property",
            "naam",
        ]
    )

    assert result.exit_code == 0, result.output
    assert "2 gemeenten have no shape in this file: GM0014, GM0307" in result.output
    assert "1 codes in the file are not gemeenten here: GM9999" in result.output
    assert shape_count() == 341
    assert db.session.scalar(select(func.count()).select_from(MapLayer)) == 1


def feature_collection(geometry, **properties):
    feature = {"type": "Feature", "properties": properties, "geometry": geometry}
    return json.dumps({"type": "FeatureCollection", "features": [feature]})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("geen json", "not JSON"),
        ('{"type": "Feature"}', "expected a TopoJSON Topology or a GeoJSON FeatureCollection"),
        (
            feature_collection({"type": "Point", "coordinates": [5, 52]}),
            "unsupported geometry type 'Point'",
        ),
        (
            feature_collection(
                {"type": "Polygon", "coordinates": [[[5, 52], [6, 52], [6, 53], [5, 52]]]}, x=1
            ),
            "lacks the properties 'statcode' and 'statnaam'",
        ),
    ],
)
def test_bad_files_are_refused_and_the_map_stays(runner, gemeenten, tmp_path, content, message):
    runner.invoke(args=["boundaries", "load", str(REFERENCE)])
    bad = tmp_path / "kapot.json"
    bad.write_text(content)
    result = runner.invoke(args=["boundaries", "load", str(bad)])
    assert result.exit_code == 1
    assert message in result.output
    assert shape_count() == 342


def test_a_missing_file_is_refused(runner, gemeenten):
    result = runner.invoke(args=["boundaries", "load", "/bestaat/niet.topojson"])
    assert result.exit_code == 1 and "no such file" in result.output


def test_boundaries_load_from_a_url(runner, gemeenten):
    """A URL works the same; served here from loopback, so nothing leaves the machine."""
    directory = str(REFERENCE.parent)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=directory, **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{REFERENCE.name}"
        result = runner.invoke(args=["boundaries", "load", url])
        missing = runner.invoke(args=["boundaries", "load", url + ".nope"])
    finally:
        server.shutdown()
    assert result.exit_code == 0 and "Loaded 342 shapes" in result.output
    assert missing.exit_code == 1 and "could not download" in missing.output
