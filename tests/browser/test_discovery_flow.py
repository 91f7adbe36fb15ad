"""The nightly search finds the motion in Houten's records; a volunteer checks the lead and
accepts it; the public page shows the adoption with the link to the council record."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from campaign.discovery.client import OpenBesluitvormingClient
from campaign.discovery.runs import RunOptions
from campaign.discovery.searching import run_discovery
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from tests.conftest import PASSWORD
from tests.discovery.council_world import HOUTEN_RECORD_URL, populate_council_records
from tests.discovery.fake_server import FakeOpenBesluitvorming, FakeTime, running

pytestmark = pytest.mark.browser


@pytest.fixture
def found_in_houten(seeded, make_fractie):
    houten = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0321"))
    # Houten's council of 2022-2026 comes from the register; the record names one more party.
    make_fractie(houten, "Partij ITH", seats=3)
    time = FakeTime()
    fake = FakeOpenBesluitvorming(clock=time.monotonic)
    populate_council_records(fake)
    for api in running(fake):
        with OpenBesluitvormingClient(
            api.url, sleep=time.sleep, clock=time.monotonic, now=time.now
        ) as client:
            run_discovery(client, RunOptions(since=date(2021, 1, 1)))


def test_a_lead_accepted_shows_on_the_public_page(
    page: Page, live_server, found_in_houten, volunteer, screenshot
):
    page.goto(live_server + "/login")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("navigation", name="Beheer").get_by_role("link", name="Vondsten").click()

    lead = page.get_by_role("article", name="M12 Pleidooi voor gewortelde kinderen")
    expect(lead.get_by_text("9 voor, 4 tegen")).to_be_visible()
    expect(lead.get_by_role("link", name="Het raadsstuk")).to_have_attribute(
        "href", HOUTEN_RECORD_URL
    )
    literal = page.get_by_text("Brief KinderpardonNU <b>gewortelde</b> kinderen").first
    expect(literal).to_be_visible()
    screenshot("discovery-leads-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("discovery-leads-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    expect(lead.get_by_label("Vastleggen als")).to_have_value("nieuw")
    lead.get_by_role("button", name="Accepteren en vastleggen").click()
    expect(page.get_by_text("Vondst vastgelegd: Houten staat nu op aangenomen.")).to_be_visible()
    page.get_by_role("link", name="Vastgelegd (1)").click()
    expect(page.get_by_text("door Vera Vrijwilliger")).to_be_visible()
    page.goto(live_server + "/beheer/gemeenten/houten")
    expect(page.get_by_role("heading", name="Raadsinformatie en vondsten")).to_be_visible()
    screenshot("discovery-workspace-houten")
    page.get_by_role("button", name="Uitloggen").click()

    page.goto(live_server + "/gemeente/houten")
    # April 2025: the council of 2022-2026, before the one in office now.
    expect(
        page.get_by_text("De vorige gemeenteraad (2022-2026) heeft de motie aangenomen.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Raadsbesluit", exact=True)).to_have_attribute(
        "href", HOUTEN_RECORD_URL
    )
    expect(page.get_by_text("Bron: Open Besluitvorming, Houten")).to_be_visible()
    screenshot("discovery-public-houten")
    page.goto(live_server + "/")
    expect(page.locator('svg.nl-map a[aria-label="Houten: aangenomen"]')).to_have_count(1)
