"""/beheer/export and /beheer/import."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts.permissions import admin_required
from campaign.dates import today
from campaign.errors import UserError
from campaign.transfer import bp, services
from campaign.transfer.csvfiles import decode_upload
from campaign.transfer.forms import ConfirmForm, UploadForm


@bp.get("/export/gemeenten.csv")
def export_gemeenten() -> ResponseReturnValue:
    return Response(
        services.export_gemeenten_csv(current_user),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="gemeenten-{today().isoformat()}.csv"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/import", methods=["GET", "POST"])
@admin_required
def upload() -> ResponseReturnValue:
    form = UploadForm()
    if form.validate_on_submit():
        kind = services.ImportKind(form.kind.data)
        try:
            text = decode_upload(form.file.data.read())
            plan = services.plan_import(kind, text)
        except UserError as problem:
            form.file.errors = [problem.message]
        else:
            confirm = ConfirmForm(formdata=None, kind=kind.value, content=text)
            status = 200 if plan.is_valid else 400
            return render_template(
                "transfer/preview.html", plan=plan, confirm=confirm, columns=services.COLUMNS[kind]
            ), status
    status = 400 if form.errors else 200
    return render_template("transfer/upload.html", form=form), status


@bp.post("/import/bevestigen")
@admin_required
def confirm() -> ResponseReturnValue:
    form = ConfirmForm()
    if not form.validate_on_submit() or form.kind.data not in set(services.ImportKind):
        flash("Het importverzoek is onvolledig. Upload het bestand opnieuw.", "error")
        return redirect(url_for("transfer.upload"))
    kind = services.ImportKind(form.kind.data)
    try:
        plan = services.run_import(kind, form.content.data or "")
    except UserError as problem:
        flash(problem.message, "error")
        return redirect(url_for("transfer.upload"))
    flash(f"{len(plan.rows)} rijen geïmporteerd.", "success")
    return redirect(url_for("outreach.worklist"))
