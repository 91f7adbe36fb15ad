"""/beheer: where a volunteer starts the day."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.audit.history import recent_activity
from campaign.dashboard import bp
from campaign.dates import today
from campaign.gemeenten.services import count_by_status
from campaign.moties.services import adoptions_per_year
from campaign.outreach.forms import ActionForm
from campaign.outreach.services import list_follow_ups_due, my_gemeenten
from campaign.reports.services import count_new_reports


@bp.get("/")
def home() -> ResponseReturnValue:
    day = today()
    follow_ups = list_follow_ups_due(day)
    return render_template(
        "dashboard/home.html",
        counts=count_by_status(),
        mine=my_gemeenten(current_user),
        my_follow_ups=[e for e in follow_ups if e.gemeente.volunteer_id == current_user.id],
        other_follow_ups=[e for e in follow_ups if e.gemeente.volunteer_id != current_user.id],
        activity=recent_activity(),
        new_reports=count_new_reports(),
        adoptions=adoptions_per_year(),
        action=ActionForm(formdata=None),
        today=day,
    )
