"""The answers of the fake Open Besluitvorming API, in the shapes API.md documents."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ENTITY_TYPES = ("Meeting", "Document", "Motion", "Recording")
TYPE_LABELS = {"Meeting": "Vergadering", "Document": "Document", "Motion": "Motie"}
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
SEARCH_FAILED_MESSAGE = "Zoeken mislukt. Probeer het opnieuw of meld deze fout met het request ID."


@dataclass
class Answer:
    """One HTTP answer; `body` is sent as JSON unless `raw` is given, after `delay` seconds, or
    once `gate` is set: a request a test holds open (for instance to kill the client while it
    waits), knowing it arrived when `arrived` is set."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    content_type: str = "application/json; charset=utf-8"
    delay: float = 0.0
    gate: threading.Event | None = None
    arrived: threading.Event | None = None


def rate_limited_answer(retry_after: str | int, *, seconds: int | None = None) -> Answer:
    """The documented 429: `Retry-After` header plus the JSON body with the same wait."""
    wait = seconds if seconds is not None else int(retry_after)
    return Answer(
        429,
        {
            "error": f"Te veel verzoeken. Probeer het over {wait} seconde(n) opnieuw.",
            "limit_per_minute": 60,
            "retry_after_seconds": wait,
            "hint": "Zware verzoeken tellen zwaarder: een zoekopdracht kost 1 eenheid per 24 "
            "resultaten, dus limit=100 kost 5.",
            "documentation": "https://openbesluitvorming.nl/docs/api",
        },
        headers={"Retry-After": str(retry_after)},
    )


def search_failed_answer(request_id: str = "3f9c1a2b") -> Answer:
    """The documented 500 of a failing search: a generic message and a request id."""
    return Answer(500, {"error": SEARCH_FAILED_MESSAGE, "request_id": request_id})


def dutch_date(sort_date: str | None) -> str:
    """The API's display date, "7 november 2024"."""
    if not sort_date:
        return "Datum onbekend"
    moment = datetime.fromisoformat(sort_date)
    return f"{moment.day} {MONTHS.split()[moment.month - 1]} {moment.year}"


def words(text: str) -> set[str]:
    """Letters and digits only, as the API reads a query: punctuation (quotes too) is dropped."""
    return set(re.findall(r"[^\W_]+", text.lower()))


def search_answer(
    entities: Iterable[Mapping[str, Any]],
    source_keys: Container[str],
    params: Mapping[str, str],
    scan_limit: int | None = None,
) -> Answer:
    """What `/api/search` answers: validation, AND of words, date range, sort and paging.

    Like the API, a page is cut from what a scan collected: the scan stops once it has enough
    for the page (so every page but the last says `totalIsApproximate`) or at `scan_limit`
    matches, in index order (then the last page says so too, and what lies beyond is never
    returned)."""
    entity_type = params.get("entityType", "").strip()
    organization = params.get("organization", "").strip()
    if entity_type and entity_type not in ENTITY_TYPES:
        return _bad_request(
            f'Onbekend entityType "{entity_type}".',
            "Geldige waarden zijn Meeting, Document, Motion, Recording; let op hoofdletters.",
        )
    if organization and organization not in source_keys:
        return _bad_request(
            f'Onbekende organization "{organization}".',
            "Zie /api/sources voor geldige keys; deze zijn hoofdlettergevoelig.",
        )
    numbers = {}
    for name, default, least in (("offset", 0, 0), ("limit", 24, 1)):
        raw = params.get(name, "").strip() or str(default)
        if not re.fullmatch(r"-?\d+", raw):
            return _bad_request(f'Parameter {name} moet een geheel getal zijn, kreeg "{raw}".')
        if int(raw) < least:
            return _bad_request(f"Parameter {name} is te klein, kreeg {raw}.")
        numbers[name] = int(raw)
    offset, limit = numbers["offset"], min(numbers["limit"], 100)
    query = params.get("query", "").strip()
    wanted = words(query)
    matches = []
    if (query or organization) and not (query and not wanted):
        for entity in entities:
            if entity_type and entity["entityType"] != entity_type:
                continue
            if organization and _source_key(entity["entityId"]) != organization:
                continue
            if not _in_range(entity.get("sortDate"), params):
                continue
            if wanted <= words(_searchable_text(entity)):
                matches.append(entity)
    total = len(matches)
    limited = scan_limit is not None and total > scan_limit
    if limited:
        matches = matches[:scan_limit]
    ascending = params.get("sort") == "date_asc"
    matches.sort(key=lambda entity: entity.get("sortDate") or "", reverse=not ascending)
    page = matches[offset : offset + limit]
    more = len(matches) > offset + limit
    return Answer(
        200,
        {
            "results": [_result(entity) for entity in page],
            "totalCount": total,
            "totalIsApproximate": more or limited,
            "hasMore": bool(page) and (more or limited),
        },
    )


def cost(path: str, params: Mapping[str, str]) -> float:
    """Units charged, as the API does: a search one per started 24 of `limit`, else one."""
    if path == "/api/search":
        try:
            limit = int(params.get("limit", "24"))
        except ValueError:
            return 1
        return max(1, math.ceil(limit / 24)) if limit > 0 else 1
    return 1


def _bad_request(error: str, hint: str | None = None) -> Answer:
    return Answer(400, {"error": error, "hint": hint} if hint else {"error": error})


def _source_key(entity_id: str) -> str:
    parts = entity_id.split(":")
    return parts[3] if len(parts) > 4 else ""


def _in_range(sort_date: str | None, params: Mapping[str, str]) -> bool:
    date_from, date_to = params.get("dateFrom", "")[:10], params.get("dateTo", "")[:10]
    if not (date_from or date_to):
        return True
    if not sort_date:
        return False
    day = sort_date[:10]
    return (not date_from or day >= date_from) and (not date_to or day <= date_to)


def _searchable_text(entity: Mapping[str, Any]) -> str:
    """What the API indexes: a motion's registry fields only (its name, parties, outcome, vote
    summary; never the text of its attached document), a document's title and text."""
    motion = entity.get("motion")
    if entity["entityType"] != "Motion" or not isinstance(motion, Mapping):
        return f"{entity.get('title') or ''} {entity.get('markdownText') or ''}"
    parts: list[Any] = [motion.get(key) for key in ("name", "motion_type", "status", "result")]
    for key in ("proposers", "co_proposers", "parties"):
        parts.extend(motion.get(key) or [])
    parts.extend(vote.get("group_name") for vote in motion.get("votes") or [])
    parts.extend(motion.get(key) for key in ("vote_summary", "agenda_item_hint"))
    return " ".join(str(part) for part in parts if part)


def _result(entity: Mapping[str, Any]) -> dict[str, Any]:
    text = _searchable_text(entity)
    result = {
        "entityId": entity["entityId"],
        "entityType": entity["entityType"],
        "entityTypeLabel": TYPE_LABELS.get(entity["entityType"], "Resultaat"),
        "organization": entity.get("organization", ""),
        "date": dutch_date(entity.get("sortDate")),
        "sortDate": entity.get("sortDate"),
        "title": entity.get("title", ""),
        "summary": text[:160],
        "summaryHtml": text[:160],
        "downloadUrl": entity.get("downloadUrl"),
    }
    return {key: value for key, value in result.items() if value is not None}
