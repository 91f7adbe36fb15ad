"""One migration history: upgrade, check against the models, downgrade to nothing, upgrade again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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


def test_motions_recorded_before_the_register_get_their_council_and_status_date(bare_runner):
    """The revision that added raadsperiodes dates what was already there from its facts."""
    assert bare_runner.invoke(args=["db", "upgrade", "127710e54c03"]).exit_code == 0
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO gemeenten (id, cbs_code, name, slug, province, has_noodopvang,"
                " notes, status, status_since, version_id) VALUES"
                " (1, 'GM0307', 'Amersfoort', 'amersfoort', 'Utrecht', false, '', 'aangenomen',"
                " '2026-11-01 10:00:00+00:00', 1),"
                " (2, 'GM0344', 'Utrecht', 'utrecht', 'Utrecht', false, '', 'motie-ingediend',"
                " '2026-11-01 10:00:00+00:00', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO moties (id, gemeente_id, voted_on, outcome, indiener_names, notes,"
                " source, created_at, updated_at, version_id) VALUES"
                " (1, 1, '2025-03', 'aangenomen', '', '', '', :t, :t, 1),"
                " (2, 1, '2026-06-11', 'verworpen', '', '', '', :t, :t, 1),"
                " (3, 2, '2026', NULL, '', '', '', :t, :t, 1)"
            ),
            {"t": "2026-11-01 10:00:00+00:00"},
        )

    assert bare_runner.invoke(args=["db", "upgrade"]).exit_code == 0

    with db.engine.connect() as connection:
        periods = dict(connection.execute(text("SELECT id, raadsperiode FROM moties")).all())
        dates = dict(connection.execute(text("SELECT id, status_date FROM gemeenten")).all())
    assert periods == {1: "2022-2026", 2: "2026-2030", 3: None}  # "2026" could be either
    assert dates == {1: "2025-03", 2: None}
