"""Contact persons, the log of every contact with a gemeente, claims and the worklist."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("outreach", __name__, url_prefix="/beheer/gemeenten")
bp.before_request(require_login_for_beheer)

from campaign.outreach import views  # noqa: E402, F401  (its routes are this blueprint's)
