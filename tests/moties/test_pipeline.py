"""Every transition of the campaign status, as a function of the recorded facts."""

from datetime import UTC, datetime, timedelta

import pytest

from campaign.gemeenten.models import CampaignStatus as S
from campaign.gemeenten.status import (
    ContactFact,
    ManualStatus,
    MotieFact,
    StatusFacts,
    status_from_facts,
)
from campaign.moties.models import Outcome
from campaign.outreach.models import Channel, Direction

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def at(hours: int) -> datetime:
    return T0 + timedelta(hours=hours)


def mail_out(hours: int = 0) -> ContactFact:
    return ContactFact(Channel.EMAIL, Direction.UITGAAND, at(hours))


def motie(outcome: Outcome | None, hours: int = 10) -> MotieFact:
    return MotieFact(outcome, at(hours))


def test_nothing_recorded_is_niet_benaderd() -> None:
    assert status_from_facts(StatusFacts()) is S.NIET_BENADERD


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.BRIEF, Channel.ANDERS])
def test_messages_sent_out_mean_oproep_verstuurd(channel: Channel) -> None:
    facts = StatusFacts(contacts=[ContactFact(channel, Direction.UITGAAND, at(0))])
    assert status_from_facts(facts) is S.OPROEP_VERSTUURD


@pytest.mark.parametrize(
    "contact",
    [
        ContactFact(Channel.EMAIL, Direction.INKOMEND, at(1)),
        ContactFact(Channel.TELEFOON, Direction.UITGAAND, at(1)),
        ContactFact(Channel.GESPREK, Direction.UITGAAND, at(1)),
        ContactFact(Channel.BRIEF, Direction.INKOMEND, at(1)),
    ],
)
def test_a_reply_call_or_meeting_means_in_gesprek(contact: ContactFact) -> None:
    assert status_from_facts(StatusFacts(contacts=[mail_out(), contact])) is S.IN_GESPREK


def test_an_undecided_motion_means_motie_ingediend() -> None:
    facts = StatusFacts(contacts=[mail_out()], moties=[motie(None)])
    assert status_from_facts(facts) is S.MOTIE_INGEDIEND


def test_a_vote_with_unknown_outcome_stays_motie_ingediend() -> None:
    assert status_from_facts(StatusFacts(moties=[motie(Outcome.ONBEKEND)])) is S.MOTIE_INGEDIEND


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        (Outcome.AANGENOMEN, S.AANGENOMEN),
        (Outcome.VERWORPEN, S.VERWORPEN),
        (Outcome.INGETROKKEN, S.INGETROKKEN),
        (Outcome.AANGEHOUDEN, S.AANGEHOUDEN),
    ],
)
def test_the_outcome_of_the_vote_is_the_status(outcome: Outcome, status: S) -> None:
    facts = StatusFacts(contacts=[mail_out()], moties=[motie(outcome)])
    assert status_from_facts(facts) is status


def test_an_adoption_is_not_undone_by_a_later_rejected_motion() -> None:
    facts = StatusFacts(moties=[motie(Outcome.AANGENOMEN, 1), motie(Outcome.VERWORPEN, 2)])
    assert status_from_facts(facts) is S.AANGENOMEN


def test_a_new_motion_after_a_rejection_is_motie_ingediend_again() -> None:
    facts = StatusFacts(moties=[motie(Outcome.VERWORPEN, 1), motie(None, 2)])
    assert status_from_facts(facts) is S.MOTIE_INGEDIEND


def test_a_postponed_motion_that_is_then_adopted_counts_as_adopted() -> None:
    facts = StatusFacts(moties=[motie(Outcome.AANGEHOUDEN, 1), motie(Outcome.AANGENOMEN, 2)])
    assert status_from_facts(facts) is S.AANGENOMEN


def test_a_status_set_by_hand_holds_while_nothing_newer_is_recorded() -> None:
    manual = ManualStatus(S.GEEN_INTERESSE, "De griffie schreef dat de raad niet wil.", at(5))
    facts = StatusFacts(contacts=[mail_out(0)], manual=manual)
    assert status_from_facts(facts) is S.GEEN_INTERESSE


def test_a_status_set_by_hand_without_any_facts_holds() -> None:
    manual = ManualStatus(S.IN_GESPREK, "Telefonisch gesproken, nog niet gelogd.", at(0))
    assert status_from_facts(StatusFacts(manual=manual)) is S.IN_GESPREK


def test_a_fact_recorded_after_the_manual_status_takes_over() -> None:
    manual = ManualStatus(S.GEEN_INTERESSE, "Geen reactie.", at(5))
    facts = StatusFacts(
        contacts=[mail_out(0)], moties=[motie(Outcome.AANGENOMEN, 6)], manual=manual
    )
    assert status_from_facts(facts) is S.AANGENOMEN
    assert not facts.manual_applies
