"""The home page map with a keyboard: skipped in one step, a focus ring on every fill, and a
tooltip that screen readers do not read a second time."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.getAttribute('aria-label') || e.textContent).trim(); }"
    )


def focus_is_in_the_map(page: Page) -> bool:
    return page.evaluate("() => !!document.activeElement.closest('svg.nl-map')")


def test_the_map_can_be_skipped_with_one_link(page: Page, live_server, seeded):
    page.goto(live_server + "/")
    presses = 0
    while focused(page) != "Sla de kaart over":
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 15, f"no skip link before the map; focus is on {focused(page)!r}"
    expect(page.get_by_role("link", name="Sla de kaart over")).to_be_visible()

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")

    assert not focus_is_in_the_map(page)
    assert focused(page) == "SVG"  # the map's download link, right after it


def test_the_tooltip_is_not_announced_again(page: Page, live_server, seeded):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Amersfoort: aangenomen").first.focus()
    tip = page.locator(".map-tip")
    expect(tip).to_have_text("Amersfoort: aangenomen")
    assert tip.get_attribute("aria-hidden") == "true"
    live = page.locator(".map-frame [role=status], .map-frame [role=alert], .map-frame [aria-live]")
    expect(live).to_have_count(0)


def test_the_focus_ring_shows_on_every_fill(page: Page, live_server, seeded):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Sla de kaart over").focus()
    page.keyboard.press("Tab")  # the first gemeente, by keyboard: focus-visible
    page.keyboard.press("Shift+Tab")
    amersfoort = page.locator('svg.nl-map a[aria-label="Amersfoort: aangenomen"]')
    amersfoort.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "Amersfoort: aangenomen"

    ring = page.locator("svg.nl-map > g.focus-ring")
    expect(ring).to_have_count(1)
    # Drawn last, over the neighbours, along Amersfoort's own outline.
    assert page.evaluate(
        "() => document.querySelector('svg.nl-map').lastElementChild.matches('g.focus-ring')"
    )
    assert ring.locator("path.line").get_attribute("d") == amersfoort.locator("path").get_attribute(
        "d"
    )
    colours = page.evaluate(
        "() => [...document.querySelectorAll('g.focus-ring path')].map("
        "p => getComputedStyle(p).stroke)"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    box = amersfoort.bounding_box()
    ARTIFACTS.mkdir(exist_ok=True)
    margin = 30
    page.screenshot(
        path=str(ARTIFACTS / "kaart-focus-amersfoort.png"),
        clip={
            "x": box["x"] - margin,
            "y": box["y"] - margin,
            "width": box["width"] + 2 * margin,
            "height": box["height"] + 2 * margin,
        },
    )
    # The ring is white with a black line in it: against any fill one of the two has at least
    # 4.58:1 (the better of black and white never falls below that), above the 3:1 that WCAG
    # 1.4.11 asks for what shows focus.

    page.keyboard.press("Tab")
    assert focused(page) != "Amersfoort: aangenomen"
    assert ring.locator("path.line").get_attribute("d") != amersfoort.locator("path").get_attribute(
        "d"
    )
