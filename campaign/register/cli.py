"""`flask register load SOURCE [--dry-run] [--export-date YYYY-MM-DD]`."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import AppGroup

from campaign.dates import today
from campaign.register.export import RegisterFormatError, parse_export
from campaign.register.report import report_lines
from campaign.register.services import LoadRace, load_export
from campaign.register.source import SourceError, choose_export_date, read_source

register_cli = AppGroup("register", help="The public register of government organisations.")


@register_cli.command("load")
@click.argument("source")
@click.option("--dry-run", is_flag=True, help="Print what would change; change nothing.")
@click.option(
    "--export-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date the register made the export (default: from the file name or the server).",
)
def load_command(source: str, dry_run: bool, export_date: datetime | None) -> None:
    """Load the register's CSV export of gemeenten from a file or an http(s) URL.

    Stores each gemeente's inhabitants, general and griffie e-mail address, website and council
    (fracties and seats) with the export as their source. What volunteers entered is never
    overwritten: differences are listed for review in /beheer/register.
    """
    try:
        fetched = read_source(source)
        export = parse_export(fetched.data)
        chosen, notes = choose_export_date(
            export, export_date.date() if export_date else None, fetched, today()
        )
        report = load_export(export, chosen, fetched.location, dry_run)
    except (SourceError, RegisterFormatError, LoadRace) as error:
        raise click.ClickException(f"{error} Nothing was changed.") from None
    for note in notes:
        click.echo(note)
    for line in report_lines(report, dry_run):
        click.echo(line)
