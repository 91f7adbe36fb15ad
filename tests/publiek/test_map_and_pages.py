"""The public map, a gemeente's page, the embed, parties and the info pages."""

import re

import pytest
from sqlalchemy import delete, select

from campaign.acting import act_as
from campaign.dates import PartialDate
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.kaart.models import MapLayer, MapShape
from campaign.moties.models import Outcome, Vote
from campaign.moties.services import MotieInput, create_motie


def gemeente_named(slug):
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


def test_the_home_page_map_has_one_linked_labelled_shape_per_gemeente(client, seeded):
    html = client.get("/").get_data(as_text=True)
    links = re.findall(
        r'<a href="(/gemeente/[^"]+)" aria-label="([^"]+)" class="gemeente" '
        r'data-status="([^"]+)"><path d="M',
        html,
    )
    assert len(links) == 342
    assert ("/gemeente/amersfoort", "Amersfoort: aangenomen", "aangenomen") in links
    assert (
        "/gemeente/s-hertogenbosch",
        "&#39;s-Hertogenbosch: niet benaderd",
        "niet-benaderd",
    ) in links
    assert "Bron: CBS / Kadaster" in html


def test_without_boundaries_the_site_says_the_map_is_not_loaded(client, seeded):
    db.session.execute(delete(MapShape))
    db.session.execute(delete(MapLayer))
    db.session.commit()
    html = client.get("/").get_data(as_text=True)
    assert "De kaart is nog niet geladen." in html
    assert client.get("/gemeente/amersfoort").status_code == 200
    assert client.get("/kaart.svg").status_code == 404


def test_an_unchanged_home_page_and_map_answer_304(client, seeded):
    for path in (
        "/",
        "/kaart.svg",
        "/gemeente/amersfoort",
        "/embed/kaart",
        "/open-data/gemeenten.csv",
    ):
        first = client.get(path)
        assert first.status_code == 200 and first.headers["ETag"], path
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path
        assert again.data == b""


