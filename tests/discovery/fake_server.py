"""A local stand-in for Open Besluitvorming's API: a real HTTP server on loopback.

It answers /api/status, /api/sources, /api/search and /api/entities/{id} in the shapes API.md
documents, from data a test puts in, with the documented rate limit (a token bucket on the
test's fake clock, `RateLimit-*` headers on every answer, 429 with `Retry-After` and the
documented body) and the documented validation (400 for an unknown organization, entityType or
a bad limit/offset; 404 for an unknown entity). A test can also queue one-off answers per path
(a 429, a 500, a slow or broken body) and read back every request that arrived.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.discovery import fake_answers
from tests.discovery.fake_answers import (
    TYPE_LABELS,
    Answer,
    dutch_date,
    rate_limited_answer,
    search_answer,
)


class FakeTime:
    """A clock that moves only when someone sleeps on it, shared by client and server."""

    def __init__(self, start: datetime = datetime(2026, 8, 16, 9, 0, tzinfo=UTC)) -> None:
        self.start = start
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.elapsed

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    raw_path: str
    params: dict[str, str]
    headers: dict[str, str]


class Bucket:
    """The API's token bucket: 60 units, refilling continuously on the given clock."""

    def __init__(self, clock: Callable[[], float], limit: int = 60) -> None:
        self.clock = clock
        self.limit = limit
        self.tokens = float(limit)
        self.updated = clock()

    def consume(self, cost: float) -> tuple[bool, dict[str, str]]:
        now = self.clock()
        rate = self.limit / 60
        self.tokens = min(self.limit, self.tokens + (now - self.updated) * rate)
        self.updated = now
        allowed = self.tokens >= cost
        if allowed:
            self.tokens -= cost
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, math.floor(self.tokens))),
            "RateLimit-Reset": str(math.ceil((self.limit - self.tokens) / rate)),
        }
        if not allowed:
            headers["Retry-After"] = str(max(1, math.ceil((cost - self.tokens) / rate)))
        return allowed, headers


class FakeOpenBesluitvorming:
    """The API's state: sources with their import status, entities, queued answers, a log."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.statuses: dict[str, dict[str, Any]] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        self.suppliers: list[dict[str, Any]] = []
        self.requests: list[LoggedRequest] = []
        self.bucket = Bucket(clock)
        # How many matches one search scans at most (the API's 6,000 index rows); None: all.
        self.scan_limit: int | None = None
        self._queued: dict[str, deque[Answer]] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "the fake API is not running"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add_source(self, key: str, label: str, state: str, **fields: Any) -> dict[str, Any]:
        """Add an organisation; `fields` are further `/api/status` fields (`cbsId`, ...)."""
        entry = {
            "sourceKey": key,
            "sourceRef": f"{fields.get('supplier', 'ibabs')}:gemeente:{key}",
            "label": label,
            "supplier": "ibabs",
            "organizationType": "gemeente",
            "state": state,
            **fields,
        }
        self.statuses[key] = entry
        return entry

    def add_entity(self, body: dict[str, Any]) -> dict[str, Any]:
        """Add an entity as `/api/entities/{id}` returns it; it becomes searchable too."""
        body.setdefault("entityTypeLabel", TYPE_LABELS.get(body["entityType"], "Resultaat"))
        body.setdefault("date", dutch_date(body.get("sortDate")))
        self.entities[body["entityId"]] = body
        return body

    def queue(self, path: str, *answers: Answer) -> None:
        """Answer the next requests to `path` (decoded, without query) with `answers`."""
        with self._lock:
            self._queued.setdefault(path, deque()).extend(answers)

    def requests_to(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def answer(self, path: str, params: Mapping[str, str]) -> Answer:
        """What the API would say to a GET of `path` with `params`."""
        with self._lock:
            cost = fake_answers.cost(path, params)
            queued = self._queued.get(path)
            if queued:
                # Like the API, a 429 costs nothing and anything else costs its units.
                answer = queued.popleft()
                _, headers = self.bucket.consume(0 if answer.status == 429 else cost)
                headers.pop("Retry-After", None)
                return Answer(
                    answer.status,
                    answer.body,
                    {**headers, **answer.headers},
                    answer.raw,
                    answer.content_type,
                    answer.delay,
                    answer.gate,
                    answer.arrived,
                )
            allowed, headers = self.bucket.consume(cost)
            if not allowed:
                answer = rate_limited_answer(headers["Retry-After"])
            else:
                answer = self._route(path, params)
            answer.headers = {**headers, **answer.headers}
            return answer

    def _route(self, path: str, params: Mapping[str, str]) -> Answer:
        if path == "/api/status":
            return Answer(200, self.status_body(), headers={"Cache-Control": "public, max-age=600"})
        if path == "/api/sources":
            return Answer(200, {"sources": self.sources_body(params.get("implemented") == "true")})
        if path == "/api/search":
            return search_answer(self.entities.values(), self.statuses, params, self.scan_limit)
        if path.startswith("/api/entities/"):
            entity = self.entities.get(path.removeprefix("/api/entities/"))
            if entity is None:
                return Answer(404, {"error": "Resultaat niet gevonden"})
            return Answer(200, entity)
        return Answer(404, {"error": "Niet gevonden"})

    def status_body(self) -> dict[str, Any]:
        sources = sorted(self.statuses.values(), key=lambda source: source["label"])
        return {
            "generatedAt": "2026-08-16T09:00:00.000Z",
            "windowHours": 36,
            "indexActivityAvailable": True,
            "suppliers": self.suppliers,
            "sources": sources,
        }

    def sources_body(self, implemented_only: bool) -> list[dict[str, Any]]:
        sources = [
            {
                "key": status["sourceKey"],
                "sourceRef": status["sourceRef"],
                "label": status["label"],
                "supplier": status["supplier"],
                "organizationType": status["organizationType"],
                "implemented": status["state"] != "not_implemented",
            }
            for status in self.statuses.values()
        ]
        return [source for source in sources if source["implemented"] or not implemented_only]


def _handler_for(fake: FakeOpenBesluitvorming) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            with fake._lock:
                fake.requests.append(
                    LoggedRequest("GET", path, parts.path, params, dict(self.headers.items()))
                )
            answer = fake.answer(path, params)
            if answer.delay:
                time.sleep(answer.delay)
            if answer.arrived is not None:
                answer.arrived.set()
            if answer.gate is not None:
                answer.gate.wait(timeout=60)
            payload = answer.raw if answer.raw is not None else json.dumps(answer.body).encode()
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # The client gave up (a timeout test); nobody is left to answer.

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def running(fake: FakeOpenBesluitvorming) -> Iterator[FakeOpenBesluitvorming]:
    """Run `fake` for the duration of a fixture."""
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
