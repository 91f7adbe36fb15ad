"""A report sent through /meld, waiting for a volunteer to accept or reject it."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model

if TYPE_CHECKING:
    from campaign.accounts.models import User
    from campaign.gemeenten.models import Gemeente
    from campaign.moties.models import Motie


class ReportKind(StrEnum):
    INGEDIEND = "ingediend"
    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    ANDERS = "anders"


class ReportStatus(StrEnum):
    NIEUW = "nieuw"
    GEACCEPTEERD = "geaccepteerd"
    AFGEWEZEN = "afgewezen"


class Report(Model):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship()
    kind: Mapped[ReportKind] = mapped_column(str_enum(ReportKind))
    event_date: Mapped[date | None]
    record_url: Mapped[str | None] = mapped_column(String(500))
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    fracties_voor: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    reporter_name: Mapped[str] = mapped_column(String(120))
    reporter_role: Mapped[str] = mapped_column(String(40))
    reporter_email: Mapped[str] = mapped_column(String(254))
    status: Mapped[ReportStatus] = mapped_column(
        str_enum(ReportStatus), default=ReportStatus.NIEUW, index=True
    )
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handled_by: Mapped[User | None] = relationship()
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    motie_id: Mapped[int | None] = mapped_column(ForeignKey("moties.id"))
    motie: Mapped[Motie | None] = relationship()
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id
