"""A per-process cache of rendered output (pages, maps), keyed by data version, bounded in bytes,
and conditional, cached HTTP answers built on it.

Keys include a version derived from the database, so a stale entry is never served: when the
data changes the key changes, and old entries age out, least recently used first, once the
cache holds more than RENDER_CACHE_BYTES. Concurrent requests for the same missing entry wait
for one render instead of each rendering it: after a change, a busy page is built once per
worker, not once per request.

`conditional` answers anonymous visitors by the data version of what they are shown: an ETag,
304 when the browser or proxy already has the answer, and otherwise the finished body from this
cache, rendered and gzip-compressed once per data version per worker (the home page shrinks
from 210 kB to 30 kB). Logged-in users see their name in the header, and a visitor with a
message waiting (after logging out, say) must see it, so their pages are rendered and private.
Nothing in a cached answer comes from the request's headers: links are built from SITE_URL,
and the key is the path, the query and the data version. Images that are kept on disk already
(the map's PNGs) get the ETag and 304 but are not held in memory too (`in_memory=False`).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import Flask, Response, current_app, make_response, request, session
from flask.typing import ResponseReturnValue
from flask_login import current_user

Key = tuple[Hashable, ...]


def size_of(value: Any) -> int:
    """Bytes an entry takes, roughly: its text and binary parts."""
    if isinstance(value, bytes | str):
        return len(value)
    if isinstance(value, tuple | list):
        return sum(size_of(item) for item in value)
    return 64


class RenderCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Key, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Key, threading.Lock] = {}

    def get(self, key: Key) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: Key, value: Any) -> None:
        size = size_of(value)
        if size > self.max_bytes:
            return  # larger than the whole cache: never kept
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped

    def get_or_make(self, key: Key, make: Callable[[], Any]) -> Any:
        """The entry, made once by the first caller while others for the same key wait."""
        value = self.get(key)
        if value is not None:
            return value
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        with making:
            value = self.get(key)
            if value is None:
                value = make()
                if value is not None:
                    self.put(key, value)
        with self._lock:
            if self._making.get(key) is making and not making.locked():
                del self._making[key]
        return value

    def __len__(self) -> int:
        return len(self._items)


def init_render_cache(app: Flask) -> None:
    app.extensions["render_cache"] = RenderCache(int(app.config["RENDER_CACHE_BYTES"]))


def render_cache() -> RenderCache:
    cache: RenderCache = current_app.extensions["render_cache"]
    return cache


try:
    RELEASE = version("motietracker")
except PackageNotFoundError:  # running from a source tree that was never installed
    RELEASE = "source"

KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-License")
Cached = tuple[bytes, bytes, list[tuple[str, str]]]


def conditional(
    make: Callable[[str], ResponseReturnValue],
    data_version: str,
    max_age: int = 60,
    personal: bool = True,
    in_memory: bool = True,
) -> Response:
    """Answer with `make(data_version)`, from cache or as 304 where that is safe.

    Pages with the site's header (`personal`) are private for logged-in users; API and
    open-data answers are the same for everyone. Images that `make` reads from their own
    cache on disk are not kept in memory too (`in_memory=False`): 342 share images would fill
    the cache of every worker and push the pages out.
    """
    if personal and (current_user.is_authenticated or session.get("_flashes")):
        response = make_response(make(data_version))
        response.headers["Cache-Control"] = "private, no-cache"
        response.vary.add("Cookie")
        return response
    key = f"{RELEASE}:{request.full_path}:{data_version}"
    etag = hashlib.sha256(key.encode()).hexdigest()[:32]
    if request.if_none_match.contains(etag):
        return _public(Response(status=304), etag, max_age, personal)
    if not in_memory:
        return _public(make_response(make(data_version)), etag, max_age, personal)
    refused: list[Response] = []

    def render() -> Cached | None:
        response = make_response(make(data_version))
        if response.status_code != 200 or response.is_streamed:
            refused.append(response)
            return None
        kept = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
        body = response.get_data()
        return body, gzip.compress(body, compresslevel=6, mtime=0), kept

    cached: Cached | None = render_cache().get_or_make(("page", etag), render)
    if cached is None:  # an error page (404, 400) is answered, never cached
        return _public(refused[0], etag, max_age, personal)
    body, compressed, headers = cached
    if "gzip" in request.accept_encodings:
        response = Response(compressed, headers=[*headers, ("Content-Encoding", "gzip")])
    else:
        response = Response(body, headers=headers)
    response.vary.add("Accept-Encoding")
    return _public(response, etag, max_age, personal)


def _public(response: Response, etag: str, max_age: int, personal: bool) -> Response:
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    if personal:
        response.vary.add("Cookie")
    return response
