"""Everything under /beheer needs a login; admin pages answer 403 to volunteers."""

import pytest

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente

ADMIN_ONLY = {
    "/beheer/gebruikers",
    "/beheer/gebruikers/1",
    "/beheer/import",
    "/beheer/import/bevestigen",
    "/beheer/teksten/motie",
    "/beheer/teksten/motie/1",
    "/beheer/teksten/oproep",
    "/beheer/teksten/achtergrond",
    "/beheer/teksten/oproep/1",
    "/beheer/vondsten/zoektermen",
    "/beheer/vondsten/zoektermen/1/verwijderen",
}


def beheer_urls(app, gemeente):
    values = {
        "slug": gemeente.slug,
        "fractie_id": 1,
        "person_id": 1,
        "entry_id": 1,
        "motie_id": 1,
        "user_id": 1,
        "number": 1,
        "batch_id": 1,
        "message_id": 1,
        "report_id": 1,
        "lead_id": 1,
        "term_id": 1,
        "fact_id": 1,
    }
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/beheer"):
            path = rule.rule
            for name, value in values.items():
                path = path.replace(f"<{name}>", str(value)).replace(f"<int:{name}>", str(value))
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, path


def test_every_beheer_url_sends_anonymous_visitors_to_login(app, client, make_gemeente):
    gemeente = make_gemeente("Teststad")
    urls = list(beheer_urls(app, gemeente))
    assert len(urls) >= 20
    for method, path in urls:
        response = client.open(path, method=method)
        assert response.status_code == 302, (method, path)
        assert response.headers["Location"].startswith("/login"), (method, path)
    assert db.session.get(Gemeente, gemeente.id).volunteer is None


@pytest.mark.parametrize("path", sorted(ADMIN_ONLY))
def test_a_volunteer_gets_403_on_admin_pages(client, volunteer, login, path):
    login(volunteer)
    for method in ("GET", "POST"):
        response = client.open(path, method=method)
        if response.status_code == 405:
            continue
        assert response.status_code == 403, (method, path)
        assert "Alleen beheerders mogen dit doen." in response.get_data(as_text=True)


def test_an_admin_opens_the_admin_pages(client, admin, login):
    login(admin)
    assert client.get("/beheer/gebruikers").status_code == 200
    assert client.get("/beheer/import").status_code == 200
