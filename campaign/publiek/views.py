"""Public pages, in Dutch, readable without logging in."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from campaign.errors import UserError
from campaign.gemeenten.models import CampaignStatus
from campaign.gemeenten.services import PROVINCES, GemeenteQuery, count_by_status, list_gemeenten
from campaign.moties.services import list_latest_adoptions

bp = Blueprint("publiek", __name__)


@bp.get("/")
def home() -> ResponseReturnValue:
    counts = count_by_status()
    return render_template(
        "publiek/home.html",
        counts=counts,
        total=sum(counts.values()),
        adopted=counts[CampaignStatus.AANGENOMEN],
        adoptions=list_latest_adoptions(limit=10),
    )


@bp.get("/gemeenten")
def gemeenten() -> ResponseReturnValue:
    try:
        query = GemeenteQuery.from_args(request.args.to_dict())
    except UserError as error:
        return (
            render_template(
                "publiek/gemeenten.html",
                query=GemeenteQuery(),
                gemeenten=[],
                error=error.message,
                provinces=PROVINCES,
                statuses=list(CampaignStatus),
            ),
            400,
        )
    return render_template(
        "publiek/gemeenten.html",
        query=query,
        gemeenten=list_gemeenten(query),
        error=None,
        provinces=PROVINCES,
        statuses=list(CampaignStatus),
    )
