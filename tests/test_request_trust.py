"""Nothing from the request is trusted: the Host and X-Forwarded-* headers, redirect targets,
NUL bytes, odd numbers. Run on SQLite and (in CI) on PostgreSQL."""

import re
import stat
import threading

import pytest
from sqlalchemy import func, select

from campaign.accounts.models import Role, User
from campaign.accounts.services import create_user
from campaign.extensions import db
from campaign.gemeenten.models import Fractie
from tests.conftest import PASSWORD

SITE = "https://kinderpardon.example"


@pytest.fixture
def site(app, seeded):
    """The app as deployed: one public address, answering on it and on loopback only."""
    app.config.update(SITE_URL=SITE, TRUSTED_HOSTS=["kinderpardon.example", "127.0.0.1"])
    return app


PUBLIC_PAGES = ["/", "/embed/kaart", "/kaart.svg", "/open-data/moties.json", "/gemeente/zeist"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_forged_host_is_refused_and_never_reaches_the_page_cache(site, path):
    client = site.test_client()
    forged = client.get(path, headers={"Host": "evil.example"})
    assert forged.status_code == 400
    assert "hoort niet bij deze site" in forged.get_data(as_text=True)

    # A trusted host, with a forged forwarded host, renders and caches the page…
    first = client.get(
        path, headers={"Host": "127.0.0.1", "X-Forwarded-Host": "evil.example"}
    ).get_data(as_text=True)
    # …and every visitor after that gets links to the site's own address only.
    page = client.get(path, headers={"Host": "kinderpardon.example"}).get_data(as_text=True)
    for body in (first, page):
        assert "evil.example" not in body
        assert "127.0.0.1" not in body
    if path in ("/", "/embed/kaart", "/kaart.svg"):
        assert f"{SITE}/gemeente/" in page or 'href="/gemeente/' in page


def test_embed_snippet_and_share_image_name_the_site_address(site):
    client = site.test_client()
    home = client.get("/", headers={"Host": "127.0.0.1"}).get_data(as_text=True)
    assert f'src="{SITE}/embed/kaart"' in home.replace("&#34;", '"').replace("&quot;", '"')
    assert f'content="{SITE}/kaart.png"' in home
    embed = client.get("/embed/kaart", headers={"Host": "127.0.0.1"}).get_data(as_text=True)
    links = re.findall(r'href="([^"]+/gemeente/[^"]+)"', embed)
    assert len(links) == 342 and all(link.startswith(f"{SITE}/gemeente/") for link in links)


def test_a_reset_mail_asked_for_under_another_host_links_to_the_site(site, smtp_server):
    create_user("vera@example.org", "Vera", Role.VRIJWILLIGER, PASSWORD)
    client = site.test_client()
    refused = client.post(
        "/wachtwoord-vergeten", data={"email": "vera@example.org"}, headers={"Host": "evil.example"}
    )
    assert refused.status_code == 400 and not smtp_server.messages

    client.post(
        "/wachtwoord-vergeten",
        data={"email": "vera@example.org"},
        headers={"Host": "127.0.0.1", "X-Forwarded-Host": "evil.example"},
    )
    (message,) = smtp_server.parsed()
    assert re.search(rf"{re.escape(SITE)}/wachtwoord-herstellen/\S+", message.get_content())
    assert "evil" not in message.get_content()


NUL_GETS = [
    "/gemeente/a%00b",
    "/gemeente/a%00b/motie.docx",
    "/gemeente/a%00b/kaart.png",
    "/gemeente/zeist/motie?lokaal=a%00b",
    "/api/v1/gemeenten/a%00b",
    "/gemeenten?q=a%00b",
    "/login?next=/a%00b",
]


@pytest.mark.parametrize("path", NUL_GETS)
def test_a_nul_byte_in_a_url_is_a_400_in_dutch(app, client, seeded, path):
    response = client.get(path)
    assert response.status_code == 400
    message = response.get_json()["message"] if response.is_json else response.get_data(True)
    assert "NUL-teken" in message


def test_a_nul_byte_in_a_form_stores_nothing(app, client, seeded):
    before = db.session.scalar(select(func.count()).select_from(User))
    response = client.post("/login", data={"email": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400 and "NUL-teken" in response.get_data(as_text=True)
    report = client.post(
        "/meld",
        data={
            "gemeente": "zeist",
            "kind": "ingediend",
            "reporter_name": "An\x00na",
            "reporter_role": "raadslid",
            "reporter_email": "anna@example.org",
        },
    )
    assert report.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(User)) == before
    from campaign.reports.models import Report

    assert db.session.scalar(select(func.count()).select_from(Report)) == 0


def test_a_lone_surrogate_in_json_is_refused(client):
    response = client.post("/meld", data='{"naam": "\\ud800"}', content_type="application/json")
    assert response.status_code == 400


def test_a_logged_in_user_gets_the_dutch_page_after_a_failed_request(
    client, login, volunteer, make_gemeente
):
    login(volunteer)
    gemeente = make_gemeente("Zeist")
    response = client.post(f"/beheer/gemeenten/{gemeente.slug}/gegevens", data={"notes": "\x00"})
    assert response.status_code == 400
    assert "Vera Vrijwilliger" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "next_page",
    [
        "/%09/evil.example",
        "/%0d%0aLocation:%20//evil.example",
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "%2F%2Fevil.example",
    ],
)
def test_login_never_redirects_off_the_site(client, volunteer, next_page):
    response = client.post(
        f"/login?next={next_page}", data={"email": volunteer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/beheer/"


def test_return_fields_of_beheer_forms_stay_on_the_site(client, login, volunteer, make_gemeente):
    login(volunteer)
    gemeente = make_gemeente("Zeist")
    for path, data in (
        ("/beheer/gemeenten/toewijzen", {"codes": gemeente.cbs_code, "volunteer": ""}),
        (f"/beheer/gemeenten/{gemeente.slug}/contacten/1/opgevolgd", {}),
    ):
        response = client.post(path, data={**data, "terug": "https://evil.example/"})
        assert response.status_code in (302, 404)
        if response.status_code == 302:
            assert "evil" not in response.headers["Location"]
    inside = client.post(
        "/beheer/gemeenten/toewijzen",
        data={"codes": gemeente.cbs_code, "volunteer": "", "terug": "/beheer/gemeenten/?q=z"},
    )
    assert inside.headers["Location"] == "/beheer/gemeenten/?q=z"


def cookie(client, name):
    found = client.get_cookie(name)
    return found.value if found else None


def test_a_password_change_ends_the_other_devices(make_browser, volunteer):
    phone, laptop = make_browser(), make_browser()
    for device in (phone, laptop):
        device.post("/login", data={"email": volunteer.email, "password": PASSWORD})
        assert device.get("/beheer/").status_code == 200
    response = laptop.post(
        "/account/wachtwoord",
        data={
            "current_password": PASSWORD,
            "new_password": "een ander lang wachtwoord",
            "repeat_password": "een ander lang wachtwoord",
        },
    )
    assert response.status_code == 302
    assert laptop.get("/beheer/").status_code == 200
    assert phone.get("/beheer/").status_code == 302


def test_logout_ends_a_copied_session_cookie_and_remember_cookie(make_browser, volunteer):
    browser = make_browser()
    browser.post("/login", data={"email": volunteer.email, "password": PASSWORD, "remember": "y"})
    session_value, remember_value = cookie(browser, "session"), cookie(browser, "remember_token")
    assert session_value and remember_value

    copy, remembered = make_browser(), make_browser()
    copy.set_cookie("session", session_value)
    remembered.set_cookie("remember_token", remember_value)
    assert copy.get("/beheer/").status_code == 200
    assert remembered.get("/beheer/").status_code == 200

    browser.post("/logout")
    stale_session, stale_remember = make_browser(), make_browser()
    stale_session.set_cookie("session", session_value)
    stale_remember.set_cookie("remember_token", remember_value)
    assert stale_session.get("/beheer/").status_code == 302
    assert stale_remember.get("/beheer/").status_code == 302


def test_a_password_reset_ends_every_login(make_browser, volunteer, smtp_server):
    device = make_browser()
    device.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    anonymous = make_browser()
    anonymous.post("/wachtwoord-vergeten", data={"email": volunteer.email})
    link = re.search(
        r"http://localhost(/wachtwoord-herstellen/\S+)", smtp_server.parsed()[0].get_content()
    )
    new = "een heel nieuw wachtwoord"
    anonymous.post(link.group(1), data={"new_password": new, "repeat_password": new})
    assert device.get("/beheer/").status_code == 302


@pytest.mark.parametrize("proxies, second_visitor_status", [(1, 302), (0, 429)])
def test_rate_limits_count_visitors_behind_the_configured_proxy(
    make_app, database_url, proxies, second_visitor_status
):
    app = make_app(SQLALCHEMY_DATABASE_URI=database_url, PROXY_COUNT=proxies)
    with app.app_context():
        try:
            client = app.test_client()
            for _ in range(5):
                client.post(
                    "/wachtwoord-vergeten",
                    data={"email": "x@example.org"},
                    headers={"X-Forwarded-For": "203.0.113.5"},
                )
            first = client.post(
                "/wachtwoord-vergeten",
                data={"email": "x@example.org"},
                headers={"X-Forwarded-For": "203.0.113.5"},
            )
            assert first.status_code == 429
            other = client.post(
                "/wachtwoord-vergeten",
                data={"email": "x@example.org"},
                headers={"X-Forwarded-For": "198.51.100.7"},
            )
            # Behind a proxy each visitor has their own limit; without one, X-Forwarded-For is
            # anyone's to write and is ignored.
            assert other.status_code == second_visitor_status
        finally:
            db.session.remove()
            db.engine.dispose()


@pytest.mark.parametrize("value", ["²", "٣", "1" * 5000, "-1", "9" * 30])
def test_odd_numbers_are_refused_without_a_server_error(
    client, login, volunteer, make_gemeente, value
):
    login(volunteer)
    gemeente = make_gemeente("Zeist")
    response = client.post(
        f"/beheer/gemeenten/{gemeente.slug}/gegevens",
        data={"notes": "x", "version_id": value},
    )
    assert response.status_code in (302, 400, 409)
    assert client.get(f"/beheer/gemeenten/?vrijwilliger={value}").status_code == 400
    fractie = client.post(
        f"/beheer/gemeenten/{gemeente.slug}/fracties",
        data={"name": "D66", "raadsperiode": "2026-2030", "seats": value},
    )
    assert fractie.status_code == 400


def test_parallel_adds_of_the_same_fractie_store_one_and_fail_none(
    make_browser, volunteer, make_gemeente
):
    gemeente = make_gemeente("Zeist")
    slug = gemeente.slug
    clients = [make_browser() for _ in range(10)]
    for client in clients:
        client.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    start = threading.Barrier(len(clients))
    statuses = []

    def add(client):
        start.wait()
        response = client.post(
            f"/beheer/gemeenten/{slug}/fracties",
            data={"name": "D66", "raadsperiode": "2026-2030", "seats": "3"},
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=add, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 10 and all(status in (302, 400, 409) for status in statuses)
    assert statuses.count(302) == 1
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Fractie)) == 1


def test_only_an_admin_takes_a_colleagues_gemeente(
    client, login, make_user, volunteer, admin, make_gemeente
):
    colleague = make_user(name="Cor Collega", email="cor@example.org")
    gemeente = make_gemeente("Zeist", volunteer=colleague)
    login(volunteer)
    for target in (str(volunteer.id), ""):
        client.post(
            "/beheer/gemeenten/toewijzen", data={"codes": gemeente.cbs_code, "volunteer": target}
        )
        db.session.refresh(gemeente)
        assert gemeente.volunteer == colleague
    page = client.get("/beheer/gemeenten/").get_data(as_text=True)
    assert "Alleen een beheerder kan gemeenten van een collega anders toewijzen" in page
    client.post("/logout")
    login(admin)
    client.post("/beheer/gemeenten/toewijzen", data={"codes": gemeente.cbs_code, "volunteer": ""})
    db.session.refresh(gemeente)
    assert gemeente.volunteer is None


def test_a_full_outbox_is_no_server_error(app, client, login, admin, volunteer):
    outbox = app.instance_path + "/outbox"
    import os

    os.makedirs(outbox, exist_ok=True)
    os.chmod(outbox, 0o500)
    try:
        if os.access(outbox, os.W_OK):  # root writes anywhere: make the folder a file instead
            os.chmod(outbox, 0o700)
            os.rmdir(outbox)
            open(outbox, "w").close()
        reset = client.post("/wachtwoord-vergeten", data={"email": volunteer.email})
        assert reset.status_code == 302
        login(admin)
        invite = client.post(
            "/beheer/gebruikers",
            data={"name": "Nieuwe", "email": "nieuw@example.org", "role": "vrijwilliger"},
        )
        assert invite.status_code == 400
        assert "kon niet worden verstuurd" in invite.get_data(as_text=True)
        assert db.session.scalar(select(User).where(User.email == "nieuw@example.org")) is None
    finally:
        if os.path.isdir(outbox):
            os.chmod(outbox, 0o700)


def test_instance_files_are_private(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("MOTIETRACKER_INSTANCE_PATH", str(tmp_path / "fresh"))
    app = make_app(SQLALCHEMY_DATABASE_URI="sqlite:///motietracker.sqlite")
    with app.app_context():
        db.create_all()
        from campaign.mailer import build_message, send

        delivered = send(build_message("a@example.org", "Onderwerp", "Tekst"))
        db.engine.dispose()
    instance = tmp_path / "fresh"
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
    assert stat.S_IMODE((instance / "motietracker.sqlite").stat().st_mode) == 0o600
    from pathlib import Path

    assert stat.S_IMODE(Path(delivered).stat().st_mode) == 0o600
