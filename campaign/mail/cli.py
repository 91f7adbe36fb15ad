"""`flask appeal send` and `flask appeal resume`: appeal batches from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from campaign.accounts.models import User
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus
from campaign.gemeenten.services import select_gemeenten
from campaign.mail.models import MailBatch
from campaign.mail.services import BatchReport, create_batch, plan_batch, send_batch

appeal_cli = AppGroup("appeal", help="Send the appeal e-mail to griffies (or general addresses).")


def _echo_report(batch: MailBatch, report: BatchReport) -> None:
    click.echo(
        f"Batch {batch.id}: {report.sent} sent, {report.failed} failed, "
        f"{report.uncertain} uncertain (interrupted earlier; not sent again), "
        f"{report.skipped} skipped (the gemeente got the appeal from another batch meanwhile)."
    )


@appeal_cli.command("send")
@click.option(
    "--status", type=click.Choice([s.value for s in CampaignStatus]), help="Only this status."
)
@click.option("--province", help="Only this province.")
@click.option("--gemeente", "codes", multiple=True, help="CBS code or slug; repeatable.")
@click.option(
    "--fractievoorzitters", is_flag=True, help="Also send to the fractievoorzitters on record."
)
@click.option(
    "--sender", "sender_email", required=True, help="E-mail address of the volunteer who sends."
)
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and store nothing.")
@click.option(
    "--again",
    is_flag=True,
    help="Also send to gemeenten that already have the appeal (needs --reason).",
)
@click.option("--reason", default="", help="Why the appeal goes out again (with --again).")
def send_command(
    status: str | None,
    province: str | None,
    codes: tuple[str, ...],
    fractievoorzitters: bool,
    sender_email: str,
    dry_run: bool,
    again: bool,
    reason: str,
) -> None:
    """Send the appeal to every selected gemeente: to its griffie, else its general address."""
    if not (status or province or codes):
        raise click.UsageError("Choose gemeenten: --status, --province and/or --gemeente.")
    sender = db.session.scalar(select(User).where(User.email == sender_email.strip().lower()))
    if sender is None or not sender.active:
        raise click.BadParameter(f"no active user {sender_email}", param_hint="--sender")
    try:
        gemeenten = select_gemeenten(status, province, codes)
    except UserError as error:
        raise click.BadParameter(error.message) from None
    if reason and not again:
        raise click.UsageError("--reason goes with --again.")
    try:
        plan = plan_batch(gemeenten, sender, fractievoorzitters, again=again, reason=reason)
    except UserError:
        raise click.UsageError("--again needs a --reason (at most 500 characters).") from None
    for gemeente in plan.without_address:
        click.echo(f"No e-mail address known, not sent: {gemeente.cbs_code} {gemeente.name}")
    for earlier in plan.already_sent:
        when = earlier.sent_at.date().isoformat() if earlier.sent_at else earlier.status.value
        what = "sending again" if again else "left out (use --again --reason to resend)"
        click.echo(
            f"Already has the appeal ({when}, batch {earlier.batch_id}), {what}: "
            f"{earlier.gemeente.cbs_code} {earlier.gemeente.name}"
        )
    for appeal in plan.appeals:
        verb = "Would send" if dry_run else "Sending"
        click.echo(f"{verb}: {appeal.gemeente.name} -> {', '.join(appeal.recipients)}")
    if dry_run:
        click.echo(f"Dry run: {len(plan.appeals)} messages, nothing sent or stored.")
        return
    try:
        batch = create_batch(plan, sender, fractievoorzitters)
    except UserError as error:
        raise click.ClickException(error.message) from None
    _echo_report(batch, send_batch(batch))


@appeal_cli.command("resume")
@click.argument("batch_id", type=int)
def resume_command(batch_id: int) -> None:
    """Send what an interrupted batch had not sent yet."""
    batch = db.session.get(MailBatch, batch_id)
    if batch is None:
        raise click.BadParameter(f"no batch {batch_id}", param_hint="BATCH_ID")
    _echo_report(batch, send_batch(batch))
