"""What a first-time visitor finds: the map's credit once, a legend in the embed, an icon, a
share image with the whole map, links to report a vote, breadcrumbs that lead back."""

import io
import re

from PIL import Image

PUBLIC_PAGES = [
    "/",
    "/gemeenten",
    "/gemeente/amersfoort",
    "/gemeente/amersfoort/motie",
    "/partijen",
    "/open-data",
    "/meld",
    "/over-het-kinderpardon",
    "/colofon",
    "/login",
]


def visible_text(html: str) -> str:
    """The page without tags, comments or the contents of <title> elements."""
    html = re.sub(r"<title[^>]*>.*?</title>", "", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_maps_credit_is_printed_once(client, seeded):
    for path in ("/", "/embed/kaart"):
        text = visible_text(client.get(path).get_data(as_text=True))
        assert text.count("Bron: CBS / Kadaster") == 1, path
    # Pages without the map still name the source of the gemeente list.
    assert "Bron: CBS / Kadaster" in visible_text(client.get("/gemeenten").get_data(as_text=True))


def test_the_embedded_map_has_a_legend_with_counts(client, seeded):
    html = client.get("/embed/kaart").get_data(as_text=True)
    legend = re.search(r'<ul class="legend".*?</ul>', html, re.DOTALL).group(0)
    labels = re.findall(r"</svg>\s*([a-z ]+?)\s*<span class=\"count\">(\d+)</span>", legend)
    # The seven adoptions of the appeal letter and three reported in public (seed_data).
    assert ("aangenomen", "10") in labels and ("niet benaderd", "332") in labels
    assert len(labels) == 9
    assert "<a " not in legend  # inside someone else's page, the legend is no set of links


def test_the_favicon_is_served_and_linked(client, seeded):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.mimetype == "image/vnd.microsoft.icon"
    assert icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert Image.open(io.BytesIO(icon.data)).size == (48, 48)
    for path in ("/", "/embed/kaart", "/gemeente/amersfoort/motie"):
        html = client.get(path).get_data(as_text=True)
        assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html, path
    svg = client.get("/static/favicon.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"


def test_the_share_image_shows_the_whole_map_with_a_margin(client, seeded):
    response = client.get("/gemeente/nuenen-gerwen-en-nederwetten/kaart.png")
    image = Image.open(io.BytesIO(response.data)).convert("L")
    assert image.size == (1200, 630)

    def ink(box):
        """Pixels in the box that are not white (the faded map is a light grey, 242)."""
        return image.crop(box).point(lambda value: 255 if value < 250 else 0).histogram()[255]

    # The map sits left, with white all round it: nothing of it touches an edge.
    assert ink((0, 0, 540, 12)) == 0
    assert ink((0, 618, 540, 630)) == 0
    assert ink((0, 0, 12, 630)) == 0
    assert ink((0, 0, 540, 630)) > 20_000
    # The long name is split over two lines and stays clear of the right edge.
    assert ink((1188, 0, 1200, 630)) == 0
    # The name in black on the right, and the gemeente outlined in black on the faded map.
    dark = image.point(lambda value: 255 if value < 40 else 0)
    assert dark.crop((560, 30, 1188, 150)).histogram()[255] > 3_000
    assert dark.crop((0, 0, 540, 630)).histogram()[255] > 30


def test_every_public_page_links_to_reporting_a_vote(client, seeded):
    for path in PUBLIC_PAGES:
        html = client.get(path).get_data(as_text=True)
        assert '<a href="/meld">Meld een motie of stemming</a>' in html, path


def test_the_gemeente_page_offers_the_motion_and_reporting(client, seeded):
    html = client.get("/gemeente/s-gravenhage").get_data(as_text=True)
    assert "<h1>&#39;s-Gravenhage (Den Haag)</h1>" in html
    assert '<a href="/gemeenten">Alle gemeenten</a>' in html
    download = 'href="/gemeente/s-gravenhage/motie">Download de motie voor &#39;s-Gravenhage</a>'
    assert download in html
    assert 'href="/meld?gemeente=s-gravenhage">Meld een motie of stemming</a>' in html


def test_the_home_page_lets_a_visitor_choose_a_gemeente_from_a_list(client, seeded):
    html = client.get("/").get_data(as_text=True)
    chooser = re.search(r'<form class="choose".*?</form>', html, re.DOTALL).group(0)
    assert 'action="/gemeenten"' in chooser
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', chooser)
    assert len(options) == 343
    assert ("&#39;s-Gravenhage", "&#39;s-Gravenhage (Den Haag)") in options
    chosen = client.get("/gemeenten", query_string={"q": "Bergen (NH.)"})
    assert chosen.headers["Location"] == "/gemeente/bergen-nh"
