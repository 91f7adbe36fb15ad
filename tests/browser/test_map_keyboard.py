"""The home page map with a keyboard: skipped in one step, a focus ring on every fill, and a
tooltip that screen readers do not read a second time."""

import pytest
from playwright.sync_api import Page, expect

from campaign.gemeenten.models import CampaignStatus
from campaign.kaart.render import STYLES
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


def relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


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
    # Whatever a gemeente's colour, one of the ring's two colours stands out against it
    # (WCAG 1.4.11 asks 3:1 for what shows focus).
    for status in CampaignStatus:
        fill = STYLES[status].fill
        assert max(contrast(fill, "#ffffff"), contrast(fill, "#000000")) >= 4.5, status

    page.keyboard.press("Tab")
    assert focused(page) != "Amersfoort: aangenomen"
    assert ring.locator("path.line").get_attribute("d") != amersfoort.locator("path").get_attribute(
        "d"
    )
