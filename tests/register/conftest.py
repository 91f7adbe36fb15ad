"""Fixtures for loading register exports: a database with only the 342 gemeenten, exports as
files, and a local HTTP server on loopback that serves them (or misbehaves)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente, Raad
from campaign.gemeenten.provenance import GemeenteFact, RegisterSource
from campaign.seeding import seed_gemeenten
from tests.conftest import SEED_DATA


@pytest.fixture
def gemeenten(app: Any) -> None:
    """The 342 gemeenten of 2025 and nothing of the register yet."""
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")


def snapshot() -> dict[str, Any]:
    """Everything a load may change, to compare before and after."""
    tables = (Gemeente, Fractie, Raad, GemeenteFact, RegisterSource, AuditEntry)
    counts = {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in tables}
    versions = tuple(
        db.session.scalar(select(func.coalesce(func.sum(m.version_id), 0)))
        for m in (Gemeente, Fractie, Raad, GemeenteFact)
    )
    return {**counts, "versions": versions}


@pytest.fixture
def write_export(tmp_path: Path) -> Callable[[str, bytes], Path]:
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalServer:
    """A real HTTP server on 127.0.0.1 that answers each path as a test set it up."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.released = threading.Event()
        routes = self.routes
        released = self.released

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                route = routes.get(self.path, Route(404, b"not found"))
                if route.delay:
                    released.wait(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def serve(self, path: str, **route: Any) -> str:
        self.routes[path] = Route(**route)
        return self.url + path


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.server.shutdown()
        server.server.server_close()
