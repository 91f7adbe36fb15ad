"""Fixtures: an app with its own empty database per test, a client, a CLI runner, factories.

Tests run on SQLite by default. With MOTIETRACKER_TEST_DATABASE_URL set (CI does), they run on
PostgreSQL: one fresh database per run, its tables emptied after every test.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from campaign import create_app
from campaign.accounts.models import Role, User
from campaign.accounts.services import create_user
from campaign.config import normalise_database_url
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente
from campaign.gemeenten.search import slug_for
from campaign.seeding import load_seed_data
from tests.support_servers import free_port

SEED_DATA = Path(__file__).resolve().parent.parent / "seed_data"
TEST_DATABASE_URL = os.environ.get("MOTIETRACKER_TEST_DATABASE_URL")
# A PostgreSQL server for tests that need one next to SQLite (the backup round trip); CI sets it
# for both runs. Defaults to the test database server when the whole suite runs on PostgreSQL.
POSTGRES_SERVER_URL = os.environ.get("MOTIETRACKER_TEST_POSTGRES_SERVER") or TEST_DATABASE_URL


def pytest_report_header() -> str:
    if TEST_DATABASE_URL:
        return f"database: PostgreSQL ({make_url(TEST_DATABASE_URL).render_as_string()})"
    return "database: SQLite (set MOTIETRACKER_TEST_DATABASE_URL for PostgreSQL)"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: every test must really run there."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped:
        reporter.write_line(
            f"CI: {len(skipped)} test(s) skipped; skips are not allowed in CI.", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@contextmanager
def fresh_postgres_database(
    server: str | None = None, template: str | None = None
) -> Iterator[str]:
    """Create a database on the test server (empty, or a copy of `template`) and drop it
    afterwards."""
    server = server or TEST_DATABASE_URL
    assert server
    server_url = normalise_database_url(server)
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"motietracker_test_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class DatabaseTemplates:
    """The schema built once per test session (per worker), empty and with the seed data; each
    test gets a copy of one: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
    Copying takes milliseconds where building and seeding take over a second."""

    def __init__(self, folder: Path, stack: ExitStack) -> None:
        self.urls: dict[bool, str] = {}
        for seeded in (False, True):
            if TEST_DATABASE_URL:
                url = stack.enter_context(fresh_postgres_database())
            else:
                url = f"sqlite:///{folder / ('seeded' if seeded else 'empty')}.sqlite"
            app = create_app(
                {"TESTING": True, "SECRET_KEY": "template", "SQLALCHEMY_DATABASE_URI": url}
            )
            with app.app_context():
                db.create_all()
                if seeded:
                    load_seed_data(SEED_DATA)
                db.session.remove()
                db.engine.dispose()
            self.urls[seeded] = url

    def copy(self, seeded: bool, folder: Path, stack: ExitStack) -> str:
        template = make_url(self.urls[seeded])
        if TEST_DATABASE_URL:
            return stack.enter_context(fresh_postgres_database(template=template.database))
        target = folder / "test.sqlite"
        shutil.copyfile(str(template.database), target)
        return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplates]:
    with ExitStack() as stack:
        yield DatabaseTemplates(tmp_path_factory.mktemp("database-templates"), stack)


@pytest.fixture
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, database_templates: DatabaseTemplates
) -> Iterator[str]:
    """A database of this test's own, with the tables; seeded when the test asks for `seeded`."""
    with ExitStack() as stack:
        yield database_templates.copy("seeded" in request.fixturenames, tmp_path, stack)


@pytest.fixture
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Flask]:
    """Build an app with test settings; the environment of the developer's shell is ignored."""
    for name in ("DATABASE_URL", "SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOTIETRACKER_INSTANCE_PATH", str(tmp_path / "instance"))

    def build(**overrides: Any) -> Flask:
        config = {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test-secret-key",
            "MAIL_SEND_IN_BACKGROUND": False,
            "SITE_URL": "http://localhost",
        }
        config.update(overrides)
        return create_app(config)

    return build


