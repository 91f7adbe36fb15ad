"""Gemeente, its campaign status and history, and the fracties in its council."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import DUTCH_TIME, PartialDate, utcnow
from campaign.dbtypes import PartialDateType, UTCDateTime, str_enum
from campaign.extensions import Model
from campaign.gemeenten.provenance import (
    CouncilIssue,
    GemeenteFact,
    Origin,
    RegisterSource,
)
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


def raadsperiode_of(day: PartialDate) -> str | None:
    """The council in office on that day; None when the date is too vague to tell."""
    first, last = current_raadsperiode(day.first_day()), current_raadsperiode(day.last_day())
    return first if first == last else None


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
    # The gemeente's general address (the register's `algemeen`): where the appeal goes when no
    # griffie address is known, asking to pass it on to the fractievoorzitters and the griffier.
    general_email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    inhabitants: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    volunteer: Mapped[User | None] = relationship(foreign_keys=[volunteer_id])

    # The effective status, kept up to date by campaign.moties.pipeline.refresh_status.
    status: Mapped[CampaignStatus] = mapped_column(
        str_enum(CampaignStatus), default=CampaignStatus.NIET_BENADERD, index=True
    )
    status_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The day (or month, or year) the status began as far as the facts tell, such as the vote
    # on an adopted motion; None when only the moment it was recorded (status_since) is known.
    status_date: Mapped[PartialDate | None] = mapped_column(PartialDateType)
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
    facts: Mapped[list[GemeenteFact]] = relationship(
        back_populates="gemeente", cascade="all, delete-orphan"
    )
    raden: Mapped[list[Raad]] = relationship(
        back_populates="gemeente", order_by="Raad.raadsperiode", cascade="all, delete-orphan"
    )

    @property
    def status_began(self) -> PartialDate | None:
        """Since when the gemeente has its status: the facts' own date where known (a seeded
        adoption of March 2025 is `2025-03`), else the day a volunteer recorded it. None when
        the system set it without a date (the seed data): the day it was loaded says nothing."""
        if self.status_date is not None:
            return self.status_date
        if self.status_set_by_id is None:
            return None
        return PartialDate.from_date(self.status_since.astimezone(DUTCH_TIME).date())

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
    # The date of the fact behind the step as far as known (a motion's vote), not of recording.
    happened_on: Mapped[PartialDate | None] = mapped_column(PartialDateType)
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
    # Name and seats as the register gives them (its `Raad`), or as a volunteer entered them.
    # Leader name and e-mail are never the register's: changing them keeps the origin.
    origin: Mapped[Origin] = mapped_column(
        str_enum(Origin, length=10), default=Origin.HAND, server_default=Origin.HAND.value
    )
    # The register's "name|seats" a volunteer chose not to take for this fractie.
    register_kept: Mapped[str | None] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id


class Raad(Model):
    """A gemeente's council in one raadsperiode as the register gives it: its size, its parties
    and seats exactly as registered, and why it may be doubtful. The fracties volunteers work
    with are `Fractie` rows, made from this and kept in step by each load."""

    __tablename__ = "raden"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "raadsperiode", name="uq_raden_gemeente_periode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"))
    gemeente: Mapped[Gemeente] = relationship(back_populates="raden")
    raadsperiode: Mapped[str] = mapped_column(String(9))
    total_seats: Mapped[int | None]
    # [{"name": "Partij voor de Dieren", "seats": 2}, ...] in the register's order.
    parties: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # CouncilIssue values, separated by spaces.
    issues: Mapped[str] = mapped_column(String(200), default="")
    source_id: Mapped[int] = mapped_column(ForeignKey("register_sources.id"))
    source: Mapped[RegisterSource] = relationship()
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id

    @property
    def issue_list(self) -> list[CouncilIssue]:
        return [CouncilIssue(issue) for issue in self.issues.split()]

    @property
    def party_seats(self) -> list[tuple[str, int]]:
        return [(str(party["name"]), int(party["seats"])) for party in self.parties]
