"""E-mail transport, shared by everything that mails: build a message and deliver it over SMTP
or, without a mail server, into the outbox folder as a .eml file.

Headers are set through `email.message.EmailMessage`, which refuses line breaks in header
values, so a name or subject typed by a user can never add a header of its own.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import uuid
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from flask import current_app

from campaign.dates import utcnow
from campaign.errors import UserError


class DeliveryError(Exception):
    """The SMTP server refused or could not be reached; the message says why (in English)."""


DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def build_message(
    to: str | list[str],
    subject: str,
    body: str,
    reply_to: str | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    message_id: str | None = None,
) -> EmailMessage:
    """A plain-text message; attachments are (filename, .docx content)."""
    config = current_app.config
    message = EmailMessage()
    try:
        message["From"] = formataddr((config["MAIL_SENDER_NAME"], config["MAIL_SENDER"]))
        message["To"] = to if isinstance(to, str) else ", ".join(to)
        message["Subject"] = subject
        if reply_to:
            message["Reply-To"] = reply_to
    except ValueError:
        raise UserError("Een naam, adres of onderwerp bevat een regeleinde.") from None
    domain = Address(addr_spec=config["MAIL_SENDER"]).domain
    message["Message-ID"] = f"<{message_id}@{domain}>" if message_id else make_msgid(domain=domain)
    message["Date"] = utcnow()
    message.set_content(body)
    for filename, content in attachments:
        message.add_attachment(content, maintype=DOCX[0], subtype=DOCX[1], filename=filename)
    return message


def outbox_path() -> Path:
    return Path(current_app.instance_path) / "outbox"


def _write_to_outbox(message: EmailMessage) -> str:
    """Keep the message as a .eml file only the site's user can read (it may hold a reset
    link). A full disk or read-only folder is a delivery failure like a refusing server."""
    path = outbox_path() / f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(message.as_bytes())
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        raise DeliveryError(f"could not write to the outbox: {error}") from error
    return str(path)


def send(message: EmailMessage) -> str:
    """Deliver one message; return where it went (the SMTP host or the .eml file)."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return _write_to_outbox(message)
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    try:
        with smtp_class(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=30) as smtp:
            if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryError(f"{type(error).__name__}: {error}") from error
    return str(config["MAIL_SERVER"])
