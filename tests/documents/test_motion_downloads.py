"""The motion for a gemeente as .docx and .pdf: complete, Dutch, literal, and valid files."""

import re

import pytest

from campaign.extensions import db
from tests.documents.conftest import docx_text, libreoffice_pdf, pdf_text

HOSTILE_FRACTIE = 'Lijst <b>&</b> "Ons Dorp" {{ 7*7 }}'
HOSTILE_LOCAL = (
    "Bij ons {% for x in y %}wonen{% endfor %} 12 kinderen & <script>alert(1)</script> ‘écht’"
)
PLACEHOLDER_OR_INSTRUCTION = re.compile(r"\[[^\]]*\]")


@pytest.fixture
def gemeente(make_gemeente, templates):
    return make_gemeente("'s-Hertogenbosch", slug="s-hertogenbosch")


def get_docx(client, slug, **params):
    response = client.get(f"/gemeente/{slug}/motie.docx", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def test_the_docx_is_filled_in_completely(client, gemeente):
    response = get_docx(
        client,
        gemeente.slug,
        datum="2026-03-12",
        fracties="GroenLinks, D66",
        raadsleden="Anna Bakker\nJan de Wit",
        noodopvang="1",
        agendapunt="7. Moties",
    )

    assert response.mimetype.endswith("wordprocessingml.document")
    assert (
        'filename="motie-gewortelde-kinderen-s-hertogenbosch-2026-03-12.docx"'
        in response.headers["Content-Disposition"]
    )
    text = docx_text(response.data)
    assert text.startswith("MOTIE Pleidooi voor gewortelde kinderen")
    assert "'s-Hertogenbosch, donderdag 12 maart 2026" in text
    assert (
        "De raad van de gemeente 's-Hertogenbosch, in vergadering bijeen op "
        "donderdag 12 maart 2026, gehoord de beraadslaging," in text
    )
    assert "Ook in 's-Hertogenbosch we verhalen kennen" in text
    for heading in (
        "constaterende dat:",
        "overwegende dat:",
        "verzoekt het college:",
        "en daarnaast",
    ):
        assert heading in text
    assert "in overleg met het COA" in text
    assert "en gaat over tot de orde van de dag." in text
    assert "Ingediend door de fracties van GroenLinks en D66" in text
    assert "Anna Bakker" in text and "Jan de Wit" in text
    assert "Agendapunt: 7. Moties" in text
    assert not PLACEHOLDER_OR_INSTRUCTION.search(text)
    assert text.count("uw gemeente") == 0


def test_clause_f_follows_the_noodopvang_flag_unless_asked_otherwise(client, gemeente):
    assert "COA" not in docx_text(get_docx(client, gemeente.slug).data)
    gemeente.has_noodopvang = True
    db.session.commit()
    assert "COA" in docx_text(get_docx(client, gemeente.slug).data)
    assert "COA" not in docx_text(get_docx(client, gemeente.slug, noodopvang="0").data)


def test_typed_text_comes_out_exactly_as_typed(client, gemeente, tmp_path):
    params = {"fracties": HOSTILE_FRACTIE, "lokaal": HOSTILE_LOCAL, "raadsleden": "Zoë {{ naam }}"}
    text = docx_text(get_docx(client, gemeente.slug, **params).data)
    assert f"Ingediend door de fractie van {HOSTILE_FRACTIE}" in text
    assert HOSTILE_LOCAL in text
    assert "Zoë {{ naam }}" in text

    pdf = client.get(f"/gemeente/{gemeente.slug}/motie.pdf", query_string=params)
    path = tmp_path / "motie.pdf"
    path.write_bytes(pdf.data)
    printed = " ".join(pdf_text(path).split())
    assert HOSTILE_FRACTIE in printed
    assert "{% for x in y %}wonen{% endfor %} 12 kinderen & <script>alert(1)</script>" in printed

    html = client.get(f"/gemeente/{gemeente.slug}/motie", query_string=params).get_data(
        as_text=True
    )
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_libreoffice_opens_the_docx_and_keeps_the_lettered_lists(client, gemeente, tmp_path):
    data = get_docx(
        client, gemeente.slug, datum="2026-03-12", noodopvang="1", lokaal="Lokaal punt"
    ).data
    text = pdf_text(libreoffice_pdf(data, tmp_path))
    letters = re.findall(r"^\s*([a-f])\.\s", text, flags=re.MULTILINE)
    # constaterende a-c, overwegende a-e (with the local paragraph), verzoekt a-d, daarnaast e-f
    assert letters == list("abc") + list("abcde") + list("abcd") + list("ef")
    assert "Lokaal punt" in text


def test_the_pdf_has_the_same_content(client, gemeente, tmp_path):
    response = client.get(
        f"/gemeente/{gemeente.slug}/motie.pdf",
        query_string={"datum": "2026-03-12", "fracties": "SP"},
    )
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert (
        'filename="motie-gewortelde-kinderen-s-hertogenbosch-2026-03-12.pdf"'
        in response.headers["Content-Disposition"]
    )
    path = tmp_path / "motie.pdf"
    path.write_bytes(response.data)
    text = " ".join(pdf_text(path).split())
    assert "donderdag 12 maart 2026" in text
    assert "Ingediend door de fractie van SP" in text
    assert "en gaat over tot de orde van de dag." in text
    assert not PLACEHOLDER_OR_INSTRUCTION.search(text)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"datum": "12-03-2026"}, "De datum &#39;12-03-2026&#39; klopt niet."),
        ({"datum": "2026-02-30"}, "klopt niet"),
        ({"noodopvang": "ja"}, "noodopvang is 0 (zonder) of 1 (met)."),
        ({"fracties": ",".join(f"Partij {n}" for n in range(25))}, "Hooguit 20 fracties."),
        ({"lokaal": "x" * 3001}, "De lokale alinea is te lang"),
    ],
)
def test_bad_parameters_are_a_400_with_a_dutch_message(client, gemeente, params, message):
    for suffix in ("motie.docx", "motie.pdf", "motie"):
        response = client.get(f"/gemeente/{gemeente.slug}/{suffix}", query_string=params)
        assert response.status_code == 400, suffix
        assert message in response.get_data(as_text=True)


