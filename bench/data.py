"""Build a Motietracker database of a chosen size, for the benchmarks.

Sizes:
  seed   what `flask init` loads (342 gemeenten, seven adoptions, texts, map), plus two
         accounts to log in with (BENCH_ADMIN and BENCH_VOLUNTEER, password BENCH_PASSWORD).
  x10    the seeded campaign inflated: a team of 24 volunteers who claimed most gemeenten,
         10 contacts per gemeente (outreach entries, half with a follow-up: most done, some
         open, some of those due), 8-13 fracties per gemeente per raadsperiode with seats,
         two motions per gemeente with indieners and a vote per fractie, the status history
         that follows from those facts, and the audit log that comes with all of it.
  x100   the same with 100 contacts per gemeente.

Every record goes in through the ORM (bench/inflate.py) in a few large flushes, so the app's
own audit listener writes the audit log exactly as it does for volunteers (a create row per
record, an update row per change), at the scale of a real campaign: x10 adds about 20,000
records and 24,000 audit rows, x100 about 51,000 records and 70,000 audit rows. The audit rows
carry the time of the build and no actor; everything else carries dates spread over the
campaign. The data is random but repeatable (`--random-seed`); x10 and x100 share their
fracties, motions and claims.

This module is the benchmarks' only door into the app's code: `create_app`, `db`, the models
and the `flask init` command (migrations and `load_seed_data`). When the app moves, adapt the
imports here; the other scripts reach the app over HTTP or through the helpers below.

Usage:
  .venv/bin/python bench/data.py --size x10 --database-url sqlite:////tmp/x10.sqlite
  .venv/bin/python bench/data.py --size x100 \\
      --database-url postgresql://postgres@127.0.0.1:5432/motietracker_x100

The database must exist and be empty (an SQLite file is created); the schema comes from
`flask --app app init`, which runs the migrations and loads the seed data.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# Run as a script, this module is __main__; bench/inflate.py imports it as `data`, which must
# be this same module rather than a second copy.
sys.modules.setdefault("data", sys.modules[__name__])

# The app, reached only here.
try:
    from flask import Flask
    from sqlalchemy import event, func, select, text
    from sqlalchemy.engine import make_url

    from campaign import create_app
    from campaign.accounts.models import Role, User
    from campaign.audit.models import AuditEntry
    from campaign.dates import PartialDate
    from campaign.extensions import db
    from campaign.gemeenten.models import (
        CampaignStatus,
        Fractie,
        Gemeente,
        StatusChange,
    )
    from campaign.moties.models import Motie, Outcome, Stemming, Vote
    from campaign.outreach.models import Channel, Direction, OutreachEntry
except ModuleNotFoundError as missing:
    raise SystemExit(
        f"cannot import {missing.name} with {sys.executable}: run the benchmarks with the "
        "project's .venv/bin/python (make .venv/.installed-…), or adapt the imports in "
        "bench/data.py if the app moved"
    ) from None

# The models and app objects the other benchmark modules use, re-exported from here.
__all__ = [
    "AuditEntry",
    "CampaignStatus",
    "Channel",
    "Direction",
    "Fractie",
    "Gemeente",
    "Motie",
    "Outcome",
    "OutreachEntry",
    "PartialDate",
    "Role",
    "StatusChange",
    "Stemming",
    "User",
    "Vote",
    "db",
]

SIZES = {"seed": 0, "x10": 10, "x100": 100}
BENCH_PASSWORD = "bench-wachtwoord-2026"
BENCH_ADMIN = "bench-beheer@example.org"
BENCH_VOLUNTEER = "bench-vrijwilliger@example.org"
# Where temporary PostgreSQL databases are created, unless --postgres-server says otherwise.
POSTGRES_SERVER_VARIABLES = ("BENCH_POSTGRES_URL", "MOTIETRACKER_TEST_POSTGRES_SERVER")
DEFAULT_POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
SECRET_KEY = "bench-" + "0" * 58
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


def instance_environment(database_url: str, instance: Path) -> dict[str, str]:
    """What a server or `flask` command needs to run on the benchmark database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "MOTIETRACKER_INSTANCE_PATH": str(instance),
        # The benchmark clients log in over plain http on loopback.
        "MOTIETRACKER_SESSION_COOKIE_SECURE": "false",
        "MOTIETRACKER_REMEMBER_COOKIE_SECURE": "false",
    }


def make_app(database_url: str, instance: Path, **config: Any) -> Flask:
    """The app on that database, as the server would build it."""
    os.environ["MOTIETRACKER_INSTANCE_PATH"] = str(instance)
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": SECRET_KEY,
            "SESSION_COOKIE_SECURE": False,
            "REMEMBER_COOKIE_SECURE": False,
            **config,
        }
    )


def dispose(app: Flask) -> None:
    """Close the app's connections, so its database can be dropped."""
    with app.app_context():
        db.engine.dispose()


@contextlib.contextmanager
def counting_queries(app: Flask) -> Iterator[list[str]]:
    """Collect the SQL statements the app sends while the block runs (in an app context)."""
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def sample_ids(app: Flask, slug: str) -> dict[str, int]:
    """Ids that /beheer URLs need: one motion and one fractie of `slug`, the bench volunteer."""
    with app.app_context():
        gemeente_id = db.session.scalar(select(Gemeente.id).where(Gemeente.slug == slug))
        ids = {
            "motie_id": db.session.scalar(
                select(func.min(Motie.id)).where(Motie.gemeente_id == gemeente_id)
            ),
            "fractie_id": db.session.scalar(
                select(func.min(Fractie.id)).where(Fractie.gemeente_id == gemeente_id)
            ),
            "user_id": db.session.scalar(select(User.id).where(User.email == BENCH_VOLUNTEER)),
        }
        db.session.remove()
    return {name: value for name, value in ids.items() if value is not None}


