"""Finding the campaign's motion in the council records indexed by Open Besluitvorming, and
the volunteers' review of what the nightly search finds (/beheer/vondsten)."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("discovery", __name__, url_prefix="/beheer/vondsten")
bp.before_request(require_login_for_beheer)

from campaign.discovery import views  # noqa: E402, F401  (its routes are this blueprint's)
