"""A live server on loopback, for the checkers that talk HTTP (schemathesis' command line)."""

from tests.browser.conftest import live_server  # noqa: F401
