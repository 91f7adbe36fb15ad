"""Data versions of the public pages: a short hash that changes when what a page shows changes.

National pages (the map, counts, parties, open data, the API list) follow everything. A
gemeente's own pages follow only that gemeente (its details and status, facts, fracties,
councils as registered, motions and votes) and its neighbours, so recording a motion in Zeist
does not renew the page of Maastricht.

Every public request needs its version before it can answer from the cache, so a version is a
counter kept current by the writes, not an aggregate over the tables (at ten times a
campaign's data, counting and summing 7,500 fracties took twice as long as a whole `/healthz`).
When a flush inserts, changes or deletes a record of `PUBLIC_TABLES`, the transaction bumps the
national counter and that gemeente's just before it commits, in one statement, national
first: concurrent writers queue on one row instead of deadlocking, and a reader never sees a
change without its new version. Bulk inserts that bypass the flush say what they changed with
`note_changed`. The boundaries (`map_layers`) are counted by their newest id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from flask import Flask
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import String, cast, event, func, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, UOWTransaction, mapped_column

from campaign.dates import today
from campaign.extensions import Model, db
from campaign.gemeenten.models import Gemeente
from campaign.kaart.models import MapLayer, MapShape

PUBLIC_TABLES = frozenset(
    {"gemeenten", "gemeente_facts", "status_changes", "fracties", "raden", "moties", "stemmingen"}
)
NATIONAL = "national"
GEMEENTE_PREFIX = "gemeente:"
PENDING_KEY = "changed_gemeenten"


class DataVersion(Model):
    """How often what the public pages of a scope show has changed: `national`, or
    `gemeente:<id>` for one gemeente's own pages."""

    __tablename__ = "data_versions"
    audited = False

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    counter: Mapped[int] = mapped_column(default=0)


def note_changed(gemeente_ids: Iterable[int | None]) -> None:
    """Count writes that bypass the flush (bulk inserts) as changes of these gemeenten."""
    db.session.info.setdefault(PENDING_KEY, set()).update(gemeente_ids)


def _collect(session: Session, flush_context: UOWTransaction) -> None:
    """After each flush: which gemeenten had a public record inserted, changed or deleted."""
    changed: set[int | None] = session.info.setdefault(PENDING_KEY, set())
    for obj in (*session.new, *session.deleted, *session.dirty):
        if getattr(obj, "__tablename__", None) not in PUBLIC_TABLES:
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        changed.add(getattr(obj, "audited_gemeente_id", None))


def _bump(session: Session) -> None:
    """Before the commit: one more for the national counter and each changed gemeente's."""
    session.flush()  # what the commit would flush still counts
    changed = session.info.pop(PENDING_KEY, None)
    if not changed:
        return
    scopes = [NATIONAL] + [
        f"{GEMEENTE_PREFIX}{gemeente_id}"
        for gemeente_id in sorted(i for i in changed if i is not None)
    ]
    connection = session.connection()
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    table = DataVersion.__table__
    statement = dialect.insert(table).values([{"scope": scope, "counter": 1} for scope in scopes])
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.scope], set_={"counter": table.c.counter + 1}
        )
    )


def _forget(session: Session) -> None:
    """After the transaction rolled back (not a savepoint: what was flushed before it still
    commits). A change that is forgotten too late only costs one render more."""
    session.info.pop(PENDING_KEY, None)


def init_versions(app: Flask) -> None:
    """Listen on every session Flask-SQLAlchemy makes (idempotent across app instances)."""
    if not event.contains(FlaskSession, "after_flush", _collect):
        event.listen(FlaskSession, "after_flush", _collect)
        event.listen(FlaskSession, "before_commit", _bump)
        event.listen(FlaskSession, "after_rollback", _forget)


def _digest(values: Any) -> str:
    """The values and today's date: what is "binnenkort" or "gepland" changes with the day."""
    return hashlib.sha256(repr((*values, today().isoformat())).encode()).hexdigest()[:24]


def _newest_layer() -> Any:
    return select(func.max(MapLayer.id)).scalar_subquery()


def national_version() -> str:
    # Core, not the ORM's execute: no objects come back, and this runs on every request.
    values = (
        db.session.connection()
        .execute(
            select(
                select(DataVersion.counter).where(DataVersion.scope == NATIONAL).scalar_subquery(),
                _newest_layer(),
            )
        )
        .one()
    )
    return _digest(values)


def gemeente_version(slug: str) -> str | None:
    """The version of one gemeente's pages, or None when there is no such gemeente."""
    found = (
        db.session.connection()
        .execute(
            select(Gemeente.id, MapShape.neighbour_codes, _newest_layer())
            .outerjoin(MapShape, MapShape.cbs_code == Gemeente.cbs_code)
            .where(Gemeente.slug == slug)
        )
        .first()
    )
    if found is None:
        return None
    gemeente_id, neighbour_codes, layer = found
    scope = literal(GEMEENTE_PREFIX) + cast(Gemeente.id, String)
    counters = (
        db.session.connection()
        .execute(
            select(Gemeente.id, DataVersion.counter)
            .outerjoin(DataVersion, DataVersion.scope == scope)
            .where(or_(Gemeente.id == gemeente_id, Gemeente.cbs_code.in_(neighbour_codes or [])))
            .order_by(Gemeente.id)
        )
        .all()
    )
    return _digest((gemeente_id, layer, *(tuple(row) for row in counters)))
