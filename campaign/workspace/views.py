"""The workspace page and the forms on it that re-render it when refused: the gemeente's details
and fracties (core), a status by hand (moties), a contact and a contact person (outreach)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from campaign.audit.history import gemeente_history
from campaign.extensions import db
from campaign.forms import try_save
from campaign.gemeenten import services
from campaign.gemeenten.forms import FractieForm, GemeenteDetailsForm, ManualStatusForm
from campaign.gemeenten.models import CampaignStatus, Fractie
from campaign.moties.services import set_status_by_hand
from campaign.outreach.forms import ContactForm, ContactPersonForm, contact_person_choices
from campaign.outreach.services import log_contact as log_contact_service
from campaign.outreach.services import save_contact_person
from campaign.paging import page_number
from campaign.workspace import bp
from campaign.workspace.panels import get_gemeente, render_workspace

HISTORY_PAGE = 50
DETAIL_FIELDS = ["griffie_email", "general_email", "website", "has_noodopvang", "notes"]
FRACTIE_FIELDS = ["name", "raadsperiode", "seats", "leader_name", "leader_email"]


def back_to(slug: str, anchor: str | None = None) -> ResponseReturnValue:
    return redirect(url_for("workspace.page", slug=slug, _anchor=anchor))


@bp.get("/<slug>")
def page(slug: str) -> ResponseReturnValue:
    return render_workspace(get_gemeente(slug))


@bp.post("/<slug>/gegevens")
def update_details(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = GemeenteDetailsForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, details=form)
    refused = try_save(
        form,
        lambda: services.update_details(gemeente, form.details(), form.expected_version),
        gemeente,
        DETAIL_FIELDS,
    )
    if refused:
        return render_workspace(gemeente, refused.status, details=form, conflict=refused.conflict)
    flash("De gegevens zijn opgeslagen.", "success")
    return back_to(slug)


@bp.post("/<slug>/status")
def set_status(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ManualStatusForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, manual=form)
    status, reason = CampaignStatus(form.status.data), form.reason.data or ""
    refused = try_save(
        form,
        lambda: set_status_by_hand(gemeente, status, reason, form.expected_version),
        gemeente,
    )
    if refused:
        return render_workspace(gemeente, refused.status, manual=form)
    flash(f"De status van {gemeente.name} is nu {gemeente.status.label}.", "success")
    return back_to(slug)


@bp.post("/<slug>/fracties")
def add_fractie(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = FractieForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, fractie=form)
    refused = try_save(form, lambda: services.save_fractie(gemeente, form.fractie()))
    if refused:
        return render_workspace(gemeente, 400, fractie=form)
    flash(f"Fractie {form.name.data} is toegevoegd.", "success")
    return back_to(slug, "fracties")


@bp.route("/<slug>/fracties/<int:fractie_id>", methods=["GET", "POST"])
def edit_fractie(slug: str, fractie_id: int) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    fractie = db.first_or_404(
        select(Fractie).where(Fractie.id == fractie_id, Fractie.gemeente_id == gemeente.id)
    )
    form = FractieForm(obj=fractie)
    if request.method == "GET":
        form.version_id.data = str(fractie.version_id)
        return render_template("workspace/fractie.html", form=form, gemeente=gemeente)
    if not form.validate_on_submit():
        return render_template("workspace/fractie.html", form=form, gemeente=gemeente), 400
    refused = try_save(
        form,
        lambda: services.save_fractie(gemeente, form.fractie(), fractie, form.expected_version),
        fractie,
        FRACTIE_FIELDS,
    )
    if refused:
        return render_template(
            "workspace/fractie.html", form=form, gemeente=gemeente, conflict=refused.conflict
        ), refused.status
    flash(f"Fractie {fractie.name} is opgeslagen.", "success")
    return back_to(slug, "fracties")


@bp.post("/<slug>/contacten")
def log_contact(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ContactForm()
    form.contact_person.choices = contact_person_choices(gemeente)
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, contact=form)
    was_unclaimed = gemeente.volunteer is None
    refused = try_save(
        form,
        lambda: log_contact_service(
            gemeente, form.contact(gemeente), current_user, claim=form.claim.data
        ),
    )
    if refused:
        return render_workspace(gemeente, refused.status, contact=form)
    if was_unclaimed and gemeente.volunteer == current_user:
        flash(f"Het contact is vastgelegd. {gemeente.name} is nu jouw gemeente.", "success")
    else:
        flash("Het contact is vastgelegd.", "success")
    return back_to(slug, "tijdlijn")


@bp.post("/<slug>/contactpersonen")
def add_contact_person(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ContactPersonForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, contact_person=form)
    refused = try_save(form, lambda: save_contact_person(gemeente, form.person()))
    if refused:
        return render_workspace(gemeente, refused.status, contact_person=form)
    flash(f"{form.name.data} is toegevoegd als contactpersoon.", "success")
    return back_to(slug, "contactpersonen")


@bp.get("/<slug>/wijzigingen")
def history(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    number = page_number(request.args.get("pagina"))
    found = gemeente_history(gemeente, HISTORY_PAGE, number)
    if number > found.pages:
        abort(404, description="Zo veel pagina's met wijzigingen zijn er niet.")
    return render_template("workspace/history.html", gemeente=gemeente, history=found)
