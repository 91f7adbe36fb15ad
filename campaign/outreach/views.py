"""The worklist and bulk assignment, claims, follow-ups and editing a contact person, under
/beheer/gemeenten. Logging a contact and adding a contact person are forms of the workspace."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from campaign.accounts.models import User
from campaign.dates import today
from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import options, try_save
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.gemeenten.services import PROVINCES, GemeenteQuery, gemeenten_with_codes
from campaign.outreach import bp, services
from campaign.outreach.forms import ActionForm, BulkAssignForm, ContactPersonForm
from campaign.outreach.models import ContactPerson, OutreachEntry
from campaign.outreach.worklist import WorklistQuery, list_volunteers, list_worklist
from campaign.paging import page_number
from campaign.urls import safe_redirect_target

TIMELINE_PAGE = 50
PERSON_FIELDS = ["name", "function", "email", "phone", "notes"]


def workspace(slug: str, anchor: str | None = None) -> str:
    return url_for("workspace.page", slug=slug, _anchor=anchor)


def gemeente_for(slug: str) -> Gemeente:
    return db.first_or_404(select(Gemeente).where(Gemeente.slug == slug))


@bp.get("/")
def worklist() -> ResponseReturnValue:
    volunteers = list_volunteers()
    try:
        query = WorklistQuery.from_args(request.args.to_dict())
        error = None
    except UserError as problem:
        query, error = WorklistQuery(GemeenteQuery()), problem.message
    rows = list_worklist(query, current_user, today()) if error is None else []
    form = BulkAssignForm()
    form.volunteer.choices = options([("", "niemand")] + [(str(u.id), u.name) for u in volunteers])
    return (
        render_template(
            "outreach/worklist.html",
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
    gemeenten = gemeenten_with_codes(codes)
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
            count = services.assign_gemeenten(gemeenten, volunteer, current_user)
        except UserError as problem:
            flash(problem.message, "error")
        else:
            who = volunteer.name if volunteer else "niemand"
            flash(f"{count} gemeenten toegewezen aan {who}.", "success")
    return redirect(safe_redirect_target(request.form.get("terug"), url_for("outreach.worklist")))


def claim_action(
    slug: str, change: Callable[[Gemeente, User], None], done: str
) -> ResponseReturnValue:
    """Claim or release: a button with only a CSRF token, then back to the workspace."""
    gemeente = gemeente_for(slug)
    if ActionForm().validate_on_submit():
        try:
            change(gemeente, current_user)
        except UserError as problem:
            flash(problem.message, "error")
        else:
            flash(done.format(name=gemeente.name), "success")
    return redirect(workspace(slug))


@bp.post("/<slug>/claim")
def claim(slug: str) -> ResponseReturnValue:
    return claim_action(slug, services.claim_gemeente, "Je hebt {name} geclaimd.")


@bp.post("/<slug>/vrijgeven")
def release(slug: str) -> ResponseReturnValue:
    return claim_action(slug, services.release_gemeente, "{name} is vrijgegeven.")


@bp.post("/<slug>/contacten/<int:entry_id>/opgevolgd")
def follow_up_done(slug: str, entry_id: int) -> ResponseReturnValue:
    gemeente = gemeente_for(slug)
    entry = db.first_or_404(
        select(OutreachEntry).where(
            OutreachEntry.id == entry_id, OutreachEntry.gemeente_id == gemeente.id
        )
    )
    form = ActionForm()
    if form.validate_on_submit():
        try:
            services.mark_follow_up_done(entry, form.expected_version)
        except UserError as problem:
            flash(problem.message, "error")
        else:
            flash("De opvolging is afgevinkt.", "success")
    return redirect(safe_redirect_target(request.form.get("terug"), workspace(slug)))


@bp.route("/<slug>/contactpersonen/<int:person_id>", methods=["GET", "POST"])
def edit_contact_person(slug: str, person_id: int) -> ResponseReturnValue:
    gemeente = gemeente_for(slug)
    person = db.first_or_404(
        select(ContactPerson).where(
            ContactPerson.id == person_id, ContactPerson.gemeente_id == gemeente.id
        )
    )
    form = ContactPersonForm(obj=person)
    if request.method == "GET":
        form.version_id.data = str(person.version_id)
        return render_template("outreach/contact_person.html", form=form, gemeente=gemeente)
    if not form.validate_on_submit():
        return render_template("outreach/contact_person.html", form=form, gemeente=gemeente), 400
    refused = try_save(
        form,
        lambda: services.save_contact_person(
            gemeente, form.person(), person, form.expected_version
        ),
        person,
        PERSON_FIELDS,
    )
    if refused:
        return render_template(
            "outreach/contact_person.html",
            form=form,
            gemeente=gemeente,
            conflict=refused.conflict,
        ), refused.status
    flash(f"{person.name} is opgeslagen.", "success")
    return redirect(workspace(slug, "contactpersonen"))


@bp.get("/<slug>/tijdlijn")
def timeline(slug: str) -> ResponseReturnValue:
    gemeente = gemeente_for(slug)
    number = page_number(request.args.get("pagina"))
    found = services.list_timeline(gemeente, TIMELINE_PAGE, number)
    if number > found.pages:
        abort(404, description="Zo veel pagina's met contacten zijn er niet.")
    return render_template(
        "outreach/timeline.html",
        gemeente=gemeente,
        timeline=found,
        action=ActionForm(formdata=None),
        today=today(),
    )
