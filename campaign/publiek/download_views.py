"""Downloads: the map as SVG and PNG, share images, and the open data files."""

from __future__ import annotations

import json
from typing import Any

from flask import Response, abort, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from campaign.cache import conditional
from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.kaart.render import render_map, render_png
from campaign.publiek import bp, opendata
from campaign.publiek.services import adoption_reach
from campaign.versions import national_version


def download(body: str | bytes, mimetype: str, filename: str | None = None) -> Response:
    response = Response(body, mimetype=mimetype)
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-License"] = "CC BY 4.0, KinderpardonNU; grenzen: Bron: CBS / Kadaster"
    return response


def json_download(
    data: dict[str, Any], filename: str, mimetype: str = "application/json"
) -> Response:
    # Compact: the C encoder does not do indents, and the files are read by programs.
    return download(json.dumps(data, ensure_ascii=False, separators=(",", ":")), mimetype, filename)


@bp.get("/kaart.svg")
def map_svg() -> ResponseReturnValue:
    def make(version: str) -> ResponseReturnValue:
        svg = render_map(version, "download") or abort(
            404, description="De kaart is nog niet geladen."
        )
        return download('<?xml version="1.0" encoding="UTF-8"?>\n' + str(svg), "image/svg+xml")

    return conditional(make, national_version(), personal=False)


@bp.get("/kaart.png")
def map_png() -> ResponseReturnValue:
    def make(version: str) -> ResponseReturnValue:
        png = render_png(version, "download") or abort(
            404, description="De kaart is nog niet geladen."
        )
        return download(png, "image/png")

    return conditional(make, national_version(), personal=False, in_memory=False)


@bp.get("/gemeente/<slug>/kaart.png")
def share_image(slug: str) -> ResponseReturnValue:
    gemeente = db.first_or_404(select(Gemeente).where(Gemeente.slug == slug))

    def make(version: str) -> ResponseReturnValue:
        png = render_png(version, "share", highlight=gemeente.cbs_code) or abort(404)
        return download(png, "image/png")

    return conditional(make, national_version(), max_age=3600, personal=False, in_memory=False)


@bp.get("/open-data")
def open_data() -> ResponseReturnValue:
    return conditional(
        lambda _: render_template(
            "publiek/open_data.html", license=opendata.LICENSE, reach=adoption_reach()
        ),
        national_version(),
    )


@bp.get("/open-data/gemeenten.csv")
def gemeenten_csv() -> ResponseReturnValue:
    return conditional(
        lambda _: download(
            opendata.gemeenten_csv(), "text/csv", f"gemeenten-{today().isoformat()}.csv"
        ),
        national_version(),
        personal=False,
    )


@bp.get("/open-data/gemeenten-excel.csv")
def gemeenten_excel_csv() -> ResponseReturnValue:
    return conditional(
        lambda _: download(
            opendata.gemeenten_csv(for_excel=True),
            "text/csv",
            f"gemeenten-excel-{today().isoformat()}.csv",
        ),
        national_version(),
        personal=False,
    )


@bp.get("/open-data/gemeenten.json")
def gemeenten_json() -> ResponseReturnValue:
    return conditional(
        lambda _: json_download(opendata.gemeenten_json(), f"gemeenten-{today().isoformat()}.json"),
        national_version(),
        personal=False,
    )


@bp.get("/open-data/gemeenten.geojson")
def gemeenten_geojson() -> ResponseReturnValue:
    return conditional(
        lambda _: json_download(
            opendata.gemeenten_geojson(),
            f"gemeenten-{today().isoformat()}.geojson",
            "application/geo+json",
        ),
        national_version(),
        personal=False,
    )


@bp.get("/open-data/moties.json")
def moties_json() -> ResponseReturnValue:
    return conditional(
        lambda _: json_download(opendata.moties_popolo(), f"moties-{today().isoformat()}.json"),
        national_version(),
        personal=False,
    )
