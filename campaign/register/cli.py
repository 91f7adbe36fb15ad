"""`flask register load SOURCE [--dry-run] [--export-date YYYY-MM-DD]`."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import AppGroup

from campaign.dates import today
from campaign.register.export import RegisterFormatError, parse_export
from campaign.register.loading import Action, GemeenteReport, LoadReport
from campaign.register.services import LoadRace, load_export
from campaign.register.source import SourceError, choose_export_date, read_source

register_cli = AppGroup("register", help="The public register of government organisations.")


def _gemeente_lines(report: GemeenteReport) -> list[str]:
    counts = [f"{report.count(action)} {action.value}" for action in Action if report.count(action)]
    lines = [f"{report.code} {report.name}: " + (", ".join(counts) or "nothing in the export")]
    lines += [
        f"    {step.action.value}: {step.what}" + (f" ({step.detail})" if step.detail else "")
        for step in report.steps
        if step.action is not Action.UNCHANGED
    ]
    lines += [f"    note: {remark}" for remark in report.remarks]
    return lines


def report_lines(report: LoadReport, dry_run: bool) -> list[str]:
    """What the load did (or would do), per gemeente, then every row it could not use."""
    lines = [f"Register export of {report.export_date} from {report.location}:"]
    for gemeente in report.gemeenten:
        lines += _gemeente_lines(gemeente)
    if report.unusable:
        lines.append(f"Rows not used ({len(report.unusable)}):")
        lines += [
            f"    line {row.line} ({row.name or 'no name'}): {row.reason}"
            for row in report.unusable
        ]
    lines += [f"Note: {note}" for note in report.notes]
    changed = sum(1 for g in report.gemeenten if g.changes_something)
    conflicts = report.total(Action.CONFLICT)
    lines.append(
        f"{len(report.gemeenten)} gemeenten: {changed} with changes, "
        f"{len(report.gemeenten) - changed} without; {report.total(Action.ADDED)} added, "
        f"{report.total(Action.CHANGED)} changed, {conflicts} in conflict with what volunteers "
        f"entered{' (to review in /beheer/register)' if conflicts else ''}."
    )
    lines.append("Dry run: nothing was changed." if dry_run else "Loaded.")
    return lines


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
