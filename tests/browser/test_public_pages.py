"""A visitor finds their gemeente from the home page, by mouse or keyboard."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_visitor_searches_without_accents_and_finds_the_gemeente(
    page: Page, live_server, seeded, screenshot
):
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Motie Pleidooi voor gewortelde kinderen"
    )
    expect(page.get_by_text("Aangenomen in 10 gemeenten")).to_be_visible()
    screenshot("home")

    page.get_by_label("Zoek uw gemeente").fill("sudwest fryslan")
    page.get_by_role("button", name="Zoeken").click()

    expect(page).to_have_url(live_server + "/gemeente/sudwest-fryslan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Súdwest-Fryslân")
    screenshot("gemeente-gevonden")


def test_the_list_is_sortable_and_usable_with_the_keyboard(page: Page, live_server, seeded):
    page.goto(live_server + "/gemeenten?provincie=Limburg")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_be_focused()

    page.get_by_role("link", name="Status").click()
    page.get_by_role("link", name="Status").click()  # second click: descending

    expect(page.get_by_role("columnheader", name="Status")).to_have_attribute(
        "aria-sort", "descending"
    )
    expect(page.get_by_role("rowheader").first.get_by_role("link")).to_have_text("Beekdaelen")
