"""With CSRF protection on (as in production), a form post without its token is refused."""

import re

import pytest

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from tests.conftest import PASSWORD

pytestmark = pytest.mark.csrf


def token_from(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_login_without_a_token_is_refused(client, volunteer):
    response = client.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "Dit formulier is verlopen of onvolledig verstuurd." in response.get_data(as_text=True)


def test_a_change_without_a_token_is_refused_and_changes_nothing(client, volunteer, make_gemeente):
    gemeente = make_gemeente("Teststad")
    token = token_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"email": volunteer.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302

    refused = client.post(f"/beheer/gemeenten/{gemeente.slug}/claim")
    assert refused.status_code == 400
    assert db.session.get(Gemeente, gemeente.id).volunteer is None

    page = client.get(f"/beheer/gemeenten/{gemeente.slug}").get_data(as_text=True)
    accepted = client.post(
        f"/beheer/gemeenten/{gemeente.slug}/claim", data={"csrf_token": token_from(page)}
    )
    assert accepted.status_code == 302
    db.session.expire_all()
    assert db.session.get(Gemeente, gemeente.id).volunteer_id == volunteer.id
