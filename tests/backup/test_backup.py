"""Backup and restore: everything out as JSON, back in all or nothing, the same on any database."""

import json

import pytest
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from campaign.accounts.models import User
from campaign.audit.models import AuditEntry
from campaign.dates import PartialDate, today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Outcome, Vote
from campaign.moties.services import MotieInput, create_motie
from campaign.outreach.models import Channel, Direction
from campaign.outreach.services import ContactInput, log_contact
from tests.conftest import PASSWORD, POSTGRES_SERVER_URL, fresh_postgres_database


def fill_with_campaign_work(runner):
    """A migrated, seeded database with a volunteer's day of work in it."""
    assert runner.invoke(args=["init"]).exit_code == 0
    runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "vera@example.org",
            "--name",
            "Vera",
            "--role",
            "vrijwilliger",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    vera = db.session.scalar(select(User).where(User.email == "vera@example.org"))
    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    zeist.notes = 'Griffier: mevr. "Jansen" & co — ‘écht’'
    zeist.successor = db.session.scalar(select(Gemeente).where(Gemeente.slug == "utrecht"))
    db.session.commit()
    log_contact(
        zeist,
        ContactInput(
            today(), Channel.EMAIL, Direction.UITGAAND, summary="Oproep", follow_up_on=today()
        ),
        vera,
    )
    from campaign.gemeenten.models import Fractie

    # Zeist's council of 2026-2030 as the register's export of April 2026 gives it, and a
    # fractie a volunteer added by hand.
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    added = Fractie(gemeente=zeist, raadsperiode="2026-2030", name="Zeister Jongeren", seats=0)
    db.session.add(added)
    db.session.commit()
    create_motie(
        zeist,
        MotieInput(
            voted_on=PartialDate(2026, 11),
            outcome=Outcome.AANGENOMEN,
            votes_for=12,
            votes_against=6,
            stemmingen={
                council["GroenLinks-PvdA"]: Vote.VOOR,
                council["D66"]: Vote.VOOR,
                council["VVD"]: Vote.TEGEN,
                added: Vote.ONBEKEND,
            },
        ),
    )


def test_export_import_round_trip_from_sqlite_to_postgresql_is_identical(make_app, tmp_path):
    if not POSTGRES_SERVER_URL:
        pytest.skip("needs a PostgreSQL server: set MOTIETRACKER_TEST_POSTGRES_SERVER")
    source = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'bron.sqlite'}")
    first, second = tmp_path / "eerste.json", tmp_path / "tweede.json"
    with source.app_context():
        fill_with_campaign_work(source.test_cli_runner())
        result = source.test_cli_runner().invoke(
            args=["export", str(first), "--with-password-hashes"]
        )
        assert result.exit_code == 0, result.output
        expected_counts = {
            t.name: db.session.scalar(select(func.count()).select_from(t))
            for t in db.metadata.sorted_tables
        }
        db.engine.dispose()

    with fresh_postgres_database(POSTGRES_SERVER_URL) as url:
        target = make_app(SQLALCHEMY_DATABASE_URI=url)
        with target.app_context():
            runner = target.test_cli_runner()
            assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
            result = runner.invoke(args=["import", str(first)])
            assert result.exit_code == 0, result.output
            assert (
                runner.invoke(args=["export", str(second), "--with-password-hashes"]).exit_code == 0
            )
            counts = {
                t.name: db.session.scalar(select(func.count()).select_from(t))
                for t in db.metadata.sorted_tables
            }
            assert counts == expected_counts
            zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
            assert zeist.successor.name == "Utrecht" and zeist.status.value == "aangenomen"
            vera = db.session.scalar(select(User).where(User.email == "vera@example.org"))
            assert check_password_hash(vera.password_hash, PASSWORD)
            # new rows get fresh ids after a restore with explicit ids
            log_contact(zeist, ContactInput(today(), Channel.TELEFOON, Direction.INKOMEND), vera)
            db.engine.dispose()

    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["tables"]["moties"][-1]["voted_on"] == "2026-11"


def test_password_hashes_stay_out_unless_asked(bare_app, bare_runner, tmp_path):
    fill_with_campaign_work(bare_runner)
    out = tmp_path / "backup.json"
    bare_runner.invoke(args=["export", str(out)])
    users = json.loads(out.read_text())["tables"]["users"]
    assert users and all(user["password_hash"] is None for user in users)
    assert oct(out.stat().st_mode)[-3:] == "600"


def test_import_needs_an_empty_database_and_is_all_or_nothing(bare_app, bare_runner, tmp_path):
    fill_with_campaign_work(bare_runner)
    good = tmp_path / "goed.json"
    bare_runner.invoke(args=["export", str(good)])

    refused = bare_runner.invoke(args=["import", str(good)])
    assert refused.exit_code == 1 and "not empty" in refused.output

    document = json.loads(good.read_text())
    tables = document["tables"]
    broken = tmp_path / "kapot.json"
    tables["moties"].append(
        {**tables["moties"][-1], "id": 999, "gemeente_id": 424242}
    )  # no such gemeente
    broken.write_text(json.dumps(document))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()

    result = bare_runner.invoke(args=["import", str(broken)])
    assert result.exit_code == 1
    assert "The backup does not fit; nothing was imported: FOREIGN KEY" in result.output or (
        "violates foreign key constraint" in result.output
    )
    assert db.session.scalar(select(func.count()).select_from(Gemeente)) == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == 0

    for bad, message in (("[]", "not a Motietracker backup"), ("{", "Not a JSON file")):
        path = tmp_path / "onzin.json"
        path.write_text(bad)
        outcome = bare_runner.invoke(args=["import", str(path)])
        assert outcome.exit_code == 1 and message in outcome.output
