"""A raadslid goes from the home page to a filled-in motion for their gemeente, no account."""

import io
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_raadslid_downloads_the_motion_for_their_gemeente(
    page: Page, live_server, seeded, screenshot
):
    page.goto(live_server + "/")
    page.get_by_label("Zoek uw gemeente").fill("den bosch")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Download de motie voor 's-Hertogenbosch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Download de motie voor 's-Hertogenbosch"
    )

    page.get_by_label("Datum van de raadsvergadering").fill("2026-03-12")
    page.get_by_label("Fracties").fill("GroenLinks, D66")
    page.get_by_label("Raadsleden die ondertekenen").fill("Anna Bakker\nJan de Wit")
    page.get_by_label("Er is noodopvang in 's-Hertogenbosch").check()

    preview = page.locator(".paper")
    expect(preview).to_contain_text("'s-Hertogenbosch, donderdag 12 maart 2026")
    expect(preview).to_contain_text("Ingediend door de fracties van GroenLinks en D66")
    expect(preview).to_contain_text("in overleg met het COA")
    screenshot("motie-s-hertogenbosch")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als Word (.docx)").click()
    download = download_info.value
    assert (
        download.suggested_filename == "motie-gewortelde-kinderen-s-hertogenbosch-2026-03-12.docx"
    )
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Jan de Wit" in text and "COA" in text
