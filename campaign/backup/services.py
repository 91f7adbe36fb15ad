"""Export every table to one JSON document, and restore one into an empty database.

The document is deterministic (rows by primary key, keys sorted, UTC timestamps), so the same
data exported from SQLite and from PostgreSQL gives byte-identical files:

    {"format": "motietracker-backup", "format_version": 1, "schema_revision": "…",
     "password_hashes": false, "tables": {"<table>": [{"<column>": value, …}, …], …}}

Dates and timestamps are ISO 8601 strings; JSON columns are kept as JSON. Password hashes are
left out unless asked for; restored accounts without one must then use "Wachtwoord vergeten".
"""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, insert, select, text, update
from werkzeug.security import generate_password_hash

from campaign.dates import PartialDate
from campaign.dbtypes import PartialDateType
from campaign.errors import UserError
from campaign.extensions import db

FORMAT = "motietracker-backup"
FORMAT_VERSION = 1


def _schema_revision() -> str | None:
    return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _tables() -> list[Table]:
    return [table for table in db.metadata.sorted_tables]


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date | PartialDate):
        return value.isoformat()
    return value


def export_everything(with_password_hashes: bool = False) -> str:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in _tables():
        # Core selects on the table itself keep our column types' own conversions.
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        records = []
        for row in rows:
            record = {key: _json_value(value) for key, value in row.items()}
            if table.name == "users" and not with_password_hashes:
                record["password_hash"] = None
            records.append(record)
        tables[table.name] = records
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": _schema_revision(),
        "password_hashes": with_password_hashes,
        "tables": tables,
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1, default=str) + "\n"


def _python_value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    column_type = column.type
    if isinstance(column_type, PartialDateType):
        return PartialDate.parse(value)
    impl = getattr(column_type, "impl", column_type)
    if isinstance(impl, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(impl, Date) and not isinstance(impl, DateTime):
        return date.fromisoformat(value)
    return value


def _check_document(document: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserError("This is not a Motietracker backup.")
    if document.get("format_version") != FORMAT_VERSION:
        raise UserError(f"Unsupported backup format version {document.get('format_version')!r}.")
    revision = _schema_revision()
    if document.get("schema_revision") != revision:
        raise UserError(
            f"The backup is of schema {document.get('schema_revision')}, this database is at "
            f"{revision}. Restore into a database at the same migration."
        )
    tables = document.get("tables")
    known = {table.name for table in _tables()}
    if not isinstance(tables, dict) or set(tables) - known:
        raise UserError(f"Unknown tables in the backup: {sorted(set(tables or {}) - known)}")
    return tables


def import_everything(document: Any) -> dict[str, int]:
    """Restore into an empty database in one transaction: all rows, or nothing."""
    tables = _check_document(document)
    for table in _tables():
        if db.session.scalar(select(func.count()).select_from(table)):
            raise UserError(f"The database is not empty (table {table.name} has rows).")
    counts = {}
    try:
        for table in _tables():
            rows = tables.get(table.name, [])
            self_references = [
                fk.parent.name for fk in table.foreign_keys if fk.column.table is table
            ]
            prepared = []
            for row in rows:
                values = {c.name: _python_value(c, row.get(c.name)) for c in table.columns}
                if table.name == "users" and values.get("password_hash") is None:
                    values["password_hash"] = generate_password_hash(secrets.token_urlsafe(32))
                for name in self_references:
                    values[name] = None
                prepared.append(values)
            if prepared:
                db.session.execute(insert(table), prepared)
            for name in self_references:
                for row in rows:
                    if row.get(name) is not None:
                        db.session.execute(
                            update(table).where(table.c.id == row["id"]).values({name: row[name]})
                        )
            counts[table.name] = len(rows)
        _reset_sequences()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return counts


def _reset_sequences() -> None:
    """PostgreSQL hands out ids from sequences, which a restore with explicit ids must move on."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in _tables():
        if "id" not in table.c:
            continue
        next_id = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
        sequence = func.pg_get_serial_sequence(table.name, "id")
        db.session.execute(select(func.setval(sequence, next_id, False)))
