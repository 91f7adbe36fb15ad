"""Loading an export of the register, and settling what it says against what volunteers entered.

A load is one transaction attributed to the register (`SystemOrigin.REGISTER` in the audit log,
no person), or for a dry run the same work rolled back, so the dry run reports exactly what the
load would do. The differences it leaves (a volunteer's value against the register's) are
settled one by one in /beheer: take the register's value, or keep the one here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from campaign.acting import SystemOrigin, acting_as_system
from campaign.concurrency import check_version, saving
from campaign.dates import utcnow
from campaign.errors import ConflictError
from campaign.extensions import db
from campaign.gemeenten.councils import council_of
from campaign.gemeenten.models import RAADSPERIODES, Fractie, Gemeente, Raad
from campaign.gemeenten.parties import pair_names
from campaign.gemeenten.provenance import FactField, GemeenteFact, Origin
from campaign.register.export import RegisterExport
from campaign.register.facts import ExportFacts, export_facts
from campaign.register.loading import load_facts
from campaign.register.records import PartySeats
from campaign.register.report import LoadReport


class LoadRace(Exception):
    """Someone else saved the same records during the load; nothing was loaded."""


def stored_councils(raadsperiode: str) -> dict[str, list[PartySeats]]:
    """Per CBS code the parties of the registered council of that raadsperiode."""
    rows = db.session.execute(
        select(Gemeente.cbs_code, Raad.parties)
        .join(Raad, Raad.gemeente_id == Gemeente.id)
        .where(Raad.raadsperiode == raadsperiode)
    )
    return {
        code: [PartySeats(str(p["name"]), int(p["seats"])) for p in parties]
        for code, parties in rows
    }


def apply_facts(
    facts: ExportFacts, origin: SystemOrigin = SystemOrigin.REGISTER, dry_run: bool = False
) -> LoadReport:
    """Store the facts in one transaction (or roll back for a dry run) and report each step."""
    with acting_as_system(origin):
        try:
            report = load_facts(facts)
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            raise LoadRace("Another change was saved at the same time; load again.") from None
        except BaseException:
            db.session.rollback()
            raise
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    return report


def load_export(
    export: RegisterExport, export_date: date, location: str, dry_run: bool = False
) -> LoadReport:
    """Load the register's CSV export of gemeenten (see `facts` for what is taken and how the
    raadsperiode of its councils is decided)."""
    known = set(db.session.scalars(select(Gemeente.cbs_code).where(Gemeente.ceased_on.is_(None))))
    facts = export_facts(
        export.gemeenten, export_date, location, known, stored_councils(RAADSPERIODES[0])
    )
    return apply_facts(facts, SystemOrigin.REGISTER, dry_run)


@dataclass(frozen=True)
class Difference:
    """A value a volunteer entered against what the register says, waiting for a decision."""

    gemeente: Gemeente
    what: str
    register: str
    here: str
    source_date: date | None
    # One of the two is set: the field's provenance, or the fractie.
    fact: GemeenteFact | None = None
    fractie: Fractie | None = None
    register_name: str = ""
    register_seats: int | None = None


def _seats(seats: int | None) -> str:
    return "zetels onbekend" if seats is None else f"{seats} zetel{'s' if seats != 1 else ''}"


def _fact_differences(gemeente: Gemeente) -> list[Difference]:
    found = []
    for fact in gemeente.facts:
        if fact.origin is not Origin.HAND or fact.register_value is None:
            continue
        stored = getattr(gemeente, fact.field.value)
        here = "" if stored is None else str(stored)
        if here == fact.register_value or fact.kept_value == fact.register_value:
            continue
        found.append(
            Difference(
                gemeente,
                fact.field.label,
                fact.register_value,
                here or "(leeg)",
                fact.source.export_date if fact.source else None,
                fact=fact,
            )
        )
    return found


def _fractie_differences(gemeente: Gemeente) -> list[Difference]:
    found = []
    for raad in gemeente.raden:
        fracties = council_of(gemeente, raad.raadsperiode).fracties
        parties = raad.party_seats
        pairs = pair_names([name for name, _ in parties], [f.name for f in fracties], gemeente.name)
        for index, (name, seats) in enumerate(parties):
            fractie = fracties[pairs[index]] if index in pairs else None
            if (
                fractie is None
                or fractie.origin is not Origin.HAND
                or (fractie.name, fractie.seats) == (name, seats)
                or fractie.register_kept == f"{name}|{seats}"
            ):
                continue
            found.append(
                Difference(
                    gemeente,
                    f"fractie ({raad.raadsperiode})",
                    f"{name}, {_seats(seats)}",
                    f"{fractie.name}, {_seats(fractie.seats)}",
                    raad.source.export_date,
                    fractie=fractie,
                    register_name=name,
                    register_seats=seats,
                )
            )
    return found


def list_differences(gemeente: Gemeente | None = None) -> list[Difference]:
    """Every open difference, by gemeente name; of one gemeente when given."""
    statement = select(Gemeente).options(
        selectinload(Gemeente.facts).selectinload(GemeenteFact.source),
        selectinload(Gemeente.raden).selectinload(Raad.source),
        selectinload(Gemeente.fracties),
    )
    if gemeente is not None:
        statement = statement.where(Gemeente.id == gemeente.id)
    else:
        hand_fracties = select(Fractie.gemeente_id).where(Fractie.origin == Origin.HAND)
        hand_facts = select(GemeenteFact.gemeente_id).where(GemeenteFact.origin == Origin.HAND)
        statement = statement.where(Gemeente.id.in_(hand_fracties) | Gemeente.id.in_(hand_facts))
    found = []
    for each in sorted(db.session.scalars(statement), key=lambda g: g.name):
        found += _fact_differences(each) + _fractie_differences(each)
    return found


STALE = "Het register zegt inmiddels iets anders; bekijk het verschil opnieuw."


def settle_fact(fact: GemeenteFact, register_value: str, take: bool) -> None:
    """Take the register's value for a field, or keep the one entered here."""
    gemeente = fact.gemeente
    with saving(gemeente.name):
        if fact.register_value != register_value:
            raise ConflictError(STALE)
        if take:
            value: str | int = (
                int(register_value) if fact.field is FactField.INHABITANTS else (register_value)
            )
            setattr(gemeente, fact.field.value, value)
            fact.origin = Origin.REGISTER
            fact.changed_at = utcnow()
            fact.kept_value = None
        else:
            fact.kept_value = register_value


def settle_fractie(
    fractie: Fractie, register: str, take: bool, expected_version: int | None
) -> None:
    """Take the register's name and seats for a fractie, or keep those entered here.

    `register` is the difference as shown ("name|seats"); a newer load that changed it makes
    the decision stale."""
    with saving(f"Fractie {fractie.name}"):
        check_version(fractie, expected_version, f"Fractie {fractie.name}")
        current = {
            f"{d.register_name}|{d.register_seats}": d
            for d in _fractie_differences(fractie.gemeente)
            if d.fractie is fractie
        }
        difference = current.get(register)
        if difference is None:
            raise ConflictError(STALE)
        if take:
            fractie.name = difference.register_name
            fractie.seats = difference.register_seats
            fractie.origin = Origin.REGISTER
            fractie.register_kept = None
        else:
            fractie.register_kept = register
