"""Document tests open what comes out: python-docx, LibreOffice and poppler (pdftotext, …)."""

import io
import re
import shutil
import subprocess
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest

from campaign.seeding import seed_templates
from tests.conftest import SEED_DATA


@pytest.fixture
def templates(app):
    """Only the campaign texts, for tests that make their own gemeenten."""
    seed_templates(SEED_DATA / "templates")


def docx_text(data: bytes) -> str:
    """Every paragraph of a .docx, in order, as python-docx reads it."""
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@dataclass(frozen=True)
class Word:
    x: float
    text: str


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    words: list[Word]

    @property
    def x(self) -> float:
        return self.words[0].x

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def pdf_lines(path: Path) -> list[Line]:
    """Every line of a PDF with its page (from 1) and where it and each word start, in points.

    pdftotext may give a hanging letter and the text beside it as two lines with the same top.
    """
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True
    ).stdout
    namespace = {"h": "http://www.w3.org/1999/xhtml"}
    lines = []
    pages = ElementTree.fromstring(xhtml).iterfind(".//h:page", namespace)
    for number, sheet in enumerate(pages):
        for line in sheet.iterfind(".//h:line", namespace):
            words = [
                Word(float(word.get("xMin", "0")), word.text or "")
                for word in line.iterfind("h:word", namespace)
            ]
            lines.append(Line(number + 1, float(line.get("yMin", "0")), words))
    return lines


def pdf_info(path: Path) -> dict[str, str]:
    """The document properties as pdfinfo shows them: Title, Subject, Tagged, …"""
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (apt-get install poppler-utils)")
    output = subprocess.run(
        ["pdfinfo", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in output.splitlines())
    }


def pdf_languages(path: Path) -> list[str]:
    """Every /Lang in a PDF, also inside compressed object streams (where WeasyPrint puts its
    catalog): the document's language and any marked-content language."""
    data = path.read_bytes()
    chunks = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            chunks.append(zlib.decompressobj().decompress(data[start.end() :]))
        except zlib.error:
            continue  # not a deflated stream: fonts may be stored otherwise
    return [
        value.decode("latin-1")
        for chunk in chunks
        for value in re.findall(rb"/Lang\s*\(([^)]*)\)", chunk)
    ]


def pdf_font_families(path: Path) -> set[str]:
    """The families of the fonts a PDF uses, without subset prefix or style ("-Bold")."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts is not installed (apt-get install poppler-utils)")
    output = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    names = [line.split()[0] for line in output.splitlines()[2:]]
    return {
        re.sub(r"[-,](Bold|Italic|BoldItalic|Oblique|BoldOblique|Regular)$", "", name)
        .split("+")[-1]
        .replace("-", "")
        for name in names
    }


def libreoffice_pdf(data: bytes, folder: Path) -> Path:
    """Convert a .docx with LibreOffice headless, as a raadslid's Word or LibreOffice opens it."""
    return libreoffice_pdfs([data], folder)[0]


def libreoffice_pdfs(documents: list[bytes], folder: Path) -> list[Path]:
    """Convert several .docx files in one LibreOffice start (which takes seconds)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    sources = [folder / f"motie-{number}.docx" for number in range(len(documents))]
    for source, data in zip(sources, documents, strict=True):
        source.write_bytes(data)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=120 + 10 * len(documents),
    )
    return [source.with_suffix(".pdf") for source in sources]


def zip_names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()