def test_a_status_change_gives_the_map_a_new_etag_and_colour(client, seeded, volunteer):
    before = client.get("/kaart.svg")
    zeist = gemeente_named("zeist")
    act_as(volunteer.id)
    create_motie(zeist, MotieInput(voted_on=PartialDate(2026, 11, 19), outcome=Outcome.AANGENOMEN))

    after = client.get("/kaart.svg", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert 'aria-label="Zeist: aangenomen"' in after.get_data(as_text=True)
    assert "Aangenomen in <strong>11</strong>" in client.get("/").get_data(as_text=True)


def test_logged_in_pages_are_private(client, seeded, volunteer, login):
    login(volunteer)
    response = client.get("/")
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Vera Vrijwilliger" in response.get_data(as_text=True)


def test_the_gemeente_page_shows_the_vote_and_links_to_the_motion(client, seeded):
    html = client.get("/gemeente/amersfoort").get_data(as_text=True)
    assert "De vorige gemeenteraad (2022-2026) heeft de motie aangenomen." in html
    assert "Aangenomen door de vorige raad (2022-2026)." in html
    # The votes against the council's 39 seats, and every fractie, unknown ones as unknown.
    assert (
        'aria-label="26 voor, 8 tegen, 5 niet uitgebracht of onbekend; 39 zetels in de raad"'
        in html
    )
    assert "D66 (6): <strong>voor</strong>" in html
    assert "Partij voor de Dieren (2): <strong>voor</strong>" in html
    assert "VVD (4): <strong>onbekend</strong>" in html
    assert 'href="/gemeente/amersfoort/motie">Download de motie voor Amersfoort</a>' in html
    assert re.search(r'href="/gemeente/leusden">Leusden</a>', html)  # a neighbour
    assert 'property="og:image" content="http://localhost/gemeente/amersfoort/kaart.png"' in html


def test_a_code_redirects_to_the_slug_and_unknown_is_404(client, seeded):
    response = client.get("/gemeente/GM0307")
    assert response.status_code == 301 and response.headers["Location"] == "/gemeente/amersfoort"
    assert client.get("/gemeente/gm0307").headers["Location"] == "/gemeente/amersfoort"
    assert client.get("/gemeente/GM9999").status_code == 404
    assert client.get("/gemeente/atlantis").status_code == 404


def test_without_a_map_neighbours_are_the_province(client, seeded):
    db.session.execute(delete(MapShape))
    db.session.commit()
    html = client.get("/gemeente/amersfoort").get_data(as_text=True)
    assert "Andere gemeenten in Utrecht" in html and ">Zeist</a>" in html


def test_only_the_embed_may_be_framed(client, seeded):
    embed = client.get("/embed/kaart")
    assert embed.headers["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", "/gemeente/amersfoort", "/login"):
        response = client.get(path)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Frame-Options"] == "DENY"


def test_map_downloads_and_share_image(client, seeded):
    svg = client.get("/kaart.svg")
    assert svg.mimetype == "image/svg+xml"
    assert svg.get_data(as_text=True).count('class="gemeente"') == 342
    assert 'href="http://localhost/gemeente/amersfoort"' in svg.get_data(as_text=True)
    png = client.get("/kaart.png")
    assert png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")
    share = client.get("/gemeente/amersfoort/kaart.png")
    width, height = (
        int.from_bytes(share.data[16:20], "big"),
        int.from_bytes(share.data[20:24], "big"),
    )
    assert (width, height) == (1200, 630)


def test_parties_are_counted_from_the_recorded_votes(client, seeded):
    zeist = gemeente_named("zeist")
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    create_motie(
        zeist,
        MotieInput(
            voted_on=PartialDate(2026, 6),
            outcome=Outcome.VERWORPEN,
            stemmingen={council["D66"]: Vote.VOOR, council["VVD"]: Vote.TEGEN},
        ),
    )

    html = client.get("/partijen").get_data(as_text=True)
    new = html[html.index("Raadsperiode 2026-2030") : html.index("Raadsperiode 2022-2026")]
    d66 = re.search(r"<th scope=\"row\">D66</th>(.*?)</tr>", new, re.S).group(1)
    counts = re.findall(r'<td class="num">(?:<details><summary>)?(\d+)', d66)
    # 136 councils of 2026-2030 have a D66 fractie: Zeist's voted for, the rest did not vote.
    assert counts == ["136", "1", "0", "0", "0", "135"]
    cda = re.search(r"<th scope=\"row\">CDA</th>(.*?)</tr>", new, re.S).group(1)
    assert re.findall(r'<td class="num">(?:<details><summary>)?(\d+)', cda)[1:5] == [
        "0",
        "0",
        "0",
        "1",
    ]
    assert ">Zeist</a>" in cda


def test_an_adoption_decides_a_council_over_a_later_rejection(client, seeded):
    zeist = gemeente_named("zeist")
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    for outcome, vote in ((Outcome.AANGENOMEN, Vote.VOOR), (Outcome.VERWORPEN, Vote.TEGEN)):
        create_motie(
            zeist,
            MotieInput(
                voted_on=PartialDate(2026, 6),
                outcome=outcome,
                stemmingen={council["D66"]: vote},
            ),
        )

    html = client.get("/partijen").get_data(as_text=True)
    new = html[html.index("Raadsperiode 2026-2030") : html.index("Raadsperiode 2022-2026")]
    d66 = re.search(r"<th scope=\"row\">D66</th>(.*?)</tr>", new, re.S).group(1)
    counts = re.findall(r'<td class="num">(?:<details><summary>)?(\d+)', d66)
    assert counts[1:3] == ["1", "0"]  # voor in Zeist, where the later motion was rejected


def test_info_pages(client, seeded):
    about = client.get("/over-het-kinderpardon").get_data(as_text=True)
    assert "<h2>Wat is het Kinderpardon?</h2>" in about and "ongeveer 420 kinderen" in about
    colophon = client.get("/colofon").get_data(as_text=True)
    assert "kinderpardonnu@gmail.com" in colophon and "Bron: CBS / Kadaster" in colophon


@pytest.mark.parametrize("status", list(CampaignStatus))
def test_every_status_has_its_own_fill(status):
    from campaign.kaart.render import STYLES, fill_for

    fills = {fill_for(s) for s in CampaignStatus}
    assert len(fills) == len(CampaignStatus)
    assert STYLES[status].fill.startswith("#")


def test_public_pages_are_sent_compressed_when_the_browser_accepts_it(client, seeded):
    import gzip

    plain = client.get("/")
    packed = client.get("/", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 4
