"""Gemeente, its campaign status and history, and the fracties in its council."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model
from campaign.gemeenten.search import common_name

if TYPE_CHECKING:
    from campaign.accounts.models import User
    from campaign.moties.models import Motie
    from campaign.outreach.models import ContactPerson, OutreachEntry


class CampaignStatus(StrEnum):
    """Where a gemeente stands in the campaign pipeline (PRODUCT.md)."""

    NIET_BENADERD = "niet-benaderd"
    OPROEP_VERSTUURD = "oproep-verstuurd"
    IN_GESPREK = "in-gesprek"
    MOTIE_INGEDIEND = "motie-ingediend"
    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    INGETROKKEN = "ingetrokken"
    AANGEHOUDEN = "aangehouden"
    GEEN_INTERESSE = "geen-interesse"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


RAADSPERIODES = ("2022-2026", "2026-2030")
# Councils elected on 18 March 2026 are installed in the following weeks; from April 2026 on,
# 2026-2030 is the period whose fracties forms offer first.
RAADSPERIODE_2026_STARTS = date(2026, 4, 1)


def current_raadsperiode(today: date) -> str:
    return RAADSPERIODES[1] if today >= RAADSPERIODE_2026_STARTS else RAADSPERIODES[0]


class Gemeente(Model):
    __tablename__ = "gemeenten"
    __table_args__ = (CheckConstraint("length(cbs_code) = 6", name="cbs_code_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cbs_code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    province: Mapped[str] = mapped_column(String(40), index=True)
    has_noodopvang: Mapped[bool] = mapped_column(default=False)
    griffie_email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")

    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    volunteer: Mapped[User | None] = relationship(foreign_keys=[volunteer_id])

    # The effective status, kept up to date by campaign.moties.pipeline.refresh_status.
    status: Mapped[CampaignStatus] = mapped_column(
        str_enum(CampaignStatus), default=CampaignStatus.NIET_BENADERD, index=True
    )
    status_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status_set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status_set_by: Mapped[User | None] = relationship(foreign_keys=[status_set_by_id])
    # A status set by hand holds until a fact is recorded after it.
    manual_status: Mapped[CampaignStatus | None] = mapped_column(str_enum(CampaignStatus))
    manual_status_reason: Mapped[str | None] = mapped_column(Text)
    manual_status_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Herindeling: a gemeente that ceased points at the gemeente it merged into.
    ceased_on: Mapped[date | None]
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("gemeenten.id"))
    successor: Mapped[Gemeente | None] = relationship(remote_side=[id])

    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    fracties: Mapped[list[Fractie]] = relationship(
        back_populates="gemeente", order_by="Fractie.name"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="gemeente", order_by="StatusChange.changed_at.desc(), StatusChange.id.desc()"
    )
    moties: Mapped[list[Motie]] = relationship(back_populates="gemeente", order_by="Motie.id")
    contact_persons: Mapped[list[ContactPerson]] = relationship(back_populates="gemeente")
    outreach_entries: Mapped[list[OutreachEntry]] = relationship(back_populates="gemeente")

    def __repr__(self) -> str:
        return f"<Gemeente {self.cbs_code} {self.name}>"

    @property
    def display_name(self) -> str:
        """The official name with the one people use beside it: "'s-Gravenhage (Den Haag)"."""
        common = common_name(self.cbs_code)
        return f"{self.name} ({common})" if common else self.name

    @property
    def audited_gemeente_id(self) -> int:
        return self.id


class StatusChange(Model):
    """One dated, attributed step in a gemeente's campaign status."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship(back_populates="status_changes")
    previous_status: Mapped[CampaignStatus | None] = mapped_column(str_enum(CampaignStatus))
    status: Mapped[CampaignStatus] = mapped_column(str_enum(CampaignStatus))
    is_manual: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_by: Mapped[User | None] = relationship()

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id


class Fractie(Model):
    """A party group in one gemeente's council for one raadsperiode."""

    __tablename__ = "fracties"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "raadsperiode", "name", name="uq_fracties_per_periode"),
        CheckConstraint("seats IS NULL OR seats >= 0", name="seats_not_negative"),
        Index("ix_fracties_gemeente_periode", "gemeente_id", "raadsperiode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"))
    gemeente: Mapped[Gemeente] = relationship(back_populates="fracties")
    raadsperiode: Mapped[str] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(120))
    seats: Mapped[int | None]
    leader_name: Mapped[str | None] = mapped_column(String(120))
    leader_email: Mapped[str | None] = mapped_column(String(254))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id
