"""Template versions, and the motion for a gemeente built from the current (or a given) version."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from campaign.accounts.models import User
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.documents.motion import MotionDocument, MotionOptions, build_motion, clean_text
from campaign.errors import ConflictError, UserError
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.services import list_gemeenten

MAX_FRACTIES = 20
MAX_RAADSLEDEN = 40
_SEPARATORS = re.compile(r"[,\n;]")


def current_version(kind: TemplateKind) -> TemplateVersion:
    version = db.session.scalar(
        select(TemplateVersion)
        .where(TemplateVersion.kind == kind)
        .order_by(TemplateVersion.number.desc())
        .limit(1)
    )
    if version is None:
        raise UserError("Er is nog geen tekst van dit soort. Voer eerst `flask init` uit.")
    return version


def find_version(kind: TemplateKind, number: int) -> TemplateVersion | None:
    return db.session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.kind == kind, TemplateVersion.number == number
        )
    )


def list_versions(kind: TemplateKind) -> list[TemplateVersion]:
    return list(
        db.session.scalars(
            select(TemplateVersion)
            .where(TemplateVersion.kind == kind)
            .order_by(TemplateVersion.number.desc())
        )
    )


def save_version(
    kind: TemplateKind,
    title: str,
    content: dict[str, Any],
    note: str,
    author: User,
    based_on: int | None,
) -> TemplateVersion:
    """Every save is a new version; older ones stay as they were.

    `based_on` is the number the editor started from: if someone saved a newer version in the
    meantime, this save is refused instead of silently replacing their text.
    """
    latest = (
        db.session.scalar(
            select(func.max(TemplateVersion.number)).where(TemplateVersion.kind == kind)
        )
        or 0
    )
    if based_on is not None and based_on != latest:
        raise ConflictError(
            f"Intussen is versie {latest} opgeslagen. Bekijk die eerst; jouw tekst staat nog in "
            "het formulier."
        )
    version = TemplateVersion(
        kind=kind, number=latest + 1, title=title, content=content, note=note, created_by=author
    )
    db.session.add(version)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ConflictError(
            "Iemand anders sloeg tegelijk een versie op. Probeer het opnieuw."
        ) from None
    return version


def _split_names(text: str, limit: int, what: str) -> tuple[str, ...]:
    names = [clean_text(name) for name in _SEPARATORS.split(text)]
    names = [name for name in names if name]
    if len(names) > limit:
        raise UserError(f"Hooguit {limit} {what}.")
    too_long = next((name for name in names if len(name) > 100), None)
    if too_long is not None:
        raise UserError(f"Een naam is te lang (hooguit 100 tekens): {too_long[:40]}…")
    return tuple(dict.fromkeys(names))


def parse_motion_options(args: Mapping[str, Any], gemeente: Gemeente) -> MotionOptions:
    """Read the fields of the motion form or a shared link; refuse anything malformed.

    `fracties` and `raadsleden` are separated by commas or new lines; `fractie` may repeat
    (the form's checkboxes). `noodopvang` is 0 or 1 and defaults to the gemeente's flag.
    """
    text = args.get("datum", "").strip()
    meeting_date = None
    if text:
        try:
            meeting_date = date.fromisoformat(text)
        except ValueError:
            raise UserError(
                f"De datum '{text[:20]}' klopt niet. Gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-12.",
                field="datum",
            ) from None
        if not 2000 <= meeting_date.year <= 2100:
            raise UserError("Kies een datum tussen 2000 en 2100.", field="datum")
    noodopvang_text = args.get("noodopvang", "")
    if noodopvang_text not in ("", "0", "1"):
        raise UserError("noodopvang is 0 (zonder) of 1 (met).", field="noodopvang")
    chosen = args.getlist("fractie") if hasattr(args, "getlist") else []
    fracties = _split_names(
        "\n".join([*chosen, args.get("fracties", "")]), MAX_FRACTIES, "fracties"
    )
    raadsleden = _split_names(args.get("raadsleden", ""), MAX_RAADSLEDEN, "raadsleden")
    agenda_item = clean_text(args.get("agendapunt", ""))
    if len(agenda_item) > 200:
        raise UserError("Het agendapunt is te lang (hooguit 200 tekens).", field="agendapunt")
    local = clean_text(args.get("lokaal", ""))
    if len(local) > 3000:
        raise UserError("De lokale alinea is te lang (hooguit 3000 tekens).", field="lokaal")
    return MotionOptions(
        meeting_date=meeting_date,
        agenda_item=agenda_item,
        fracties=fracties,
        raadsleden=raadsleden,
        include_noodopvang=gemeente.has_noodopvang
        if not noodopvang_text
        else noodopvang_text == "1",
        local_paragraph=local,
    )


def options_as_query(options: MotionOptions) -> dict[str, str]:
    """The query parameters of a link that rebuilds exactly this motion."""
    query = {
        "datum": options.meeting_date.isoformat() if options.meeting_date else "",
        "agendapunt": options.agenda_item,
        "fracties": ", ".join(options.fracties),
        "raadsleden": ", ".join(options.raadsleden),
        "noodopvang": "1" if options.include_noodopvang else "0",
        "lokaal": options.local_paragraph,
    }
    return {key: value for key, value in query.items() if value}


def motion_for(
    gemeente: Gemeente, options: MotionOptions, version: TemplateVersion | None = None
) -> MotionDocument:
    version = version or current_version(TemplateKind.MOTIE)
    return build_motion(version.content, version.number, gemeente.name, options)


def preview_gemeente(slug: str | None) -> Gemeente:
    """The gemeente an editor previews a text for: the one chosen, else the first by name."""
    gemeente = db.session.scalar(select(Gemeente).where(Gemeente.slug == (slug or "")))
    return gemeente or list_gemeenten()[0]


def filename_for(gemeente: Gemeente, options: MotionOptions, extension: str) -> str:
    """`motie-gewortelde-kinderen-amersfoort-2026-03-12.docx`."""
    parts = ["motie-gewortelde-kinderen", gemeente.slug]
    if options.meeting_date:
        parts.append(options.meeting_date.isoformat())
    return "-".join(parts) + f".{extension}"


@dataclass(frozen=True)
class TextBlock:
    text: str
    is_heading: bool


def background_sheet() -> tuple[str, list[TextBlock]]:
    """The background sheet's title and its blocks, for the info page and the mail attachment.

    The text is stored plain; a short block without a closing full stop ("Wat is het
    Kinderpardon?") is a heading.
    """
    body = current_version(TemplateKind.ACHTERGROND).content["body"]
    blocks = [block.strip() for block in body.split("\n\n") if block.strip()]
    return blocks[0], [
        TextBlock(block, len(block) < 70 and not block.endswith(".")) for block in blocks[1:]
    ]
