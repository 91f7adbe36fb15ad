"""One row per inserted, updated or deleted record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from campaign.acting import SystemOrigin
from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model


class AuditEntry(Model):
    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_record", "table_name", "record_id"),
        # A gemeente's history, the latest first, without sorting all of its rows.
        Index("ix_audit_entries_gemeente_occurred", "gemeente_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Set when the system wrote the record (actor_id is then NULL): seeding or the register.
    # The team's activity is what has no origin.
    origin: Mapped[SystemOrigin | None] = mapped_column(str_enum(SystemOrigin, length=20))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[int]
    # The gemeente the record belongs to, so a gemeente's page shows its whole history, deleted
    # records included. No foreign key: the trail outlives what it describes.
    gemeente_id: Mapped[int | None] = mapped_column(index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
