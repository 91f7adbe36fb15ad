"""Adoption per party across the country, from the recorded per-fractie votes.

A party is recognised by its folded name (case, accents and punctuation ignored), so "PvdA"
and "pvda" count together; local parties simply appear under their own names. Per gemeente the
motion that decides its record counts (an adopted one, else the latest): its per-fractie votes,
and for fracties of that council period without a recorded vote, "onbekend".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import selectinload

from campaign.gemeenten.models import Fractie, Gemeente
from campaign.gemeenten.search import fold
from campaign.moties.models import Motie, Vote
from campaign.publiek.services import latest_decided_moties


@dataclass
class PartyRecord:
    name: str
    by_vote: dict[Vote, list[Gemeente]] = field(default_factory=lambda: {v: [] for v in Vote})

    @property
    def total(self) -> int:
        return sum(len(gemeenten) for gemeenten in self.by_vote.values())


def party_overview() -> list[PartyRecord]:
    moties = [
        motie
        for motie in latest_decided_moties(
            selectinload(Motie.gemeente).selectinload(Gemeente.fracties),
            selectinload(Motie.stemmingen),
        ).values()
        if motie.is_decided
    ]
    parties: dict[str, PartyRecord] = {}
    for motie in moties:
        votes = {stemming.fractie_id: stemming.vote for stemming in motie.stemmingen}
        periodes = {f.raadsperiode for f in motie.gemeente.fracties if f.id in votes}
        fracties: list[Fractie] = [
            f for f in motie.gemeente.fracties if f.id in votes or f.raadsperiode in periodes
        ]
        for fractie in fracties:
            record = parties.setdefault(fold(fractie.name), PartyRecord(fractie.name))
            record.by_vote[votes.get(fractie.id, Vote.ONBEKEND)].append(motie.gemeente)
    for record in parties.values():
        for gemeenten in record.by_vote.values():
            gemeenten.sort(key=lambda g: g.name)
    return sorted(parties.values(), key=lambda r: (-len(r.by_vote[Vote.VOOR]), r.name.casefold()))
