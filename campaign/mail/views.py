"""/beheer/oproep: choose gemeenten, preview every message, send, and follow the batch."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import DutchForm
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.gemeenten.services import PROVINCES, GemeenteQuery, list_gemeenten
from campaign.mail import bp
from campaign.mail.models import MailBatch, MessageStatus, OutboxMessage
from campaign.mail.services import create_batch, plan_batch, recent_batches, send_in_background


def selected_gemeenten() -> list[Gemeente]:
    """From the worklist's ticked codes, or from the status/province filter."""
    codes = set(request.values.getlist("codes"))
    if codes:
        return [g for g in list_gemeenten() if g.cbs_code in codes]
    args = {
        "status": request.values.get("status", ""),
        "provincie": request.values.get("provincie", ""),
    }
    if not any(args.values()):
        return []
    return list_gemeenten(GemeenteQuery.from_args(args))


@bp.route("/oproep", methods=["GET", "POST"])
def appeal() -> ResponseReturnValue:
    include_leaders = request.values.get("fractievoorzitters") == "1"
    again = request.values.get("opnieuw") == "1"
    reason = request.values.get("reden", "")
    status = 200
    try:
        gemeenten = selected_gemeenten()
    except UserError as problem:
        flash(problem.message, "error")
        gemeenten, status = [], 400
    try:
        plan = plan_batch(gemeenten, current_user, include_leaders, again, reason)
    except UserError as problem:
        flash(problem.message, "error")
        plan, status = plan_batch(gemeenten, current_user, include_leaders), 400
    form = DutchForm()
    if request.method == "POST" and status == 200 and form.validate_on_submit():
        try:
            batch = create_batch(plan, current_user, include_leaders)
        except UserError as problem:
            flash(problem.message, "error")
            status = 400
        else:
            send_in_background(batch.id)
            flash(f"{len(batch.messages)} berichten worden verstuurd.", "success")
            return redirect(url_for("mail.batch", batch_id=batch.id))
    elif request.method == "POST" and status == 200:
        status = 400
    return render_template(
        "mail/appeal.html",
        plan=plan,
        form=form,
        codes=request.values.getlist("codes"),
        status=request.values.get("status", ""),
        province=request.values.get("provincie", ""),
        include_leaders=include_leaders,
        again=again,
        reason=reason,
        statuses=list(CampaignStatus),
        provinces=PROVINCES,
        batches=recent_batches(),
    ), status


@bp.get("/oproep/batches/<int:batch_id>")
def batch(batch_id: int) -> ResponseReturnValue:
    found = db.get_or_404(MailBatch, batch_id)
    counts = {status: 0 for status in MessageStatus}
    for message in found.messages:
        counts[message.status] += 1
    return render_template("mail/batch.html", batch=found, counts=counts, form=DutchForm())


@bp.post("/oproep/batches/<int:batch_id>/hervatten")
def resume(batch_id: int) -> ResponseReturnValue:
    found = db.get_or_404(MailBatch, batch_id)
    if DutchForm().validate_on_submit():
        send_in_background(found.id)
        flash("Het versturen is hervat.", "success")
    return redirect(url_for("mail.batch", batch_id=batch_id))


@bp.get("/berichten/<int:message_id>")
def message(message_id: int) -> ResponseReturnValue:
    found = db.get_or_404(OutboxMessage, message_id)
    return render_template("mail/message.html", message=found)
