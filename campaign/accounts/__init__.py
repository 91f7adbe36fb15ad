"""Users, roles, and the commands that manage them."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from campaign.accounts import user_admin, views  # noqa: E402, F401  (their routes are this blueprint's)
