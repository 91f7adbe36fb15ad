"""Admins edit the model motion: every save is a new version, older ones stay viewable."""

import pytest
from sqlalchemy import select

from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from tests.documents.conftest import docx_text


@pytest.fixture
def editor(client, login, admin, templates, make_gemeente):
    make_gemeente("Zeist", slug="zeist")
    login(admin)
    page = client.get("/beheer/teksten/motie").get_data(as_text=True)
    assert "Huidige versie: <strong>1</strong>" in page
    return client


def form_data(**changes):
    template = db.session.scalar(
        select(TemplateVersion).where(TemplateVersion.kind == TemplateKind.MOTIE)
    )
    from campaign.documents.forms import MotieTemplateForm

    data = MotieTemplateForm.data_from_content(template.content)
    data.update(based_on="1", note="Punt toegevoegd", preview_gemeente="zeist", actie="opslaan")
    data.update(changes)
    return data


def test_saving_makes_a_new_version_that_the_downloads_use(editor):
    data = form_data()
    data["verzoekt"] += "\n\nvoor een nieuw punt over [uw gemeente]."
    response = editor.post("/beheer/teksten/motie", data=data)
    assert response.status_code == 302

    versions = db.session.scalars(
        select(TemplateVersion)
        .where(TemplateVersion.kind == TemplateKind.MOTIE)
        .order_by(TemplateVersion.number)
    ).all()
    assert [v.number for v in versions] == [1, 2]
    text = docx_text(editor.get("/gemeente/zeist/motie.docx").data)
    assert "voor een nieuw punt over Zeist." in text
    assert "e. " not in text  # letters are numbering, not typed text
    old = editor.get("/beheer/teksten/motie/1").get_data(as_text=True)
    assert "voor een nieuw punt" not in old and "Versie 1 van de motie" in old


def test_preview_shows_the_result_without_saving(editor):
    data = form_data(actie="voorbeeld", note="")
    data["constaterende"] += "\n\nin [uw gemeente] iets nieuws gebeurt."
    response = editor.post("/beheer/teksten/motie", data=data)
    assert response.status_code == 200
    assert "in Zeist iets nieuws gebeurt." in response.get_data(as_text=True)
    assert db.session.scalar(select(TemplateVersion).where(TemplateVersion.number == 2)) is None


def test_a_save_based_on_an_old_version_is_refused(editor):
    assert (
        editor.post("/beheer/teksten/motie", data=form_data(note="Eerste wijziging")).status_code
        == 302
    )
    response = editor.post("/beheer/teksten/motie", data=form_data(note="Gelijktijdige wijziging"))
    assert response.status_code == 409
    assert "Intussen is versie 2 opgeslagen." in response.get_data(as_text=True)
    assert db.session.scalar(select(TemplateVersion).where(TemplateVersion.number == 3)) is None


def test_required_parts_cannot_be_emptied(editor):
    response = editor.post("/beheer/teksten/motie", data=form_data(verzoekt="", note="Leeg"))
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.get_data(as_text=True)
