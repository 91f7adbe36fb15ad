"""Static files under content-hashed names, served compressed and cached for good.

`url_for("static", filename="css/site.css")` gives `/static/css/site.3f2a1b4c5d6e.css`: the name
changes when the file does, so browsers may keep it a year without asking again (`immutable`).
A name without the current hash (an old page, a hand-typed link) still gets the file, for five
minutes. CSS, JavaScript and SVG go out gzip-compressed when the browser accepts it.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, current_app, request

HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{12})(?P<suffix>\.[A-Za-z0-9]+)$")
COMPRESSED_TYPES = ("text/css", "text/javascript", "application/javascript", "image/svg+xml")
YEAR = 365 * 24 * 3600


@dataclass(frozen=True)
class Asset:
    content_hash: str
    body: bytes
    compressed: bytes | None
    mimetype: str


class Assets:
    """The static folder's files, read once per change of their modification time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._files: dict[str, tuple[float, Asset]] = {}

    def get(self, name: str) -> Asset | None:
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            return None
        modified = path.stat().st_mtime
        known = self._files.get(name)
        if known is not None and known[0] == modified:
            return known[1]
        body = path.read_bytes()
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        compressed = (
            gzip.compress(body, compresslevel=9, mtime=0) if mimetype in COMPRESSED_TYPES else None
        )
        asset = Asset(hashlib.sha256(body).hexdigest()[:12], body, compressed, mimetype)
        self._files[name] = (modified, asset)
        return asset


def _assets() -> Assets:
    assets: Assets = current_app.extensions["assets"]
    return assets


def add_content_hash(endpoint: str, values: dict[str, Any]) -> None:
    """url_defaults: put the file's content hash in the name of every static URL."""
    if endpoint != "static" or "filename" not in values:
        return
    name = values["filename"]
    asset = _assets().get(name)
    if asset is not None:
        stem, dot, suffix = name.rpartition(".")
        values["filename"] = f"{stem}.{asset.content_hash}.{suffix}" if dot else name


def serve_static(filename: str) -> Response:
    match = HASHED_NAME.match(filename)
    name = f"{match['stem']}{match['suffix']}" if match else filename
    asset = _assets().get(name)
    if asset is None:
        abort(404)
    if "gzip" in request.accept_encodings and asset.compressed is not None:
        response = Response(asset.compressed, mimetype=asset.mimetype)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(asset.body, mimetype=asset.mimetype)
    response.vary.add("Accept-Encoding")
    if match and match["hash"] == asset.content_hash:
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = "public, max-age=300"
        response.set_etag(asset.content_hash)
        response.make_conditional(request)
    return response


def init_assets(app: Flask) -> None:
    assert app.static_folder is not None
    app.extensions["assets"] = Assets(Path(app.static_folder))
    app.url_defaults(add_content_hash)
    app.view_functions["static"] = serve_static
