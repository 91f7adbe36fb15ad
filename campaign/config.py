"""Configuration defaults; the environment wins (DATABASE_URL, SECRET_KEY, MOTIETRACKER_*)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any


class Config:
    """Defaults for every setting. `create_app` overlays `MOTIETRACKER_*` variables on these."""

    SQLALCHEMY_DATABASE_URI = "sqlite:///motietracker.sqlite"
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    # Secure cookies unless MOTIETRACKER_SESSION_COOKIE_SECURE=false (plain http on a laptop).
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    # WTForms' own Dutch messages (DutchForm.Meta.locales) instead of Flask-Babel's.
    WTF_I18N_ENABLED = False
    # Uploads (CSV imports) larger than this are refused with a 413.
    MAX_CONTENT_LENGTH = 4 * 1024 * 1024
    # E-mail address of the admin that `flask init` creates when there is no user at all.
    FIRST_ADMIN_EMAIL = "beheer@example.org"
    FIRST_ADMIN_NAME = "Beheerder"
    # Outgoing mail. Without MAIL_SERVER, messages are written to <instance>/outbox/ as .eml.
    MAIL_SERVER = ""
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USE_SSL = False
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_SENDER = "kinderpardonnu@example.org"
    MAIL_SENDER_NAME = "KinderpardonNU"
    # Appeal batches are sent by a thread after the request answers; tests send at once.
    MAIL_SEND_IN_BACKGROUND = True
    # Where Flask-Limiter keeps its counters; a shared store (redis://…) for several processes.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    # A link to reset a password works this many seconds.
    PASSWORD_RESET_MAX_AGE = 3600
    # An invitation to a new account works a week.
    INVITATION_MAX_AGE = 7 * 24 * 3600
    # The site's one public address. Every absolute URL (links in e-mails, the embed snippet,
    # Open Graph images, open data) is built from it, never from the request's Host header.
    SITE_URL = "http://127.0.0.1:5000"
    # Host names the site answers to; None means the host of SITE_URL plus localhost.
    TRUSTED_HOSTS: list[str] | None = None
    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none, so
    # those headers are ignored). The README's nginx set-up is 1.
    PROXY_COUNT = 0
    # Bytes of rendered pages and maps each worker keeps (least recently used out first). The
    # pages of all 342 gemeenten, the national pages and the map variants take about 8 MB.
    RENDER_CACHE_BYTES = 32 * 1024 * 1024
    # Open Besluitvorming's public API, where `flask discover` looks for the motion in council
    # records; point it elsewhere to test against a local copy.
    OPENBESLUITVORMING_URL = "https://openbesluitvorming.nl"
    # Folder with the project's own seed data (gemeenten, known moties, campaign texts).
    SEED_DATA_PATH = str(Path(__file__).resolve().parent.parent / "seed_data")


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the usual way (postgres://, postgresql://)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_path_from_environment() -> str | None:
    """MOTIETRACKER_INSTANCE_PATH made absolute, or None for Flask's default `instance/`."""
    configured = os.environ.get("MOTIETRACKER_INSTANCE_PATH")
    return str(Path(configured).expanduser().resolve()) if configured else None


def make_private_directory(path: Path) -> None:
    """The instance folder holds the database, the secret key and outgoing mail: readable by
    the site's own user only (0700), also where the umask is more generous."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)


def prepare_sqlite_file(url: str, instance_path: str) -> None:
    """Create a SQLite database file readable by its owner only before SQLite creates it with
    the umask's permissions (often 0644). SQLite gives its journal files the same mode.

    A relative path lies in the instance folder, as Flask-SQLAlchemy resolves it."""
    if not url.startswith("sqlite:///") or url in ("sqlite:///", "sqlite:///:memory:"):
        return
    path = Path(instance_path) / url.removeprefix("sqlite:///").split("?", 1)[0]
    if path.exists() or not path.parent.is_dir():
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def load_or_create_secret_key(instance_path: str) -> str:
    """Read the instance's secret key, creating a random one on first run.

    A generated key kept in the instance folder survives restarts (sessions stay valid) without
    any key ever being written into the code or the repository.
    """
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        key = key_file.read_text(encoding="ascii").strip()
        if key:
            return key
    key = secrets.token_hex(32)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key
