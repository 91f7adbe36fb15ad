"""Public pages, in Dutch, readable without logging in."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.cache import conditional
from campaign.dates import today
from campaign.documents.services import background_sheet
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.councils import councils_of
from campaign.gemeenten.models import CampaignStatus, Gemeente, Raad, StatusChange
from campaign.gemeenten.provenance import FactField, GemeenteFact, sourced_fact
from campaign.gemeenten.services import (
    CBS_CODE,
    PROVINCES,
    GemeenteQuery,
    SearchResult,
    count_by_status,
    find_gemeente,
    list_gemeenten,
    search_gemeenten,
)
from campaign.kaart.render import STYLES, fill_for, render_map
from campaign.kaart.services import current_layer, neighbours_of, shape_of
from campaign.moties.services import list_latest_adoptions, list_moties_for, list_planned_votes
from campaign.publiek import bp, services
from campaign.publiek.parties import COLUMNS, party_overview
from campaign.security import allow_framing
from campaign.versions import gemeente_version, national_version


@bp.get("/")
def home() -> ResponseReturnValue:
    def make(version: str) -> ResponseReturnValue:
        counts = count_by_status()
        return render_template(
            "publiek/home.html",
            counts=counts,
            total=sum(counts.values()),
            adopted=counts[CampaignStatus.AANGENOMEN],
            adoptions=list_latest_adoptions(limit=10),
            planned=list_planned_votes(today(), awaiting_only=True)[:10],
            reach=services.adoption_reach(),
            map_svg=render_map(version, "page"),
            layer=current_layer(),
            gemeenten=list_gemeenten(),
            styles=STYLES,
            fill_for=fill_for,
        )

    return conditional(make, national_version())


@bp.get("/gemeenten")
def gemeenten() -> ResponseReturnValue:
    """The list, filtered and sorted; a search that means one gemeente goes straight to it."""

    def make(version: str) -> ResponseReturnValue:
        try:
            query = GemeenteQuery.from_args(request.args.to_dict())
            error = None
        except UserError as problem:
            query, error = GemeenteQuery(), problem.message
        found = search_gemeenten(query) if error is None else SearchResult([], None, [])
        if found.chosen is not None:
            return redirect(url_for("publiek.gemeente", slug=found.chosen.slug))
        return render_template(
            "publiek/gemeenten.html",
            query=query,
            gemeenten=found.gemeenten,
            suggestions=found.suggestions,
            error=error,
            provinces=PROVINCES,
            statuses=list(CampaignStatus),
        ), (400 if error else 200)

    return conditional(make, national_version())


@bp.get("/gemeente/<slug>")
def gemeente(slug: str) -> ResponseReturnValue:
    if CBS_CODE.match(slug):
        found = find_gemeente(slug)
        if found is None:
            abort(404, description="Er is geen gemeente met deze code.")
        return redirect(url_for("publiek.gemeente", slug=found.slug), 301)

    version = gemeente_version(slug) or abort(404, description="Deze gemeente bestaat niet.")

    def make(version: str) -> ResponseReturnValue:
        # Looked up only when the page is not in the cache.
        found = db.first_or_404(
            select(Gemeente)
            .where(Gemeente.slug == slug)
            .options(
                selectinload(Gemeente.status_changes).selectinload(StatusChange.changed_by),
                selectinload(Gemeente.fracties),
                selectinload(Gemeente.raden).selectinload(Raad.source),
                selectinload(Gemeente.facts).selectinload(GemeenteFact.source),
            )
        )
        views = services.motion_views(list_moties_for(found))
        shape = shape_of(found)
        return render_template(
            "publiek/gemeente.html",
            gemeente=found,
            status_text=services.status_text(found, views),
            history=services.public_history(found),
            motions=views,
            councils=councils_of(found),
            inhabitants=sourced_fact(found, FactField.INHABITANTS),
            website=sourced_fact(found, FactField.WEBSITE),
            neighbours=neighbours_of(found, shape),
            has_map=shape is not None,
            fill_for=fill_for,
        )

    return conditional(make, version)


@bp.get("/embed/kaart")
def embed_map() -> ResponseReturnValue:
    def make(version: str) -> ResponseReturnValue:
        counts = count_by_status()
        return render_template(
            "publiek/embed.html",
            map_svg=render_map(version, "embed"),
            counts=counts,
            fill_for=fill_for,
            styles=STYLES,
            adopted=counts[CampaignStatus.AANGENOMEN],
            layer=current_layer(),
        )

    allow_framing()
    return conditional(make, national_version())


@bp.get("/partijen")
def parties() -> ResponseReturnValue:
    return conditional(
        lambda _: render_template(
            "publiek/partijen.html", periods=party_overview(), columns=COLUMNS
        ),
        national_version(),
    )


@bp.get("/over-het-kinderpardon")
def about() -> ResponseReturnValue:
    title, blocks = background_sheet()
    return render_template("publiek/over.html", title=title, blocks=blocks)


@bp.get("/colofon")
def colophon() -> ResponseReturnValue:
    return render_template("publiek/colofon.html", layer=current_layer())


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Browsers ask for /favicon.ico on their own. The icon is static/favicon.svg drawn at 16,
    32 and 48 pixels (with CairoSVG and Pillow); pages link to both."""
    assert current_app.static_folder is not None
    return send_from_directory(
        current_app.static_folder,
        "favicon.ico",
        mimetype="image/vnd.microsoft.icon",
        max_age=86400,
    )
