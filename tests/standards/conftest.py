"""The browser fixtures, for the accessibility checks in Chromium."""

from tests.browser.conftest import browser, live_server, page  # noqa: F401
