"""How the council voted on a motion, fractie by fractie, against the council's seats.

The voting council is the motion's raadsperiode in its gemeente. Every fractie of that council
is listed: with its recorded vote, or `onbekend` when none was recorded, and always with its
seats, so a reader sees whose vote is missing and how much it weighs. The vote bar measures the
votes against the council's seats: what is not voor or tegen was not cast (absent, abstained)
or is not known.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaign.gemeenten.councils import Council, council_of
from campaign.gemeenten.parties import party_key
from campaign.moties.models import Motie, Vote


@dataclass(frozen=True)
class FractieVote:
    fractie: str
    raadsperiode: str
    seats: int | None
    vote: Vote
    # False: no vote was recorded for this fractie, so it is `onbekend`.
    is_recorded: bool
    party: str


def voting_council(motie: Motie) -> Council | None:
    """The council that voted (or will vote), when its raadsperiode is known."""
    if motie.raadsperiode is None:
        return None
    return council_of(motie.gemeente, motie.raadsperiode)


def _key(name: str, gemeente: str) -> str:
    try:
        return party_key(name, gemeente)
    except ValueError:
        return ""


def council_votes(motie: Motie) -> list[FractieVote]:
    """Every fractie of the voting council with its vote, most seats first; fracties with a
    recorded vote that are not (or no longer) in that council come last."""
    recorded = {stemming.fractie_id: stemming for stemming in motie.stemmingen}
    council = voting_council(motie)
    fracties = council.fracties if council is not None else []
    votes = []
    for fractie in fracties:
        stemming = recorded.pop(fractie.id, None)
        votes.append(
            FractieVote(
                fractie.name,
                fractie.raadsperiode,
                fractie.seats,
                stemming.vote if stemming else Vote.ONBEKEND,
                stemming is not None,
                _key(fractie.name, motie.gemeente.name),
            )
        )
    for stemming in sorted(recorded.values(), key=lambda s: s.fractie.name.casefold()):
        fractie = stemming.fractie
        votes.append(
            FractieVote(
                fractie.name,
                fractie.raadsperiode,
                fractie.seats,
                stemming.vote,
                True,
                _key(fractie.name, motie.gemeente.name),
            )
        )
    return votes


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    css: str


@dataclass(frozen=True)
class VoteBar:
    """Segments that add up to `total`: the council's seats where known, else the votes cast."""

    total: int
    segments: list[Segment]
    # What `total` counts, e.g. "zetels in de raad" or "uitgebrachte stemmen".
    total_label: str

    def width(self, segment: Segment) -> float:
        return round(100 * segment.count / self.total, 2) if self.total else 0

    def offset(self, segment: Segment) -> float:
        before = self.segments[: self.segments.index(segment)]
        return round(sum(self.width(s) for s in before), 2)

    @property
    def description(self) -> str:
        parts = ", ".join(f"{s.count} {s.label}" for s in self.segments)
        return f"{parts}; {self.total} {self.total_label}"


SEAT_LABELS = {
    Vote.VOOR: ("zetels voor", "voor"),
    Vote.TEGEN: ("zetels tegen", "tegen"),
    Vote.VERDEELD: ("zetels verdeeld", "verdeeld"),
    Vote.ONBEKEND: ("zetels stem onbekend", "rest"),
}


def vote_bar(motie: Motie, votes: list[FractieVote] | None = None) -> VoteBar | None:
    """The counted votes against the council's seats; without counts, the seats of the fracties
    by how they voted, when every fractie's seats are known and at least one vote is."""
    council = voting_council(motie)
    seats = council.total_seats if council is not None else None
    if motie.votes_for is not None and motie.votes_against is not None:
        cast = motie.votes_for + motie.votes_against
        segments = [
            Segment("voor", motie.votes_for, "voor"),
            Segment("tegen", motie.votes_against, "tegen"),
        ]
        if seats is None or seats < cast:
            return VoteBar(cast, segments, "uitgebrachte stemmen")
        if seats > cast:
            segments.append(Segment("niet uitgebracht of onbekend", seats - cast, "rest"))
        return VoteBar(seats, segments, "zetels in de raad")
    if council is None:
        return None
    votes = council_votes(motie) if votes is None else votes
    members = [v for v in votes if v.raadsperiode == council.raadsperiode]
    if not any(v.is_recorded for v in members) or any(v.seats is None for v in members):
        return None
    totals = {vote: sum(v.seats or 0 for v in members if v.vote is vote) for vote in Vote}
    segments = [
        Segment(SEAT_LABELS[vote][0], totals[vote], SEAT_LABELS[vote][1])
        for vote in (Vote.VOOR, Vote.TEGEN, Vote.VERDEELD, Vote.ONBEKEND)
        if totals[vote]
    ]
    return VoteBar(sum(totals.values()), segments, "zetels in de raad")
