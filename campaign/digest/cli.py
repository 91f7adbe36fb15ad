"""`flask digest send`: the morning e-mail, run once a day by cron."""

from __future__ import annotations

from datetime import date, datetime

import click
from flask.cli import AppGroup

from campaign.dates import today
from campaign.digest.services import send_digests

digest_cli = AppGroup("digest", help="The volunteers' morning e-mail.")


@digest_cli.command("send")
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day the digest is for (default: today in the Netherlands).",
)
@click.option("--dry-run", is_flag=True, help="Say who would get one; send and store nothing.")
@click.option("--again", is_flag=True, help="Also send to volunteers who had this day's digest.")
def send_command(day: datetime | None, dry_run: bool, again: bool) -> None:
    """Send each volunteer who wants it their digest; nothing to those with nothing to read."""
    for_day: date = day.date() if day else today()
    report = send_digests(for_day, dry_run=dry_run, again=again)
    verb = "Would send" if dry_run else "Sent"
    click.echo(f"{verb} {len(report.sent)} digests for {for_day.isoformat()}.")
    if report.nothing_to_say:
        click.echo(f"Nothing to report for {len(report.nothing_to_say)} volunteers.")
    if report.already_sent:
        click.echo(f"Already sent today: {', '.join(report.already_sent)} (use --again).")
    for failure in report.failed:
        click.echo(f"Failed: {failure}", err=True)
    if report.failed:
        raise SystemExit(1)
