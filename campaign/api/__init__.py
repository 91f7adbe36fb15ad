"""The read-only JSON API under /api/v1."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from campaign.api import views  # noqa: E402, F401  (its routes are this blueprint's)
