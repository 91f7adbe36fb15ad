"""The volunteers' page of one gemeente under /beheer: a face made of the panels that the core
and each feature provide, and the forms on it that re-render the whole page when refused."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("workspace", __name__, url_prefix="/beheer/gemeenten")
bp.before_request(require_login_for_beheer)

from campaign.workspace import views  # noqa: E402, F401  (its routes are this blueprint's)
