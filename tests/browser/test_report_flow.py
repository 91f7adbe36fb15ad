"""A griffier reports an adoption; a volunteer accepts it; the public page and map follow."""

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_report_accept_and_the_map_changes(page: Page, live_server, seeded, volunteer):
    page.goto(live_server + "/gemeente/zeist")
    page.get_by_role("main").get_by_role("link", name="Meld een motie of stemming").click()
    expect(page.get_by_label("Gemeente")).to_have_value("zeist")
    page.get_by_label("De motie is aangenomen").check()
    page.get_by_label("Datum (van indiening of stemming)").fill("2026-11-19")
    page.get_by_label("Stemmen voor").fill("20")
    page.get_by_label("Stemmen tegen").fill("7")
    page.get_by_label("Uw naam").fill("Griet Griffier")
    page.get_by_label("U bent").select_option("griffier")
    page.get_by_label("Uw e-mailadres").fill("griet@zeist.example")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", name="Bedankt voor uw melding")).to_be_visible()

    page.goto(live_server + "/login")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="1 nieuwe melding van gemeenten").click()
    page.get_by_role("button", name="Accepteren en vastleggen").click()
    expect(page.get_by_text("Melding verwerkt: Zeist staat nu op aangenomen.")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    page.goto(live_server + "/gemeente/zeist")
    expect(page.get_by_text("De gemeenteraad heeft de motie aangenomen.")).to_be_visible()
    page.goto(live_server + "/")
    expect(page.locator('svg.nl-map a[aria-label="Zeist: aangenomen"]')).to_have_count(1)
