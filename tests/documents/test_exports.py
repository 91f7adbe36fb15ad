"""Many motions at once: the zip in /beheer and `flask motions export`."""

import io
import zipfile

import docx
import pytest

from campaign.extensions import db
from tests.documents.conftest import docx_text, zip_names


@pytest.fixture
def three(make_gemeente, templates):
    return [
        make_gemeente("Aastad"),
        make_gemeente("Beedorp", has_noodopvang=True),
        make_gemeente("Ceeveen"),
    ]


def test_volunteers_download_a_zip_of_the_selected_gemeenten(client, login, volunteer, three):
    login(volunteer)
    response = client.post(
        "/beheer/documenten/moties.zip",
        data={"codes": [three[0].cbs_code, three[1].cbs_code], "formaat": "docx"},
    )

    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert sorted(archive.namelist()) == [
        f"motie-gewortelde-kinderen-{three[0].slug}.docx",
        f"motie-gewortelde-kinderen-{three[1].slug}.docx",
    ]
    beedorp = docx_text(archive.read(f"motie-gewortelde-kinderen-{three[1].slug}.docx"))
    assert "Ook in Beedorp" in beedorp and "COA" in beedorp
    assert "COA" not in docx_text(archive.read(f"motie-gewortelde-kinderen-{three[0].slug}.docx"))


def test_the_zip_of_all_gemeenten_as_pdf(client, login, volunteer, three):
    login(volunteer)
    response = client.post("/beheer/documenten/moties.zip", data={"formaat": "pdf", "alle": "1"})
    names = zip_names(response.data)
    assert len(names) == 3 and all(name.endswith(".pdf") for name in names)
    odt = client.post("/beheer/documenten/moties.zip", data={"formaat": "odt", "alle": "1"})
    assert odt.status_code == 400
    # A link on another site cannot start the half-minute job: only a POST with its token does.
    assert client.get("/beheer/documenten/moties.zip?formaat=pdf").status_code == 405


def test_cli_exports_all_gemeenten(runner, three, tmp_path):
    out = tmp_path / "moties.zip"
    result = runner.invoke(
        args=[
            "motions",
            "export",
            "--all",
            "--format",
            "docx",
            "--out",
            str(out),
            "--date",
            "2026-03-12",
        ]
    )

    assert result.exit_code == 0, result.output
    assert "Wrote 3 motions (docx)" in result.output
    archive = zipfile.ZipFile(out)
    assert len(archive.namelist()) == 3
    first = docx.Document(io.BytesIO(archive.read(archive.namelist()[0])))
    assert any("donderdag 12 maart 2026" in p.text for p in first.paragraphs)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Choose gemeenten"),
        (["--gemeente", "GM9999"], "unknown gemeente: GM9999"),
        (["--all", "--format", "odt"], "Invalid value for '--format'"),
        (["--all", "--date", "12-03-2026"], "Invalid value for '--date'"),
        (["--province", "Vlaanderen"], "Onbekende provincie"),
        (["--status", "aangenomen"], "No gemeente matches"),
    ],
)
def test_cli_refuses_bad_arguments_and_writes_nothing(runner, three, tmp_path, args, message):
    out = tmp_path / "moties.zip"
    result = runner.invoke(args=["motions", "export", *args, "--out", str(out)])
    assert result.exit_code != 0
    assert message in result.output
    assert not out.exists() and not (tmp_path / "moties.zip.part").exists()
    assert db.session.is_active
