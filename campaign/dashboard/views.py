"""/beheer: where a volunteer starts the day: what is due, what is coming, what waits."""

from __future__ import annotations

from datetime import timedelta

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.audit.history import recent_activity
from campaign.dashboard import bp
from campaign.dates import today
from campaign.discovery.services import count_waiting_leads
from campaign.gemeenten.services import count_by_status
from campaign.moties.services import adoptions_per_year
from campaign.outreach.services import list_follow_ups, my_gemeenten
from campaign.reports.services import count_new_reports

# The most urgent follow-ups per list; the rest are a link away, so the page stays the same
# size however long the backlog grows.
SHOWN = 10
COMING_DAYS = 14


@bp.get("/")
def home() -> ResponseReturnValue:
    day = today()
    coming = (day + timedelta(days=1), day + timedelta(days=COMING_DAYS))
    return render_template(
        "dashboard/home.html",
        counts=count_by_status(),
        mine=my_gemeenten(current_user),
        due_mine=list_follow_ups(day, volunteer=current_user, limit=SHOWN),
        due_others=list_follow_ups(day, volunteer=current_user, of_others=True, limit=SHOWN),
        coming_mine=list_follow_ups(coming[1], coming[0], current_user, limit=SHOWN),
        coming_others=list_follow_ups(coming[1], coming[0], current_user, True, SHOWN),
        coming_days=COMING_DAYS,
        activity=recent_activity(),
        new_reports=count_new_reports(),
        waiting_leads=count_waiting_leads(),
        adoptions=adoptions_per_year(),
        today=day,
    )
