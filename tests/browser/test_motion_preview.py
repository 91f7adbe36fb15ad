"""The motion preview as Chromium lays it out, next to the PDF's layout tests in
tests/documents/test_motion_layout.py."""

import re

import pytest
from playwright.sync_api import Page

from campaign.seeding import seed_templates
from tests.conftest import SEED_DATA

pytestmark = pytest.mark.browser


@pytest.fixture
def gemeente(make_gemeente):
    seed_templates(SEED_DATA / "templates")
    return make_gemeente("Amersfoort", slug="amersfoort")


def test_every_line_of_a_clause_starts_at_the_same_indent_in_the_preview(
    page: Page, live_server, gemeente
):
    page.goto(f"{live_server}/gemeente/{gemeente.slug}/motie?noodopvang=1")
    # Per clause: where its text's first character starts, where the clause's box starts (all
    # further lines start there), and where its letter starts.
    starts = page.eval_on_selector_all(
        ".paper ol.lettered li",
        """items => items.map(item => {
            const text = item.lastChild;
            const offset = text.data.search(/\\S/);
            const range = document.createRange();
            range.setStart(text, offset);
            range.setEnd(text, offset + 1);
            const style = getComputedStyle(item);
            return {
                text: range.getBoundingClientRect().left,
                box: item.getBoundingClientRect().left + parseFloat(style.paddingLeft),
                letter: item.querySelector(".letter").getBoundingClientRect().left,
                copied: item.innerText.slice(0, 3),
            };
        })""",
    )
    assert len(starts) == 3 + 4 + 4 + 2
    for start in starts:
        assert abs(start["text"] - start["box"]) < 0.5, start
        assert start["letter"] < start["box"] - 10, start
        assert re.fullmatch(r"[a-f]\. ", start["copied"]), start
