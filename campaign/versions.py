"""Data versions of the public pages: a short hash that changes when what a page shows changes.

National pages (the map, counts, parties, open data, the API list) follow everything. A
gemeente's own pages follow only that gemeente (its details and status, fracties, councils as
registered, motions and votes) and its neighbours' statuses, so recording a contact in Zeist
does not renew the page of Maastricht. Each is one or two indexed queries, cheap enough for
every request.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import func, or_, select

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente, Raad
from campaign.kaart.models import MapLayer, MapShape
from campaign.moties.models import Motie


def _digest(values: Any) -> str:
    """The values and today's date: what is "binnenkort" or "gepland" changes with the day."""
    return hashlib.sha256(repr((*values, today().isoformat())).encode()).hexdigest()[:24]


def national_version() -> str:
    values = db.session.execute(
        select(
            select(func.count(Gemeente.id)).scalar_subquery(),
            select(func.coalesce(func.sum(Gemeente.version_id), 0)).scalar_subquery(),
            select(func.count(Motie.id)).scalar_subquery(),
            select(func.max(Motie.updated_at)).scalar_subquery(),
            select(func.count(Fractie.id)).scalar_subquery(),
            select(func.max(Fractie.id)).scalar_subquery(),
            select(func.coalesce(func.sum(Fractie.version_id), 0)).scalar_subquery(),
            select(func.max(Raad.id)).scalar_subquery(),
            select(func.coalesce(func.sum(Raad.version_id), 0)).scalar_subquery(),
            select(func.max(MapLayer.id)).scalar_subquery(),
        )
    ).one()
    return _digest(values)


def gemeente_version(slug: str) -> str | None:
    """The version of one gemeente's pages, or None when there is no such gemeente."""
    found = db.session.execute(
        select(Gemeente.id, MapShape.neighbour_codes)
        .outerjoin(MapShape, MapShape.cbs_code == Gemeente.cbs_code)
        .where(Gemeente.slug == slug)
    ).first()
    if found is None:
        return None
    gemeente_id, neighbour_codes = found
    around = or_(Gemeente.id == gemeente_id, Gemeente.cbs_code.in_(neighbour_codes or []))
    of_gemeente = Motie.gemeente_id == gemeente_id
    values = db.session.execute(
        select(
            select(func.coalesce(func.sum(Gemeente.version_id), 0)).where(around).scalar_subquery(),
            select(func.count(Motie.id)).where(of_gemeente).scalar_subquery(),
            select(func.max(Motie.updated_at)).where(of_gemeente).scalar_subquery(),
            select(func.count(Fractie.id))
            .where(Fractie.gemeente_id == gemeente_id)
            .scalar_subquery(),
            select(func.coalesce(func.sum(Fractie.version_id), 0))
            .where(Fractie.gemeente_id == gemeente_id)
            .scalar_subquery(),
            select(func.max(Fractie.id))
            .where(Fractie.gemeente_id == gemeente_id)
            .scalar_subquery(),
            select(func.max(Raad.id)).where(Raad.gemeente_id == gemeente_id).scalar_subquery(),
            select(func.coalesce(func.sum(Raad.version_id), 0))
            .where(Raad.gemeente_id == gemeente_id)
            .scalar_subquery(),
            select(func.max(MapLayer.id)).scalar_subquery(),
        )
    ).one()
    return _digest((gemeente_id, *values))
