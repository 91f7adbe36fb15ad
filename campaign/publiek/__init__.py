"""The public site: home page and the list of gemeenten."""

from flask import Blueprint

bp = Blueprint("publiek", __name__)

from campaign.publiek import (  # noqa: E402, F401  (their routes are this blueprint's)
    download_views,
    feeds,
    views,
)
