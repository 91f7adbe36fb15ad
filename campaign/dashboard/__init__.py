"""The volunteers' start page under /beheer."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("dashboard", __name__, url_prefix="/beheer")
bp.before_request(require_login_for_beheer)

from campaign.dashboard import views  # noqa: E402, F401  (its routes are this blueprint's)
