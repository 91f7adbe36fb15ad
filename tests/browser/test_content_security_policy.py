"""A script typed into a gemeente note never runs: it is shown as text, and even an inline
script that reached the page would be blocked by the Content-Security-Policy."""

import pytest
from playwright.sync_api import Page, expect

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__ingevoegd = 1</script>"


def test_csp_blocks_inline_script_and_the_page_still_works(
    page: Page, live_server, seeded, volunteer
):
    zeist = db.session.query(Gemeente).filter_by(slug="zeist").one()
    zeist.notes = SCRIPT
    db.session.commit()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto(live_server + "/login")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server + "/beheer/gemeenten/zeist")

    expect(page.get_by_label("Notities")).to_have_value(SCRIPT)
    assert page.evaluate("() => window.__ingevoegd") is None
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__ingevoegd = 2'; document.body.appendChild(s); }"""
    )
    assert page.evaluate("() => window.__ingevoegd") is None
    assert any("script-src 'self'" in text for text in violations), violations

    page.get_by_label("Samenvatting").fill("Gebeld, alles werkt nog")
    page.get_by_role("button", name="Contact opslaan").click()
    expect(page.get_by_text("Het contact is vastgelegd.")).to_be_visible()

    page.goto(live_server + "/")
    page.get_by_role("link", name="Zeist: oproep verstuurd").first.focus()
    expect(page.locator(".map-tip")).to_have_text("Zeist: oproep verstuurd")  # our script runs
