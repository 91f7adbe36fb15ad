"""Security headers on every response.

The Content-Security-Policy allows only this site's own scripts, styles and images (no inline
scripts), and forbids framing, except for pages a view marks as frameable (the embeddable map).
"""

from __future__ import annotations

from flask import Flask, Response, current_app, g

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


def register_security_headers(app: Flask) -> None:
    app.before_request(forbid_framing)
    app.after_request(add_security_headers)
