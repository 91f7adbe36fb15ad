"""The public register of government organisations: loading its exports of gemeenten (the
`register` command) and, under /beheer/register, settling what it says against what volunteers
entered."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("register", __name__, url_prefix="/beheer/register")
bp.before_request(require_login_for_beheer)

from campaign.register import views  # noqa: E402, F401  (its routes are this blueprint's)
