"""The readable history of changes: audit rows as lines a volunteer understands, for one
gemeente or the whole team."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from campaign.accounts.models import User
from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente

ACTIONS = {"create": "voegde toe", "update": "wijzigde", "delete": "verwijderde"}
TABLE_LABELS = {
    "gemeenten": "gemeente",
    "fracties": "fractie",
    "moties": "motie",
    "stemmingen": "stemming",
    "outreach_entries": "contact",
    "contact_persons": "contactpersoon",
    "status_changes": "status",
    "users": "account",
    "template_versions": "tekstversie",
}


FIELD_LABELS = {
    "griffie_email": "e-mailadres griffie",
    "website": "website",
    "has_noodopvang": "noodopvang",
    "notes": "notities",
    "volunteer_id": "vrijwilliger",
    "status": "status",
    "status_since": "status sinds",
    "status_set_by_id": "status gezet door",
    "manual_status": "status met de hand",
    "manual_status_reason": "reden",
    "manual_status_at": "met de hand gezet op",
    "name": "naam",
    "seats": "zetels",
    "leader_name": "fractievoorzitter",
    "leader_email": "e-mailadres fractievoorzitter",
    "raadsperiode": "raadsperiode",
    "title": "titel",
    "submitted_on": "ingediend op",
    "voted_on": "gestemd op",
    "outcome": "uitslag",
    "votes_for": "stemmen voor",
    "votes_against": "stemmen tegen",
    "record_url": "raadsbesluit",
    "indieners": "indieners",
    "indiener_names": "ondertekenaars",
    "vote": "stem",
    "follow_up_done": "opgevolgd",
    "function": "functie",
    "email": "e-mailadres",
    "phone": "telefoon",
    "role": "rol",
    "active": "actief",
    "updated_at": "gewijzigd op",
}


@dataclass(frozen=True)
class Change:
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Activity:
    entry: AuditEntry
    actor: str
    action: str
    what: str
    gemeente: Gemeente | None
    changes: list[Change]


def describe(entries: list[AuditEntry]) -> list[Activity]:
    """Turn audit rows into readable lines, in two queries however many rows there are."""
    actor_ids = {e.actor_id for e in entries if e.actor_id is not None}
    gemeente_ids = {e.gemeente_id for e in entries if e.gemeente_id is not None}
    actors = {
        user.id: user.name
        for user in db.session.scalars(select(User).where(User.id.in_(actor_ids)))
    }
    gemeenten = {
        gemeente.id: gemeente
        for gemeente in db.session.scalars(select(Gemeente).where(Gemeente.id.in_(gemeente_ids)))
    }
    return [
        Activity(
            entry=entry,
            actor=actors.get(entry.actor_id, "systeem") if entry.actor_id else "systeem",
            action=ACTIONS.get(entry.action, entry.action),
            what=_record_label(entry),
            gemeente=gemeenten.get(entry.gemeente_id) if entry.gemeente_id else None,
            changes=_changes(entry),
        )
        for entry in entries
    ]


def _changes(entry: AuditEntry) -> list[Change]:
    """What an update changed, field by field, in words a volunteer knows."""
    if entry.action != "update" or not entry.after:
        return []
    before = entry.before or {}
    return [
        Change(FIELD_LABELS.get(key, key), before.get(key), entry.after[key])
        for key in sorted(entry.after, key=lambda k: FIELD_LABELS.get(k, k))
    ]


def _record_label(entry: AuditEntry) -> str:
    values: dict[str, Any] = entry.after or entry.before or {}
    label = TABLE_LABELS.get(entry.table_name, entry.table_name)
    name = values.get("name") or values.get("title")
    return f"{label} {name}" if name and entry.table_name != "gemeenten" else label


def recent_activity(limit: int = 20) -> list[Activity]:
    entries = db.session.scalars(
        select(AuditEntry)
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    ).all()
    return describe(list(entries))


def gemeente_history(gemeente: Gemeente, limit: int = 100) -> list[Activity]:
    entries = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.gemeente_id == gemeente.id)
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    ).all()
    return describe(list(entries))
