"""/meld for councils to report back; /beheer/meldingen for volunteers to moderate."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts.permissions import volunteer_required
from campaign.errors import UserError
from campaign.extensions import db, limiter
from campaign.forms import DutchForm, options, show_error, version_number
from campaign.gemeenten.services import list_gemeenten
from campaign.reports import bp, services
from campaign.reports.forms import ReportForm
from campaign.reports.models import Report, ReportKind, ReportStatus


@bp.route("/meld", methods=["GET", "POST"])
@limiter.limit(
    "5 per hour",
    methods=["POST"],
    error_message="U stuurde al veel meldingen. Probeer het over een uur opnieuw, of mail ons.",
)
def report() -> ResponseReturnValue:
    gemeenten = list_gemeenten()
    by_slug = {g.slug: g for g in gemeenten}
    form = ReportForm(gemeente=request.args.get("gemeente", ""))
    form.gemeente.choices = options(
        [("", "Kies uw gemeente")] + [(g.slug, g.name) for g in gemeenten]
    )
    if form.validate_on_submit():
        if form.website.data:
            return redirect(url_for("reports.thanks"))
        data = services.ReportInput(
            gemeente=by_slug[form.gemeente.data or ""],
            kind=ReportKind(form.kind.data),
            event_date=form.event_date.data,
            record_url=form.record_url.data,
            votes_for=form.votes_for.data,
            votes_against=form.votes_against.data,
            fracties_voor=form.fracties_voor.data or "",
            message=form.message.data or "",
            reporter_name=form.reporter_name.data or "",
            reporter_role=form.reporter_role.data or "",
            reporter_email=(form.reporter_email.data or "").lower(),
        )
        try:
            services.submit_report(data)
        except UserError as problem:
            show_error(form, problem)
        else:
            return redirect(url_for("reports.thanks"))
    status = 400 if request.method == "POST" else 200
    return render_template("reports/form.html", form=form), status


@bp.get("/meld/bedankt")
def thanks() -> ResponseReturnValue:
    return render_template("reports/thanks.html")


@bp.get("/beheer/meldingen")
@volunteer_required
def moderation() -> ResponseReturnValue:
    return render_template(
        "reports/moderation.html",
        new=services.list_reports(ReportStatus.NIEUW),
        accepted=services.list_reports(ReportStatus.GEACCEPTEERD)[:20],
        rejected=services.list_reports(ReportStatus.AFGEWEZEN)[:20],
        form=DutchForm(),
    )


def _expected_version() -> int | None:
    return version_number(request.form.get("version_id"))


@bp.post("/beheer/meldingen/<int:report_id>/accepteren")
@volunteer_required
def accept(report_id: int) -> ResponseReturnValue:
    found = db.get_or_404(Report, report_id)
    if DutchForm().validate_on_submit():
        try:
            services.accept_report(found, current_user, _expected_version())
        except UserError as problem:
            flash(problem.message, "error")
        else:
            gemeente = found.gemeente
            flash(
                f"Melding verwerkt: {gemeente.name} staat nu op {gemeente.status.label}.", "success"
            )
    return redirect(url_for("reports.moderation"))


@bp.post("/beheer/meldingen/<int:report_id>/afwijzen")
@volunteer_required
def reject(report_id: int) -> ResponseReturnValue:
    found = db.get_or_404(Report, report_id)
    if DutchForm().validate_on_submit():
        try:
            services.reject_report(
                found, current_user, request.form.get("reason", ""), _expected_version()
            )
        except UserError as problem:
            flash(problem.message, "error")
        else:
            flash("De melding is afgewezen.", "success")
    return redirect(url_for("reports.moderation"))
