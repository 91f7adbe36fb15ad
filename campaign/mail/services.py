"""Appeal batches: plan, store, and send each message at most once, resumably.

A batch is first stored with every message in state `wacht`. Sending claims one message at a
time with a conditional update (`wacht` → `bezig`) and commits that before talking to the mail
server; after delivery it records `verstuurd`, the outreach entry and the new status together.
If the process dies in between, the message stays `bezig`: a resumed batch marks it `onzeker`
for a volunteer to check instead of sending it again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import CursorResult, exists, select, update
from sqlalchemy.orm import aliased, selectinload

from campaign.accounts.models import User
from campaign.acting import act_as
from campaign.dates import today, utcnow
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.status import refresh_status
from campaign.mail.appeal import (
    Appeal,
    Attachment,
    appeal_recipient,
    background_docx,
    compose_appeal,
    motion_attachment,
)
from campaign.mail.models import MailBatch, MessageStatus, OutboxMessage
from campaign.mailer import DeliveryError, build_message, send
from campaign.outreach.models import Channel, Direction, OutreachEntry

# A gemeente has the appeal when a message to it went out, may have gone out, or waits to go.
HAS_THE_APPEAL = (
    MessageStatus.VERSTUURD,
    MessageStatus.ONZEKER,
    MessageStatus.BEZIG,
    MessageStatus.WACHT,
)
# …and at sending time, when another message to it went out or is going out right now.
SENT_OR_SENDING = (MessageStatus.VERSTUURD, MessageStatus.ONZEKER, MessageStatus.BEZIG)


@dataclass(frozen=True)
class EarlierAppeal:
    """The latest appeal a gemeente already has: sent (with its time) or on its way."""

    gemeente: Gemeente
    status: MessageStatus
    sent_at: datetime | None
    batch_id: int


@dataclass
class BatchPlan:
    appeals: list[Appeal] = field(default_factory=list)
    without_address: list[Gemeente] = field(default_factory=list)
    # Gemeenten that already have the appeal: left out, or sent again when there is a reason.
    already_sent: list[EarlierAppeal] = field(default_factory=list)
    resend_reason: str | None = None


def earlier_appeals(gemeenten: list[Gemeente]) -> dict[int, EarlierAppeal]:
    """Per gemeente its latest appeal that was sent or is on its way, in one query."""
    ids = [gemeente.id for gemeente in gemeenten]
    messages = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.gemeente_id.in_(ids), OutboxMessage.status.in_(HAS_THE_APPEAL))
        .options(selectinload(OutboxMessage.gemeente))
        .order_by(OutboxMessage.id)
    )
    return {
        message.gemeente_id: EarlierAppeal(
            message.gemeente, message.status, message.sent_at, message.batch_id
        )
        for message in messages
    }


def plan_batch(
    gemeenten: list[Gemeente],
    sender: User,
    include_fractie_leaders: bool,
    again: bool = False,
    reason: str = "",
) -> BatchPlan:
    """Who gets what. A gemeente that already has the appeal is left out, unless the volunteer
    sends it `again` and says why: the appeal never reaches a griffie twice by accident."""
    reason = " ".join(reason.split())
    if again and not reason:
        raise UserError("Zeg waarom je de oproep opnieuw verstuurt.", field="reden")
    if len(reason) > 500:
        raise UserError("De reden is te lang (hooguit 500 tekens).", field="reden")
    plan = BatchPlan(resend_reason=reason if again else None)
    earlier = earlier_appeals(gemeenten)
    for gemeente in gemeenten:
        if appeal_recipient(gemeente) is None:
            plan.without_address.append(gemeente)
            continue
        if gemeente.id in earlier:
            plan.already_sent.append(earlier[gemeente.id])
            if not again:
                continue
        plan.appeals.append(compose_appeal(gemeente, sender, include_fractie_leaders))
    return plan


def create_batch(plan: BatchPlan, sender: User, include_fractie_leaders: bool) -> MailBatch:
    if not plan.appeals and plan.already_sent:
        raise UserError(
            "Alle gekozen gemeenten met een adres hebben de oproep al. Vink 'opnieuw versturen' "
            "aan en zeg waarom, als het echt nog eens moet."
        )
    if not plan.appeals:
        raise UserError("Van geen van de gekozen gemeenten is een e-mailadres bekend.")
    batch = MailBatch(
        created_by=sender,
        include_fractie_leaders=include_fractie_leaders,
        resend_reason=plan.resend_reason,
    )
    batch.messages = [
        OutboxMessage(
            gemeente=appeal.gemeente,
            recipients=", ".join(appeal.recipients),
            subject=appeal.subject,
            body=appeal.body,
        )
        for appeal in plan.appeals
    ]
    db.session.add(batch)
    db.session.commit()
    return batch


@dataclass
class BatchReport:
    sent: int = 0
    failed: int = 0
    uncertain: int = 0
    skipped: int = 0


def _claim(message: OutboxMessage, resend: bool) -> bool:
    """Take one waiting message for sending. Claims for one gemeente queue on its row, so of
    two batches that both hold it only the first sends, unless the second is a resend; the
    other message is marked `overgeslagen`."""
    db.session.execute(
        select(Gemeente.id).where(Gemeente.id == message.gemeente_id).with_for_update()
    )
    statement = update(OutboxMessage).where(
        OutboxMessage.id == message.id, OutboxMessage.status == MessageStatus.WACHT
    )
    if not resend:
        other = aliased(OutboxMessage)
        statement = statement.where(
            ~exists().where(
                other.gemeente_id == message.gemeente_id,
                other.id != message.id,
                other.status.in_(SENT_OR_SENDING),
            )
        )
    claimed: CursorResult[Any] = db.session.execute(  # type: ignore[assignment]
        statement.values(status=MessageStatus.BEZIG)
    )
    if claimed.rowcount != 1:
        db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message.id, OutboxMessage.status == MessageStatus.WACHT)
            .values(
                status=MessageStatus.OVERGESLAGEN,
                error="Niet verstuurd: deze gemeente kreeg de oproep intussen al.",
            )
        )
    db.session.commit()
    return claimed.rowcount == 1


def _deliver(message: OutboxMessage, sender: User | None, background: Attachment) -> None:
    attachments = [motion_attachment(message.gemeente), background]
    email = build_message(
        [address.strip() for address in message.recipients.split(",")],
        message.subject,
        message.body,
        reply_to=sender.email if sender else None,
        attachments=[(a.filename, a.content) for a in attachments],
        message_id=f"oproep-{message.id}",
    )
    try:
        message.delivered_to = send(email)
    except DeliveryError as error:
        message.status = MessageStatus.MISLUKT
        message.error = str(error)[:2000]
        return
    message.status = MessageStatus.VERSTUURD
    message.sent_at = utcnow()
    message.message_id_header = email["Message-ID"]
    db.session.add(
        OutreachEntry(
            gemeente=message.gemeente,
            occurred_on=today(),
            channel=Channel.EMAIL,
            direction=Direction.UITGAAND,
            with_whom=message.recipients[:250],
            summary=(
                f"Oproep opnieuw verstuurd ({message.batch.resend_reason}): {message.subject}"
                if message.batch.resend_reason
                else f"Oproep verstuurd: {message.subject}"
            ),
            logged_by=sender,
            outbox_message=message,
        )
    )
    refresh_status(message.gemeente)


def send_batch(batch: MailBatch) -> BatchReport:
    """Send what is still waiting; safe to call again after an interruption."""
    act_as(batch.created_by_id)
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.batch_id == batch.id, OutboxMessage.status == MessageStatus.BEZIG)
        .values(
            status=MessageStatus.ONZEKER,
            error="Versturen werd onderbroken; controleer of dit bericht is aangekomen.",
        )
    )
    db.session.commit()
    waiting = db.session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.batch_id == batch.id, OutboxMessage.status == MessageStatus.WACHT)
        .order_by(OutboxMessage.id)
    ).all()
    report = BatchReport()
    background = background_docx()  # the same for every gemeente: built once per run
    resend = batch.resend_reason is not None
    for message_id in waiting:
        message = db.session.get(OutboxMessage, message_id)
        assert message is not None
        if not _claim(message, resend):
            db.session.refresh(message)
            if message.status is MessageStatus.OVERGESLAGEN:
                report.skipped += 1
            continue
        db.session.refresh(message)
        _deliver(message, batch.created_by, background)
        db.session.commit()
        if message.status is MessageStatus.VERSTUURD:
            report.sent += 1
        else:
            report.failed += 1
    report.uncertain = len([m for m in batch.messages if m.status is MessageStatus.ONZEKER])
    return report


def send_in_background(batch_id: int) -> None:
    """Send a batch after the request that created it has answered."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]

    def run() -> None:
        with app.app_context():
            batch = db.session.get(MailBatch, batch_id)
            if batch is not None:
                send_batch(batch)
            db.session.remove()

    if current_app.config["MAIL_SEND_IN_BACKGROUND"]:
        threading.Thread(target=run, name=f"mail-batch-{batch_id}", daemon=True).start()
    else:
        run()


def recent_batches(limit: int = 10) -> list[MailBatch]:
    return list(db.session.scalars(select(MailBatch).order_by(MailBatch.id.desc()).limit(limit)))


def messages_for(gemeente: Gemeente) -> list[OutboxMessage]:
    """Every appeal sent (or tried) to a gemeente, newest first."""
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.gemeente_id == gemeente.id)
            .order_by(OutboxMessage.id.desc())
        )
    )
