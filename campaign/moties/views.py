"""Recording a motion and its votes for one gemeente, under /beheer."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.extensions import db
from campaign.forms import options, try_save
from campaign.gemeenten.models import Gemeente
from campaign.moties import bp, services
from campaign.moties.forms import MotieForm, motie_form_class
from campaign.moties.models import Motie, Outcome, Vote


def build_form(gemeente: Gemeente, motie: Motie | None) -> MotieForm:
    fracties = sorted(
        gemeente.fracties, key=lambda f: (-int(f.raadsperiode[:4]), f.name.casefold())
    )
    form_class = motie_form_class(fracties)
    if request.method == "POST":
        form = form_class()
    elif motie is not None:
        votes = {f"vote_{s.fractie_id}": s.vote.value for s in motie.stemmingen}
        form = form_class(
            formdata=None,
            title=motie.title,
            from_model_motion=motie.template_version is not None,
            submitted_on=motie.submitted_on,
            voted_on=motie.voted_on,
            vote_planned_on=motie.vote_planned_on,
            outcome=motie.outcome.value if motie.outcome else "",
            votes_for=motie.votes_for,
            votes_against=motie.votes_against,
            record_url=motie.record_url,
            indieners=[f.id for f in motie.indieners],
            indiener_names=motie.indiener_names,
            notes=motie.notes,
            raadsperiode=motie.raadsperiode or "",
            source=motie.source,
            source_url=motie.source_url,
            version_id=str(motie.version_id),
            **votes,
        )
    else:
        form = form_class(formdata=None)
    form.indieners.choices = options((f.id, f"{f.name} ({f.raadsperiode})") for f in fracties)
    return form


def motie_input(form: MotieForm, gemeente: Gemeente) -> services.MotieInput:
    fracties = {f.id: f for f in gemeente.fracties}
    return services.MotieInput(
        title=form.title.data,
        from_model_motion=form.from_model_motion.data,
        submitted_on=form.submitted_on.data,
        voted_on=form.voted_on.data,
        vote_planned_on=form.vote_planned_on.data,
        outcome=Outcome(form.outcome.data) if form.outcome.data else None,
        votes_for=form.votes_for.data,
        votes_against=form.votes_against.data,
        record_url=form.record_url.data,
        indieners=[fracties[i] for i in form.indieners.data or [] if i in fracties],
        indiener_names=form.indiener_names.data or "",
        stemmingen={f: Vote(field.data) for f, field in form.vote_fields() if field.data},
        notes=form.notes.data or "",
        source=form.source.data or "",
        source_url=form.source_url.data,
        raadsperiode=form.raadsperiode.data or None,
    )


def save(gemeente: Gemeente, motie: Motie | None) -> ResponseReturnValue:
    form = build_form(gemeente, motie)
    if request.method == "GET":
        return render_template("moties/form.html", form=form, gemeente=gemeente, motie=motie)
    if not form.validate_on_submit():
        return render_template("moties/form.html", form=form, gemeente=gemeente, motie=motie), 400
    data = motie_input(form, gemeente)
    if motie is None:
        refused = try_save(form, lambda: services.create_motie(gemeente, data))
    else:
        existing = motie
        refused = try_save(
            form, lambda: services.update_motie(existing, data, form.expected_version), existing
        )
    if refused:
        return render_template(
            "moties/form.html", form=form, gemeente=gemeente, motie=motie
        ), refused.status
    flash(
        f"De motie is opgeslagen. {gemeente.name} staat nu op {gemeente.status.label}.",
        "success",
    )
    return redirect(url_for("workspace.page", slug=gemeente.slug, _anchor="moties"))


def gemeente_for(slug: str) -> Gemeente:
    return db.first_or_404(
        select(Gemeente).where(Gemeente.slug == slug).options(selectinload(Gemeente.fracties))
    )


@bp.route("/<slug>/moties/nieuw", methods=["GET", "POST"])
def create(slug: str) -> ResponseReturnValue:
    return save(gemeente_for(slug), None)


@bp.route("/<slug>/moties/<int:motie_id>", methods=["GET", "POST"])
def edit(slug: str, motie_id: int) -> ResponseReturnValue:
    gemeente = gemeente_for(slug)
    motie = db.first_or_404(
        select(Motie).where(Motie.id == motie_id, Motie.gemeente_id == gemeente.id)
    )
    return save(gemeente, motie)
