"""The readable history of changes: audit rows as dated Dutch sentences, for one gemeente (all
of it) or for the team (what people did, not what seeding or a load by the system did)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select

from campaign.accounts.models import User
from campaign.acting import SystemOrigin
from campaign.audit.models import AuditEntry
from campaign.audit.sentences import Names, Part, field_label, sentence
from campaign.dates import DUTCH_TIME, today
from campaign.extensions import db
from campaign.formatting import dutch_date
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie
from campaign.paging import Page

SYSTEM = "Het systeem"
# Who wrote a record when no person did (`AuditEntry.origin`); not the team's activity.
SYSTEM_ACTORS = {SystemOrigin.SEED: "De basisgegevens", SystemOrigin.REGISTER: "Het register"}
# Rows that only repeat what another row of the same change says.
NOT_IN_THE_TEAM_FEED = ("stemmingen", "outbox_messages", "mail_batches")


@dataclass(frozen=True)
class Change:
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Activity:
    entry: AuditEntry
    parts: list[Part]
    day: str
    changes: list[Change]


def _day(entry: AuditEntry, now: date) -> str:
    """ "25 november" this year, "25 november 2025" before."""
    day = entry.occurred_at.astimezone(DUTCH_TIME).date()
    text = dutch_date(day)
    return text.removesuffix(f" {now.year}") if day.year == now.year else text


def _names(entries: list[AuditEntry]) -> Names:
    user_ids = {e.actor_id for e in entries if e.actor_id is not None}
    for entry in entries:
        values = {**(entry.before or {}), **(entry.after or {})}
        if isinstance(values.get("volunteer_id"), int):
            user_ids.add(values["volunteer_id"])
        if entry.table_name == "users":
            user_ids.add(entry.record_id)
    motion_ids = {e.record_id for e in entries if e.table_name == "moties"}
    users = {u.id: u.name for u in db.session.scalars(select(User).where(User.id.in_(user_ids)))}
    motions = {
        m.id: m.display_title
        for m in db.session.scalars(select(Motie).where(Motie.id.in_(motion_ids)))
    }
    return Names(users, motions)


def describe(entries: list[AuditEntry]) -> list[Activity]:
    """Turn audit rows into sentences, in a fixed number of queries however many rows there are."""
    names = _names(entries)
    gemeente_ids = {e.gemeente_id for e in entries if e.gemeente_id is not None}
    gemeenten = {
        gemeente.id: gemeente
        for gemeente in db.session.scalars(select(Gemeente).where(Gemeente.id.in_(gemeente_ids)))
    }
    now = today()
    activities = []
    for entry in entries:
        if entry.actor_id:
            actor = names.users.get(entry.actor_id, SYSTEM)
        else:
            actor = SYSTEM_ACTORS.get(entry.origin, SYSTEM) if entry.origin else SYSTEM
        gemeente = gemeenten.get(entry.gemeente_id) if entry.gemeente_id else None
        parts = sentence(entry, actor, gemeente, names)
        if parts is not None:
            activities.append(Activity(entry, parts, _day(entry, now), _changes(entry, names)))
    return activities


def _shown(key: str, value: Any, names: Names) -> Any:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if key in ("volunteer_id", "status_set_by_id") and isinstance(value, int):
        return names.users.get(value, value)
    return value


def _changes(entry: AuditEntry, names: Names) -> list[Change]:
    """What an update changed, field by field, in words a volunteer knows."""
    if entry.action != "update" or not entry.after:
        return []
    before = entry.before or {}
    return [
        Change(
            field_label(key),
            _shown(key, before.get(key), names),
            _shown(key, entry.after[key], names),
        )
        for key in sorted(entry.after, key=field_label)
    ]


def recent_activity(limit: int = 20) -> list[Activity]:
    """What people in the team did lately, and reports that came in from the public.

    Changes without a person (seeding, register loads, other runs by the system) are left out.
    """
    by_people = or_(
        AuditEntry.actor_id.is_not(None),
        and_(AuditEntry.table_name == "reports", AuditEntry.action == "create"),
    )
    entries = db.session.scalars(
        select(AuditEntry)
        .where(by_people, AuditEntry.table_name.not_in(NOT_IN_THE_TEAM_FEED))
        # Rows are numbered as they are written: the highest ids are the latest, and reading
        # them in key order needs no sort of the whole log.
        .order_by(AuditEntry.id.desc())
        .limit(limit * 2)
    ).all()
    return describe(list(entries))[:limit]


def gemeente_history(gemeente: Gemeente, size: int, number: int = 1) -> Page[Activity]:
    """One page of everything that changed in a gemeente, the latest first."""
    of_gemeente = AuditEntry.gemeente_id == gemeente.id
    total = db.session.scalar(select(func.count()).select_from(AuditEntry).where(of_gemeente))
    entries = db.session.scalars(
        select(AuditEntry)
        .where(of_gemeente)
        .order_by(AuditEntry.id.desc())
        .limit(size)
        .offset((number - 1) * size)
    ).all()
    return Page(describe(list(entries)), total or 0, number, size)
