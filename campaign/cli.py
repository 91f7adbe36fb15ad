"""`flask init`: create or upgrade the database, load the seed data, make a first admin."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from campaign.accounts.services import ensure_first_admin
from campaign.seeding import load_seed_data


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the database and load the seed data. Safe to run again."""
    upgrade()
    report = load_seed_data(Path(current_app.config["SEED_DATA_PATH"]))
    click.echo(
        f"Database ready. Added {report.gemeenten} gemeenten, {report.moties} moties, "
        f"{report.templates} templates and {report.map_shapes} map shapes; register facts "
        f"for {report.register_gemeenten} gemeenten with {report.councils} councils."
    )
    admin = ensure_first_admin(
        current_app.config["FIRST_ADMIN_EMAIL"], current_app.config["FIRST_ADMIN_NAME"]
    )
    if admin is not None:
        click.echo(
            "\nCreated the first admin account. This password is shown only once:\n"
            f"  e-mail:   {admin.email}\n"
            f"  password: {admin.password}\n"
            "It must be changed at the first login."
        )
