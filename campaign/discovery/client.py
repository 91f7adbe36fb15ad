"""A polite client for Open Besluitvorming's public read-only API (openbesluitvorming.nl).

The API allows 60 units a minute per client from a continuously refilling bucket and reports
the bucket on every answer (`RateLimit-Limit`, `-Remaining`, `-Reset`). The client spends it
evenly: before each request it estimates what has refilled since the last answer and waits
only when the request would not fit. A 429 is the API saying "slow down", so the client waits
the `Retry-After` it names and carries on; that is not a failure and uses no retry.

Retry policy: a connection error, a timeout or a 5xx answer is tried again up to
`max_retries` times, after `backoff * 2**(n-1)` seconds (at most `max_backoff`) of which a
random half is jitter, so many runs do not retry in step. A 4xx answer other than 429 is never
retried: the API refuses what it cannot honour and says so, and asking again changes nothing.
When retries run out, a 5xx that carried the API's JSON error raises `ApiError` (with
`request_id` to quote), anything else `ApiUnavailable`.

A 429 is waited out as often as it comes, up to `max_rate_limited` times in a row for one
request (then `ApiError` with code `rate_limited`); `Retry-After` itself is not capped.

`sleep`, `clock`, `now` and `rng` are injectable, so tests neither wait nor depend on luck. One
client serves one run in one thread: its budget estimate assumes requests go one at a time.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import httpx

from campaign.discovery.entities import Entity, parse_entity
from campaign.discovery.errors import (
    ApiUnavailable,
    MalformedResponse,
    api_error,
    error_body,
)
from campaign.discovery.fields import ShapeError
from campaign.discovery.pacing import (
    PAGE_UNIT,
    RateBudget,
    number,
    request_cost,
    retry_after_seconds,
)
from campaign.discovery.records import (
    SearchHit,
    SearchPage,
    Source,
    StatusReport,
    parse_search,
    parse_sources,
    parse_status,
)

log = logging.getLogger(__name__)
Parsed = TypeVar("Parsed")

DEFAULT_BASE_URL = "https://openbesluitvorming.nl"
DEFAULT_USER_AGENT = "Motietracker (KinderpardonNU campaign; nightly motion search)"
ENTITY_TYPES = ("Meeting", "Document", "Motion", "Recording")
SORT_ORDERS = ("date_desc", "date_asc", "relevance")
# Above this the API returns no more results but still charges for the requested limit.
MAX_LIMIT = 100
_NOT_JSON = object()


@dataclass
class ClientStats:
    """What a run cost, for its summary. Every HTTP request counts, retries and 429s included."""

    requests: int = 0
    units: float = 0.0
    rate_limited: int = 0
    retries: int = 0
    slept_seconds: float = 0.0
    paced_seconds: float = 0.0


class OpenBesluitvormingClient:
    """Typed access to /api/search, /api/entities/{id}, /api/sources and /api/status."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: float = 2.0,
        max_backoff: float = 60.0,
        max_rate_limited: int = 20,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) address, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_rate_limited = max_rate_limited
        self.stats = ClientStats()
        self._sleep = sleep
        self._clock = clock
        self._now = now
        self._rng = rng or random.Random()
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            follow_redirects=True,
        )
        self._budget = RateBudget()

    def __enter__(self) -> OpenBesluitvormingClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def web_url(self, entity_id: str) -> str:
        """The entity's page in Open Besluitvorming's own site (the address its results link)."""
        return f"{self.base_url}/?{urlencode({'view': entity_id})}"

    def sources(self, *, implemented_only: bool = False) -> list[Source]:
        params = {"implemented": "true"} if implemented_only else {}
        return self._parse(parse_sources, self._get("/api/sources", params))

    def status(self) -> StatusReport:
        return self._parse(parse_status, self._get("/api/status", {}))

    def search(
        self,
        query: str,
        organization: str | None = None,
        *,
        entity_type: str | None = "Motion",
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "date_desc",
        offset: int = 0,
        limit: int = PAGE_UNIT,
    ) -> SearchPage:
        """One page of results. `organization` is a source key from `sources()` or `status()`.

        Free text: punctuation is dropped and the words are ANDed. The default page of 24
        costs one unit; a larger `limit` costs one unit per 24 and saves no budget.
        """
        if not query.strip():
            raise ValueError("a search needs a query: the API returns nothing without one")
        if entity_type is not None and entity_type not in ENTITY_TYPES:
            raise ValueError(f"entity_type must be one of {ENTITY_TYPES}, not {entity_type!r}")
        if sort not in SORT_ORDERS:
            raise ValueError(f"sort must be one of {SORT_ORDERS}, not {sort!r}")
        if not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be 1 to {MAX_LIMIT}, not {limit}")
        if offset < 0:
            raise ValueError(f"offset cannot be negative, got {offset}")
        params = {"query": query, "sort": sort, "offset": str(offset), "limit": str(limit)}
        if organization:
            params["organization"] = organization
        if entity_type:
            params["entityType"] = entity_type
        if date_from:
            params["dateFrom"] = date_from.isoformat()
        if date_to:
            params["dateTo"] = date_to.isoformat()
        body = self._get("/api/search", params)
        return self._parse(
            lambda data: parse_search(data, offset=offset, limit=limit, web_url=self.web_url),
            body,
        )

    def iter_search(
        self,
        query: str,
        organization: str | None = None,
        *,
        entity_type: str | None = "Motion",
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "date_desc",
        limit: int = PAGE_UNIT,
        max_pages: int | None = None,
    ) -> Iterator[SearchHit]:
        """Every hit, page by page, each entity once.

        The API's maintainers note (in its source) that paging can show a result on two pages
        and that a page can come back empty while `hasMore` is still true; a repeated hit is
        skipped here and an empty page ends the paging instead of looping.
        """
        seen: set[str] = set()
        offset, pages = 0, 0
        while max_pages is None or pages < max_pages:
            page = self.search(
                query,
                organization,
                entity_type=entity_type,
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                offset=offset,
                limit=limit,
            )
            pages += 1
            for hit in page.hits:
                if hit.entity_id not in seen:
                    seen.add(hit.entity_id)
                    yield hit
            if not page.has_more or not page.hits:
                return
            offset = page.next_offset

    def entity(self, entity_id: str) -> Entity:
        """Full detail of one entity; for a Motion its outcome, tally and votes."""
        body = self._get(f"/api/entities/{quote(entity_id, safe='')}", {})
        return self._parse(lambda data: parse_entity(data, web_url=self.web_url), body)

    def _parse(self, parse: Callable[[Any], Parsed], body: Any) -> Parsed:
        try:
            return parse(body)
        except ShapeError as error:
            raise MalformedResponse(f"unexpected answer: {error}", 200) from error

    def _get(self, path: str, params: Mapping[str, str]) -> Any:
        cost = request_cost(path, params)
        failures = rate_limited = 0
        while True:
            wait = self._budget.wait_before(cost, self._clock())
            self.stats.paced_seconds += wait
            self._pause(wait)
            sent_at = self._clock()
            self.stats.requests += 1
            try:
                response = self._http.get(path, params=params)
            except httpx.RequestError as error:
                failures += 1
                if failures > self.max_retries:
                    raise ApiUnavailable(
                        f"{path}: {type(error).__name__}: {error} ({failures} attempts)",
                        attempts=failures,
                    ) from error
                log.warning("%s failed (%s), retrying", path, type(error).__name__)
                self._back_off(failures, None)
                continue
            self._budget.measure(response.headers, sent_at)
            status, body = response.status_code, _decode(response)
            if status == 429:
                rate_limited += 1
                self.stats.rate_limited += 1
                if rate_limited > self.max_rate_limited:
                    raise api_error(status, path, body, response.text)
                wait = self._retry_after(response, body)
                log.info("%s rate limited, waiting %.1f s", path, wait)
                self._pause(wait)
                continue
            self.stats.units += cost
            if status >= 500:
                failures += 1
                if failures > self.max_retries:
                    if error_body(body) is not None:
                        raise api_error(status, path, body, response.text)
                    raise ApiUnavailable(
                        f"{path}: HTTP {status} ({failures} attempts)",
                        attempts=failures,
                        last_status=status,
                    )
                log.warning("%s answered %s, retrying", path, status)
                self._back_off(failures, retry_after_seconds(response.headers, self._now()))
                continue
            if status >= 400:
                raise api_error(status, path, body, response.text)
            if body is _NOT_JSON:
                raise MalformedResponse(
                    f"{path} answered {status} with a body that is not JSON "
                    f"({response.headers.get('Content-Type', 'no content type')})",
                    status,
                    excerpt=response.text[:200],
                )
            return body

    def _back_off(self, failures: int, at_least: float | None) -> None:
        ceiling = min(self.max_backoff, self.backoff * 2 ** (failures - 1))
        wait = ceiling / 2 + self._rng.uniform(0, ceiling / 2)
        self.stats.retries += 1
        self._pause(max(wait, at_least or 0.0))

    def _pause(self, seconds: float) -> None:
        if seconds <= 0:
            return
        self.stats.slept_seconds += seconds
        self._sleep(seconds)

    def _retry_after(self, response: httpx.Response, body: Any) -> float:
        """Seconds to wait after a 429: the header, else the body, else one second."""
        seconds = retry_after_seconds(response.headers, self._now())
        if seconds is None and isinstance(body, Mapping):
            seconds = number(body.get("retry_after_seconds"))
        return 1.0 if seconds is None else seconds


def _decode(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return _NOT_JSON
