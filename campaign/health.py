"""`/healthz`: does the app answer, does its database, which schema, is the map loaded.

For monitoring, the deployment's health checks and the load benchmark.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from campaign.errors import json_error
from campaign.extensions import db
from campaign.kaart.models import MapShape

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    try:
        revision = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        shapes = db.session.scalar(select(func.count()).select_from(MapShape))
    except SQLAlchemyError:
        db.session.rollback()
        return json_error(503, "De database antwoordt niet.")
    response = jsonify(status="ok", schema_revision=revision, boundaries_loaded=bool(shapes))
    response.headers["Cache-Control"] = "no-store"
    return response
