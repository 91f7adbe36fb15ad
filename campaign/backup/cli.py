"""`flask export FILE` and `flask import FILE`: backup and restore."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from campaign.backup.services import export_everything, import_everything
from campaign.errors import UserError


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--with-password-hashes", is_flag=True, help="Include password hashes (keep the file safe)."
)
@with_appcontext
def export_command(file: Path, with_password_hashes: bool) -> None:
    """Write everything to FILE as JSON (written to a temporary file, then moved in place)."""
    partial = file.with_name(file.name + ".part")
    partial.write_text(export_everything(with_password_hashes), encoding="utf-8")
    os.chmod(partial, 0o600)
    partial.replace(file)
    click.echo(f"Exported to {file}.")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_command(file: Path) -> None:
    """Restore FILE into an empty, migrated database: everything or nothing."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise click.ClickException(f"Not a JSON file: {error}") from None
    try:
        counts = import_everything(document)
    except UserError as error:
        raise click.ClickException(error.message) from None
    except (SQLAlchemyError, ValueError, TypeError, KeyError) as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise click.ClickException(
            f"The backup does not fit; nothing was imported: {reason}"
        ) from None
    total = sum(counts.values())
    click.echo(f"Imported {total} rows into {len([c for c in counts.values() if c])} tables.")
