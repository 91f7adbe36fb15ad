"""/beheer/register: every difference between the register and what volunteers entered, and a
decision per difference: take the register's value, or keep the one here."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from campaign.extensions import db
from campaign.forms import try_save
from campaign.gemeenten.models import Fractie
from campaign.gemeenten.provenance import GemeenteFact, RegisterSource
from campaign.register import bp, services
from campaign.register.forms import TAKE, SettleForm
from campaign.urls import safe_redirect_target


def back() -> ResponseReturnValue:
    return redirect(safe_redirect_target(request.form.get("next"), url_for("register.review")))


@bp.get("/")
def review() -> ResponseReturnValue:
    sources = db.session.scalars(
        select(RegisterSource).order_by(RegisterSource.export_date.desc(), RegisterSource.id)
    ).all()
    return render_template(
        "register/review.html",
        differences=services.list_differences(),
        sources=sources,
        form=SettleForm(formdata=None),
    )


@bp.post("/gegevens/<int:fact_id>")
def settle_fact(fact_id: int) -> ResponseReturnValue:
    fact = db.get_or_404(GemeenteFact, fact_id)
    form = SettleForm()
    if not form.validate_on_submit():
        flash("De keuze klopt niet; er is niets gewijzigd.", "error")
        return back()
    take = form.keuze.data == TAKE
    refused = try_save(form, lambda: services.settle_fact(fact, form.register.data or "", take))
    if refused is None:
        what = fact.field.label
        flash(
            f"{fact.gemeente.name}: {what} uit het register overgenomen."
            if take
            else f"{fact.gemeente.name}: {what} blijft zoals het hier staat.",
            "success",
        )
    return back()


@bp.post("/fracties/<int:fractie_id>")
def settle_fractie(fractie_id: int) -> ResponseReturnValue:
    fractie = db.get_or_404(Fractie, fractie_id)
    form = SettleForm()
    if not form.validate_on_submit():
        flash("De keuze klopt niet; er is niets gewijzigd.", "error")
        return back()
    take = form.keuze.data == TAKE
    name = fractie.name
    refused = try_save(
        form,
        lambda: services.settle_fractie(
            fractie, form.register.data or "", take, form.expected_version
        ),
    )
    if refused is None:
        flash(
            f"Fractie {name}: naam en zetels uit het register overgenomen."
            if take
            else f"Fractie {name} blijft zoals zij hier staat.",
            "success",
        )
    return back()
