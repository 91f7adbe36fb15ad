"""Logging in and out, the one-time first password, password change and reset by e-mail."""

import re

from sqlalchemy import select
from werkzeug.security import check_password_hash

from campaign.accounts.models import User
from campaign.extensions import db
from tests.conftest import PASSWORD


def test_login_then_logout(client, volunteer):
    response = client.post("/login", data={"email": "VERA@example.org ", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/beheer/"
    assert "Goedendag, Vera Vrijwilliger" in client.get("/beheer/").get_data(as_text=True)

    client.post("/logout")
    assert client.get("/beheer/").status_code == 302


def test_session_cookie_is_httponly_samesite_and_secure(client, volunteer):
    response = client.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, volunteer):
    for email in (volunteer.email, "niemand@example.org"):
        response = client.post("/login", data={"email": email, "password": "fout wachtwoord!"})
        assert response.status_code == 400
        assert "Dat e-mailadres en wachtwoord horen niet bij elkaar." in response.get_data(
            as_text=True
        )


def test_repeated_wrong_passwords_are_slowed_down(client, volunteer):
    statuses = [
        client.post("/login", data={"email": volunteer.email, "password": f"fout {n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [400] * 5 + [429]
    blocked = client.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Te veel verzoeken" in blocked.get_data(as_text=True)


def test_a_deactivated_account_cannot_log_in(client, volunteer):
    volunteer.active = False
    db.session.commit()
    response = client.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    assert response.status_code == 400


def test_login_redirects_back_only_within_the_site(client, volunteer):
    response = client.post(
        "/login?next=/beheer/gemeenten/", data={"email": volunteer.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/beheer/gemeenten/"
    client.post("/logout")
    response = client.post(
        "/login?next=//evil.example/", data={"email": volunteer.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/beheer/"


def test_the_first_admin_must_replace_the_one_time_password(bare_app):
    result = bare_app.test_cli_runner().invoke(args=["init"])
    one_time = re.search(r"password: (\S+)", result.output).group(1)
    client = bare_app.test_client()

    response = client.post("/login", data={"email": "beheer@example.org", "password": one_time})
    assert response.headers["Location"] == "/account/wachtwoord"
    assert client.get("/beheer/").headers["Location"] == "/account/wachtwoord"

    response = client.post(
        "/account/wachtwoord",
        data={"current_password": one_time, "new_password": "kort", "repeat_password": "kort"},
    )
    assert response.status_code == 400
    assert "Minstens 12 tekens." in response.get_data(as_text=True)

    new = "mijn eigen lange wachtwoord"
    response = client.post(
        "/account/wachtwoord",
        data={"current_password": one_time, "new_password": new, "repeat_password": new},
    )
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
    admin = db.session.scalars(select(User)).one()
    assert check_password_hash(admin.password_hash, new) and not admin.must_change_password


def test_change_password_needs_the_current_one(client, volunteer, login):
    login(volunteer)
    response = client.post(
        "/account/wachtwoord",
        data={
            "current_password": "niet het goede",
            "new_password": "nieuw lang wachtwoord",
            "repeat_password": "nieuw lang wachtwoord",
        },
    )
    assert response.status_code == 400
    assert "Je huidige wachtwoord klopt niet." in response.get_data(as_text=True)


def test_password_reset_by_mail_works_once(client, volunteer, smtp_server):
    response = client.post("/wachtwoord-vergeten", data={"email": volunteer.email})
    assert response.status_code == 302

    (message,) = smtp_server.parsed()
    assert message["To"] == volunteer.email
    assert message["Subject"] == "Nieuw wachtwoord voor Motietracker"
    link = re.search(r"http://localhost(/wachtwoord-herstellen/\S+)", message.get_content()).group(
        1
    )

    new = "een heel nieuw wachtwoord"
    response = client.post(link, data={"new_password": new, "repeat_password": new})
    assert response.status_code == 302
    client.post("/login", data={"email": volunteer.email, "password": new})
    assert client.get("/beheer/").status_code == 200

    client.post("/logout")
    again = client.post(
        link,
        data={
            "new_password": "nog een ander wachtwoord",
            "repeat_password": "nog een ander wachtwoord",
        },
    )
    assert again.status_code == 400
    assert "al gebruikt of ongeldig" in again.get_data(as_text=True)


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, smtp_server):
    response = client.post(
        "/wachtwoord-vergeten", data={"email": "onbekend@example.org"}, follow_redirects=True
    )
    assert "Als er een account is met dit adres" in response.get_data(as_text=True)
    assert smtp_server.messages == []


def test_an_expired_or_forged_reset_link_is_refused(app, client, volunteer):
    from campaign.accounts.services import make_reset_token

    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    expired = client.get(f"/wachtwoord-herstellen/{make_reset_token(volunteer)}")
    assert expired.status_code == 400 and "verlopen" in expired.get_data(as_text=True)
    forged = client.get("/wachtwoord-herstellen/abc.def.ghi")
    assert forged.status_code == 400 and "ongeldig" in forged.get_data(as_text=True)