def test_an_unknown_gemeente_is_404(client, templates):
    for suffix in ("motie.docx", "motie.pdf", "motie"):
        assert client.get(f"/gemeente/atlantis/{suffix}").status_code == 404


def test_the_download_buttons_submit_the_form_itself(client, gemeente, make_fractie):
    """No link baked at page load: the buttons send whatever the form holds when pressed."""
    html = client.get(f"/gemeente/{gemeente.slug}/motie").get_data(as_text=True)
    form = re.search(r'<form method="get"[^>]*id="motie-form".*?</form>', html, re.DOTALL)
    assert form is not None
    assert re.search(
        rf'<button type="submit" formaction="/gemeente/{gemeente.slug}/motie.docx">'
        r"Download als Word \(.docx\)</button>",
        form.group(0),
    )
    assert f'formaction="/gemeente/{gemeente.slug}/motie.pdf">Download als pdf' in form.group(0)
    assert "motie.docx?" not in html  # nothing filled in ahead of time


def test_the_docx_takes_the_form_fields_as_the_browser_sends_them(client, gemeente):
    """Ticked fractie boxes repeat `fractie`; empty fields arrive as empty strings."""
    data = get_docx(
        client,
        gemeente.slug,
        datum="2026-03-12",
        agendapunt="",
        fractie=["GroenLinks", "D66"],
        fracties="SP",
        raadsleden="Anna Bakker\r\nJan de Wit",
        noodopvang="0",
        lokaal="",
    ).data
    text = docx_text(data)
    assert "donderdag 12 maart 2026" in text
    assert "Ingediend door de fracties van GroenLinks, D66 en SP" in text
    assert "Jan de Wit" in text and "COA" not in text


def test_a_shared_link_still_gives_the_filled_in_file(client, gemeente):
    response = client.get(
        f"/gemeente/{gemeente.slug}/motie.docx?datum=2026-03-12&fracties=SP&noodopvang=0"
    )
    assert response.status_code == 200
    assert "Ingediend door de fractie van SP" in docx_text(response.data)


def test_a_wrong_field_in_a_download_shows_the_form_again_with_what_was_typed(client, gemeente):
    response = client.get(
        f"/gemeente/{gemeente.slug}/motie.pdf",
        query_string={"datum": "12-03-2026", "fracties": "SP, PvdA", "lokaal": "Eigen tekst"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert "De datum &#39;12-03-2026&#39; klopt niet." in html
    assert 'value="12-03-2026"' in html
    assert 'value="SP, PvdA"' in html
    assert ">Eigen tekst</textarea>" in html


def test_the_preview_follows_the_fields(client, gemeente):
    response = client.get(
        f"/gemeente/{gemeente.slug}/motie/voorbeeld",
        query_string={"datum": "2026-03-12", "fracties": "SP", "lokaal": "<b>vet</b>"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<article class="motion" lang="nl">')
    assert "donderdag 12 maart 2026" in html
    assert "Ingediend door de fractie van SP" in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "<b>" not in html
    assert "<html" not in html  # only the motion, to put in the page

    wrong = client.get(f"/gemeente/{gemeente.slug}/motie/voorbeeld?noodopvang=ja")
    assert wrong.status_code == 400
    assert wrong.get_data(as_text=True) == "noodopvang is 0 (zonder) of 1 (met)."
    assert client.get("/gemeente/atlantis/motie/voorbeeld").status_code == 404


def test_the_page_links_back_to_the_gemeente_and_to_reporting(client, gemeente):
    html = client.get(f"/gemeente/{gemeente.slug}/motie").get_data(as_text=True)
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.DOTALL).group(0)
    assert '<a href="/gemeenten">Alle gemeenten</a>' in crumbs
    assert f'<a href="/gemeente/{gemeente.slug}">&#39;s-Hertogenbosch</a>' in crumbs
    assert '<span aria-current="page">Motie</span>' in crumbs
    assert f'href="/meld?gemeente={gemeente.slug}">Meld een motie of stemming</a>' in html