def describe_database(app: Flask) -> dict[str, int]:
    """Row counts of the tables that grow, for the reports."""
    with app.app_context():
        counts = {
            model.__tablename__: db.session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Gemeente, Fractie, OutreachEntry, Motie, Stemming, StatusChange, User)
        }
        counts["audit_entries"] = (
            db.session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        )
        counts["open_follow_ups_due"] = (
            db.session.scalar(
                select(func.count())
                .select_from(OutreachEntry)
                .where(
                    OutreachEntry.follow_up_done.is_(False),
                    OutreachEntry.follow_up_on <= datetime.now(DUTCH_TIME).date(),
                )
            )
            or 0
        )
        db.session.remove()
    return counts


# Temporary databases


@dataclass
class Database:
    url: str
    instance: Path


def add_database_options(parser: argparse.ArgumentParser) -> None:
    """`--database` and `--postgres-server`, as every benchmark on a temporary database takes
    them (see `temporary_database`)."""
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--postgres-server",
        help="server for the temporary databases (default: $BENCH_POSTGRES_URL, "
        "$MOTIETRACKER_TEST_POSTGRES_SERVER or postgresql://postgres@127.0.0.1:5432/postgres)",
    )


def default_postgres_server() -> str:
    found = (os.environ.get(name) for name in POSTGRES_SERVER_VARIABLES)
    return next((url for url in found if url), DEFAULT_POSTGRES_SERVER)


@contextlib.contextmanager
def temporary_database(kind: str, postgres_server: str | None = None) -> Iterator[Database]:
    """An empty database and instance folder that are removed afterwards, also on Ctrl-C.

    `kind` is `sqlite` (a file in a temporary folder) or `postgresql` (a database created on
    `postgres_server`, and dropped with its connections at the end).
    """
    folder = Path(tempfile.mkdtemp(prefix="motietracker-bench-"))
    created: str | None = None
    server = postgres_server or default_postgres_server()
    try:
        if kind == "sqlite":
            url = f"sqlite:///{folder / 'bench.sqlite'}"
        elif kind == "postgresql":
            created = f"motietracker_bench_{uuid.uuid4().hex[:12]}"
            _postgres_admin(server, f'CREATE DATABASE "{created}"')
            url = make_url(server).set(database=created).render_as_string(hide_password=False)
        else:
            raise ValueError(f"unknown database kind {kind!r}")
        yield Database(url, folder / "instance")
    finally:
        if created is not None:
            _postgres_admin(server, f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')
        shutil.rmtree(folder, ignore_errors=True)


def _postgres_admin(server: str, statement: str) -> None:
    import psycopg

    plain = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(plain, autocommit=True, connect_timeout=10) as connection:
            connection.execute(statement.encode())
    except psycopg.OperationalError as error:
        raise SystemExit(
            f"cannot reach the PostgreSQL server {server} ({error}); "
            "give another one with --postgres-server or BENCH_POSTGRES_URL"
        ) from None


# Building


@dataclass
class BuildReport:
    size: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)


def build_database(database: Database, size: str, random_seed: int = 2026) -> BuildReport:
    """`flask init` on the empty database, then the accounts and the inflated campaign."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    started = time.perf_counter()
    database.instance.mkdir(parents=True, exist_ok=True)
    init = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "init"],
        cwd=ROOT,
        env=instance_environment(database.url, database.instance),
        capture_output=True,
        text=True,
    )
    if init.returncode != 0:
        raise SystemExit(f"`flask --app app init` failed:\n{init.stdout}{init.stderr}")
    app = make_app(database.url, database.instance)
    try:
        with app.app_context():
            if db.session.scalar(select(User.id).where(User.email == BENCH_ADMIN)) is not None:
                raise SystemExit("this database was built before; give an empty one")
            from inflate import Inflater  # it builds on the models imported above

            Inflater(random_seed, SIZES[size]).run()
            if db.engine.dialect.name == "postgresql":
                # Autovacuum would analyze the new tables soon; a benchmark should not wait.
                with db.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT"
                ) as connection:
                    connection.execute(text("ANALYZE"))
            db.session.remove()
        counts = describe_database(app)
    finally:
        dispose(app)
    return BuildReport(size, time.perf_counter() - started, counts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Build a Motietracker database of a chosen size for the benchmarks.",
        epilog="Sizes: seed (flask init), x10 and x100 (10 or 100 contacts per gemeente, "
        "fracties, two motions per gemeente with votes, status history, audit log).",
    )
    parser.add_argument("--size", choices=list(SIZES), required=True)
    parser.add_argument(
        "--database-url",
        required=True,
        help="an empty database: sqlite:////path/file.sqlite or postgresql://user@host/db",
    )
    parser.add_argument(
        "--instance", type=Path, help="instance folder (default: a temporary one, removed)"
    )
    parser.add_argument("--random-seed", type=int, default=2026)
    args = parser.parse_args()
    url = make_url(args.database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_absolute():
        # The app would put a relative SQLite path in its (temporary) instance folder.
        url = url.set(database=str(Path(url.database).resolve()))
    instance = args.instance or Path(tempfile.mkdtemp(prefix="motietracker-bench-instance-"))
    try:
        database = Database(url.render_as_string(hide_password=False), instance)
        report = build_database(database, args.size, args.random_seed)
    finally:
        if args.instance is None:
            shutil.rmtree(instance, ignore_errors=True)
    print(f"built size {report.size} in {report.seconds:.1f} s")
    for table, count in report.counts.items():
        print(f"  {table:<22} {count:>8}")


if __name__ == "__main__":
    main()
