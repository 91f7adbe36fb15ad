"""The campaign status of a gemeente as one function of what was recorded.

Rules, in order:
1. A status set by hand (with a reason) holds until a fact is recorded after it.
2. A motion that was adopted makes the gemeente `aangenomen`, whatever came later: the council
   has spoken, and a later rejected motion does not undo it.
3. Otherwise the most recently recorded motion decides: its outcome (verworpen, ingetrokken,
   aangehouden), or `motie ingediend` while undecided or when the outcome is unknown.
4. Without motions: a conversation (a call or meeting, or any message coming in) means
   `in gesprek`; only messages sent out means `oproep verstuurd`.
5. Nothing recorded: `niet benaderd`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from campaign.gemeenten.models import CampaignStatus
from campaign.moties.models import Outcome
from campaign.outreach.models import Channel, Direction

OUTCOME_STATUS = {
    Outcome.AANGENOMEN: CampaignStatus.AANGENOMEN,
    Outcome.VERWORPEN: CampaignStatus.VERWORPEN,
    Outcome.INGETROKKEN: CampaignStatus.INGETROKKEN,
    Outcome.AANGEHOUDEN: CampaignStatus.AANGEHOUDEN,
    Outcome.ONBEKEND: CampaignStatus.MOTIE_INGEDIEND,
}


@dataclass(frozen=True)
class ContactFact:
    channel: Channel
    direction: Direction
    recorded_at: datetime


@dataclass(frozen=True)
class MotieFact:
    outcome: Outcome | None
    recorded_at: datetime


@dataclass(frozen=True)
class ManualStatus:
    status: CampaignStatus
    reason: str
    set_at: datetime


@dataclass(frozen=True)
class StatusFacts:
    contacts: Sequence[ContactFact] = ()
    moties: Sequence[MotieFact] = ()
    manual: ManualStatus | None = None

    @property
    def last_recorded_at(self) -> datetime | None:
        times = [contact.recorded_at for contact in self.contacts]
        times += [motie.recorded_at for motie in self.moties]
        return max(times) if times else None

    @property
    def manual_applies(self) -> bool:
        """A status set by hand holds until a fact is recorded after it."""
        last_fact = self.last_recorded_at
        return self.manual is not None and (last_fact is None or self.manual.set_at >= last_fact)


def status_from_facts(facts: StatusFacts) -> CampaignStatus:
    if facts.manual is not None and facts.manual_applies:
        return facts.manual.status
    if facts.moties:
        if any(motie.outcome is Outcome.AANGENOMEN for motie in facts.moties):
            return CampaignStatus.AANGENOMEN
        latest = max(facts.moties, key=lambda motie: motie.recorded_at)
        if latest.outcome is None:
            return CampaignStatus.MOTIE_INGEDIEND
        return OUTCOME_STATUS[latest.outcome]
    if any(
        contact.channel.is_conversation or contact.direction is Direction.INKOMEND
        for contact in facts.contacts
    ):
        return CampaignStatus.IN_GESPREK
    if facts.contacts:
        return CampaignStatus.OPROEP_VERSTUURD
    return CampaignStatus.NIET_BENADERD
