"""Claims, logging contacts, follow-ups and contact persons, posted from a gemeente's workspace."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from campaign.accounts.models import User
from campaign.accounts.permissions import require_login_for_beheer
from campaign.errors import ConflictError, UserError
from campaign.extensions import db
from campaign.forms import show_error
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.workspace import get_gemeente, render_workspace, stored_values_that_differ
from campaign.outreach import services
from campaign.outreach.forms import (
    ActionForm,
    ContactForm,
    ContactPersonForm,
    contact_person_choices,
)
from campaign.outreach.models import Channel, ContactPerson, Direction, OutreachEntry
from campaign.urls import safe_redirect_target

bp = Blueprint("outreach", __name__, url_prefix="/beheer/gemeenten")
bp.before_request(require_login_for_beheer)


def back_to(slug: str, anchor: str | None = None) -> ResponseReturnValue:
    return redirect(url_for("gemeenten.workspace", slug=slug, _anchor=anchor))


def claim_action(
    slug: str, change: Callable[[Gemeente, User], None], done: str
) -> ResponseReturnValue:
    """Claim or release: a button with only a CSRF token, then back to the workspace."""
    gemeente = get_gemeente(slug)
    if ActionForm().validate_on_submit():
        try:
            change(gemeente, current_user)
        except UserError as problem:
            db.session.rollback()
            flash(problem.message, "error")
        else:
            flash(done.format(name=gemeente.name), "success")
    return back_to(slug)


@bp.post("/<slug>/claim")
def claim(slug: str) -> ResponseReturnValue:
    return claim_action(slug, services.claim_gemeente, "Je hebt {name} geclaimd.")


@bp.post("/<slug>/vrijgeven")
def release(slug: str) -> ResponseReturnValue:
    return claim_action(slug, services.release_gemeente, "{name} is vrijgegeven.")


@bp.post("/<slug>/contacten")
def log_contact(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ContactForm()
    form.contact_person.choices = contact_person_choices(gemeente)
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, contact=form)
    person = (
        db.session.get(ContactPerson, int(form.contact_person.data))
        if form.contact_person.data
        else None
    )
    assert form.occurred_on.data is not None  # DataRequired
    data = services.ContactInput(
        occurred_on=form.occurred_on.data,
        channel=Channel(form.channel.data),
        direction=Direction(form.direction.data),
        with_whom=form.with_whom.data or "",
        summary=form.summary.data or "",
        follow_up_on=form.follow_up_on.data,
        contact_person=person,
    )
    try:
        services.log_contact(gemeente, data, current_user)
    except UserError as problem:
        db.session.rollback()
        show_error(form, problem)
        return render_workspace(gemeente, 400, contact=form)
    flash("Het contact is vastgelegd.", "success")
    return back_to(slug, "tijdlijn")


@bp.post("/<slug>/contacten/<int:entry_id>/opgevolgd")
def follow_up_done(slug: str, entry_id: int) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
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
            db.session.rollback()
            flash(problem.message, "error")
        else:
            flash("De opvolging is afgevinkt.", "success")
    default = url_for("gemeenten.workspace", slug=slug)
    return redirect(safe_redirect_target(request.form.get("terug"), default))


def person_input(form: ContactPersonForm) -> services.ContactPersonInput:
    return services.ContactPersonInput(
        name=form.name.data or "",
        function=form.function.data,
        email=form.email.data,
        phone=form.phone.data,
        notes=form.notes.data or "",
    )


@bp.post("/<slug>/contactpersonen")
def add_contact_person(slug: str) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    form = ContactPersonForm()
    if not form.validate_on_submit():
        return render_workspace(gemeente, 400, contact_person=form)
    services.save_contact_person(gemeente, person_input(form))
    flash(f"{form.name.data} is toegevoegd als contactpersoon.", "success")
    return back_to(slug, "contactpersonen")


@bp.route("/<slug>/contactpersonen/<int:person_id>", methods=["GET", "POST"])
def edit_contact_person(slug: str, person_id: int) -> ResponseReturnValue:
    gemeente = get_gemeente(slug)
    person = db.first_or_404(
        select(ContactPerson).where(
            ContactPerson.id == person_id, ContactPerson.gemeente_id == gemeente.id
        )
    )
    form = ContactPersonForm(obj=person)
    if request.method == "GET":
        form.version_id.data = str(person.version_id)
    elif form.validate_on_submit():
        try:
            services.save_contact_person(
                gemeente, person_input(form), person, form.expected_version
            )
        except ConflictError as problem:
            db.session.rollback()
            flash(problem.message, "error")
            conflict = stored_values_that_differ(
                form, person, ["name", "function", "email", "phone", "notes"]
            )
            form.version_id.data = str(person.version_id)
            return render_template(
                "outreach/contact_person.html", form=form, gemeente=gemeente, conflict=conflict
            ), 409
        flash(f"{person.name} is opgeslagen.", "success")
        return back_to(slug, "contactpersonen")
    status = 400 if request.method == "POST" else 200
    return render_template("outreach/contact_person.html", form=form, gemeente=gemeente), status
