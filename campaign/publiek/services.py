"""What the public pages show: per gemeente its motions, council and facts, and page versions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.interfaces import ORMOption

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import (
    CampaignStatus,
    Gemeente,
    StatusChange,
)
from campaign.moties.models import Motie, Outcome
from campaign.moties.services import Source, is_by_previous_council, motion_sources
from campaign.moties.votes import FractieVote, VoteBar, council_votes, vote_bar

PUBLIC_STATUS_TEXT = {
    CampaignStatus.NIET_BENADERD: "De campagne heeft deze gemeente nog niet benaderd.",
    CampaignStatus.OPROEP_VERSTUURD: "De oproep om de motie in te dienen is verstuurd.",
    CampaignStatus.IN_GESPREK: "De campagne is in gesprek met de gemeenteraad.",
    CampaignStatus.MOTIE_INGEDIEND: "De motie is ingediend en wacht op de stemming.",
    CampaignStatus.AANGENOMEN: "De gemeenteraad heeft de motie aangenomen.",
    CampaignStatus.VERWORPEN: "De gemeenteraad heeft de motie verworpen.",
    CampaignStatus.INGETROKKEN: "De motie is ingetrokken.",
    CampaignStatus.AANGEHOUDEN: "De motie is aangehouden: de stemming is uitgesteld.",
    CampaignStatus.GEEN_INTERESSE: "De gemeenteraad heeft laten weten geen motie in te dienen.",
}


PREVIOUS_COUNCIL_TEXT = "De vorige gemeenteraad ({periode}) heeft de motie aangenomen."


def public_history(gemeente: Gemeente) -> list[StatusChange]:
    """The steps of the campaign, oldest first, without who or why (that stays internal).

    A step the system made (loading the seed data) is shown only with the date of the event
    behind it (a motion's vote); without one, the date of loading would mislead.
    """
    shown = [c for c in gemeente.status_changes if c.changed_by_id or c.happened_on is not None]
    return sorted(shown, key=lambda change: (change.changed_at, change.id))


@dataclass(frozen=True)
class MotionView:
    """A motion as its gemeente's page shows it."""

    motie: Motie
    votes: list[FractieVote]
    bar: VoteBar | None
    sources: list[Source]
    by_previous_council: bool


def motion_views(moties: list[Motie]) -> list[MotionView]:
    day = today()
    views = []
    for motie in moties:
        votes = council_votes(motie)
        views.append(
            MotionView(
                motie,
                votes,
                vote_bar(motie, votes),
                motion_sources(motie),
                is_by_previous_council(motie, day),
            )
        )
    return views


def status_text(gemeente: Gemeente, views: list[MotionView]) -> str:
    """The status in plain words; an adoption only by an earlier council says so."""
    adopted = [v for v in views if v.motie.outcome is Outcome.AANGENOMEN]
    if adopted and all(v.by_previous_council for v in adopted):
        periode = adopted[0].motie.raadsperiode or ""
        return PREVIOUS_COUNCIL_TEXT.format(periode=periode)
    return PUBLIC_STATUS_TEXT[gemeente.status]


@dataclass(frozen=True)
class Reach:
    """How many people live in a gemeente that adopted the motion, of all inhabitants."""

    adopted: int
    total: int
    # Gemeenten whose number of inhabitants is not known (left out of both numbers).
    unknown: int

    @property
    def percent(self) -> float:
        return round(100 * self.adopted / self.total, 1) if self.total else 0.0


def adoption_reach() -> Reach:
    rows = db.session.execute(
        select(Gemeente.status, Gemeente.inhabitants).where(Gemeente.ceased_on.is_(None))
    ).all()
    known = [(status, inhabitants) for status, inhabitants in rows if inhabitants is not None]
    return Reach(
        adopted=sum(n for status, n in known if status is CampaignStatus.AANGENOMEN),
        total=sum(n for _, n in known),
        unknown=len(rows) - len(known),
    )


def latest_decided_moties(*loads: ORMOption) -> dict[int, Motie]:
    """Per gemeente the motion that decides its public record: an adopted one, else the latest.

    `loads` are the relations the caller will read, loaded with the motions in one go.
    """
    moties = db.session.scalars(select(Motie).options(*loads).order_by(Motie.id)).all()
    chosen: dict[int, Motie] = {}
    for motie in moties:
        held = chosen.get(motie.gemeente_id)
        if held is None or held.outcome is not Outcome.AANGENOMEN:
            chosen[motie.gemeente_id] = motie
    return chosen
