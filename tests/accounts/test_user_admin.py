"""Admins invite people, change roles and deactivate accounts; never the last admin."""

import re

from sqlalchemy import select

from campaign.accounts.models import Role, User
from campaign.extensions import db


def test_inviting_sends_a_link_to_choose_a_password(client, login, admin, smtp_server):
    login(admin)
    response = client.post(
        "/beheer/gebruikers",
        data={"name": "Nina Nieuw", "email": "nina@example.org", "role": "vrijwilliger"},
    )
    assert response.status_code == 302

    (message,) = smtp_server.parsed()
    assert message["To"] == "nina@example.org"
    link = re.search(r"http://localhost(/wachtwoord-herstellen/\S+)", message.get_content()).group(
        1
    )
    client.post("/logout")
    new = "nina kiest een wachtwoord"
    assert client.post(link, data={"new_password": new, "repeat_password": new}).status_code == 302
    assert (
        client.post("/login", data={"email": "nina@example.org", "password": new}).status_code
        == 302
    )


def test_duplicate_and_invalid_invitations_are_refused(client, login, admin):
    login(admin)
    duplicate = client.post(
        "/beheer/gebruikers", data={"name": "Aad 2", "email": "AAD@example.org", "role": "admin"}
    )
    assert duplicate.status_code == 400
    assert "Er is al een account met het e-mailadres aad@example.org." in duplicate.get_data(
        as_text=True
    )
    header_injection = client.post(
        "/beheer/gebruikers",
        data={"name": "X", "email": "x@example.org\r\nBcc: y@example.org", "role": "admin"},
    )
    assert header_injection.status_code == 400
    assert db.session.scalar(select(User).where(User.name == "X")) is None


def test_deactivating_blocks_login_and_the_last_admin_stays(client, login, admin, volunteer):
    login(admin)
    response = client.post(
        f"/beheer/gebruikers/{volunteer.id}",
        data={"role": "vrijwilliger", "version_id": volunteer.version_id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, volunteer.id).active

    refused = client.post(
        f"/beheer/gebruikers/{admin.id}",
        data={"role": "vrijwilliger", "active": "y", "version_id": admin.version_id},
    )
    assert refused.status_code == 400
    assert "Er moet minstens één actieve beheerder blijven." in refused.get_data(as_text=True)
    assert db.session.get(User, admin.id).role is Role.ADMIN
