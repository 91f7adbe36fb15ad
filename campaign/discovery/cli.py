"""`flask discover`: look for the motion in every covered gemeente's council records.

Exit status: 0 when every search succeeded; 1 when some failed (they are tried again by the
next run, whose period then starts before this one); 2 when the run was interrupted because
the API could not be reached (the next `flask discover` resumes it).
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import datetime

import click
from flask import current_app

from campaign.dates import today
from campaign.discovery.client import OpenBesluitvormingClient
from campaign.discovery.models import RunState
from campaign.discovery.runs import STRATEGIES, RunOptions
from campaign.discovery.searching import Summary, run_discovery
from campaign.errors import UserError
from campaign.gemeenten.services import find_gemeente


def make_client() -> OpenBesluitvormingClient:
    url = str(current_app.config["OPENBESLUITVORMING_URL"])
    try:
        return OpenBesluitvormingClient(url)
    except ValueError:
        raise click.UsageError(
            f"MOTIETRACKER_OPENBESLUITVORMING_URL must be an http(s) address, not {url!r}"
        ) from None


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    codes = []
    for value in values:
        for part in value.replace(",", " ").split():
            gemeente = find_gemeente(part)
            if gemeente is None:
                raise click.BadParameter(f"unknown gemeente {part!r}", param_hint="--gemeente")
            codes.append(gemeente.cbs_code)
    return tuple(codes)


def _echo_summary(summary: Summary, seconds: float) -> None:
    click.echo("")
    click.echo(f"Run {summary.run_id} ({summary.strategy}): {summary.state.value}.")
    since = summary.since.isoformat() if summary.since else "all dates"
    click.echo(f"  Period searched:     from {since}")
    click.echo(
        f"  Gemeenten searched:  {summary.gemeenten_searched} "
        f"({summary.gemeenten_not_covered} without records in Open Besluitvorming)"
    )
    click.echo(
        f"  Searches:            {summary.steps_done} done"
        + (f", {summary.steps_skipped} already done before" if summary.steps_skipped else "")
    )
    click.echo(
        f"  Requests:            {summary.requests} ({summary.units:g} units of the API's "
        f"budget), {seconds:.0f} s"
    )
    click.echo(f"  New leads:           {summary.new_leads}")
    click.echo(f"  Hits already known:  {summary.known_hits}")
    reasons: dict[str, list[str]] = defaultdict(list)
    for key, reason in summary.skipped_sources:
        reasons[reason].append(key)
    if reasons:
        click.echo(f"  Sources skipped:     {len(summary.skipped_sources)}")
        for reason, keys in sorted(reasons.items()):
            shown = ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
            click.echo(f"    {reason}: {shown}")
    for reason, count in sorted(summary.skipped_hits.items()):
        click.echo(f"  Hits skipped ({reason}): {count}")
    for line in summary.incomplete:
        click.echo(f"  Note: {line}")
    for line in summary.failures:
        click.echo(f"  Failed: {line}")


@click.command("discover")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only records dated on or after this day (YYYY-MM-DD). Default: 30 days before the "
    "last complete run, or everything on the first run.",
)
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    metavar="CODE",
    help="CBS code (GM0307) or slug; repeat for more. Default: every gemeente.",
)
@click.option(
    "--strategy",
    type=click.Choice(STRATEGIES),
    default="auto",
    show_default=True,
    help="nationwide: one search per term and type; per-source: one per organisation.",
)
def discover_command(since: datetime | None, gemeenten: tuple[str, ...], strategy: str) -> None:
    """Search Open Besluitvorming for the motion and store new hits as leads to review."""
    day = since.date() if since else None
    if day is not None and day > today():
        raise click.BadParameter("lies in the future", param_hint="--since")
    options = RunOptions(since=day, gemeente_codes=_codes(gemeenten), strategy=strategy)
    started = time.monotonic()
    with make_client() as client:
        try:
            summary = run_discovery(client, options, click.echo)
        except UserError as error:
            raise click.ClickException(error.message) from None
    _echo_summary(summary, time.monotonic() - started)
    if summary.state is RunState.ONDERBROKEN:
        raise SystemExit(2)
    if summary.state is RunState.KLAAR_MET_FOUTEN:
        raise SystemExit(1)
