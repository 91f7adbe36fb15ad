"""What the motion files say about themselves: properties, fonts, language and tags."""

import io
import re
from datetime import UTC, datetime, timedelta

import docx
import pytest

from tests.documents.conftest import docx_text, pdf_font_families, pdf_info, pdf_text

VERSION_NOTE = "Voorbeeldmotie van KinderpardonNU, tekstversie 1"


@pytest.fixture
def gemeente(make_gemeente, templates):
    return make_gemeente("Amersfoort", slug="amersfoort")


def download(client, gemeente, file_format, **params):
    response = client.get(f"/gemeente/{gemeente.slug}/motie.{file_format}", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.data


@pytest.fixture
def pdf_path(client, gemeente, tmp_path):
    path = tmp_path / "motie.pdf"
    path.write_bytes(download(client, gemeente, "pdf", datum="2026-03-12", raadsleden="A\nB"))
    return path


def test_the_text_version_is_in_the_properties_not_in_the_motion(client, gemeente, pdf_path):
    data = download(client, gemeente, "docx")
    assert "tekstversie" not in docx_text(data)
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        for part in (section.header, section.footer):
            assert "tekstversie" not in "\n".join(p.text for p in part.paragraphs)
    assert document.core_properties.comments == VERSION_NOTE

    assert "tekstversie" not in pdf_text(pdf_path)
    info = pdf_info(pdf_path)
    assert info["Subject"] == VERSION_NOTE
    assert info["Title"] == "MOTIE Pleidooi voor gewortelde kinderen – Amersfoort"
    assert info["Author"] == "KinderpardonNU"


def test_the_pdf_has_one_font_family_page_numbers_included(pdf_path):
    assert re.search(r"\b1\s*/\s*2\b", pdf_text(pdf_path))
    assert pdf_font_families(pdf_path) == {"LiberationSans"}


def test_the_docx_says_it_was_made_now_by_kinderpardonnu(client, gemeente):
    before = datetime.now(UTC).replace(microsecond=0)
    properties = docx.Document(io.BytesIO(download(client, gemeente, "docx"))).core_properties
    after = datetime.now(UTC)
    for moment in (properties.created, properties.modified):
        assert before <= moment <= after + timedelta(seconds=1)
    assert properties.revision == 1
    assert properties.author == properties.last_modified_by == "KinderpardonNU"
