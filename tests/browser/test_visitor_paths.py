"""The raadslid's and the visitor's paths, walked as a first-time visitor would, on a desktop
and on a phone: elements are found by their visible text, labels and roles, and every path
counts its page loads, so a detour (an extra list, a reload to see a preview) shows up.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente, current_raadsperiode
from campaign.reports.models import Report
from tests.browser.conftest import ARTIFACTS
from tests.publiek.test_visitor_paths import PUBLIC_PAGES as SITE_PAGES

pytestmark = pytest.mark.browser

# The pages with the site's menu, and the embedded map.
PUBLIC_PAGES = [*SITE_PAGES, "/embed/kaart"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}


@dataclass
class Visitor:
    """A browser tab of a first-time visitor, counting the pages it loads."""

    page: Page
    device: str
    base: str
    loads: int = 0

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def fits(self) -> None:
        """The page does not scroll sideways: nothing sticks out to the right."""
        width = self.page.viewport_size["width"]
        assert self.page.evaluate("document.documentElement.scrollWidth") <= width, self.page.url

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        width = self.page.viewport_size["width"]
        self.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


@pytest.fixture(params=list(DEVICES))
def visitor(request, browser: Browser, live_server: str) -> Iterator[Visitor]:
    context = browser.new_context(locale="nl-NL", accept_downloads=True, **DEVICES[request.param])
    page = context.new_page()
    visitor = Visitor(page, request.param, live_server)

    def loaded(_page: Page) -> None:
        visitor.loads += 1

    page.on("load", loaded)
    yield visitor
    context.close()


@pytest.fixture
def den_haag_council(seeded, make_fractie):
    gemeente = db.session.scalar(select(Gemeente).where(Gemeente.slug == "s-gravenhage"))
    for name in ("GroenLinks", "D66", "VVD"):
        make_fractie(gemeente, name, raadsperiode=current_raadsperiode(today()))
    return gemeente


def docx_paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(path.read_bytes())).paragraphs]


def test_a_raadslid_gets_the_filled_in_docx_on_the_first_try(visitor: Visitor, den_haag_council):
    page = visitor.page
    visitor.open("/")
    visitor.fits()
    search = page.get_by_label("Zoek uw gemeente")
    # On a phone the search comes before the map.
    assert search.bounding_box()["y"] < page.locator("svg.nl-map").bounding_box()["y"]
    search.fill("den haag")
    search.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("'s-Gravenhage (Den Haag)")
    visitor.fits()
    page.get_by_role("link", name="Download de motie voor 's-Gravenhage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Download de motie voor 's-Gravenhage"
    )
    visitor.fits()

    page.get_by_label("Datum van de raadsvergadering").fill("2026-12-10")
    page.get_by_label("GroenLinks").check()
    page.get_by_label("D66").check()
    page.get_by_label("Andere fracties").fill("PvdA")
    page.get_by_label("Raadsleden die ondertekenen").fill("Anna Bakker\nJan de Wit")
    # The preview follows the form, without a button and without leaving the page.
    preview = page.locator(".paper")
    expect(preview).to_contain_text("'s-Gravenhage, donderdag 10 december 2026")
    expect(preview).to_contain_text("Ingediend door de fracties van D66, GroenLinks en PvdA")
    expect(page.get_by_role("button", name="Voorbeeld bijwerken")).to_be_hidden()
    visitor.shot(f"pad-motie-{visitor.device}")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als Word (.docx)").click()
    download = download_info.value
    assert download.suggested_filename == "motie-gewortelde-kinderen-s-gravenhage-2026-12-10.docx"
    paragraphs = docx_paragraphs(Path(download.path()))
    assert "'s-Gravenhage, donderdag 10 december 2026" in paragraphs
    assert "Ingediend door de fracties van D66, GroenLinks en PvdA" in paragraphs
    assert "Jan de Wit" in paragraphs
    # Home, the gemeente, the motion page: the download and the preview load no page.
    assert visitor.loads == 3


def test_without_javascript_the_downloads_carry_the_form_too(
    browser: Browser, live_server, den_haag_council
):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True, **PHONE)
    page = context.new_page()
    page.goto(live_server + "/gemeente/s-gravenhage/motie")
    page.get_by_label("Datum van de raadsvergadering").fill("2026-12-10")
    page.get_by_label("VVD").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als Word (.docx)").click()
    paragraphs = docx_paragraphs(Path(download_info.value.path()))
    assert "'s-Gravenhage, donderdag 10 december 2026" in paragraphs
    assert "Ingediend door de fractie van VVD" in paragraphs

    page.get_by_role("button", name="Voorbeeld bijwerken").click()
    expect(page.locator(".paper")).to_contain_text("Ingediend door de fractie van VVD")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als pdf").click()
    assert download_info.value.suggested_filename.endswith("-2026-12-10.pdf")
    context.close()


def test_a_visitor_finds_a_gemeentes_status_despite_a_typo(visitor: Visitor, seeded):
    page = visitor.page
    visitor.open("/")
    page.get_by_label("Zoek uw gemeente").fill("amersfort")
    page.get_by_role("button", name="Zoeken").click()

    expect(page.get_by_text("Bedoelde u")).to_be_visible()
    visitor.fits()
    page.get_by_role("link", name="Amersfoort", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Amersfoort")
    expect(
        page.get_by_text("De vorige gemeenteraad (2022-2026) heeft de motie aangenomen.")
    ).to_be_visible()
    expect(page.get_by_text("26 voor")).to_be_visible()
    visitor.fits()
    visitor.shot(f"pad-status-{visitor.device}")
    # The crumbs lead back to the list.
    expect(
        page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Alle gemeenten")
    ).to_be_visible()
    assert visitor.loads == 3


def test_a_visitor_chooses_a_gemeente_from_the_list_under_the_map(visitor: Visitor, seeded):
    page = visitor.page
    visitor.open("/")
    page.get_by_label("Kies uw gemeente uit de lijst").select_option("'s-Hertogenbosch")
    page.get_by_role("button", name="Bekijk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("'s-Hertogenbosch (Den Bosch)")
    assert visitor.loads == 2


def test_from_a_gemeente_page_to_a_submitted_report(visitor: Visitor, seeded):
    page = visitor.page
    visitor.open("/gemeente/zeist")
    visitor.fits()
    page.get_by_role("main").get_by_role("link", name="Meld een motie of stemming").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Meld een motie of stemming")
    expect(page.get_by_label("Gemeente")).to_have_value("zeist")
    visitor.fits()
    page.get_by_label("De motie is ingediend").check()
    page.get_by_label("Datum (van indiening of stemming)").fill("2026-11-19")
    page.get_by_label("Uw naam").fill("Rik Raadslid")
    page.get_by_label("U bent").select_option("raadslid")
    page.get_by_label("Uw e-mailadres").fill("rik@zeist.example")
    page.get_by_role("button", name="Melding versturen").click()

    expect(page.get_by_role("heading", name="Bedankt voor uw melding")).to_be_visible()
    visitor.fits()
    assert visitor.loads == 3
    report = db.session.scalars(select(Report)).one()
    assert (report.gemeente.slug, report.reporter_name) == ("zeist", "Rik Raadslid")


@pytest.mark.parametrize("width", [390, 320])
def test_no_public_page_scrolls_sideways_on_a_phone(browser: Browser, live_server, seeded, width):
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 800}})
    page = context.new_page()
    for path in PUBLIC_PAGES:
        page.goto(live_server + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} is {scroll_width} px wide"
    # The whole menu is on the screen, "Inloggen" too.
    page.goto(live_server + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.bounding_box()["x"] + menu.bounding_box()["width"] <= width
    login = menu.get_by_role("link", name="Inloggen")
    box = login.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    context.close()


# Links inside a sentence are exempt (WCAG 2.5.8), and so are the map's shapes, which have the
# list under the map as their equivalent.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a, button, input:not([type=hidden]), select, textarea, summary')]
  .filter(e => !e.closest('svg') && !e.closest('.honeypot') && e.getClientRects().length)
  .filter(e => !(e.tagName === 'A' && e.closest('p, dd, figcaption')
                 && !e.classList.contains('button')))
  .map(e => { const r = e.getBoundingClientRect();
              return [e.tagName, (e.textContent || e.name || '').trim().slice(0, 40),
                      Math.round(r.width), Math.round(r.height)]; })
  .filter(([tag, name, width, height]) => width < 24 || height < 24)"""


def test_targets_are_at_least_24_px_on_a_phone(browser: Browser, live_server, seeded):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for path in PUBLIC_PAGES:
        page.goto(live_server + path)
        assert page.evaluate(SMALL_TARGETS) == [], path
    context.close()


def test_a_swipe_over_the_map_scrolls_the_page(browser: Browser, live_server, seeded):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(live_server + "/")
    page.evaluate(
        "window.scrollTo(0, document.querySelector('svg.nl-map').getBoundingClientRect().top - 80)"
    )
    start = page.evaluate("window.scrollY")
    box = page.locator("svg.nl-map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    touch = context.new_cdp_session(page)
    touch.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
    )
    for step in range(1, 11):
        point = {"x": x, "y": y - 25 * step}
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function(f"window.scrollY > {start} + 150")
    context.close()


def test_the_zoom_buttons_leave_the_whole_map_in_view(page: Page, live_server, seeded):
    page.goto(live_server + "/")
    map_box = page.locator("svg.nl-map").bounding_box()
    for name in ("Inzoomen", "Uitzoomen", "Hele kaart"):
        button = page.get_by_role("button", name=name).bounding_box()
        assert button["y"] + button["height"] <= map_box["y"], name
        assert button["width"] >= 24 and button["height"] >= 24
