"""Versioned campaign texts (motion, appeal, background) and the documents built from them."""

from flask import Blueprint

bp = Blueprint("documents", __name__)

from campaign.documents import views  # noqa: E402, F401  (its routes are this blueprint's)
