"""A volunteer accepts or dismisses a lead; nothing a lead says is recorded without that.

Accepting records the motion (new, or one the gemeente already has), with the outcome, dates,
tally and per-fractie votes the record gives, the record as its link and source; logs it as an
incoming contact; and moves the status: all in one transaction, attributed to the lead and the
volunteer. What a volunteer already recorded is never overwritten by the record: a fact that
is known is kept, and where the record says otherwise the difference is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign.accounts.models import User
from campaign.concurrency import check_version, saving
from campaign.dates import PartialDate, today, utcnow
from campaign.discovery.fracties import match_fractie, match_group_votes
from campaign.discovery.models import Lead, LeadState
from campaign.errors import UserError
from campaign.extensions import db
from campaign.formatting import dutch_date
from campaign.gemeenten.models import Fractie, current_raadsperiode
from campaign.moties.models import Motie, Outcome
from campaign.moties.services import MotieInput, add_motie, change_motie
from campaign.outreach.models import Channel, Direction, OutreachEntry

OUTCOMES = {
    "aangenomen": Outcome.AANGENOMEN,
    "verworpen": Outcome.VERWORPEN,
    "ingetrokken": Outcome.INGETROKKEN,
    "aangehouden": Outcome.AANGEHOUDEN,
}
MAX_REASON = 500
MAX_RECORD_URL = 500


@dataclass
class Acceptance:
    """What accepting a lead did: the motion, the record's facts that were not taken over
    because something else was recorded, and the record's fracties that match none of ours."""

    motie: Motie
    kept: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def lead_outcome(lead: Lead) -> Outcome | None:
    return OUTCOMES.get(lead.result or "")


def lead_tally(lead: Lead) -> tuple[int | None, int | None]:
    """The tally the record gives, else the members' votes counted, else unknown."""
    if lead.tally_for is not None and lead.tally_against is not None:
        return lead.tally_for, lead.tally_against
    if lead.group_votes:
        return (
            sum(int(group.get("voor") or 0) for group in lead.group_votes),
            sum(int(group.get("tegen") or 0) for group in lead.group_votes),
        )
    return None, None


def fracties_at_vote(lead: Lead) -> list[Fractie]:
    periode = current_raadsperiode(lead.day or today())
    return [fractie for fractie in lead.gemeente.fracties if fractie.raadsperiode == periode]


def _record_url(lead: Lead) -> str | None:
    for url in (lead.record_url, lead.web_url):
        if url and len(url) <= MAX_RECORD_URL:
            return url
    return None


def _describe(lead: Lead) -> str:
    what = "motie" if lead.is_motion else "document"
    return f"{what} “{lead.title[:150]}” ({dutch_date(lead.day)})"


