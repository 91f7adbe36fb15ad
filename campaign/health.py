"""`/healthz`: does the app answer and does its database? For monitoring and benchmarks."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from campaign.errors import json_error
from campaign.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return json_error(503, "De database antwoordt niet.")
    response = jsonify(status="ok")
    response.headers["Cache-Control"] = "no-store"
    return response
