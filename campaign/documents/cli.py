"""`flask motions export`: the motion for many gemeenten as one zip, for volunteers' scripts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click
from flask.cli import AppGroup

from campaign.documents.exports import FORMATS, write_motions_zip
from campaign.documents.motion import MotionOptions
from campaign.errors import UserError
from campaign.gemeenten.models import CampaignStatus
from campaign.gemeenten.services import select_gemeenten

motions_cli = AppGroup("motions", help="Generate the model motion for gemeenten.")


@motions_cli.command("export")
@click.option("--all", "everyone", is_flag=True, help="Every gemeente.")
@click.option("--gemeente", "codes", multiple=True, help="CBS code or slug; repeatable.")
@click.option(
    "--status", type=click.Choice([s.value for s in CampaignStatus]), help="Only this status."
)
@click.option("--province", help="Only this province.")
@click.option(
    "--format", "file_format", type=click.Choice(FORMATS), default="docx", show_default=True
)
@click.option(
    "--date", "meeting_date", type=click.DateTime(["%Y-%m-%d"]), help="Council meeting date."
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Zip file to write.",
)
def export_command(
    everyone: bool,
    codes: tuple[str, ...],
    status: str | None,
    province: str | None,
    file_format: str,
    meeting_date: date | None,
    out: Path,
) -> None:
    """Write one motion per selected gemeente into a zip file."""
    if not (everyone or codes or status or province):
        raise click.UsageError("Choose gemeenten: --all, --gemeente, --status or --province.")
    if everyone and codes:
        raise click.UsageError("Use either --all or --gemeente, not both.")
    try:
        gemeenten = select_gemeenten(status, province, codes)
    except UserError as error:
        raise click.BadParameter(error.message) from None
    if not gemeenten:
        raise click.ClickException("No gemeente matches this selection; nothing written.")
    options = MotionOptions(
        meeting_date=meeting_date.date() if isinstance(meeting_date, datetime) else None
    )
    partial = out.with_name(out.name + ".part")
    try:
        with partial.open("wb") as target:
            count = write_motions_zip(gemeenten, file_format, target, options)
        partial.replace(out)
    except UserError as error:
        partial.unlink(missing_ok=True)
        raise click.ClickException(error.message) from None
    click.echo(f"Wrote {count} motions ({file_format}) to {out}.")
