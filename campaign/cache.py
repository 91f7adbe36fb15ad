"""A small per-process cache of rendered output (pages, maps, images), keyed by data version.

Keys include a version derived from the database, so a stale entry is never served: when the
data changes the key changes, and old entries simply age out. Nothing in it needs sharing
between processes; each worker renders a page once per data version.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app


class RenderCache:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, ...], Any] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> Any:
        if key in self.items:
            self.items.move_to_end(key)
        return self.items.get(key)

    def put(self, key: tuple[str, ...], value: Any) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)

    def get_or_make(self, key: tuple[str, ...], make: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value


def init_render_cache(app: Flask) -> None:
    app.extensions["render_cache"] = RenderCache()


def render_cache() -> RenderCache:
    cache: RenderCache = current_app.extensions["render_cache"]
    return cache
