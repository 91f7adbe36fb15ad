"""The volunteers' list of gemeenten: filters on claim and follow-up, last contact per row.

Three queries whatever the number of gemeenten: the gemeenten with their volunteers, the last
contact date per gemeente, and the first open follow-up per gemeente.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from campaign.accounts.models import User
from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import whole_number
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.services import GemeenteQuery, list_gemeenten
from campaign.moties.services import gemeenten_adopted_only_by_previous_council
from campaign.outreach.models import OutreachEntry

ANYONE, NOBODY, ME = "", "niemand", "ik"


@dataclass(frozen=True)
class WorklistQuery:
    base: GemeenteQuery
    volunteer: str = ANYONE  # "", "niemand", "ik" or a user id
    follow_up_due: bool = False
    # Only gemeenten whose adoption dates from an earlier council: ask the new one to confirm.
    by_previous_council: bool = False

    @classmethod
    def from_args(cls, args: dict[str, str]) -> WorklistQuery:
        volunteer = args.get("vrijwilliger", ANYONE)
        if volunteer not in (ANYONE, NOBODY, ME) and whole_number(volunteer) is None:
            raise UserError("Onbekende vrijwilliger in het filter.", field="vrijwilliger")
        follow_up = args.get("opvolgen", "")
        if follow_up not in ("", "1"):
            raise UserError("Het filter 'opvolgen' is 1 of leeg.", field="opvolgen")
        previous = args.get("vorige_raad", "")
        if previous not in ("", "1"):
            raise UserError("Het filter 'vorige raad' is 1 of leeg.", field="vorige_raad")
        return cls(GemeenteQuery.from_args(args), volunteer, follow_up == "1", previous == "1")


@dataclass(frozen=True)
class WorklistRow:
    gemeente: Gemeente
    last_contact: date | None
    next_follow_up: date | None

    def is_due(self, today: date) -> bool:
        return self.next_follow_up is not None and self.next_follow_up <= today


def _last_contacts() -> dict[int, date]:
    rows = db.session.execute(
        select(OutreachEntry.gemeente_id, func.max(OutreachEntry.occurred_on)).group_by(
            OutreachEntry.gemeente_id
        )
    )
    return {gemeente_id: last for gemeente_id, last in rows}


def _next_follow_ups() -> dict[int, date]:
    rows = db.session.execute(
        select(OutreachEntry.gemeente_id, func.min(OutreachEntry.follow_up_on))
        .where(OutreachEntry.follow_up_on.is_not(None), OutreachEntry.follow_up_done.is_(False))
        .group_by(OutreachEntry.gemeente_id)
    )
    return {gemeente_id: first for gemeente_id, first in rows if first is not None}


def list_worklist(query: WorklistQuery, user: User, today: date) -> list[WorklistRow]:
    gemeenten = list_gemeenten(query.base)
    last_contacts = _last_contacts()
    follow_ups = _next_follow_ups()
    rows = [
        WorklistRow(g, last_contacts.get(g.id), follow_ups.get(g.id))
        for g in gemeenten
        if _matches_volunteer(g, query.volunteer, user)
    ]
    if query.follow_up_due:
        rows = [row for row in rows if row.is_due(today)]
    if query.by_previous_council:
        previous = gemeenten_adopted_only_by_previous_council(today)
        rows = [row for row in rows if row.gemeente.id in previous]
    return rows


def _matches_volunteer(gemeente: Gemeente, volunteer: str, user: User) -> bool:
    if volunteer == ANYONE:
        return True
    if volunteer == NOBODY:
        return gemeente.volunteer_id is None
    if volunteer == ME:
        return gemeente.volunteer_id == user.id
    return gemeente.volunteer_id == int(volunteer)


def list_volunteers() -> list[User]:
    return list(db.session.scalars(select(User).where(User.active).order_by(User.name)))
