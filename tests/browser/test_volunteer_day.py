"""A volunteer's day in Chromium: a contact with a follow-up next week shows on the dashboard
under the coming days with the gemeente now theirs, and the next morning's digest lists it."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from campaign.dates import today
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_a_follow_up_next_week_reaches_the_dashboard_and_the_morning_mail(
    page: Page, live_server, seeded, volunteer, runner, smtp_server, screenshot
):
    page.goto(live_server + "/login")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Niets gepland voor de komende 14 dagen.")).to_be_visible()

    page.goto(live_server + "/beheer/gemeenten/zeist")
    page.get_by_label("Kanaal").select_option("telefoon")
    page.get_by_label("Met wie").fill("griffie")
    page.get_by_label("Samenvatting").fill("Griffier belt terug over de agenda")
    next_week = today() + timedelta(days=7)
    page.get_by_label("Opvolgen op").fill(next_week.isoformat())
    expect(page.get_by_label("Claim deze gemeente voor mij")).to_be_checked()
    page.get_by_role("button", name="Contact opslaan").click()
    expect(page.get_by_text("Zeist is nu jouw gemeente.")).to_be_visible()

    page.get_by_role("link", name="Beheer", exact=True).click()
    coming = page.locator("section", has=page.get_by_role("heading", name="De komende 14 dagen"))
    expect(coming.get_by_role("heading", name="Jouw gemeenten (1)")).to_be_visible()
    expect(coming.get_by_text("Griffier belt terug over de agenda")).to_be_visible()
    mine = page.locator("section", has=page.get_by_role("heading", name="Jouw gemeenten (1)"))
    expect(page.get_by_role("heading", name="Jouw gemeenten (1)").first).to_be_visible()
    expect(mine.get_by_role("link", name="Zeist").first).to_be_visible()
    screenshot("dashboard-coming-days")

    tomorrow = today() + timedelta(days=1)
    result = runner.invoke(args=["digest", "send", "--date", tomorrow.isoformat()])
    assert "Sent 1 digests" in result.output, result.output
    (mail,) = smtp_server.parsed()
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "Deze week (1):" in text and "Zeist" in text
    assert "Griffier belt terug over de agenda" in text


def test_the_worklist_filters_fit_one_line_and_select_all_ticks_the_page(
    page: Page, live_server, seeded, volunteer
):
    page.goto(live_server + "/login")
    page.get_by_label("E-mailadres").fill(volunteer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server + "/beheer/gemeenten/?q=ut")
    groups = page.locator("form.filters > *").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().toJSON())"
    )
    # One row: every group starts above the bottom of every other (a second row would not).
    assert max(box["top"] for box in groups) < min(box["bottom"] for box in groups), groups
    page.get_by_label("Selecteer alle gemeenten op deze pagina").check()
    rows = page.locator("input[name=codes]")
    assert rows.count() == 7 and page.locator("input[name=codes]:checked").count() == 7
    page.get_by_label("Selecteer Utrecht", exact=True).uncheck()
    assert page.locator("input[data-select-all]").evaluate("box => box.indeterminate")
