"""Spending Open Besluitvorming's rate limit evenly instead of running into it.

The API keeps a token bucket per client: 60 units, refilling continuously at one unit a
second, reported on every answer as `RateLimit-Limit` (capacity), `RateLimit-Remaining` (whole
units left) and `RateLimit-Reset` (seconds until full again). A request that does not fit gets
429 with `Retry-After`, the seconds until it would.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

# A search costs one unit per started block of this many requested results.
PAGE_UNIT = 24
DOCUMENTED_UNITS_PER_MINUTE = 60


def request_cost(path: str, params: Mapping[str, str]) -> float:
    """Units the API charges for one request, as its documentation states them."""
    if path.rstrip("/").split("/")[-2:-1] == ["page"]:
        return 1 / 8
    if path == "/api/search":
        limit = int(params.get("limit", PAGE_UNIT))
        return max(1, math.ceil(limit / PAGE_UNIT))
    return 1


def number(value: Any) -> float | None:
    """A finite number from a header or a JSON value, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            parsed = float(value.strip())
        except ValueError:
            return None
        return parsed if math.isfinite(parsed) else None
    return None


def retry_after_seconds(headers: Mapping[str, str], now: datetime) -> float | None:
    """`Retry-After` as delay-seconds or as an HTTP date, or None when absent or unreadable."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    seconds = number(value)
    if seconds is not None:
        return max(0.0, seconds)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - now).total_seconds())


class RateBudget:
    """The bucket as the API last reported it, and how long to wait before the next request."""

    def __init__(self) -> None:
        self.remaining: float | None = None
        self.refill_per_second = DOCUMENTED_UNITS_PER_MINUTE / 60
        self.measured_at = 0.0

    def measure(self, headers: Mapping[str, str], sent_at: float) -> None:
        """Take the bucket from an answer's headers.

        `sent_at` is when the request left: the API counted its refill up to some later moment,
        so measuring from then errs on the side of waiting a little too long. The refill rate is
        read from how far the bucket is from full and how long it takes to get there, which is
        the documented rate unless the API changes it.
        """
        remaining = number(headers.get("RateLimit-Remaining"))
        if remaining is None:
            return
        limit = number(headers.get("RateLimit-Limit")) or DOCUMENTED_UNITS_PER_MINUTE
        reset = number(headers.get("RateLimit-Reset"))
        if reset and limit > remaining:
            self.refill_per_second = (limit - remaining) / reset
        else:
            self.refill_per_second = limit / 60
        self.remaining = remaining
        self.measured_at = sent_at

    def wait_before(self, cost: float, now: float) -> float:
        """Seconds to wait so a request of `cost` units fits; 0 when it fits now."""
        if self.remaining is None or self.refill_per_second <= 0:
            return 0.0
        available = self.remaining + (now - self.measured_at) * self.refill_per_second
        return max(0.0, (cost - available) / self.refill_per_second)
