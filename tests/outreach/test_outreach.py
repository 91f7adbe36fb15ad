"""Claiming gemeenten, logging contacts with follow-ups, contact persons, bulk assignment."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.outreach.models import ContactPerson, OutreachEntry


@pytest.fixture
def gemeente(make_gemeente):
    return make_gemeente("Zeist")


def refreshed(gemeente):
    db.session.expire_all()
    return db.session.get(Gemeente, gemeente.id)


def test_claim_and_release(client, login, volunteer, make_user, gemeente):
    login(volunteer)
    page = f"/beheer/gemeenten/{gemeente.slug}"
    response = client.post(f"{page}/claim", follow_redirects=True)
    assert "Je hebt Zeist geclaimd." in response.get_data(as_text=True)
    assert refreshed(gemeente).volunteer_id == volunteer.id

    other = make_user(name="Olaf")
    client.post("/logout")
    login(other)
    response = client.post(f"{page}/claim", follow_redirects=True)
    assert "Zeist is al geclaimd door Vera Vrijwilliger." in response.get_data(as_text=True)
    response = client.post(f"{page}/vrijgeven", follow_redirects=True)
    assert "Alleen Vera Vrijwilliger of een beheerder kan Zeist vrijgeven." in response.get_data(
        as_text=True
    )
    assert refreshed(gemeente).volunteer_id == volunteer.id


def contact(**changes):
    data = {
        "occurred_on": today().isoformat(),
        "channel": "e-mail",
        "direction": "uitgaand",
        "contact_person": "",
        "with_whom": "griffie",
        "summary": "Oproep gestuurd",
        "follow_up_on": "",
    }
    data.update(changes)
    return data


def test_logging_contacts_moves_the_status_and_shows_the_follow_up(
    client, login, volunteer, gemeente
):
    login(volunteer)
    page = f"/beheer/gemeenten/{gemeente.slug}"
    follow_up = today() + timedelta(days=7)
    assert (
        client.post(
            f"{page}/contacten", data=contact(follow_up_on=follow_up.isoformat())
        ).status_code
        == 302
    )
    assert refreshed(gemeente).status is CampaignStatus.OPROEP_VERSTUURD

    client.post(
        f"{page}/contacten",
        data=contact(channel="telefoon", direction="inkomend", summary="Griffier belde terug"),
    )
    assert refreshed(gemeente).status is CampaignStatus.IN_GESPREK

    html = client.get(page).get_data(as_text=True)
    assert "Griffier belde terug" in html and "Opvolgen op" in html
    entry = db.session.scalars(
        select(OutreachEntry).where(OutreachEntry.follow_up_on.is_not(None))
    ).one()
    assert entry.logged_by_id == volunteer.id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"occurred_on": (today() + timedelta(days=2)).isoformat()},
            "Een contact kan niet in de toekomst liggen.",
        ),
        (
            {"follow_up_on": (today() - timedelta(days=2)).isoformat()},
            "De opvolgdatum ligt vóór het contact.",
        ),
        ({"occurred_on": "31-02-2026"}, "Ongeldige datum."),
        ({"channel": "postduif"}, "Ongeldige keuze."),
    ],
)
def test_an_invalid_contact_is_refused_and_nothing_is_stored(
    client, login, volunteer, gemeente, changes, message
):
    login(volunteer)
    response = client.post(f"/beheer/gemeenten/{gemeente.slug}/contacten", data=contact(**changes))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert "Oproep gestuurd</textarea>" in response.get_data(as_text=True)
    assert db.session.scalars(select(OutreachEntry)).all() == []
    assert refreshed(gemeente).status is CampaignStatus.NIET_BENADERD


def test_due_follow_ups_appear_on_the_dashboard_and_can_be_ticked_off(
    client, login, volunteer, gemeente
):
    login(volunteer)
    client.post(f"/beheer/gemeenten/{gemeente.slug}/claim")
    client.post(
        f"/beheer/gemeenten/{gemeente.slug}/contacten",
        data=contact(follow_up_on=today().isoformat(), summary="Nabellen over agenda"),
    )

    html = client.get("/beheer/").get_data(as_text=True)
    assert "Nabellen over agenda" in html and "vandaag" in html
    listed = client.get("/beheer/gemeenten/?opvolgen=1").get_data(as_text=True)
    assert ">Zeist</a>" in listed

    entry = db.session.scalars(select(OutreachEntry)).one()
    client.post(
        f"/beheer/gemeenten/{gemeente.slug}/contacten/{entry.id}/opgevolgd",
        data={"version_id": entry.version_id},
    )
    assert "Nabellen over agenda" not in client.get("/beheer/").get_data(as_text=True)
    assert ">Zeist</a>" not in client.get("/beheer/gemeenten/?opvolgen=1").get_data(as_text=True)


def test_contact_persons_are_added_and_chosen_when_logging(client, login, volunteer, gemeente):
    login(volunteer)
    page = f"/beheer/gemeenten/{gemeente.slug}"
    client.post(
        f"{page}/contactpersonen",
        data={"name": "Mevr. Jansen", "function": "griffier", "email": "jansen@zeist.example"},
    )
    person = db.session.scalars(select(ContactPerson)).one()
    client.post(f"{page}/contacten", data=contact(contact_person=str(person.id)))
    assert db.session.scalars(select(OutreachEntry)).one().contact_person_id == person.id
    assert "Mevr. Jansen (griffier)" in client.get(page).get_data(as_text=True)


def test_bulk_assignment_assigns_all_selected_gemeenten(
    client, login, admin, volunteer, make_gemeente
):
    login(admin)
    a, b, c = make_gemeente("Aastad"), make_gemeente("Beedorp"), make_gemeente("Ceeveen")
    response = client.post(
        "/beheer/gemeenten/toewijzen",
        data={"codes": [a.cbs_code, b.cbs_code], "volunteer": str(volunteer.id)},
        follow_redirects=True,
    )
    assert "2 gemeenten toegewezen aan Vera Vrijwilliger." in response.get_data(as_text=True)
    assert [refreshed(g).volunteer_id for g in (a, b, c)] == [volunteer.id, volunteer.id, None]

    bad = client.post(
        "/beheer/gemeenten/toewijzen",
        data={"codes": [c.cbs_code, "GM0000"], "volunteer": str(volunteer.id)},
        follow_redirects=True,
    )
    assert "er is niets gewijzigd" in bad.get_data(as_text=True)
    assert refreshed(c).volunteer_id is None


def test_worklist_filters_and_bad_filters(client, login, volunteer, make_gemeente):
    login(volunteer)
    mine = make_gemeente("Mijnstad")
    make_gemeente("Vrijdorp")
    client.post(f"/beheer/gemeenten/{mine.slug}/claim")
    html = client.get("/beheer/gemeenten/?vrijwilliger=ik").get_data(as_text=True)
    assert ">Mijnstad</a>" in html and ">Vrijdorp</a>" not in html
    html = client.get("/beheer/gemeenten/?vrijwilliger=niemand").get_data(as_text=True)
    assert ">Vrijdorp</a>" in html and ">Mijnstad</a>" not in html
    bad = client.get("/beheer/gemeenten/?vrijwilliger=<script>")
    assert bad.status_code == 400 and "Onbekende vrijwilliger" in bad.get_data(as_text=True)


def test_worklist_queries_do_not_grow_with_gemeenten_or_contacts(
    client, login, volunteer, make_gemeente, count_queries
):
    login(volunteer)
    for n in range(3):
        g = make_gemeente(f"Stad {n}")
        client.post(f"/beheer/gemeenten/{g.slug}/claim")
        client.post(
            f"/beheer/gemeenten/{g.slug}/contacten", data=contact(follow_up_on=today().isoformat())
        )
    with count_queries() as few:
        client.get("/beheer/gemeenten/")
    with count_queries() as dashboard_few:
        client.get("/beheer/")
    for n in range(3, 25):
        g = make_gemeente(f"Stad {n}")
        client.post(f"/beheer/gemeenten/{g.slug}/claim")
        client.post(
            f"/beheer/gemeenten/{g.slug}/contacten", data=contact(follow_up_on=today().isoformat())
        )
    with count_queries() as many:
        client.get("/beheer/gemeenten/")
    with count_queries() as dashboard_many:
        client.get("/beheer/")
    assert many.count == few.count
    assert dashboard_many.count == dashboard_few.count
