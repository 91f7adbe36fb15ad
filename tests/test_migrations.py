"""One migration history: upgrade, check against the models, downgrade to nothing, upgrade again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from campaign.extensions import db


def table_names() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade_and_no_drift_from_the_models(bare_runner):
    expected = set(db.metadata.tables)

    up = bare_runner.invoke(args=["db", "upgrade"])
    assert up.exit_code == 0, up.output
    assert table_names() == expected

    check = bare_runner.invoke(args=["db", "check"])
    assert check.exit_code == 0, check.output
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []

    down = bare_runner.invoke(args=["db", "downgrade", "base"])
    assert down.exit_code == 0, down.output
    assert table_names() == set()

    again = bare_runner.invoke(args=["db", "upgrade"])
    assert again.exit_code == 0, again.output
    assert table_names() == expected
