"""Dates that may be known only to the year or month, as the campaign's sources often are.

"Amersfoort adopted it in March 2025" must not become 1 March 2025: a `PartialDate` keeps exactly
the precision the source gives and sorts and prints accordingly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for 2025-02-30 and the like.
        date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError for anything else."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def as_date(self) -> date | None:
        """The full date, or None when only the year or month is known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Sorts `2025` before `2025-03` before `2025-03-12`."""
        return (self.year, self.month or 0, self.day or 0)

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def is_surely_before(self, other: PartialDate) -> bool:
        """True only when every day this date may be lies before every day `other` may be."""
        return self.last_day() < other.first_day()

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


def today() -> date:
    """Today's date in the Netherlands, where the campaign's deadlines fall."""
    return datetime.now(DUTCH_TIME).date()


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC, as every stored timestamp is."""
    return datetime.now(UTC)
