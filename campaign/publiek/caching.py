"""Conditional responses for public pages: an ETag from what the page shows, 304 when unchanged.

Only anonymous visitors without pending messages get shared-cacheable pages; logged-in users
see their name in the header, so their pages are private.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version

from flask import Response, make_response, request, session
from flask.typing import ResponseReturnValue
from flask_login import current_user

try:
    RELEASE = version("motietracker")
except PackageNotFoundError:  # running from a source tree that was never installed
    RELEASE = "source"


def conditional(
    seed: str,
    make: Callable[[], ResponseReturnValue],
    last_modified: datetime | None = None,
    max_age: int = 60,
) -> Response:
    if current_user.is_authenticated or session.get("_flashes"):
        response = make_response(make())
        response.headers["Cache-Control"] = "private, no-cache"
        response.vary.add("Cookie")
        return response
    etag = hashlib.sha256(
        f"{RELEASE}:{request.path}:{request.query_string!r}:{seed}".encode()
    ).hexdigest()[:32]
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = make_response(make())
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = last_modified
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    response.vary.add("Cookie")
    return response
