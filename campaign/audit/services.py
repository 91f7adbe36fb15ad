"""Write an audit entry for every record a flush inserts, updates or deletes.

The listener runs inside the flush, so the audit rows commit or roll back together with the
change they describe: there is never a change without its trace, or a trace without its change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from flask import Flask
from flask_login import current_user
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import MANYTOONE, Mapper, Session, UOWTransaction

from campaign.acting import act_as, current_actor_id, current_origin
from campaign.audit.models import AuditEntry
from campaign.dates import PartialDate, utcnow
from campaign.extensions import db

SKIPPED_COLUMNS = {"version_id"}
REDACTED_COLUMNS = {"password_hash"}
REDACTED = "(verborgen)"
PENDING_KEY = "audit_pending"


def to_json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | PartialDate):
        return value.isoformat()
    return value


def is_audited(obj: Any) -> bool:
    return bool(getattr(obj, "audited", True))


def _as_json(values: dict[str, Any]) -> dict[str, Any]:
    """Plain JSON values, with secrets replaced by a marker that only says they changed."""
    return {
        key: REDACTED if key in REDACTED_COLUMNS else to_json_value(value)
        for key, value in values.items()
        if key not in SKIPPED_COLUMNS
    }


def _column_keys(mapper: Mapper[Any]) -> list[str]:
    return [prop.key for prop in mapper.column_attrs]


def _stored_values(session: Session, obj: Any, keys: list[str]) -> dict[str, Any]:
    """The values as stored before this flush, for attributes whose old value was not loaded
    (an object expired by a commit forgets them)."""
    mapper = inspect(obj).mapper
    columns = [mapper.columns[key] for key in keys]
    row = (
        session.connection().execute(select(*columns).where(mapper.primary_key[0] == obj.id)).one()
    )
    return dict(zip(keys, row, strict=True))


def _changed_values(session: Session, obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    unknown_before = []
    for key in _column_keys(state.mapper):
        if key in SKIPPED_COLUMNS:
            continue
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        after[key] = history.added[0] if history.added else None
        if history.deleted:
            before[key] = history.deleted[0]
        else:
            unknown_before.append(key)
    # A reference set through its relationship (gemeente.volunteer = user) reaches its foreign
    # key column only during the flush, after this listener: read it from the relationship.
    for relationship in state.mapper.relationships:
        if relationship.direction is not MANYTOONE or len(relationship.local_columns) != 1:
            continue
        (column,) = relationship.local_columns
        key = state.mapper.get_property_by_column(column).key
        history = state.attrs[relationship.key].history
        if key in after or not (history.added or history.deleted):
            continue
        added = history.added[0] if history.added else None
        after[key] = getattr(added, "id", None)
        unknown_before.append(key)
    if unknown_before:
        before.update(_stored_values(session, obj, unknown_before))
    for relationship in state.mapper.relationships:
        if relationship.secondary is None:
            continue
        history = state.attrs[relationship.key].history
        if history.added or history.deleted:
            kept = [item.id for item in history.unchanged]
            before[relationship.key] = sorted(kept + [item.id for item in history.deleted])
            after[relationship.key] = sorted(kept + [item.id for item in history.added])
    return _as_json(before), _as_json(after)


def _entry(action: str, obj: Any, before: Any, after: Any) -> dict[str, Any]:
    return {
        "occurred_at": utcnow(),
        "actor_id": current_actor_id(),
        "origin": current_origin(),
        "action": action,
        "table_name": obj.__tablename__,
        "record_id": obj.id,
        "gemeente_id": getattr(obj, "audited_gemeente_id", None),
        "before": before,
        "after": after,
    }


def _collect_before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    """Updates and deletes are read before the flush, while the old values are still stored."""
    pending = session.info.setdefault(PENDING_KEY, [])
    for obj in session.dirty:
        if not is_audited(obj) or not session.is_modified(obj):
            continue
        before, after = _changed_values(session, obj)
        if after:
            pending.append(_entry("update", obj, before, after))
    for obj in session.deleted:
        if not is_audited(obj):
            continue
        keys = _column_keys(inspect(obj).mapper)
        pending.append(_entry("delete", obj, _as_json(_stored_values(session, obj, keys)), None))


def _write_after_flush(session: Session, flush_context: UOWTransaction) -> None:
    """New records are written after the flush, once they have their ids."""
    rows = session.info.pop(PENDING_KEY, [])
    for obj in session.new:
        if not is_audited(obj):
            continue
        state = inspect(obj)
        values = {key: state.dict[key] for key in _column_keys(state.mapper) if key in state.dict}
        rows.append(_entry("create", obj, None, _as_json(values)))
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def insert_audited(
    model: Any, rows: Sequence[dict[str, Any]], key: Sequence[str]
) -> dict[tuple[Any, ...], int]:
    """Insert many new records of `model` in one statement, with their audit entries.

    For loads of thousands of rows (the register's councils), where an ORM object per row costs
    seconds. `key` names columns that are unique together (a unique constraint), by which the
    new ids are read back; returns {key values: id}. The caller must not need the rows as
    objects in the same session; a row needs its `gemeente_id` where the model has one."""
    if not rows:
        return {}
    table = model.__table__
    db.session.connection().execute(table.insert(), list(rows))
    wanted = {tuple(row[column] for column in key) for row in rows}
    first = table.c[key[0]]
    found = db.session.connection().execute(
        select(*(table.c[column] for column in key), table.c.id).where(
            first.in_({values[0] for values in wanted})
        )
    )
    ids = {tuple(values[:-1]): values[-1] for values in found if tuple(values[:-1]) in wanted}
    actor, origin, now = current_actor_id(), current_origin(), utcnow()
    db.session.connection().execute(
        insert(AuditEntry),
        [
            {
                "occurred_at": now,
                "actor_id": actor,
                "origin": origin,
                "action": "create",
                "table_name": table.name,
                "record_id": ids[tuple(row[column] for column in key)],
                "gemeente_id": row.get("gemeente_id"),
                "before": None,
                "after": _as_json({**row, "id": ids[tuple(row[column] for column in key)]}),
            }
            for row in rows
        ],
    )
    return ids


def _forget_pending(session: Session, *args: Any) -> None:
    """A failed flush or a rollback drops the entries it had collected."""
    session.info.pop(PENDING_KEY, None)


def attribute_changes_to_current_user() -> None:
    """Every change made during a request is logged under the logged-in user."""
    act_as(current_user.id if current_user.is_authenticated else None)


def init_audit(app: Flask) -> None:
    """Attribute each request's changes to its user, and listen on every session
    Flask-SQLAlchemy makes (idempotent across app instances)."""
    app.before_request(attribute_changes_to_current_user)
    if not event.contains(FlaskSession, "after_flush", _write_after_flush):
        event.listen(FlaskSession, "before_flush", _collect_before_flush)
        event.listen(FlaskSession, "after_flush", _write_after_flush)
        event.listen(FlaskSession, "after_soft_rollback", _forget_pending)


def list_audit_entries(table_name: str, record_id: int) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == table_name, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.occurred_at, AuditEntry.id)
        )
    )