@pytest.fixture
def app(
    request: pytest.FixtureRequest, make_app: Callable[..., Flask], database_url: str
) -> Iterator[Flask]:
    """The app on a database of its own; `@pytest.mark.csrf` keeps CSRF protection on."""
    csrf = request.node.get_closest_marker("csrf") is not None
    app = make_app(SQLALCHEMY_DATABASE_URI=database_url, WTF_CSRF_ENABLED=csrf)
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def bare_database_url(tmp_path: Path) -> Iterator[str]:
    """An empty database without tables, for tests of migrations and `flask init`."""
    if TEST_DATABASE_URL:
        with fresh_postgres_database() as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'bare.sqlite'}"


@pytest.fixture
def bare_app(make_app: Callable[..., Flask], bare_database_url: str) -> Iterator[Flask]:
    app = make_app(SQLALCHEMY_DATABASE_URI=bare_database_url)
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def bare_runner(bare_app: Flask) -> FlaskCliRunner:
    return bare_app.test_cli_runner()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class IsolatedClient(FlaskClient):
    """A browser of its own: every request runs in a fresh thread, so it gets its own
    application context (g, database session) as on a real server. Requests of the plain
    `client` share the test's application context, which would carry one browser's login over
    to another."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(super().open, *args, **kwargs).result()


@pytest.fixture
def make_browser(app: Flask) -> Callable[[], IsolatedClient]:
    """`make_browser()` gives another device or visitor, with its own cookies."""
    return lambda: IsolatedClient(app, app.response_class, use_cookies=True)


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def seeded(app: Flask) -> None:
    """The project's own seed data: 342 gemeenten, 7 known moties, the campaign texts, the map.

    Asking for it gives the test a copy of the seeded template database (see `database_url`).
    """


@pytest.fixture
def make_gemeente(app: Flask) -> Callable[..., Gemeente]:
    counter = iter(range(9000, 9999))

    def make(name: str = "Teststad", **fields: Any) -> Gemeente:
        code = fields.pop("cbs_code", f"GM{next(counter)}")
        gemeente = Gemeente(
            cbs_code=code,
            name=name,
            slug=fields.pop("slug", f"{slug_for(name)}-{code.lower()}"),
            province=fields.pop("province", "Utrecht"),
            **fields,
        )
        db.session.add(gemeente)
        db.session.commit()
        return gemeente

    return make


@pytest.fixture
def make_fractie(app: Flask) -> Callable[..., Fractie]:
    def make(
        gemeente: Gemeente, name: str, raadsperiode: str = "2022-2026", **fields: Any
    ) -> Fractie:
        fractie = Fractie(gemeente=gemeente, name=name, raadsperiode=raadsperiode, **fields)
        db.session.add(fractie)
        db.session.commit()
        return fractie

    return make


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(role: Role = Role.VRIJWILLIGER, **fields: Any) -> User:
        number = next(counter)
        return create_user(
            fields.get("email", f"vrijwilliger{number}@example.org"),
            fields.get("name", f"Vrijwilliger {number}"),
            role,
            fields.get("password", PASSWORD),
        )

    return make


PASSWORD = "een lang wachtwoord"


@pytest.fixture
def login(client: FlaskClient) -> Callable[..., Any]:
    """Log in through the real login form."""

    def log_in(user: User, password: str = PASSWORD) -> Any:
        response = client.post("/login", data={"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return response

    return log_in


@pytest.fixture
def volunteer(make_user: Callable[..., User]) -> User:
    return make_user(Role.VRIJWILLIGER, name="Vera Vrijwilliger", email="vera@example.org")


@pytest.fixture
def admin(make_user: Callable[..., User]) -> User:
    return make_user(Role.ADMIN, name="Aad Admin", email="aad@example.org")


class SmtpCollector:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(envelope)
        return "250 Message accepted"

    def parsed(self) -> list[EmailMessage]:
        return [
            message_from_bytes(envelope.content, policy=default_policy)  # type: ignore[misc]
            for envelope in self.messages
        ]


@pytest.fixture
def smtp_server(app: Flask) -> Iterator[SmtpCollector]:
    """A real SMTP server on loopback; the app is configured to send through it."""
    collector = SmtpCollector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(
        MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False, MAIL_USE_SSL=False
    )
    try:
        yield collector
    finally:
        controller.stop()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app: Flask) -> Callable[[], Any]:
    """`with count_queries() as counted:` counts the SQL statements run inside the block."""

    @contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()

        def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            counter.statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", record)

    return counting
