"""Configuration from the environment, with safe defaults."""

import stat
from pathlib import Path

import pytest

from campaign import create_app
from campaign.config import normalise_database_url


@pytest.fixture
def clean_environment(monkeypatch, tmp_path):
    for name in ("DATABASE_URL", "SECRET_KEY", "MOTIETRACKER_INSTANCE_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def test_defaults_put_sqlite_and_a_generated_secret_in_the_instance_folder(
    clean_environment, tmp_path
):
    instance = tmp_path / "data"
    clean_environment.setenv("MOTIETRACKER_INSTANCE_PATH", str(instance))

    app = create_app()

    assert app.instance_path == str(instance)
    with app.app_context():
        from campaign.extensions import db

        assert Path(db.engine.url.database) == instance / "motietracker.sqlite"
    key_file = instance / "secret_key"
    assert app.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(app.config["SECRET_KEY"]) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert create_app().config["SECRET_KEY"] == app.config["SECRET_KEY"]


def test_two_instances_get_different_secret_keys(clean_environment, tmp_path):
    clean_environment.setenv("MOTIETRACKER_INSTANCE_PATH", str(tmp_path / "a"))
    first = create_app().config["SECRET_KEY"]
    clean_environment.setenv("MOTIETRACKER_INSTANCE_PATH", str(tmp_path / "b"))
    assert create_app().config["SECRET_KEY"] != first


def test_the_environment_wins(clean_environment, tmp_path):
    clean_environment.setenv("MOTIETRACKER_INSTANCE_PATH", str(tmp_path / "i"))
    clean_environment.setenv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/campagne")
    clean_environment.setenv("SECRET_KEY", "uit-de-omgeving")
    clean_environment.setenv("MOTIETRACKER_FIRST_ADMIN_EMAIL", "coordinator@example.org")

    app = create_app()

    assert (
        app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@127.0.0.1:5432/campagne"
    )
    assert app.config["SECRET_KEY"] == "uit-de-omgeving"
    assert app.config["FIRST_ADMIN_EMAIL"] == "coordinator@example.org"
    assert not (tmp_path / "i" / "secret_key").exists()


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://h/db", "postgresql+psycopg://h/db"),
        ("postgresql://h/db", "postgresql+psycopg://h/db"),
        ("postgresql+psycopg://h/db", "postgresql+psycopg://h/db"),
        ("sqlite:////var/data/m.sqlite", "sqlite:////var/data/m.sqlite"),
    ],
)
def test_postgres_urls_use_psycopg_3(given, used):
    assert normalise_database_url(given) == used
