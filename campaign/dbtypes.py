"""Column types shared by the models: UTC timestamps and partial dates."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from campaign.dates import PartialDate


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on the way out, also on SQLite, which drops the offset."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use campaign.dates.utcnow()")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class PartialDateType(TypeDecorator[PartialDate]):
    """A `PartialDate` stored as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: text that sorts correctly."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, PartialDate):
            raise TypeError(f"expected PartialDate, got {type(value).__name__}")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> PartialDate | None:
        return None if value is None else PartialDate.parse(value)


def str_enum(enum_class: type[StrEnum], length: int = 30) -> Enum:
    """Store a StrEnum by its value in a plain string column (no native type to migrate)."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )


def render_migration_type(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write our column types into migrations as the plain SQLAlchemy type they store, so that
    old migrations never depend on the application's code."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False
