"""/beheer/vondsten: leads per gemeente to accept or dismiss, coverage, and the search terms."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from campaign.accounts.permissions import admin_required
from campaign.discovery import bp, review, terms
from campaign.discovery.coverage import coverage_overview
from campaign.discovery.forms import LeadForm, TermForm
from campaign.discovery.models import DiscoveryTerm, Lead, LeadState
from campaign.discovery.runs import latest_run
from campaign.discovery.services import count_leads, leads_by_gemeente
from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import DutchForm, try_save, whole_number
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie

STATES = {state.value: state for state in LeadState}


def _gemeente_from(slug: str | None) -> Gemeente | None:
    if not slug:
        return None
    return db.first_or_404(select(Gemeente).where(Gemeente.slug == slug))


def render_leads(
    state: LeadState,
    gemeente: Gemeente | None,
    status: int = 200,
    refused: dict[str, Any] | None = None,
) -> ResponseReturnValue:
    return (
        render_template(
            "discovery/leads.html",
            state=state,
            gemeente=gemeente,
            groups=leads_by_gemeente(state, gemeente),
            counts=count_leads(),
            coverage=coverage_overview(),
            terms=terms.list_terms(),
            run=latest_run(),
            form=LeadForm(formdata=None),
            refused=refused or {},
        ),
        status,
    )


@bp.get("/")
def leads() -> ResponseReturnValue:
    state = STATES.get(request.args.get("toon", LeadState.NIEUW.value))
    if state is None:
        abort(400, description="Kies welke vondsten je ziet: nieuw, geaccepteerd of afgewezen.")
    return render_leads(state, _gemeente_from(request.args.get("gemeente")))


def _back(lead: Lead) -> ResponseReturnValue:
    slug = request.form.get("gemeente")
    return redirect(url_for("discovery.leads", gemeente=lead.gemeente.slug if slug else None))


def _refused(lead: Lead, status: int, form: LeadForm) -> ResponseReturnValue:
    typed = {"lead_id": lead.id, "motie": form.motie.data, "reason": form.reason.data}
    gemeente = lead.gemeente if request.form.get("gemeente") else None
    return render_leads(LeadState.NIEUW, gemeente, status, typed)


@bp.post("/<int:lead_id>/accepteren")
def accept(lead_id: int) -> ResponseReturnValue:
    lead = db.get_or_404(Lead, lead_id)
    form = LeadForm()
    if not form.validate_on_submit():
        return _refused(lead, 400, form)
    motie = None
    choice = (form.motie.data or "nieuw").strip()
    if choice != "nieuw":
        number = whole_number(choice)
        motie = db.session.get(Motie, number) if number is not None else None
        if motie is None or motie.gemeente_id != lead.gemeente_id:
            flash(f"Kies een motie van {lead.gemeente.name}, of een nieuwe motie.", "error")
            return _refused(lead, 400, form)
    done: list[review.Acceptance] = []
    refused = try_save(
        form,
        lambda: done.append(review.accept_lead(lead, current_user, motie, form.expected_version)),
        lead,
    )
    if refused:
        return _refused(lead, refused.status, form)
    result = done[0]
    gemeente = lead.gemeente
    flash(f"Vondst vastgelegd: {gemeente.name} staat nu op {gemeente.status.label}.", "success")
    if result.kept:
        flash(
            "Niet overgenomen, omdat er al iets anders was vastgelegd: "
            + "; ".join(result.kept)
            + ". Controleer de motie.",
            "info",
        )
    if result.unmatched:
        flash(
            "Deze fracties uit het raadsbesluit staan niet (of niet eenduidig) in Motietracker, "
            "hun stem is niet vastgelegd: " + ", ".join(result.unmatched) + ".",
            "info",
        )
    return _back(lead)


@bp.post("/<int:lead_id>/afwijzen")
def dismiss(lead_id: int) -> ResponseReturnValue:
    lead = db.get_or_404(Lead, lead_id)
    form = LeadForm()
    if not form.validate_on_submit():
        return _refused(lead, 400, form)
    refused = try_save(
        form,
        lambda: review.dismiss_lead(
            lead, current_user, form.reason.data or "", form.expected_version
        ),
        lead,
    )
    if refused:
        if form.reason.errors:
            flash(" ".join(form.reason.errors), "error")
        return _refused(lead, refused.status, form)
    flash(f"De vondst in {lead.gemeente.name} is afgewezen.", "success")
    return _back(lead)


def render_terms(form: TermForm, status: int = 200) -> ResponseReturnValue:
    return (
        render_template(
            "discovery/terms.html", terms=terms.list_terms(), form=form, action=DutchForm()
        ),
        status,
    )


@bp.route("/zoektermen", methods=["GET", "POST"])
@admin_required
def search_terms() -> ResponseReturnValue:
    form = TermForm()
    if request.method == "GET":
        return render_terms(TermForm(formdata=None))
    if not form.validate_on_submit():
        return render_terms(form, 400)
    added: list[DiscoveryTerm] = []
    if try_save(form, lambda: added.append(terms.add_term(form.text.data or "", current_user))):
        return render_terms(form, 400)
    flash(f"Zoekterm “{added[0].text}” toegevoegd; de volgende zoekronde zoekt ernaar.", "success")
    return redirect(url_for("discovery.search_terms"))


@bp.post("/zoektermen/<int:term_id>/verwijderen")
@admin_required
def remove_search_term(term_id: int) -> ResponseReturnValue:
    term = db.get_or_404(DiscoveryTerm, term_id)
    if not DutchForm().validate_on_submit():
        abort(400)
    try:
        terms.remove_term(term)
    except UserError as problem:
        flash(problem.message, "error")
    else:
        flash(f"Zoekterm “{term.text}” verwijderd.", "success")
    return redirect(url_for("discovery.search_terms"))
