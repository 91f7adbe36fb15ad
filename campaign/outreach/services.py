"""Claims, the outreach log, contact persons and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from campaign.accounts.models import User
from campaign.concurrency import check_version, saving
from campaign.dates import today
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.status import refresh_status
from campaign.outreach.models import Channel, ContactPerson, Direction, OutreachEntry
from campaign.paging import Page


def claim_gemeente(gemeente: Gemeente, volunteer: User) -> None:
    """Give a gemeente to one volunteer so no griffie is approached twice.

    The version column settles a race: of two simultaneous claims, the second commit fails.
    """
    with saving(gemeente.name):
        if gemeente.volunteer is not None and gemeente.volunteer != volunteer:
            raise UserError(f"{gemeente.name} is al geclaimd door {gemeente.volunteer.name}.")
        gemeente.volunteer = volunteer


def release_gemeente(gemeente: Gemeente, user: User) -> None:
    with saving(gemeente.name):
        if gemeente.volunteer is None:
            return
        if gemeente.volunteer != user and not user.is_admin:
            raise UserError(
                f"Alleen {gemeente.volunteer.name} of een beheerder kan {gemeente.name} vrijgeven."
            )
        gemeente.volunteer = None


def assign_gemeenten(gemeenten: list[Gemeente], volunteer: User | None, acting: User) -> int:
    """Bulk assignment from the list: all selected gemeenten at once, or none.

    As with releasing a claim, only an admin may take a gemeente away from a colleague."""
    with saving("Een van de gemeenten"):
        if volunteer is not None and not volunteer.active:
            raise UserError(f"{volunteer.name} is niet meer actief.")
        if not acting.is_admin:
            taken = [
                f"{g.name} ({g.volunteer.name})"
                for g in gemeenten
                if g.volunteer is not None and g.volunteer != acting and g.volunteer != volunteer
            ]
            if taken:
                raise UserError(
                    "Alleen een beheerder kan gemeenten van een collega anders toewijzen: "
                    + ", ".join(taken)
                    + ". Er is niets gewijzigd."
                )
        for gemeente in gemeenten:
            gemeente.volunteer = volunteer
    return len(gemeenten)


@dataclass
class ContactInput:
    occurred_on: date
    channel: Channel
    direction: Direction
    with_whom: str = ""
    summary: str = ""
    follow_up_on: date | None = None
    contact_person: ContactPerson | None = None


def log_contact(
    gemeente: Gemeente, data: ContactInput, volunteer: User, claim: bool = False
) -> OutreachEntry:
    """Record a contact; with `claim`, a gemeente nobody has becomes the volunteer's in the same
    save (one already claimed by a colleague in the meantime stays theirs)."""
    with saving(gemeente.name):
        if data.occurred_on > today():
            raise UserError("Een contact kan niet in de toekomst liggen.", field="occurred_on")
        if data.follow_up_on is not None and data.follow_up_on < data.occurred_on:
            raise UserError("De opvolgdatum ligt vóór het contact.", field="follow_up_on")
        if data.contact_person is not None and data.contact_person.gemeente is not gemeente:
            raise UserError(
                "Die contactpersoon hoort bij een andere gemeente.", field="contact_person"
            )
        entry = OutreachEntry(
            gemeente=gemeente,
            occurred_on=data.occurred_on,
            channel=data.channel,
            direction=data.direction,
            with_whom=data.with_whom,
            summary=data.summary,
            follow_up_on=data.follow_up_on,
            contact_person=data.contact_person,
            logged_by=volunteer,
        )
        db.session.add(entry)
        if claim and gemeente.volunteer is None:
            gemeente.volunteer = volunteer
        refresh_status(gemeente)
    return entry


def mark_follow_up_done(entry: OutreachEntry, expected_version: int | None) -> None:
    with saving("Dit contact"):
        check_version(entry, expected_version, "Dit contact")
        entry.follow_up_done = True


@dataclass
class ContactPersonInput:
    name: str
    function: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str = ""


def save_contact_person(
    gemeente: Gemeente,
    data: ContactPersonInput,
    person: ContactPerson | None = None,
    expected_version: int | None = None,
) -> ContactPerson:
    with saving(data.name):
        if person is None:
            person = ContactPerson(gemeente=gemeente)
            db.session.add(person)
        else:
            check_version(person, expected_version, person.name)
        person.name = data.name
        person.function = data.function
        person.email = data.email
        person.phone = data.phone
        person.notes = data.notes
    return person


def list_timeline(gemeente: Gemeente, size: int, number: int = 1) -> Page[OutreachEntry]:
    """One page of a gemeente's contacts, the latest first."""
    total = (
        db.session.scalar(
            select(func.count())
            .select_from(OutreachEntry)
            .where(OutreachEntry.gemeente_id == gemeente.id)
        )
        or 0
    )
    entries = db.session.scalars(
        select(OutreachEntry)
        .where(OutreachEntry.gemeente_id == gemeente.id)
        .options(selectinload(OutreachEntry.logged_by), selectinload(OutreachEntry.contact_person))
        .order_by(OutreachEntry.occurred_on.desc(), OutreachEntry.id.desc())
        .limit(size)
        .offset((number - 1) * size)
    )
    return Page(list(entries), total, number, size)


def list_follow_ups(
    last_day: date,
    first_day: date | None = None,
    volunteer: User | None = None,
    of_others: bool = False,
    limit: int | None = None,
) -> Page[OutreachEntry]:
    """Open follow-ups due from `first_day` (or any time before) up to `last_day`, the soonest
    first: those of `volunteer`'s gemeenten, or with `of_others` those of every other gemeente.
    At most `limit` are loaded, so a long backlog never makes a page grow."""
    conditions = [OutreachEntry.follow_up_on <= last_day, OutreachEntry.follow_up_done.is_(False)]
    if first_day is not None:
        conditions.append(OutreachEntry.follow_up_on >= first_day)
    if volunteer is not None and of_others:
        conditions.append(
            or_(Gemeente.volunteer_id.is_(None), Gemeente.volunteer_id != volunteer.id)
        )
    elif volunteer is not None:
        conditions.append(Gemeente.volunteer_id == volunteer.id)
    rows = db.session.execute(
        # The total comes with each row (a window count), so one query gives both.
        select(OutreachEntry, func.count().over())
        .join(OutreachEntry.gemeente)
        .where(*conditions)
        .options(selectinload(OutreachEntry.gemeente), selectinload(OutreachEntry.logged_by))
        .order_by(OutreachEntry.follow_up_on, OutreachEntry.id)
        .limit(limit)
    ).all()
    total = rows[0][1] if rows else 0
    return Page([entry for entry, _ in rows], total, 1, limit or total)


def my_gemeenten(user: User) -> list[Gemeente]:
    return list(
        db.session.scalars(
            select(Gemeente).where(Gemeente.volunteer_id == user.id).order_by(Gemeente.name)
        )
    )
