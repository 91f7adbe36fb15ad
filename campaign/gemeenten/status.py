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

The status also has a date as far as the facts tell (`status_date_from_facts`): the vote on the
motion that made the gemeente `aangenomen` (the earliest such vote), or the vote or submission
of the motion that decides it otherwise. A seeded adoption of March 2025 is "aangenomen sinds
maart 2025", never since the day the seed data was loaded. Without such a date (a contact, a
status by hand) the status dates from when it was recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from campaign.acting import current_actor_id
from campaign.dates import PartialDate, utcnow
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
    voted_on: PartialDate | None = None
    submitted_on: PartialDate | None = None


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


def status_date_from_facts(facts: StatusFacts, status: CampaignStatus) -> PartialDate | None:
    """The date the status began as far as the motions tell; None for any other status."""
    if (facts.manual is not None and facts.manual_applies) or not facts.moties:
        return None
    if status is CampaignStatus.AANGENOMEN:
        dates = [m.voted_on for m in facts.moties if m.outcome == "aangenomen" and m.voted_on]
        return min(dates, key=lambda day: day.sort_key) if dates else None
    latest = max(facts.moties, key=lambda motie: motie.recorded_at)
    return latest.submitted_on if latest.outcome is None else latest.voted_on


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
        moties=[
            MotieFact(motie.outcome, motie.updated_at, motie.voted_on, motie.submitted_on)
            for motie in gemeente.moties
        ],
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
    happened_on = status_date_from_facts(facts, status)
    if status is gemeente.status:
        if gemeente.status_date != happened_on and happened_on is not None:
            gemeente.status_date = happened_on  # the date became known, or was corrected
        return None
    actor_id = current_actor_id()
    change = StatusChange(
        gemeente=gemeente,
        previous_status=gemeente.status,
        status=status,
        is_manual=manual_applies,
        reason=facts.manual.reason if manual_applies and facts.manual else None,
        changed_at=utcnow(),
        happened_on=happened_on,
        changed_by_id=actor_id,
    )
    db.session.add(change)
    gemeente.status = status
    gemeente.status_since = change.changed_at
    gemeente.status_date = happened_on
    gemeente.status_set_by_id = actor_id
    return change
