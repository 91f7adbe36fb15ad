"""What every request and response passes: characters no database can store are refused at
the edge, and security headers go on every response.

The Content-Security-Policy allows only this site's own scripts, styles and images (no inline
scripts), and forbids framing, except for pages a view marks as frameable (the embeddable map).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, abort, current_app, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

# PostgreSQL text cannot hold NUL, and a lone surrogate is no character at all: both are refused
# at the edge, the same on every database, before anything is stored or looked up.
FORBIDDEN_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
FORBIDDEN_MESSAGE = (
    "Het verzoek bevat een teken dat niet is toegestaan (een NUL-teken of een losse "
    "surrogaat). Haal het weg en probeer het opnieuw."
)

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'; frame-ancestors {ancestors}"
)


def allow_framing() -> None:
    """Let partner sites show this page in an iframe."""
    g.frameable = True


def add_security_headers(response: Response) -> Response:
    frameable = g.get("frameable", False)
    response.headers.setdefault(
        "Content-Security-Policy", POLICY.format(ancestors="*" if frameable else "'none'")
    )
    if not frameable:
        response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if not current_app.debug:
        response.headers.setdefault(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
        )
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    return response


def forbid_framing() -> None:
    g.frameable = False


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _request_texts() -> Iterator[str]:
    """Every text a request carries: its path, query, form fields (not uploaded files), JSON."""
    yield request.path
    for key, values in request.args.lists():
        yield key
        yield from values
    if request.method in ("POST", "PUT", "PATCH"):
        for key, values in request.form.lists():
            yield key
            yield from values
        if request.is_json:
            try:
                yield from _json_strings(json.loads(request.get_data(as_text=True)))
            except ValueError:
                abort(400, description="Dit is geen geldige JSON.")


def refuse_forbidden_characters() -> None:
    if any(FORBIDDEN_CHARACTERS.search(text) for text in _request_texts()):
        abort(400, description=FORBIDDEN_MESSAGE)


def trust_proxies(app: Flask) -> None:
    """Behind PROXY_COUNT reverse proxies, take the client's address and scheme from their
    X-Forwarded-For/-Proto (rate limits count per visitor). Off by default: a header anyone can
    send is not believed unless a proxy is configured to overwrite it."""
    count = int(app.config["PROXY_COUNT"])
    if count < 0:
        raise ValueError("PROXY_COUNT must be 0 or more")
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)  # type: ignore[method-assign]


def register_security_headers(app: Flask) -> None:
    trust_proxies(app)
    app.before_request(refuse_forbidden_characters)
    app.before_request(forbid_framing)
    app.after_request(add_security_headers)