def _merge(lead: Lead, motie: Motie | None, kept: list[str], unmatched: list[str]) -> MotieInput:
    """The motion as recorded, with the gaps filled from the lead."""
    outcome, day = lead_outcome(lead), lead.day
    decided_on = PartialDate.from_date(day) if day and outcome else None
    data = MotieInput(
        title=motie.title if motie else None,
        submitted_on=motie.submitted_on if motie else None,
        voted_on=motie.voted_on if motie else None,
        outcome=motie.outcome if motie else None,
        votes_for=motie.votes_for if motie else None,
        votes_against=motie.votes_against if motie else None,
        record_url=motie.record_url if motie else None,
        indieners=list(motie.indieners) if motie else [],
        indiener_names=motie.indiener_names if motie else "",
        stemmingen={s.fractie: s.vote for s in motie.stemmingen} if motie else {},
        notes=motie.notes if motie else "",
    )
    data.title = data.title or lead.title[:250] or None
    if outcome is not None:
        if data.outcome in (None, Outcome.ONBEKEND):
            data.outcome = outcome
        elif data.outcome is not outcome:
            kept.append(f"uitslag {data.outcome.value} (de vondst zegt {outcome.value})")
    if day is not None and decided_on is not None and data.outcome is outcome:
        current = data.voted_on
        if current is None or (
            current.day is None and current.first_day() <= day <= current.last_day()
        ):
            # Unknown, or known to the month only: the record's day adds to it.
            data.voted_on = decided_on
        elif current != decided_on:
            kept.append(f"stemdatum {dutch_date(current)} (de vondst zegt {dutch_date(day)})")
    if outcome is None and day is not None and data.submitted_on is None and data.voted_on is None:
        data.submitted_on = PartialDate.from_date(day)
    votes_for, votes_against = lead_tally(lead)
    if votes_for is not None and outcome is not None and data.outcome is outcome:
        if data.votes_for is None and data.votes_against is None:
            data.votes_for, data.votes_against = votes_for, votes_against
        elif (data.votes_for, data.votes_against) != (votes_for, votes_against):
            kept.append(
                f"stemmen {data.votes_for} voor, {data.votes_against} tegen "
                f"(de vondst zegt {votes_for} voor, {votes_against} tegen)"
            )
    data.record_url = data.record_url or _record_url(lead)
    fracties = fracties_at_vote(lead)
    name = lead.gemeente.name
    # Votes count only with the outcome they decided.
    match = match_group_votes(lead.group_votes if outcome else [], fracties, name)
    unmatched.extend(match.unmatched)
    stemmingen = dict(data.stemmingen)
    for fractie, vote in match.votes.items():
        if fractie not in stemmingen:
            stemmingen[fractie] = vote
        elif stemmingen[fractie] is not vote:
            kept.append(f"{fractie.name} {stemmingen[fractie].value} (de vondst zegt {vote.value})")
    data.stemmingen = stemmingen
    if not data.indieners:
        found = [match_fractie(party, fracties, name) for party in lead.parties]
        data.indieners = sorted({f for f in found if f is not None}, key=lambda f: f.name)
    if match.unmatched:
        note = "Fracties in het raadsbesluit die niet in Motietracker staan: " + ", ".join(
            match.unmatched
        )
        data.notes = f"{data.notes}\n{note}".strip()
    # Public (the gemeente page shows it), so the volunteer is named in the lead, the contact
    # and the audit log, not here.
    source = (
        f"Open Besluitvorming, {lead.organization or name}: {_describe(lead)}; vondst {lead.id}, "
        f"gecontroleerd op {dutch_date(today())}"
    )
    data.source = f"{motie.source}; aangevuld uit {source}" if motie and motie.source else source
    return data


def accept_lead(
    lead: Lead, volunteer: User, motie: Motie | None, expected_version: int | None
) -> Acceptance:
    """Record what the lead says for `motie` (None: a new motion). One transaction."""
    with saving("Deze vondst"):
        check_version(lead, expected_version, "Deze vondst")
        if lead.state is not LeadState.NIEUW:
            raise UserError("Deze vondst is al afgehandeld.")
        gemeente = lead.gemeente
        if motie is not None and motie.gemeente_id != gemeente.id:
            raise UserError(f"Die motie hoort niet bij {gemeente.name}.", field="motie")
        entry = OutreachEntry(
            gemeente=gemeente,
            occurred_on=today(),
            channel=Channel.ANDERS,
            direction=Direction.INKOMEND,
            with_whom="Raadsinformatie (Open Besluitvorming)",
            summary=f"Gevonden in de raadsinformatie: {_describe(lead)}. {lead.link}",
            logged_by=volunteer,
        )
        db.session.add(entry)
        kept: list[str] = []
        unmatched: list[str] = []
        data = _merge(lead, motie, kept, unmatched)
        if motie is None:
            motie = add_motie(gemeente, data)
        else:
            change_motie(motie, data, motie.version_id)
        result = Acceptance(motie, kept, unmatched)
        lead.state = LeadState.GEACCEPTEERD
        lead.handled_by = volunteer
        lead.handled_at = utcnow()
        lead.motie = result.motie
    return result


def dismiss_lead(lead: Lead, volunteer: User, reason: str, expected_version: int | None) -> None:
    with saving("Deze vondst"):
        check_version(lead, expected_version, "Deze vondst")
        if lead.state is not LeadState.NIEUW:
            raise UserError("Deze vondst is al afgehandeld.")
        reason = " ".join(reason.split())
        if not reason:
            raise UserError("Geef een reden op.", field="reason")
        if len(reason) > MAX_REASON:
            raise UserError(f"Houd de reden korter dan {MAX_REASON} tekens.", field="reason")
        lead.state = LeadState.AFGEWEZEN
        lead.dismissal_reason = reason
        lead.handled_by = volunteer
        lead.handled_at = utcnow()
