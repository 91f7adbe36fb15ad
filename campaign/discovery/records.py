"""Typed views of the sources, status and search answers, each keeping its raw object.

Parsing is strict only about what identifies a record (an entity id, a source key, a state)
and lenient about everything else: a missing tally or an unknown new field must not stop a
nightly run over 330 sources. A missing identifier raises `ShapeError`, which the client turns
into `MalformedResponse`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from campaign.discovery.fields import (
    as_list,
    as_object,
    day,
    integer,
    required_text,
    text,
    timestamp,
)

# `<type>:<supplier>:<organisation type>:<source key>:<native id>`, e.g.
# `motion:ibabs:gemeente:houten:493049d8-...`; the native id may itself contain colons.
_ENTITY_ID = re.compile(r"^[a-z_]+:[a-z]+:[a-z]+:(?P<source_key>[^:]+):.+$")


class SourceState(StrEnum):
    """The import state `/api/status` gives each source (compared with `SourceStatus.state`)."""

    OK = "ok"
    STALE = "stale"
    FAILING = "failing"
    NEVER_IMPORTED = "never_imported"
    NOT_IMPLEMENTED = "not_implemented"
    DISCONTINUED = "discontinued"


def source_key_of(entity_id: str) -> str | None:
    """The source key inside an entity id, or None when the id has another form."""
    match = _ENTITY_ID.match(entity_id)
    return match.group("source_key") if match else None


@dataclass(frozen=True)
class Source:
    """One entry of `/api/sources`: a key usable as `organization` in a search."""

    key: str
    label: str
    supplier: str | None
    organization_type: str | None
    implemented: bool
    is_aggregate: bool
    raw: Mapping[str, Any] = field(repr=False)


def parse_sources(body: Any) -> list[Source]:
    sources = []
    for item in as_list(as_object(body, "sources answer"), "sources", "sources answer"):
        data = as_object(item, "source")
        key = required_text(data, "key", "source")
        sources.append(
            Source(
                key=key,
                label=text(data, "label") or key,
                supplier=text(data, "supplier"),
                organization_type=text(data, "organizationType"),
                implemented=data.get("implemented") is True,
                is_aggregate=data.get("isAggregate") is True,
                raw=data,
            )
        )
    return sources


@dataclass(frozen=True)
class SourceStatus:
    """How current one organisation's data is, from `/api/status`.

    `state` is the API's string; compare it with `SourceState`. A state added later by the API
    still parses, so a new value cannot stop a run.
    """

    source_key: str
    label: str
    cbs_code: str | None
    state: str
    supplier: str | None
    organization_type: str | None
    last_success: datetime | None
    last_run: datetime | None
    last_run_status: str | None
    last_error_message: str | None
    latest_content: datetime | None
    last_indexed: datetime | None
    discontinued_on: date | None
    successor_cbs_code: str | None
    successor_label: str | None
    successor_source_key: str | None
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def is_current(self) -> bool:
        """An import succeeded within the API's window, so a search sees recent records."""
        return self.state == SourceState.OK


@dataclass(frozen=True)
class SupplierStatus:
    """How one source system (iBabs, Notubiz, ...) is doing: ok, degraded, down or idle."""

    supplier: str
    label: str
    state: str
    source_count: int | None
    ok_source_count: int | None
    last_success: datetime | None
    last_error_message: str | None
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class StatusReport:
    """All of `/api/status`: the API caches it for ten minutes, so one call per run is enough."""

    generated_at: datetime | None
    window_hours: int | None
    index_activity_available: bool
    sources: tuple[SourceStatus, ...]
    suppliers: tuple[SupplierStatus, ...]


