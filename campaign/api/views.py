"""GET /api/v1/gemeenten and /api/v1/gemeenten/<code-or-slug>."""

from __future__ import annotations

from flask import jsonify
from flask.typing import ResponseReturnValue

from campaign.api import bp
from campaign.api.openapi import openapi_document
from campaign.api.serializers import gemeente_detail, gemeente_summary
from campaign.cache import conditional
from campaign.errors import json_error
from campaign.gemeenten.services import find_gemeente, list_gemeenten
from campaign.moties.services import list_moties_for
from campaign.urls import site_url_for
from campaign.versions import gemeente_version, national_version


@bp.get("/gemeenten")
def gemeenten() -> ResponseReturnValue:
    return conditional(
        lambda _: jsonify([gemeente_summary(gemeente) for gemeente in list_gemeenten()]),
        national_version(),
        personal=False,
    )


@bp.get("/gemeenten/<code_or_slug>")
def gemeente(code_or_slug: str) -> ResponseReturnValue:
    found = find_gemeente(code_or_slug)
    if found is None:
        return json_error(404, f"Geen gemeente met code of naam {code_or_slug!r}.")
    version = gemeente_version(found.slug)
    assert version is not None  # the gemeente was just found
    return conditional(
        lambda _: jsonify(gemeente_detail(found, list_moties_for(found))),
        version,
        personal=False,
    )


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    server = site_url_for("api.gemeenten").removesuffix("/gemeenten")
    return jsonify(openapi_document(server))
