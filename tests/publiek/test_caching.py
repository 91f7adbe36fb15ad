"""Public answers are cached per data version: a write renews only the pages it changes; the
API and open data are cached like the pages; static files have content-hashed names."""

import gzip
import re

from sqlalchemy import select

from campaign.acting import act_as
from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.outreach.models import Channel, Direction
from campaign.outreach.services import ContactInput, log_contact


def etag(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.headers["ETag"]


def test_a_contact_in_zeist_renews_zeist_and_its_neighbours_not_maastricht(
    client, seeded, volunteer
):
    paths = ["/gemeente/zeist", "/gemeente/utrechtse-heuvelrug", "/gemeente/maastricht", "/"]
    paths += ["/api/v1/gemeenten/zeist", "/api/v1/gemeenten/maastricht", "/api/v1/gemeenten"]
    before = {path: etag(client, path) for path in paths}
    act_as(volunteer.id)
    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    log_contact(zeist, ContactInput(today(), Channel.TELEFOON, Direction.UITGAAND), volunteer)
    after = {path: etag(client, path) for path in paths}
    changed = {path for path in paths if before[path] != after[path]}
    assert changed == {
        "/gemeente/zeist",
        "/gemeente/utrechtse-heuvelrug",  # shows Zeist's status among its neighbours
        "/",
        "/api/v1/gemeenten/zeist",
        "/api/v1/gemeenten",
    }


def test_the_api_and_open_data_answer_304_and_compressed(client, seeded):
    for path in ("/api/v1/gemeenten", "/api/v1/gemeenten/GM0307", "/open-data/moties.json"):
        first = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert first.headers["Content-Encoding"] == "gzip", path
        assert gzip.decompress(first.data).startswith((b"[", b"{")), path
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path
    missing = client.get("/api/v1/gemeenten/nergenshuizen")
    assert missing.status_code == 404 and missing.is_json


def test_static_files_have_content_hashed_names_and_are_cached_for_good(client, seeded):
    home = client.get("/").get_data(as_text=True)
    (css,) = re.findall(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
    response = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"
    assert b":root" in gzip.decompress(response.data)
    plain = client.get("/static/css/site.css")
    assert plain.status_code == 200 and plain.headers["Cache-Control"] == "public, max-age=300"
    assert client.get("/static/../campaign/config.py").status_code == 404


def test_share_images_are_kept_on_disk_not_in_memory(app, client, seeded):
    from pathlib import Path

    response = client.get("/gemeente/zeist/kaart.png")
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")
    stored = {
        path.name: path for path in (Path(app.instance_path) / "cache" / "png").rglob("*.png")
    }
    # The share map's base, the same for every gemeente, and Zeist's image made from it.
    assert sorted(stored) == ["share-GM0355-1200.png", "share-nl-1200.png"]
    assert stored["share-GM0355-1200.png"].read_bytes() == response.data
    assert client.get("/gemeente/amersfoort/kaart.png").status_code == 200
    assert len(list(stored["share-nl-1200.png"].parent.glob("*.png"))) == 3
    assert client.get("/kaart.png").status_code == 200
    cache = app.extensions["render_cache"]
    kept = [value for value, _ in cache._items.values()]
    pages = [value[0] for value in kept if isinstance(value, tuple)]
    assert not [v for v in kept if isinstance(v, bytes)]
    assert not [body for body in pages if body.startswith(b"\x89PNG")]
    again = client.get(
        "/gemeente/zeist/kaart.png", headers={"If-None-Match": response.get_etag()[0]}
    )
    assert again.status_code == 304


def test_a_vote_changed_on_its_own_renews_the_parties_and_that_gemeente(client, seeded, volunteer):
    from campaign.moties.models import Outcome, Vote
    from campaign.moties.services import MotieInput, create_motie

    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    motie = create_motie(zeist, MotieInput(outcome=Outcome.AANGENOMEN, stemmingen={}))
    paths = ["/partijen", "/gemeente/zeist", "/gemeente/maastricht"]
    before = {path: etag(client, path) for path in paths}

    # Only a Stemming row is written: no motion, fractie or gemeente column changes.
    from campaign.moties.models import Stemming

    act_as(volunteer.id)
    db.session.add(Stemming(motie=motie, fractie=council["D66"], vote=Vote.VOOR))
    db.session.commit()

    after = {path: etag(client, path) for path in paths}
    assert {path for path in paths if before[path] != after[path]} == {
        "/partijen",
        "/gemeente/zeist",
    }


def test_a_register_load_renews_the_gemeenten_it_changes(client, runner, seeded, tmp_path):
    from campaign.register.cells import COUNCIL
    from tests.register.samples import export_bytes, row

    paths = ["/partijen", "/gemeente/amersfoort", "/gemeente/maastricht"]
    before = {path: etag(client, path) for path in paths}
    export = tmp_path / "gemeenten-2026-11-20.csv"
    # Amersfoort's council as a newer export gives it: fracties are inserted in bulk.
    council = "GroenLinks-PvdA (12);D66 (10);VVD (9);CDA (4);SP (2);ChristenUnie (2)"
    export.write_bytes(export_bytes(row({COUNCIL: council, "Totaal aantal zetels": "39"})))
    result = runner.invoke(args=["register", "load", str(export)])
    assert result.exit_code == 0, result.output

    after = {path: etag(client, path) for path in paths}
    assert {path for path in paths if before[path] != after[path]} == {
        "/partijen",
        "/gemeente/amersfoort",
    }
