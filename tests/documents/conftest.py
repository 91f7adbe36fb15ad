"""Document tests open what comes out: python-docx, LibreOffice and pdftotext."""

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

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


def libreoffice_pdf(data: bytes, folder: Path) -> Path:
    """Convert a .docx with LibreOffice headless, as a raadslid's Word or LibreOffice opens it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    source = folder / "motie.docx"
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
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "motie.pdf"


def zip_names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()
