"""Reading fields out of decoded JSON without trusting its shape."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from campaign.dates import DUTCH_TIME


class ShapeError(ValueError):
    """A JSON answer lacks a field that identifies the record."""


def as_object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ShapeError(f"{what} is not a JSON object")
    return value


def as_list(data: Mapping[str, Any], key: str, what: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ShapeError(f"{what} has no list {key!r}")
    return value


def required_text(data: Mapping[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ShapeError(f"{what} has no {key!r}")
    return value


def text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def integer(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def texts(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def timestamp(data: Mapping[str, Any], key: str) -> datetime | None:
    """An ISO 8601 instant; a value without a zone is read as Dutch local time."""
    value = text(data, key)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=DUTCH_TIME)


def day(data: Mapping[str, Any], key: str) -> date | None:
    """The calendar day in the Netherlands of a timestamp such as `sortDate`."""
    moment = timestamp(data, key)
    return moment.astimezone(DUTCH_TIME).date() if moment else None
