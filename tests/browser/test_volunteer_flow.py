"""A volunteer's day in a real browser: claim, log a contact, record a motion and its adoption."""

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_volunteer_claims_logs_a_contact_and_records_an_adoption(
    page: Page, live_server, seeded, volunteer, screenshot
):
    page.goto(live_server + "/beheer/")
    expect(page).to_have_url(live_server + "/login?next=/beheer/")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Goedendag, Vera Vrijwilliger")).to_be_visible()

    page.goto(live_server + "/beheer/gemeenten/?q=zeist")
    page.get_by_role("link", name="Zeist").click()
    page.get_by_role("button", name="Claim deze gemeente").click()
    expect(page.get_by_text("Je hebt Zeist geclaimd.")).to_be_visible()

    page.get_by_label("Met wie").fill("griffie")
    page.get_by_label("Samenvatting").fill("Oproep en voorbeeldmotie gemaild")
    page.get_by_label("Opvolgen op").fill("2026-12-01")
    page.get_by_role("button", name="Contact opslaan").click()
    expect(page.get_by_text("Het contact is vastgelegd.")).to_be_visible()
    expect(page.locator(".summary .status")).to_have_text("oproep verstuurd")

    # Zeist's council of 2026-2030 is known from the register: no fracties to type.
    fracties = page.locator("#fracties table")
    expect(fracties).to_contain_text("GroenLinks-PvdA")
    expect(fracties.get_by_role("row", name="VVD")).to_contain_text("register")

    page.get_by_role("link", name="Motie vastleggen").click()
    page.get_by_label("Titel").fill("Pleidooi voor gewortelde kinderen")
    page.get_by_label("Ingediend op").fill("2026-11-12")
    page.get_by_role("checkbox", name="GroenLinks-PvdA (2026-2030)").check()
    page.get_by_role("button", name="Motie opslaan").click()
    expect(page.locator(".summary .status")).to_have_text("motie ingediend")

    page.get_by_role("link", name="Pleidooi voor gewortelde kinderen").click()
    page.get_by_label("Gestemd op").fill("2026-11-19")
    page.get_by_label("Uitslag").select_option("aangenomen")
    page.get_by_label("Stemmen voor").fill("12")
    page.get_by_label("Stemmen tegen").fill("6")
    page.get_by_label("Stem van GroenLinks-PvdA (2026-2030)").select_option("voor")
    page.get_by_label("Stem van D66 (2026-2030)").select_option("voor")
    page.get_by_label("Stem van VVD (2026-2030)").select_option("tegen")
    page.get_by_role("button", name="Motie opslaan").click()
    expect(
        page.get_by_text("De motie is opgeslagen. Zeist staat nu op aangenomen.")
    ).to_be_visible()
    screenshot("werkplek-zeist")

    page.get_by_role("link", name="Beheer").click()
    expect(page.locator("table.counts tr", has_text="aangenomen")).to_contain_text("11")
    expect(page.get_by_role("list").filter(has_text="Zeist").first).to_be_visible()
    screenshot("dashboard")

    api = page.request.get(live_server + "/api/v1/gemeenten/zeist").json()
    assert api["status"] == "aangenomen"
    assert api["moties"][0]["indieners"] == ["GroenLinks-PvdA"]
    assert {v["fractie"]: v["vote"] for v in api["moties"][0]["votes"] if v["recorded"]} == {
        "GroenLinks-PvdA": "voor",
        "D66": "voor",
        "VVD": "tegen",
    }
    assert api["moties"][0]["raadsperiode"] == "2026-2030"
    assert api["status_since"] == "2026-11-19"
