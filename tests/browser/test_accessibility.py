"""Every page type through axe-core in Chromium: WCAG 2.1 A and AA, and axe's best practices.

The pages are fetched as their visitor sees them (`site_pages.PAGES`, with the same logins and
forms as the HTML check) and handed to Chromium at their own address on a live server, so
their style sheets and scripts load and run as on the site.
"""

from __future__ import annotations

import html
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Route

from tests.standards.site_pages import Fetched, fetch_all

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
DROPPED_HEADERS = {"content-length", "content-encoding", "transfer-encoding", "set-cookie"}


def serve(page: Page, live_server: str, item: Fetched) -> None:
    """Open `item` in the page at its own URL on the live server."""

    def fulfil(route: Route) -> None:
        if route.request.is_navigation_request():
            headers = {k: v for k, v in item.headers if k.lower() not in DROPPED_HEADERS}
            route.fulfill(status=item.page.status, headers=headers, body=item.html)
        else:
            route.continue_()

    page.route("**/*", fulfil)
    try:
        page.goto(live_server + item.url)
    finally:
        page.unroute("**/*", fulfil)


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        + (f" and {len(v['nodes']) - 5} more" if len(v["nodes"]) > 5 else "")
        for v in violations
    ]


def test_the_checker_finds_what_it_should(page: Page):
    page.set_content(
        '<html><body><p><input aria-invalid="None"></p><img src="x.png"></body></html>'
    )
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    found = {v["id"] for v in results.response["violations"]}
    assert {"aria-valid-attr-value", "image-alt", "html-has-lang", "label"} <= found


def test_every_page_type_passes_axe_core(app, seeded, make_user, page: Page, live_server):
    fetched = fetch_all(app, make_user)
    axe = Axe()
    problems = {}
    for item in fetched:
        serve(page, live_server, item)
        title = re.search(r"<title>(.*?)</title>", item.html, re.S)
        assert title and page.title() == html.unescape(title.group(1).strip()), item.page.name
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        if results.response["violations"]:
            problems[f"{item.page.name} ({item.url})"] = describe(results.response["violations"])
    assert problems == {}, "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )
