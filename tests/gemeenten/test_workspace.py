"""One gemeente's workspace: details, status by hand, fracties, and stale saves refused."""

import pytest
from sqlalchemy import select

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente
from campaign.moties.services import MotieInput, create_motie
from campaign.outreach.models import Channel, Direction
from campaign.outreach.services import (
    ContactInput,
    ContactPersonInput,
    log_contact,
    save_contact_person,
)


@pytest.fixture
def gemeente(make_gemeente):
    return make_gemeente("Zeist", province="Utrecht")


@pytest.fixture
def page(client, volunteer, login, gemeente):
    login(volunteer)
    return f"/beheer/gemeenten/{gemeente.slug}"


def details(version, **changes):
    data = {
        "griffie_email": "griffie@zeist.example",
        "website": "https://zeist.example/raad",
        "has_noodopvang": "y",
        "notes": "Griffier: mevrouw Jansen",
        "version_id": str(version),
    }
    data.update(changes)
    return data


def test_details_are_saved_and_logged(client, page, gemeente):
    response = client.post(f"{page}/gegevens", data=details(gemeente.version_id))
    assert response.status_code == 302

    db.session.expire_all()
    stored = db.session.get(Gemeente, gemeente.id)
    assert (stored.griffie_email, stored.has_noodopvang) == ("griffie@zeist.example", True)
    html = client.get(page).get_data(as_text=True)
    assert (
        f'Vera Vrijwilliger wijzigde de gegevens van <a href="{page}">Zeist</a> '
        "(e-mailadres griffie, noodopvang, notities, website)"
    ) in html
    assert '<th scope="row">e-mailadres griffie</th><td></td><td>griffie@zeist.example</td>' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("griffie_email", "geen adres", "Ongeldig e-mailadres."),
        ("website", "zeist punt nl", "Vul een volledige link in, met https://."),
    ],
)
def test_invalid_details_show_the_error_next_to_the_field_and_keep_the_input(
    client, page, gemeente, field, value, message
):
    response = client.post(f"{page}/gegevens", data=details(gemeente.version_id, **{field: value}))

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error">{message}' in html
    assert f'value="{value}"' in html
    db.session.expire_all()
    assert db.session.get(Gemeente, gemeente.id).griffie_email is None


def test_a_stale_save_is_refused_and_both_versions_stay_visible(client, page, gemeente):
    seen = gemeente.version_id
    assert (
        client.post(f"{page}/gegevens", data=details(seen, notes="Versie van collega")).status_code
        == 302
    )

    response = client.post(f"{page}/gegevens", data=details(seen, notes="Mijn versie"))

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "intussen door iemand anders gewijzigd" in html
    assert "Mijn versie</textarea>" in html  # what I typed is still in the form
    assert "<dt>Notities</dt><dd>Versie van collega</dd>" in html  # what is stored now
    db.session.expire_all()
    assert db.session.get(Gemeente, gemeente.id).notes == "Versie van collega"


def test_status_by_hand_needs_a_reason(client, page, gemeente):
    refused = client.post(
        f"{page}/status",
        data={"status": "geen-interesse", "reason": " ", "version_id": gemeente.version_id},
    )
    assert refused.status_code == 400
    assert "Dit veld is vereist." in refused.get_data(as_text=True)

    client.post(
        f"{page}/status",
        data={
            "status": "geen-interesse",
            "reason": "Raad wil niet.",
            "version_id": gemeente.version_id,
        },
    )

    db.session.expire_all()
    assert db.session.get(Gemeente, gemeente.id).status is CampaignStatus.GEEN_INTERESSE
    assert "met de hand: “Raad wil niet.”" in client.get(page).get_data(as_text=True)


def test_fracties_are_added_edited_and_duplicates_refused(client, page, gemeente):
    data = {
        "name": "GroenLinks",
        "raadsperiode": "2026-2030",
        "seats": "5",
        "leader_name": "Piet",
        "leader_email": "",
    }
    assert client.post(f"{page}/fracties", data=data).status_code == 302
    duplicate = client.post(f"{page}/fracties", data={**data, "name": "groenlinks"})
    assert duplicate.status_code == 400
    assert "Zeist heeft al een fractie GroenLinks in 2026-2030." in duplicate.get_data(as_text=True)

    fractie = db.session.scalars(select(Fractie)).one()
    edit = f"{page}/fracties/{fractie.id}"
    assert 'value="GroenLinks"' in client.get(edit).get_data(as_text=True)
    seen = fractie.version_id
    response = client.post(edit, data={**data, "seats": "6", "version_id": seen})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Fractie, fractie.id).seats == 6

    stale = client.post(edit, data={**data, "seats": "9", "version_id": seen})
    assert stale.status_code == 409
    assert "<dt>Zetels</dt><dd>6</dd>" in stale.get_data(as_text=True)


def test_too_many_seats_is_refused(client, page):
    response = client.post(
        f"{page}/fracties", data={"name": "X", "raadsperiode": "2026-2030", "seats": "99"}
    )
    assert response.status_code == 400
    assert db.session.scalars(select(Fractie)).all() == []


def test_an_unknown_gemeente_is_404(client, page):
    assert client.get("/beheer/gemeenten/atlantis").status_code == 404


def test_the_workspace_runs_the_same_queries_for_more_records(
    client, page, gemeente, volunteer, make_fractie, count_queries
):

    def add_records(n):
        for i in range(n):
            fractie = make_fractie(gemeente, f"Partij {n}-{i}", raadsperiode="2026-2030", seats=3)
            create_motie(gemeente, MotieInput(indieners=[fractie]))
            log_contact(
                gemeente,
                ContactInput(today(), Channel.EMAIL, Direction.UITGAAND, follow_up_on=today()),
                volunteer,
            )
            save_contact_person(gemeente, ContactPersonInput(name=f"Persoon {n}-{i}"))

    add_records(1)
    with count_queries() as few:
        assert client.get(page).status_code == 200
    add_records(8)
    with count_queries() as many:
        assert client.get(page).status_code == 200
    assert many.count == few.count
