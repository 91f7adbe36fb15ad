"""How the motion looks on paper: measured in its PDF and in LibreOffice's PDF of its .docx.

The HTML preview is measured in Chromium, in tests/browser/test_motion_preview.py.
"""

import re

import pytest

from tests.documents.conftest import Line, libreoffice_pdfs, pdf_lines

CM = 72 / 2.54  # points
LONG_LOCAL = (
    "In onze gemeente wonen gewortelde kinderen die hier naar school gaan, op de sportclub "
    "zitten en vrienden hebben; hun verhaal loopt over meer dan één regel."
)


@pytest.fixture
def gemeente(make_gemeente, templates):
    return make_gemeente("Amersfoort", slug="amersfoort")


def write_pdf(client, gemeente, tmp_path, **params):
    response = client.get(f"/gemeente/{gemeente.slug}/motie.pdf", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    path = tmp_path / "motie.pdf"
    path.write_bytes(response.data)
    return path


def text_beside(letter: Line, lines: list[Line]) -> float:
    """Where the text next to a clause's letter starts, in one line with it or in its own."""
    if len(letter.words) > 1:
        return letter.words[1].x
    (beside,) = (
        line
        for line in lines
        if line is not letter and line.page == letter.page and abs(line.top - letter.top) < 1
    )
    return beside.x


def test_every_line_of_a_clause_starts_at_the_same_indent_in_the_pdf(client, gemeente, tmp_path):
    lines = pdf_lines(write_pdf(client, gemeente, tmp_path, noodopvang="1", lokaal=LONG_LOCAL))
    margin = min(line.x for line in lines)
    lettered = [line for line in lines if re.fullmatch(r"[a-f]\.", line.words[0].text)]
    # constaterende a-c, overwegende a-e (with the local paragraph), verzoekt a-d, daarnaast e-f
    assert [line.words[0].text for line in lettered] == [
        f"{letter}." for letter in "abcabcdeabcdef"
    ]
    assert all(line.x == margin for line in lettered)
    first_lines = {round(text_beside(letter, lines) - margin, 1) for letter in lettered}
    # Lines that start right of the margin but left of the page number: all lines of clauses.
    indented = {round(line.x - margin, 1) for line in lines if 1 < line.x - margin < 3 * CM}
    assert first_lines == indented == {round(CM, 1)}


SIGNERS = "Anna Bakker\nJan de Wit\nFatima El Amrani\nPieter van den Berg\nSanne Jansen"
SENTENCE = "Ook hier groeien kinderen op die niets anders kennen dan deze gemeente. "


def closing_pages(lines: list[Line]) -> dict[str, set[int]]:
    """On which pages the end of the last clause, the closing formula and the signatures are."""
    return {
        "end of the last clause": {
            line.page for line in lines if line.text.endswith("verblijfsvergunning;")
        },
        "closing": {
            line.page for line in lines if line.text == "en gaat over tot de orde van de dag."
        },
        "signatures": {
            line.page
            for line in lines
            if line.text.startswith(("Ondertekening", "Ingediend door", *SIGNERS.splitlines()))
        },
    }


SECTION_STARTS = (
    "constaterende dat:",
    "overwegende dat:",
    "verzoekt het college:",
    "bij de Staten-Generaal te pleiten",
    "en daarnaast",
)


def assert_good_page_breaks(lines: list[Line], label: object) -> None:
    """No page holds only signatures, and no section heading or intro ends a page."""
    pages = closing_pages(lines)
    assert all(pages.values()) and len(set.union(*pages.values())) == 1, (label, pages)
    text = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line.text)]
    for line, following in zip(text, text[1:], strict=False):
        if line.text in SECTION_STARTS:
            assert following.page == line.page, (label, line.text)


def local_paragraphs() -> list[str]:
    """Local paragraphs of growing length, so that in some of them a page ends inside the
    closing block or right after a heading, wherever the motion's text happens to end."""
    return [SENTENCE * sentences for sentences in range(0, 40, 3)]


def test_page_breaks_keep_headings_and_signatures_with_the_text_in_the_pdf(
    client, gemeente, tmp_path
):
    for local in local_paragraphs():
        path = write_pdf(client, gemeente, tmp_path, raadsleden=SIGNERS, lokaal=local)
        assert_good_page_breaks(pdf_lines(path), len(local))


def test_page_breaks_keep_headings_and_signatures_with_the_text_in_the_docx(
    client, gemeente, tmp_path
):
    documents = []
    for local in local_paragraphs():
        response = client.get(
            f"/gemeente/{gemeente.slug}/motie.docx",
            query_string={"raadsleden": SIGNERS, "lokaal": local},
        )
        assert response.status_code == 200
        documents.append(response.data)
    for local, path in zip(local_paragraphs(), libreoffice_pdfs(documents, tmp_path), strict=True):
        assert_good_page_breaks(pdf_lines(path), len(local))


def test_there_is_room_to_sign_above_every_name(client, gemeente, tmp_path):
    params = {"raadsleden": "Anna Bakker\nJan de Wit"}
    docx = client.get(f"/gemeente/{gemeente.slug}/motie.docx", query_string=params).data
    (libreoffice,) = libreoffice_pdfs([docx], tmp_path)
    for path in (write_pdf(client, gemeente, tmp_path, **params), libreoffice):
        tops = {
            line.text: line.top
            for line in pdf_lines(path)
            if line.text.startswith(("Ingediend door", "Anna Bakker", "Jan de Wit"))
        }
        assert tops["Anna Bakker"] - tops["Ingediend door:"] > 1.5 * CM, (path.name, tops)
        assert tops["Jan de Wit"] - tops["Anna Bakker"] > 1.5 * CM, (path.name, tops)


def test_the_signing_heading_looks_like_the_other_headings_in_the_docx(client, gemeente):
    import io

    import docx

    data = client.get(f"/gemeente/{gemeente.slug}/motie.docx").data
    document = docx.Document(io.BytesIO(data))
    (signing,) = [p for p in document.paragraphs if p.text == "Ondertekening"]
    (section,) = [p for p in document.paragraphs if p.text == "constaterende dat:"]
    assert signing.style.name == "Heading 2"  # still a heading, for navigation
    assert signing.style.font.size == document.styles["Normal"].font.size
    assert signing.style.font.bold and all(run.bold for run in section.runs)
