"""The Word files the campaign sends besides the motion are Dutch too, for Word and LibreOffice.

(The motion's own .docx and tagged PDF are checked in tests/documents/test_motion_properties.py.)
"""

import io
import zipfile

import docx
from lxml import etree

from campaign.documents.services import background_sheet
from campaign.mail.appeal import background_docx
from tests.documents.conftest import libreoffice_pdf, pdf_languages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_background_sheet_is_dutch_in_its_styles(app, seeded, tmp_path):
    attachment = background_docx()
    with zipfile.ZipFile(io.BytesIO(attachment.content)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
        settings = etree.fromstring(package.read("word/settings.xml"))
    assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")} == {"nl-NL"}
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "nl-NL"
    properties = docx.Document(io.BytesIO(attachment.content)).core_properties
    assert (properties.language, properties.author) == ("nl-NL", "KinderpardonNU")
    assert properties.title == background_sheet()[0]

    pdf = libreoffice_pdf(attachment.content, tmp_path)
    assert set(pdf_languages(pdf)) == {"nl-NL"}
    assert b"en-US" not in pdf.read_bytes()
