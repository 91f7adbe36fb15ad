"""Motions, their indieners and votes per fractie, and setting a gemeente's status by hand."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("moties", __name__, url_prefix="/beheer/gemeenten")
bp.before_request(require_login_for_beheer)

from campaign.moties import views  # noqa: E402, F401  (its routes are this blueprint's)
