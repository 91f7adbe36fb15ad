"""Absolute links from the configured site address, and redirect targets that stay on the site.

Nothing here reads the request's Host or X-Forwarded-* headers: a link in an e-mail, an embed
snippet or a cached page is built from SITE_URL alone, so no request can point it elsewhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import current_app


def site_url_builder() -> Callable[..., str]:
    """`site_url_for` bound once, for a page or file that links to hundreds of gemeenten."""
    site = urlsplit(current_app.config["SITE_URL"])
    adapter = current_app.url_map.bind(
        site.netloc, script_name=site.path or "/", url_scheme=site.scheme
    )

    def build(endpoint: str, **values: Any) -> str:
        return adapter.build(endpoint, values, force_external=True)

    return build


def site_url_for(endpoint: str, **values: Any) -> str:
    """The absolute URL of an endpoint on the site's public address (SITE_URL).

    Works inside and outside a request (CLI commands and background threads send mail too).
    """
    return site_url_builder()(endpoint, **values)


def site_host(site_url: str) -> str:
    """The host name of a site address, without port: what TRUSTED_HOSTS compares with."""
    hostname = urlsplit(site_url).hostname
    if not hostname:
        raise ValueError(f"SITE_URL has no host: {site_url!r}")
    return hostname


def check_site_url(site_url: str) -> str:
    """SITE_URL without a trailing slash; refuse anything that is not an http(s) address."""
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_URL must be an http(s) address, got {site_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"SITE_URL must not carry a query or fragment: {site_url!r}")
    return site_url.strip().rstrip("/")


def safe_redirect_target(target: str | None, default: str) -> str:
    """A `next` or `terug` value when it is a path on this site, else `default`.

    Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so
    `/\\t/evil.example` would become `//evil.example`, another site: any whitespace, control
    character or backslash disqualifies a target, as does a scheme or host.
    """
    if not target or "\\" in target:
        return default
    if any(char.isspace() or unicodedata.category(char) in ("Cc", "Cf") for char in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target
