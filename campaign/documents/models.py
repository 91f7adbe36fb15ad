"""Every save of a campaign text is a new, immutable version."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model

if TYPE_CHECKING:
    from campaign.accounts.models import User


class TemplateKind(StrEnum):
    MOTIE = "motie"
    OPROEP = "oproep"
    ACHTERGROND = "achtergrond"


class TemplateVersion(Model):
    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("kind", "number", name="uq_template_versions_kind_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TemplateKind] = mapped_column(str_enum(TemplateKind))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(250))
    # The structured text: for a motion its sections and clauses, for the others subject/body.
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[User | None] = relationship()
