"""Composing the appeal e-mail for one gemeente, with the motion and the background sheet."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlalchemy import select

from campaign.accounts.models import User
from campaign.dates import today
from campaign.documents.docx import build_docx, dutch_document
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.documents.motion import MotionOptions
from campaign.documents.services import (
    background_sheet,
    current_version,
    filename_for,
    motion_for,
)
from campaign.errors import UserError
from campaign.extensions import db
from campaign.formatting import dutch_date
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente, current_raadsperiode
from campaign.gemeenten.provenance import FactField, sourced_fact
from campaign.kaart.services import neighbours_of, shape_of


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes


@dataclass(frozen=True)
class Recipient:
    """Where a gemeente's appeal goes, and why that address (in Dutch, for the preview)."""

    address: str
    reason: str
    # In a word or two, for the list of messages: "griffie" or "algemeen adres".
    kind: str


@dataclass(frozen=True)
class Appeal:
    gemeente: Gemeente
    recipients: list[str]
    subject: str
    body: str
    reason: str = ""
    kind: str = ""


def _origin(gemeente: Gemeente, field: FactField) -> str:
    fact = sourced_fact(gemeente, field)
    if fact is None or fact.is_by_hand:
        return "ingevoerd door de campagne"
    return f"uit het register, export van {dutch_date(fact.date)}"


def appeal_recipient(gemeente: Gemeente) -> Recipient | None:
    """The griffie's address where one is known, else the gemeente's general address: the
    appeal asks whoever reads it to pass it on to the fractievoorzitters and the griffier.
    A volunteer changes either on the gemeente's page. None when neither is known."""
    if gemeente.griffie_email:
        origin = _origin(gemeente, FactField.GRIFFIE_EMAIL)
        return Recipient(gemeente.griffie_email, f"het adres van de griffie ({origin})", "griffie")
    if gemeente.general_email:
        origin = _origin(gemeente, FactField.GENERAL_EMAIL)
        return Recipient(
            gemeente.general_email,
            f"het algemene adres van de gemeente ({origin}): er is geen adres van de griffie "
            "bekend, en de oproep vraagt het door te sturen aan de fractievoorzitters en de "
            "griffier",
            "algemeen adres",
        )
    return None


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" en {names[-1]}"


def neighbours_sentence(gemeente: Gemeente) -> str:
    """'Uw buurgemeenten Leusden en Zeist namen de motie al aan.', or nothing.

    Without map boundaries, neighbours are the other gemeenten in the province.
    """
    shape = shape_of(gemeente)
    adopted = [
        g.name for g in neighbours_of(gemeente, shape) if g.status is CampaignStatus.AANGENOMEN
    ]
    if not adopted:
        return ""
    names, many = join_names(adopted), len(adopted) > 1
    if shape is None:
        who = "namen de gemeenten" if many else "nam de gemeente"
        return f"In uw provincie {who} {names} de motie al aan."
    who = "Uw buurgemeenten" if many else "Uw buurgemeente"
    return f"{who} {names} {'namen' if many else 'nam'} de motie al aan."


def fractie_leader_addresses(gemeente: Gemeente) -> list[str]:
    fracties = db.session.scalars(
        select(Fractie).where(
            Fractie.gemeente_id == gemeente.id,
            Fractie.raadsperiode == current_raadsperiode(today()),
            Fractie.leader_email.is_not(None),
        )
    )
    return [f.leader_email for f in fracties if f.leader_email]


def fill_appeal(subject: str, body: str, gemeente: Gemeente, sender: User) -> tuple[str, str]:
    """Replace the placeholders; the subject becomes one line, empty paragraphs disappear."""
    fill = {
        "[uw gemeente]": gemeente.name,
        "[buurgemeenten]": neighbours_sentence(gemeente),
        "[afzender]": sender.name,
    }
    for placeholder, value in fill.items():
        subject, body = subject.replace(placeholder, value), body.replace(placeholder, value)
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return " ".join(subject.split()), "\n\n".join(paragraphs) + "\n"


def compose_appeal(
    gemeente: Gemeente,
    sender: User,
    include_fractie_leaders: bool,
    version: TemplateVersion | None = None,
) -> Appeal:
    """The message for one gemeente; raises UserError when no address is known for it."""
    recipient = appeal_recipient(gemeente)
    if recipient is None:
        raise UserError(f"Van {gemeente.name} is geen e-mailadres bekend.")
    version = version or current_version(TemplateKind.OPROEP)
    recipients = [recipient.address]
    if include_fractie_leaders:
        recipients += [a for a in fractie_leader_addresses(gemeente) if a not in recipients]
    subject, body = fill_appeal(
        version.content["subject"], version.content["body"], gemeente, sender
    )
    return Appeal(gemeente, recipients, subject, body, recipient.reason, recipient.kind)


def background_docx() -> Attachment:
    """The background sheet as a Word document, from its current text version."""
    title, blocks = background_sheet()
    document = dutch_document(title)
    document.add_heading(title, level=1)
    for block in blocks:
        if block.is_heading:
            document.add_heading(block.text, level=2)
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return Attachment("Achtergrondinformatie kinderpardon.docx", buffer.getvalue())


def motion_attachment(gemeente: Gemeente) -> Attachment:
    """The motion filled in for this gemeente, clause f following its noodopvang flag."""
    options = MotionOptions(include_noodopvang=gemeente.has_noodopvang)
    return Attachment(
        filename_for(gemeente, options, "docx"), build_docx(motion_for(gemeente, options))
    )
