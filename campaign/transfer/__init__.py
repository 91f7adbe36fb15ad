"""CSV export of the gemeenten, and CSV import of fracties and contact details."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("transfer", __name__, url_prefix="/beheer")
bp.before_request(require_login_for_beheer)

from campaign.transfer import views  # noqa: E402, F401  (its routes are this blueprint's)
