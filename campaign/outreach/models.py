"""Contact persons at a gemeente and the outreach log."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model

if TYPE_CHECKING:
    from campaign.accounts.models import User
    from campaign.gemeenten.models import Fractie, Gemeente
    from campaign.mail.models import OutboxMessage


class Channel(StrEnum):
    EMAIL = "e-mail"
    TELEFOON = "telefoon"
    GESPREK = "gesprek"
    BRIEF = "brief"
    ANDERS = "anders"

    @property
    def is_conversation(self) -> bool:
        """A call or a meeting is a two-way exchange, not just a message sent."""
        return self in (Channel.TELEFOON, Channel.GESPREK)


class Direction(StrEnum):
    UITGAAND = "uitgaand"
    INKOMEND = "inkomend"


class ContactPerson(Model):
    __tablename__ = "contact_persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship(back_populates="contact_persons")
    name: Mapped[str] = mapped_column(String(120))
    # Free text such as "griffier", "raadslid" or "fractievoorzitter".
    function: Mapped[str | None] = mapped_column(String(120))
    fractie_id: Mapped[int | None] = mapped_column(ForeignKey("fracties.id"))
    fractie: Mapped[Fractie | None] = relationship()
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id


class OutreachEntry(Model):
    """One contact with a gemeente: an e-mail, call, meeting or letter, in or out."""

    __tablename__ = "outreach_entries"
    __table_args__ = (
        # The worklist's last contact and next follow-up per gemeente, and a gemeente's
        # timeline, read these without scanning the whole log.
        Index("ix_outreach_entries_gemeente_occurred", "gemeente_id", "occurred_on"),
        Index(
            "ix_outreach_entries_gemeente_follow_up",
            "gemeente_id",
            "follow_up_done",
            "follow_up_on",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship(back_populates="outreach_entries")
    occurred_on: Mapped[date]
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    direction: Mapped[Direction] = mapped_column(str_enum(Direction))
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("contact_persons.id"))
    contact_person: Mapped[ContactPerson | None] = relationship()
    with_whom: Mapped[str] = mapped_column(String(250), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(index=True)
    follow_up_done: Mapped[bool] = mapped_column(default=False)
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    logged_by: Mapped[User | None] = relationship()
    # The appeal e-mail this entry records, when it was sent from Motietracker.
    outbox_message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id"))
    outbox_message: Mapped[OutboxMessage | None] = relationship()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id
