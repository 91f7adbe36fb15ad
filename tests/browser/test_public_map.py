"""The home page map in Chromium: drawn, linked, accessible (axe-core), and screenshotted."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_home_page_map_is_drawn_and_accessible(page: Page, live_server, seeded, screenshot):
    page.goto(live_server + "/")
    shapes = page.locator("svg.nl-map a.gemeente")
    expect(shapes).to_have_count(342)
    box = page.locator("svg.nl-map").bounding_box()
    assert box["width"] > 400 and box["height"] > 400
    screenshot("kaart-home")

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()

    amersfoort = page.get_by_role("link", name="Amersfoort: aangenomen").first
    amersfoort.focus()
    expect(page.locator(".map-tip")).to_have_text("Amersfoort: aangenomen")
    page.get_by_role("button", name="Inzoomen").click()
    assert page.locator("svg.nl-map").get_attribute("viewBox") != "0 0 800 " + page.locator(
        "svg.nl-map"
    ).get_attribute("height")
    amersfoort.click()
    expect(page).to_have_url(live_server + "/gemeente/amersfoort")
    expect(page.get_by_role("link", name="Download de motie voor Amersfoort")).to_be_visible()


def test_the_map_works_without_javascript(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.locator('svg.nl-map a[aria-label="Kampen: aangenomen"]').click()
    expect(page).to_have_url(live_server + "/gemeente/kampen")
    context.close()


def test_the_gemeente_page_is_accessible(page: Page, live_server, seeded):
    page.goto(live_server + "/gemeente/amersfoort")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
