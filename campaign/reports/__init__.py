"""Reports from councils: a raadslid or griffier tells us a motion was submitted or voted on."""

from flask import Blueprint

bp = Blueprint("reports", __name__)

from campaign.reports import views  # noqa: E402, F401  (its routes are this blueprint's)
