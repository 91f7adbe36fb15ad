"""What the dashboard shows: the team's recent activity and adoptions over time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from campaign.accounts.models import User
from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie, Outcome

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


@dataclass(frozen=True)
class Activity:
    entry: AuditEntry
    actor: str
    action: str
    what: str
    gemeente: Gemeente | None
    changed_fields: list[str]


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
            changed_fields=sorted((entry.after or entry.before or {}).keys())
            if entry.action == "update"
            else [],
        )
        for entry in entries
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


def adoptions_per_year() -> list[tuple[int, int, int]]:
    """(year, adopted that year, adopted up to and including that year), oldest first."""
    years = Counter(
        motie.voted_on.year
        for motie in db.session.scalars(select(Motie).where(Motie.outcome == Outcome.AANGENOMEN))
        if motie.voted_on is not None
    )
    total = 0
    rows = []
    for year in range(min(years, default=0), max(years, default=-1) + 1):
        total += years.get(year, 0)
        rows.append((year, years.get(year, 0), total))
    return rows


def my_gemeenten(user: User) -> list[Gemeente]:
    return list(
        db.session.scalars(
            select(Gemeente).where(Gemeente.volunteer_id == user.id).order_by(Gemeente.name)
        )
    )
