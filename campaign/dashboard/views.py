"""/beheer: where a volunteer starts the day."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts.permissions import require_login_for_beheer
from campaign.dashboard import services
from campaign.dates import today
from campaign.gemeenten.services import count_by_status
from campaign.outreach.forms import ActionForm
from campaign.outreach.services import list_follow_ups_due
from campaign.reports.services import count_new_reports

bp = Blueprint("dashboard", __name__, url_prefix="/beheer")
bp.before_request(require_login_for_beheer)


@bp.get("/")
def home() -> ResponseReturnValue:
    day = today()
    follow_ups = list_follow_ups_due(day)
    return render_template(
        "dashboard/home.html",
        counts=count_by_status(),
        mine=services.my_gemeenten(current_user),
        my_follow_ups=[e for e in follow_ups if e.gemeente.volunteer_id == current_user.id],
        other_follow_ups=[e for e in follow_ups if e.gemeente.volunteer_id != current_user.id],
        activity=services.recent_activity(),
        new_reports=count_new_reports(),
        adoptions=services.adoptions_per_year(),
        action=ActionForm(formdata=None),
        today=day,
    )
