"""The appeal: the e-mail to every griffie with the motion and background sheet attached,
sent in resumable batches, and the texts it is made of (under /beheer)."""

from flask import Blueprint

from campaign.accounts.permissions import require_login_for_beheer

bp = Blueprint("mail", __name__, url_prefix="/beheer")
bp.before_request(require_login_for_beheer)

from campaign.mail import text_views, views  # noqa: E402, F401  (their routes are this blueprint's)
