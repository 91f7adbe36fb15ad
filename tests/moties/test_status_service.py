"""Recording facts moves the stored status, dated and attributed; a manual status needs a reason."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.acting import act_as
from campaign.concurrency import saving
from campaign.dates import PartialDate
from campaign.errors import ConflictError, UserError
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente, StatusChange
from campaign.moties.models import Outcome, Vote
from campaign.moties.services import MotieInput, create_motie, set_status_by_hand


def test_recording_an_adopted_motion_makes_the_gemeente_aangenomen(make_gemeente, make_user):
    volunteer = make_user()
    gemeente = make_gemeente("Utrecht")
    act_as(volunteer.id)

    create_motie(
        gemeente, MotieInput(voted_on=PartialDate(2026, 3, 12), outcome=Outcome.AANGENOMEN)
    )

    assert gemeente.status is CampaignStatus.AANGENOMEN
    assert gemeente.status_set_by == volunteer
    change = db.session.scalars(select(StatusChange)).one()
    assert change.previous_status is CampaignStatus.NIET_BENADERD
    assert change.status is CampaignStatus.AANGENOMEN
    assert change.changed_by == volunteer
    assert change.changed_at.tzinfo is not None


def test_a_manual_status_needs_a_reason_and_is_kept_with_it(make_gemeente):
    gemeente = make_gemeente()
    with pytest.raises(UserError, match="reden"):
        set_status_by_hand(gemeente, CampaignStatus.GEEN_INTERESSE, "   ")
    assert gemeente.status is CampaignStatus.NIET_BENADERD

    set_status_by_hand(gemeente, CampaignStatus.GEEN_INTERESSE, "Raad wil niet.")

    change = db.session.scalars(select(StatusChange)).one()
    assert (change.status, change.is_manual, change.reason) == (
        CampaignStatus.GEEN_INTERESSE,
        True,
        "Raad wil niet.",
    )


def test_a_motion_recorded_after_a_manual_status_takes_over(make_gemeente):
    gemeente = make_gemeente()
    set_status_by_hand(gemeente, CampaignStatus.GEEN_INTERESSE, "Raad wil niet.")

    create_motie(gemeente, MotieInput())

    assert gemeente.status is CampaignStatus.MOTIE_INGEDIEND
    assert gemeente.manual_status is None
    statuses = [
        c.status for c in db.session.scalars(select(StatusChange).order_by(StatusChange.id))
    ]
    assert statuses == [CampaignStatus.GEEN_INTERESSE, CampaignStatus.MOTIE_INGEDIEND]


def test_a_manual_status_on_a_stale_version_is_refused(make_gemeente):
    gemeente = make_gemeente()
    seen_version = gemeente.version_id
    set_status_by_hand(gemeente, CampaignStatus.IN_GESPREK, "Gebeld met de griffier.")

    with pytest.raises(ConflictError, match="intussen door iemand anders gewijzigd"):
        set_status_by_hand(gemeente, CampaignStatus.GEEN_INTERESSE, "Oud formulier.", seen_version)
    db.session.refresh(gemeente)
    assert gemeente.status is CampaignStatus.IN_GESPREK


def test_two_sessions_saving_the_same_gemeente_do_not_overwrite_each_other(make_gemeente):
    gemeente = make_gemeente()
    with Session(db.engine) as colleague:
        theirs = colleague.get(Gemeente, gemeente.id)
        theirs.notes = "Notitie van een collega"
        colleague.commit()

    with pytest.raises(ConflictError), saving(gemeente.name):
        gemeente.notes = "Mijn notitie"

    db.session.expire_all()
    assert db.session.get(Gemeente, gemeente.id).notes == "Notitie van een collega"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (MotieInput(votes_for=-1, outcome=Outcome.AANGENOMEN), "negatief"),
        (
            MotieInput(submitted_on=PartialDate(2026, 3, 12), voted_on=PartialDate(2026, 2)),
            "vóór de indiening",
        ),
        (MotieInput(voted_on=PartialDate(2026, 3, 12)), "uitslag"),
        (
            MotieInput(outcome=Outcome.AANGENOMEN, votes_for=10, votes_against=12),
            "meer stemmen voor",
        ),
        (
            MotieInput(outcome=Outcome.VERWORPEN, votes_for=14, votes_against=12),
            "niet meer stemmen voor",
        ),
        (MotieInput(record_url="javascript:alert(1)"), "https://"),
    ],
)
def test_an_inconsistent_motion_is_refused_and_nothing_is_stored(make_gemeente, data, message):
    gemeente = make_gemeente()
    with pytest.raises(UserError, match=message):
        create_motie(gemeente, data)
    db.session.rollback()
    assert gemeente.moties == []
    assert gemeente.status is CampaignStatus.NIET_BENADERD


def test_a_month_vote_in_the_month_of_submission_is_accepted(make_gemeente):
    gemeente = make_gemeente()
    data = MotieInput(
        submitted_on=PartialDate(2025, 3, 20),
        voted_on=PartialDate(2025, 3),
        outcome=Outcome.AANGENOMEN,
    )
    assert create_motie(gemeente, data).voted_on == PartialDate(2025, 3)


def test_more_votes_than_seats_is_refused(make_gemeente, make_fractie):
    gemeente = make_gemeente()
    voor = make_fractie(gemeente, "Partij A", seats=10)
    tegen = make_fractie(gemeente, "Partij B", seats=9)
    data = MotieInput(
        outcome=Outcome.AANGENOMEN,
        votes_for=12,
        votes_against=9,
        stemmingen={voor: Vote.VOOR, tegen: Vote.VERDEELD},
    )
    with pytest.raises(UserError, match=r"meer stemmen \(21\) dan zetels in de raad \(19\)"):
        create_motie(gemeente, data)


def test_votes_for_above_the_seats_of_the_fracties_voting_for_is_refused(
    make_gemeente, make_fractie
):
    gemeente = make_gemeente()
    voor = make_fractie(gemeente, "Partij A", seats=10)
    tegen = make_fractie(gemeente, "Partij B", seats=9)
    data = MotieInput(
        outcome=Outcome.AANGENOMEN,
        votes_for=11,
        votes_against=8,
        stemmingen={voor: Vote.VOOR, tegen: Vote.TEGEN},
    )
    with pytest.raises(UserError, match=r"11 stemmen voor, maar .* \(Partij A\) hebben samen 10"):
        create_motie(gemeente, data)
    data.votes_for = 9  # one member absent: fine
    assert create_motie(gemeente, data).votes_for == 9


def test_a_fractie_of_another_gemeente_is_refused(make_gemeente, make_fractie):
    here, elsewhere = make_gemeente("Hier"), make_gemeente("Elders")
    stranger = make_fractie(elsewhere, "Vreemde Partij")
    with pytest.raises(UserError, match="hoort niet bij Hier"):
        create_motie(here, MotieInput(indieners=[stranger]))
