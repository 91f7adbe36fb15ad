"""The volunteers' gemeenten: the worklist and one gemeente's workspace under /beheer."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from campaign.accounts.permissions import require_login_for_beheer
from campaign.dates import today
from campaign.errors import ConflictError, UserError
from campaign.extensions import db
from campaign.forms import options, show_error
from campaign.gemeenten import services
from campaign.gemeenten.forms import FractieForm, GemeenteDetailsForm, ManualStatusForm
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente
from campaign.gemeenten.services import PROVINCES
from campaign.gemeenten.workspace import get_gemeente, render_workspace, stored_values_that_differ
from campaign.moties.services import set_status_by_hand
from campaign.outreach.forms import BulkAssignForm
from campaign.outreach.services import assign_gemeenten
from campaign.outreach.worklist import WorklistQuery, list_volunteers, list_worklist
from campaign.urls import safe_redirect_target

bp = Blueprint("gemeenten", __name__, url_prefix="/beheer/gemeenten")
bp.before_request(require_login_for_beheer)


@bp.get("/")
def index() -> ResponseReturnValue:
    volunteers = list_volunteers()
    try:
        query = WorklistQuery.from_args(request.args.to_dict())
        error = None
    except UserError as problem:
        query, error = WorklistQuery(services.GemeenteQuery()), problem.message
    rows = list_worklist(query, current_user, today()) if error is None else []
    form = BulkAssignForm()
    form.volunteer.choices = options([("", "niemand")] + [(str(u.id), u.name) for u in volunteers])
    return (
        render_template(
            "gemeenten/index.html",
            rows=rows,
            query=query,
            error=error,
            form=form,
            volunteers=volunteers,
            provinces=PROVINCES,
            statuses=list(CampaignStatus),
            today=today(),
        ),
        400 if error else 200,
    )


@bp.post("/toewijzen")
def bulk_assign() -> ResponseReturnValue:
    volunteers = {str(u.id): u for u in list_volunteers()}
    form = BulkAssignForm()
    codes = request.form.getlist("codes")
    gemeenten = list(db.session.scalars(select(Gemeente).where(Gemeente.cbs_code.in_(codes))))
    form.codes.choices = options((g.cbs_code, g.name) for g in gemeenten)
    form.volunteer.choices = options(
        [("", "niemand")] + [(k, u.name) for k, u in volunteers.items()]
    )
    if not codes:
        flash("Kies eerst een of meer gemeenten.", "error")
    elif not form.validate_on_submit() or len(gemeenten) != len(set(codes)):
        flash("De keuze klopt niet; er is niets gewijzigd.", "error")
    else:
        volunteer = volunteers.get(form.volunteer.data or "")
        try:
            count = assign_gemeenten(gemeenten, volunteer, current_user)
        except UserError as problem:
            flash(problem.message, "error")
        else:
            who = volunteer.name if volunteer else "niemand"
            flash(f"{count} gemeenten toegewezen aan {who}.", "success")
    return redirect(safe_redirect_target(request.form.get("terug"), url_for("gemeenten.index")))


@bp.get("/<slug>")
def workspace(slug: str) -> ResponseReturnValue:
    return render_workspace(get_gemeente(slug))


@bp.post("/<slug>/gegevens")
def update_details(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = GemeenteDetailsForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, details=form)
    data = services.GemeenteDetails(
        form.griffie_email.data, form.website.data, form.has_noodopvang.data, form.notes.data or ""
    )
    try:
        services.update_details(gemeente, data, form.expected_version)
    except ConflictError as problem:
        db.session.rollback()
        flash(problem.message, "error")
        names = ["griffie_email", "website", "has_noodopvang", "notes"]
        conflict = stored_values_that_differ(form, gemeente, names)
        form.version_id.data = str(gemeente.version_id)
        return render_workspace(gemeente, 409, details=form, conflict=conflict)
    except UserError as problem:
        show_error(form, problem)
        return render_workspace(gemeente, 400, details=form)
    flash("De gegevens zijn opgeslagen.", "success")
    return redirect(url_for("gemeenten.workspace", slug=slug))


@bp.post("/<slug>/status")
def set_status(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ManualStatusForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, manual=form)
    try:
        set_status_by_hand(
            gemeente,
            CampaignStatus(form.status.data),
            form.reason.data or "",
            form.expected_version,
        )
    except ConflictError as problem:
        db.session.rollback()
        flash(problem.message, "error")
        form.version_id.data = str(gemeente.version_id)
        return render_workspace(gemeente, 409, manual=form)
    except UserError as problem:
        show_error(form, problem)
        return render_workspace(gemeente, 400, manual=form)
    flash(f"De status van {gemeente.name} is nu {gemeente.status.label}.", "success")
    return redirect(url_for("gemeenten.workspace", slug=slug))


@bp.post("/<slug>/fracties")
def add_fractie(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = FractieForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, fractie=form)
    try:
        services.save_fractie(gemeente, fractie_input(form))
    except UserError as problem:
        db.session.rollback()
        show_error(form, problem)
        return render_workspace(gemeente, 400, fractie=form)
    flash(f"Fractie {form.name.data} is toegevoegd.", "success")
    return redirect(url_for("gemeenten.workspace", slug=slug, _anchor="fracties"))


def fractie_input(form: FractieForm) -> services.FractieInput:
    return services.FractieInput(
        name=form.name.data or "",
        raadsperiode=form.raadsperiode.data or "",
        seats=form.seats.data,
        leader_name=form.leader_name.data,
        leader_email=form.leader_email.data,
    )


@bp.route("/<slug>/fracties/<int:fractie_id>", methods=["GET", "POST"])
def edit_fractie(slug: str, fractie_id: int) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    fractie = db.first_or_404(
        select(Fractie).where(Fractie.id == fractie_id, Fractie.gemeente_id == gemeente.id)
    )
    form = FractieForm(obj=fractie)
    status = 200
    if form.validate_on_submit():
        try:
            services.save_fractie(gemeente, fractie_input(form), fractie, form.expected_version)
        except ConflictError as problem:
            db.session.rollback()
            flash(problem.message, "error")
            conflict = stored_values_that_differ(
                form, fractie, ["name", "raadsperiode", "seats", "leader_name", "leader_email"]
            )
            form.version_id.data = str(fractie.version_id)
            return render_template(
                "gemeenten/fractie.html", form=form, gemeente=gemeente, conflict=conflict
            ), 409
        except UserError as problem:
            db.session.rollback()
            show_error(form, problem)
            status = 400
        else:
            flash(f"Fractie {fractie.name} is opgeslagen.", "success")
            return redirect(url_for("gemeenten.workspace", slug=slug, _anchor="fracties"))
    elif request.method == "POST":
        status = 400
    else:
        form.version_id.data = str(fractie.version_id)
    return render_template("gemeenten/fractie.html", form=form, gemeente=gemeente), status
