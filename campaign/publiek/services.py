"""What the public pages show: per gemeente its motions and neighbours, and page versions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.interfaces import ORMOption

from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente, StatusChange
from campaign.moties.models import Motie, Outcome

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


def public_history(gemeente: Gemeente) -> list[StatusChange]:
    """The steps volunteers recorded, oldest first, without who or why (that stays internal).

    Steps made by the system (loading the seed data) carry the date of loading, not of the
    event, so they are left out rather than shown with a misleading date.
    """
    recorded = [change for change in gemeente.status_changes if change.changed_by_id is not None]
    return sorted(recorded, key=lambda change: (change.changed_at, change.id))


@dataclass(frozen=True)
class VoteBar:
    """Shares of the votes cast, for the bar on a gemeente's page."""

    votes_for: int
    votes_against: int

    @property
    def percent_for(self) -> int:
        total = self.votes_for + self.votes_against
        return round(100 * self.votes_for / total) if total else 0


def vote_bar(motie: Motie) -> VoteBar | None:
    if motie.votes_for is None or motie.votes_against is None:
        return None
    return VoteBar(motie.votes_for, motie.votes_against)


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
