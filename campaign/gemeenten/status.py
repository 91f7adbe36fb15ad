"""The campaign status of a gemeente as one function of what was recorded, and keeping it
in step: every feature that records a fact (a contact, a motion, a status by hand) calls
`refresh_status` within its own unit of work.

The facts come from the gemeente's contacts and motions, read through its relationships: the
core names those features only for the type checker, never by an import that runs.

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
from typing import Protocol

from campaign.acting import current_actor_id
from campaign.dates import utcnow
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente, StatusChange

# A motion's outcome (its value in campaign.moties.models.Outcome) and the status it gives.
OUTCOME_STATUS = {
    "aangenomen": CampaignStatus.AANGENOMEN,
    "verworpen": CampaignStatus.VERWORPEN,
    "ingetrokken": CampaignStatus.INGETROKKEN,
    "aangehouden": CampaignStatus.AANGEHOUDEN,
    "onbekend": CampaignStatus.MOTIE_INGEDIEND,
}
INCOMING = "inkomend"


class ContactChannel(Protocol):
    """What the pipeline needs to know of how a contact went (outreach's Channel)."""

    @property
    def is_conversation(self) -> bool: ...


@dataclass(frozen=True)
class ContactFact:
    channel: ContactChannel
    # "uitgaand" or "inkomend" (outreach's Direction).
    direction: str
    recorded_at: datetime


@dataclass(frozen=True)
class MotieFact:
    # A value of campaign.moties.models.Outcome; None while the council has not decided.
    outcome: str | None
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
        if any(motie.outcome == "aangenomen" for motie in facts.moties):
            return CampaignStatus.AANGENOMEN
        latest = max(facts.moties, key=lambda motie: motie.recorded_at)
        if latest.outcome is None:
            return CampaignStatus.MOTIE_INGEDIEND
        return OUTCOME_STATUS[latest.outcome]
    if any(
        contact.channel.is_conversation or contact.direction == INCOMING
        for contact in facts.contacts
    ):
        return CampaignStatus.IN_GESPREK
    if facts.contacts:
        return CampaignStatus.OPROEP_VERSTUURD
    return CampaignStatus.NIET_BENADERD


def gather_status_facts(gemeente: Gemeente) -> StatusFacts:
    manual = None
    if gemeente.manual_status is not None and gemeente.manual_status_at is not None:
        manual = ManualStatus(
            gemeente.manual_status, gemeente.manual_status_reason or "", gemeente.manual_status_at
        )
    return StatusFacts(
        contacts=[
            ContactFact(entry.channel, entry.direction, entry.created_at)
            for entry in gemeente.outreach_entries
        ],
        moties=[MotieFact(motie.outcome, motie.updated_at) for motie in gemeente.moties],
        manual=manual,
    )


def refresh_status(gemeente: Gemeente) -> StatusChange | None:
    """Recompute the gemeente's status; record a dated, attributed change when it moved.

    Does not commit: it is part of the caller's unit of work.
    """
    db.session.flush()
    facts = gather_status_facts(gemeente)
    status = status_from_facts(facts)
    manual_applies = facts.manual_applies
    if facts.manual is not None and not manual_applies:
        gemeente.manual_status = gemeente.manual_status_reason = gemeente.manual_status_at = None
    if status is gemeente.status:
        return None
    actor_id = current_actor_id()
    change = StatusChange(
        gemeente=gemeente,
        previous_status=gemeente.status,
        status=status,
        is_manual=manual_applies,
        reason=facts.manual.reason if manual_applies and facts.manual else None,
        changed_at=utcnow(),
        changed_by_id=actor_id,
    )
    db.session.add(change)
    gemeente.status = status
    gemeente.status_since = change.changed_at
    gemeente.status_set_by_id = actor_id
    return change
