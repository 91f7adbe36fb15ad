"""Adoption per party across the country, per raadsperiode, from the councils and the votes.

A party is its key (`campaign.gemeenten.parties`): `PvdD` and `Partij voor de Dieren` count
together, GroenLinks-PvdA is a party of its own, and a local party is local to its gemeente.
For each raadsperiode and national party: in how many gemeenten it has a fractie (the
denominator), and in how many of those it voted voor, tegen or verdeeld, its vote is not known
(a motion was decided, its vote not recorded), or that council has not decided on the motion.
Per gemeente the motion that decides that council's record counts: an adopted one, else the
latest decided one. Local parties are counted together, and listed where their vote is known.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select

from campaign.extensions import db
from campaign.gemeenten.models import RAADSPERIODES, Fractie
from campaign.gemeenten.parties import is_national, party_key, party_label
from campaign.gemeenten.services import GemeenteLink, gemeente_links
from campaign.moties.models import Motie, Outcome, Stemming, Vote


class Column(StrEnum):
    VOOR = "voor"
    TEGEN = "tegen"
    VERDEELD = "verdeeld"
    ONBEKEND = "onbekend"
    GEEN_STEMMING = "geen stemming"


COLUMNS = list(Column)


@dataclass
class PartyRecord:
    key: str
    name: str
    by_vote: dict[Column, list[GemeenteLink]] = field(
        default_factory=lambda: {column: [] for column in Column}
    )

    @property
    def total(self) -> int:
        return sum(len(gemeenten) for gemeenten in self.by_vote.values())

    @property
    def has_votes(self) -> bool:
        return any(self.by_vote[c] for c in (Column.VOOR, Column.TEGEN, Column.VERDEELD))


@dataclass
class PeriodOverview:
    raadsperiode: str
    national: list[PartyRecord]
    # All local parties together: one fractie in one gemeente each.
    local: PartyRecord
    # Local parties whose vote is known, each in its gemeente.
    local_with_votes: list[tuple[GemeenteLink, PartyRecord]]
    # Gemeenten whose council of this raadsperiode is known.
    councils: int


@dataclass(frozen=True)
class _Council:
    """One gemeente's fracties of one raadsperiode (id and name, by name) and how each voted
    on the motion that decides that council's record (None: it decided on none)."""

    fracties: Sequence[tuple[int, str]]
    votes: dict[int, Vote] | None


def _deciding_moties() -> dict[tuple[int, str], int]:
    """Per gemeente and raadsperiode, the motion that counts: the latest adopted one, else the
    latest decided one (by id, the order they were recorded in)."""
    decided = db.session.execute(
        select(Motie.id, Motie.gemeente_id, Motie.raadsperiode, Motie.outcome)
        .where(Motie.outcome.is_not(None), Motie.outcome != Outcome.ONBEKEND)
        .order_by(Motie.id)
    )
    chosen: dict[tuple[int, str], tuple[bool, int]] = {}
    for motie_id, gemeente_id, raadsperiode, outcome in decided:
        if raadsperiode is None:
            continue  # a motion whose council is not known counts for none
        adopted = outcome is Outcome.AANGENOMEN
        key = (gemeente_id, raadsperiode)
        if adopted or not chosen.get(key, (False, 0))[0]:
            chosen[key] = (adopted, motie_id)
    return {key: motie_id for key, (_, motie_id) in chosen.items()}


def _councils() -> tuple[list[GemeenteLink], dict[tuple[int, str], _Council]]:
    """The gemeenten in office by name, and their councils: four plain queries, no ORM objects
    (the page is rendered again after every change to a motion or a council)."""
    gemeenten = gemeente_links(in_office=True)
    fracties: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for fractie_id, gemeente_id, raadsperiode, name in db.session.execute(
        select(Fractie.id, Fractie.gemeente_id, Fractie.raadsperiode, Fractie.name).order_by(
            Fractie.gemeente_id, Fractie.name
        )
    ):
        fracties[(gemeente_id, raadsperiode)].append((fractie_id, name))
    deciding = _deciding_moties()
    votes: dict[int, dict[int, Vote]] = {motie_id: {} for motie_id in deciding.values()}
    if votes:
        for motie_id, fractie_id, vote in db.session.execute(
            select(Stemming.motie_id, Stemming.fractie_id, Stemming.vote).where(
                Stemming.motie_id.in_(list(votes))
            )
        ):
            votes[motie_id][fractie_id] = vote
    councils = {
        key: _Council(members, votes[deciding[key]] if key in deciding else None)
        for key, members in fracties.items()
    }
    return gemeenten, councils


def _column(fractie_id: int, votes: dict[int, Vote] | None) -> Column:
    if votes is None:
        return Column.GEEN_STEMMING
    return Column(votes.get(fractie_id, Vote.ONBEKEND).value)


def _key(fractie_name: str, gemeente_name: str) -> str | None:
    try:
        return party_key(fractie_name, gemeente_name)
    except ValueError:
        return None


def _period(
    gemeenten: list[GemeenteLink], councils: dict[tuple[int, str], _Council], raadsperiode: str
) -> PeriodOverview:
    national: dict[str, PartyRecord] = {}
    local = PartyRecord("lokaal", "Lokale partijen")
    local_with_votes: list[tuple[GemeenteLink, PartyRecord]] = []
    known = 0
    for gemeente in gemeenten:
        council = councils.get((gemeente.id, raadsperiode))
        if council is None:
            continue
        known += 1
        counted: set[str] = set()
        for fractie_id, name in council.fracties:
            key = _key(name, gemeente.name)
            if key is None or key in counted:
                continue  # a party with two fracties in one council counts once
            counted.add(key)
            column = _column(fractie_id, council.votes)
            if is_national(key):
                if key not in national:
                    national[key] = PartyRecord(key, party_label(key, key))
                national[key].by_vote[column].append(gemeente)
                continue
            local.by_vote[column].append(gemeente)
            if column in (Column.VOOR, Column.TEGEN, Column.VERDEELD):
                own = PartyRecord(key, name)
                own.by_vote[column].append(gemeente)
                local_with_votes.append((gemeente, own))
    ordered = sorted(
        national.values(),
        key=lambda r: (-len(r.by_vote[Column.VOOR]), -r.total, r.name.casefold()),
    )
    local_with_votes.sort(key=lambda pair: (pair[0].name, pair[1].name.casefold()))
    return PeriodOverview(raadsperiode, ordered, local, local_with_votes, known)


def party_overview() -> list[PeriodOverview]:
    """Per raadsperiode, the newest first."""
    gemeenten, councils = _councils()
    return [_period(gemeenten, councils, periode) for periode in reversed(RAADSPERIODES)]
