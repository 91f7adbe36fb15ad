"""Batches of appeal e-mails and each message in them, with its delivery state."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model

if TYPE_CHECKING:
    from campaign.accounts.models import User
    from campaign.gemeenten.models import Gemeente


class MessageStatus(StrEnum):
    """A message is claimed (`bezig`) before it goes out and marked `verstuurd` after. One that
    is still `bezig` when a batch resumes may or may not have left: it becomes `onzeker` and is
    not sent again, so no griffie ever gets the appeal twice."""

    WACHT = "wacht"
    BEZIG = "bezig"
    VERSTUURD = "verstuurd"
    MISLUKT = "mislukt"
    ONZEKER = "onzeker"
    # Left out at sending time: the gemeente got the appeal from another batch meanwhile.
    OVERGESLAGEN = "overgeslagen"


class MailBatch(Model):
    __tablename__ = "mail_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[User | None] = relationship()
    include_fractie_leaders: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why a volunteer sent the appeal again to gemeenten that already had it; None for a
    # normal batch, which leaves those gemeenten out.
    resend_reason: Mapped[str | None] = mapped_column(Text)
    messages: Mapped[list[OutboxMessage]] = relationship(
        back_populates="batch", order_by="OutboxMessage.id"
    )


class OutboxMessage(Model):
    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("mail_batches.id"), index=True)
    batch: Mapped[MailBatch] = relationship(back_populates="messages")
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship()
    recipients: Mapped[str] = mapped_column(Text)  # comma-separated, validated addresses
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[MessageStatus] = mapped_column(
        str_enum(MessageStatus), default=MessageStatus.WACHT, index=True
    )
    error: Mapped[str | None] = mapped_column(Text)
    # Where it went: the SMTP host, or the .eml file in the outbox folder.
    delivered_to: Mapped[str | None] = mapped_column(String(500))
    message_id_header: Mapped[str | None] = mapped_column(String(250))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id
