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


def test_the_page_links_to_downloads_with_the_same_fields(client, gemeente):
    html = client.get(
        f"/gemeente/{gemeente.slug}/motie", query_string={"datum": "2026-03-12", "fracties": "SP"}
    ).get_data(as_text=True)
    assert (
        f"/gemeente/{gemeente.slug}/motie.docx?datum=2026-03-12&amp;fracties=SP&amp;noodopvang=0"
        in html
    )
    assert "donderdag 12 maart 2026" in html
