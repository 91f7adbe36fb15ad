"""The home page and the searchable, sortable list of gemeenten."""

import re

import pytest


def row_names(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a>', html)


def test_home_shows_counts_and_the_latest_adoptions(client, seeded):
    html = client.get("/").get_data(as_text=True)

    assert "Aangenomen in <strong>10</strong> gemeenten" in html
    assert "Amersfoort</strong></a> — maart 2025, 26 stemmen voor en 8 tegen" in html
    assert "Maastricht</strong></a> — 2024" in html
    assert "niet benaderd" in html


def test_the_list_shows_all_gemeenten_sorted_by_name(client, seeded):
    html = client.get("/gemeenten").get_data(as_text=True)

    names = row_names(html.replace("&#39;", "'"))
    assert len(names) == 342
    assert names[0] == "Aa en Hunze"
    assert names.index("'s-Hertogenbosch (Den Bosch)") + 1 == names.index("Het Hogeland")
    assert "342 gemeenten" in html


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("sudwest fryslan", "sudwest-fryslan"),
        ("SÚDWEST", "sudwest-fryslan"),
        ("Den Bosch", "s-hertogenbosch"),
        ("den haag", "s-gravenhage"),
        ("the hague", "s-gravenhage"),
        ("GM0307", "amersfoort"),
        ("bergen (nh", "bergen-nh"),
        ("amersfoort", "amersfoort"),
        ("Utrecht", "utrecht"),  # the whole name, though Utrechtse Heuvelrug matches too
    ],
)
def test_a_search_that_means_one_gemeente_goes_straight_to_its_page(client, seeded, query, slug):
    response = client.get("/gemeenten", query_string={"q": query})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/gemeente/{slug}"


def test_a_search_with_several_matches_lists_them_with_common_names(client, seeded):
    html = client.get("/gemeenten", query_string={"q": "bergen"}).get_data(as_text=True)
    assert row_names(html) == [
        "Bergen (L.)",
        "Bergen (NH.)",
        "Bergen op Zoom",
        "Haaksbergen",
        "Steenbergen",
        "Tubbergen",
    ]
    assert 'href="/gemeente/bergen-l"' in html
    html = client.get("/gemeenten", query_string={"q": "den"}).get_data(as_text=True)
    names = row_names(html.replace("&#39;", "'"))
    assert {"'s-Gravenhage (Den Haag)", "'s-Hertogenbosch (Den Bosch)", "Den Helder"} < set(names)


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        ("amersfort", ["Amersfoort"]),
        ("den haga", ["&#39;s-Gravenhage (Den Haag)"]),
        ("zwole", ["Zwolle"]),
        ("leewarden", ["Leeuwarden"]),
        ("sudwest friesland", ["Súdwest-Fryslân"]),
    ],
)
def test_a_misspelling_gets_did_you_mean(client, seeded, query, suggested):
    response = client.get("/gemeenten", query_string={"q": query})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    offered = re.findall(r"Bedoelde u\s+(.*?)\?</p>", html, flags=re.DOTALL)
    assert len(offered) == 1
    assert re.findall(r'<a href="/gemeente/[^"]+">([^<]+)</a>', offered[0]) == suggested


def test_nonsense_gets_no_suggestion(client, seeded):
    html = client.get("/gemeenten", query_string={"q": "xqzw"}).get_data(as_text=True)
    assert "Bedoelde u" not in html
    assert "Geen gemeente gevonden." in html


def test_filter_by_status_and_province(client, seeded):
    html = client.get("/gemeenten?status=aangenomen&provincie=Limburg").get_data(as_text=True)
    assert row_names(html) == ["Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Maastricht"]


def test_sort_by_status_descending_puts_adopted_first(client, seeded):
    html = client.get("/gemeenten?sorteer=status&volgorde=af").get_data(as_text=True)
    names = row_names(html)
    assert names[:10] == [
        "Amersfoort",
        "Amsterdam",
        "Beekdaelen",
        "Brunssum",
        "Culemborg",
        "Groningen",
        "Heerlen",
        "Kampen",
        "Kerkrade",
        "Maastricht",
    ]
    assert 'aria-sort="descending"' in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"sorteer": "inwoners"}, "Sorteer op naam, provincie of status."),
        ({"volgorde": "zijwaarts"}, "De volgorde is"),
        ({"provincie": "Vlaanderen"}, "Onbekende provincie: Vlaanderen."),
        ({"status": "gewonnen"}, "Onbekende status: gewonnen."),
        ({"q": "x" * 101}, "De zoekterm is te lang"),
    ],
)
def test_bad_parameters_get_a_400_with_a_dutch_message(client, seeded, args, message):
    response = client.get("/gemeenten", query_string=args)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_typed_text_is_shown_as_literal_text(client, seeded):
    html = client.get("/gemeenten", query_string={"q": '<script>alert("x")</script>'}).get_data(
        as_text=True
    )
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_the_list_runs_the_same_number_of_queries_for_more_gemeenten(
    client, make_gemeente, count_queries
):
    make_gemeente("Eerste")
    with count_queries() as few:
        client.get("/gemeenten")
    for number in range(30):
        make_gemeente(f"Gemeente {number}")
    with count_queries() as many:
        client.get("/gemeenten")
    assert many.count == few.count


def test_an_unknown_page_is_a_dutch_404(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet." in response.get_data(as_text=True)
    assert '<html lang="nl">' in response.get_data(as_text=True)