def _source_status(item: Any) -> SourceStatus:
    data = as_object(item, "status source")
    key = required_text(data, "sourceKey", "status source")
    successor = data.get("succeededBy")
    successor = successor if isinstance(successor, Mapping) else {}
    discontinued = text(data, "discontinuedAt")
    try:
        discontinued_on = date.fromisoformat(discontinued[:10]) if discontinued else None
    except ValueError:
        discontinued_on = None
    return SourceStatus(
        source_key=key,
        label=text(data, "label") or key,
        cbs_code=text(data, "cbsId"),
        state=required_text(data, "state", f"status source {key!r}"),
        supplier=text(data, "supplier"),
        organization_type=text(data, "organizationType"),
        last_success=timestamp(data, "lastSuccessAt"),
        last_run=timestamp(data, "lastRunAt"),
        last_run_status=text(data, "lastRunStatus"),
        last_error_message=text(data, "lastErrorMessage"),
        latest_content=timestamp(data, "latestContentDate"),
        last_indexed=timestamp(data, "lastIndexedAt"),
        discontinued_on=discontinued_on,
        successor_cbs_code=text(successor, "cbsId"),
        successor_label=text(successor, "label"),
        successor_source_key=text(successor, "sourceKey"),
        raw=data,
    )


def _supplier_status(item: Any) -> SupplierStatus:
    data = as_object(item, "status supplier")
    supplier = required_text(data, "supplier", "status supplier")
    return SupplierStatus(
        supplier=supplier,
        label=text(data, "label") or supplier,
        state=text(data, "state") or "",
        source_count=integer(data, "sourceCount"),
        ok_source_count=integer(data, "okSourceCount"),
        last_success=timestamp(data, "lastSuccessAt"),
        last_error_message=text(data, "lastErrorMessage"),
        raw=data,
    )


def parse_status(body: Any) -> StatusReport:
    data = as_object(body, "status answer")
    suppliers = data.get("suppliers")
    return StatusReport(
        generated_at=timestamp(data, "generatedAt"),
        window_hours=integer(data, "windowHours"),
        index_activity_available=data.get("indexActivityAvailable") is not False,
        sources=tuple(_source_status(item) for item in as_list(data, "sources", "status answer")),
        suppliers=tuple(
            _supplier_status(item) for item in (suppliers if isinstance(suppliers, list) else ())
        ),
    )


@dataclass(frozen=True)
class SearchHit:
    """One result of `/api/search`; fetch the entity for the outcome and the votes."""

    entity_id: str
    entity_type: str
    title: str
    organization: str
    date_label: str
    day: date | None
    snippet: str
    snippet_html: str | None
    download_url: str | None
    web_url: str
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def source_key(self) -> str | None:
        """The source the hit belongs to (`organization` is the display name, not the key)."""
        return source_key_of(self.entity_id)


@dataclass(frozen=True)
class SearchPage:
    """One page of `/api/search`. `total_count` is an estimate when `total_is_approximate`."""

    hits: tuple[SearchHit, ...]
    total_count: int | None
    total_is_approximate: bool
    has_more: bool
    offset: int
    limit: int

    @property
    def next_offset(self) -> int:
        # The API slices its sorted results at offset..offset+limit, so the next page starts
        # at offset + limit even when grouping left this one short.
        return self.offset + self.limit


def parse_search(
    body: Any, *, offset: int, limit: int, web_url: Callable[[str], str]
) -> SearchPage:
    data = as_object(body, "search answer")
    hits = []
    for item in as_list(data, "results", "search answer"):
        hit = as_object(item, "search result")
        entity_id = required_text(hit, "entityId", "search result")
        hits.append(
            SearchHit(
                entity_id=entity_id,
                entity_type=text(hit, "entityType") or "",
                title=text(hit, "title") or "",
                organization=text(hit, "organization") or "",
                date_label=text(hit, "date") or "",
                day=day(hit, "sortDate"),
                snippet=text(hit, "summary") or "",
                snippet_html=text(hit, "summaryHtml"),
                download_url=text(hit, "downloadUrl"),
                web_url=web_url(entity_id),
                raw=hit,
            )
        )
    return SearchPage(
        hits=tuple(hits),
        total_count=integer(data, "totalCount"),
        total_is_approximate=data.get("totalIsApproximate") is True,
        has_more=data.get("hasMore") is True,
        offset=offset,
        limit=limit,
    )
