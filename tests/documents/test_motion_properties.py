"""What the motion files say about themselves: properties, fonts, language and tags."""

import io
import re
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import pytest
from lxml import etree

from tests.documents.conftest import (
    docx_text,
    libreoffice_pdf,
    pdf_font_families,
    pdf_info,
    pdf_languages,
    pdf_text,
)

VERSION_NOTE = "Voorbeeldmotie van KinderpardonNU, tekstversie 1"
SCRIPTS = ("ascii", "hAnsi", "eastAsia", "cs")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


def docx_part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def test_every_style_of_the_docx_names_one_font_and_dutch(client, gemeente):
    data = download(client, gemeente, "docx")
    styles = docx_part(data, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    run_properties = [defaults] + [
        style.find(f"{W}rPr")
        for style in styles.iter(f"{W}style")
        if style.get(f"{W}styleId") in ("Normal", "Heading1", "Heading2", "Heading1Char")
    ]
    assert len(run_properties) == 5 and None not in run_properties
    for properties in run_properties:
        fonts = properties.find(f"{W}rFonts")
        assert dict(fonts.attrib) == {f"{W}{script}": "Arial" for script in SCRIPTS}
        assert properties.find(f"{W}lang").get(f"{W}val") == "nl-NL"
    # No theme font anywhere: where a style names one, LibreOffice shows it instead.
    for fonts in styles.iter(f"{W}rFonts"):
        assert not any(name.endswith("Theme") or name.endswith("theme") for name in fonts.attrib)
    assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")} == {"nl-NL"}
    settings = docx_part(data, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "nl-NL"


def test_libreoffice_shows_the_docx_in_one_font_family_and_as_dutch(client, gemeente, tmp_path):
    path = libreoffice_pdf(download(client, gemeente, "docx", raadsleden="A"), tmp_path)
    assert len(pdf_font_families(path)) == 1, pdf_font_families(path)
    assert set(pdf_languages(path)) == {"nl-NL"}
    assert b"en-US" not in path.read_bytes()


def test_the_pdf_is_tagged_and_dutch(pdf_path):
    assert pdf_info(pdf_path)["Tagged"] == "yes"
    assert pdf_languages(pdf_path) == ["nl"]
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf_path)], check=True, capture_output=True, text=True
    ).stdout
    tags = [line.split()[0] for line in structure.splitlines() if not line.strip().startswith('"')]
    assert tags[:3] == ["Document", "Art", "H1"]
    assert tags.count("H1") == 1
    assert tags.count("L") == 4 and tags.count("LI") == 3 + 4 + 4 + 1
    assert '"en gaat over tot de orde van de dag."' in structure
