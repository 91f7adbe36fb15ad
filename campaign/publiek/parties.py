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

from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.extensions import db
from campaign.gemeenten.models import RAADSPERIODES, Fractie, Gemeente
from campaign.gemeenten.parties import is_national, party_key, party_label
from campaign.moties.models import Motie, Outcome, Vote


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
    by_vote: dict[Column, list[Gemeente]] = field(
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
    local_with_votes: list[tuple[Gemeente, PartyRecord]]
    # Gemeenten whose council of this raadsperiode is known.
    councils: int


def _deciding(moties: list[Motie], raadsperiode: str) -> Motie | None:
    decided = [m for m in moties if m.raadsperiode == raadsperiode and m.is_decided]
    adopted = [m for m in decided if m.outcome is Outcome.AANGENOMEN]
    chosen = adopted or decided
    return chosen[-1] if chosen else None


def _column(fractie: Fractie, motie: Motie | None, votes: dict[int, Vote]) -> Column:
    if motie is None:
        return Column.GEEN_STEMMING
    return Column(votes.get(fractie.id, Vote.ONBEKEND).value)


def _key(fractie: Fractie, gemeente: Gemeente) -> str | None:
    try:
        return party_key(fractie.name, gemeente.name)
    except ValueError:
        return None


def _period(gemeenten: list[Gemeente], raadsperiode: str) -> PeriodOverview:
    national: dict[str, PartyRecord] = {}
    local = PartyRecord("lokaal", "Lokale partijen")
    local_with_votes: list[tuple[Gemeente, PartyRecord]] = []
    councils = 0
    for gemeente in gemeenten:
        fracties = [f for f in gemeente.fracties if f.raadsperiode == raadsperiode]
        if not fracties:
            continue
        councils += 1
        motie = _deciding(gemeente.moties, raadsperiode)
        votes = {s.fractie_id: s.vote for s in motie.stemmingen} if motie else {}
        counted: set[str] = set()
        for fractie in fracties:
            key = _key(fractie, gemeente)
            if key is None or key in counted:
                continue  # a party with two fracties in one council counts once
            counted.add(key)
            column = _column(fractie, motie, votes)
            if is_national(key):
                record = national.setdefault(key, PartyRecord(key, party_label(key, key)))
                record.by_vote[column].append(gemeente)
                continue
            local.by_vote[column].append(gemeente)
            if column in (Column.VOOR, Column.TEGEN, Column.VERDEELD):
                own = PartyRecord(key, fractie.name)
                own.by_vote[column].append(gemeente)
                local_with_votes.append((gemeente, own))
    ordered = sorted(
        national.values(),
        key=lambda r: (-len(r.by_vote[Column.VOOR]), -r.total, r.name.casefold()),
    )
    local_with_votes.sort(key=lambda pair: (pair[0].name, pair[1].name.casefold()))
    return PeriodOverview(raadsperiode, ordered, local, local_with_votes, councils)


def party_overview() -> list[PeriodOverview]:
    """Per raadsperiode, the newest first."""
    gemeenten = list(
        db.session.scalars(
            select(Gemeente)
            .where(Gemeente.ceased_on.is_(None))
            .options(
                selectinload(Gemeente.fracties),
                selectinload(Gemeente.moties).selectinload(Motie.stemmingen),
            )
            .order_by(Gemeente.name)
        )
    )
    return [_period(gemeenten, periode) for periode in reversed(RAADSPERIODES)]
