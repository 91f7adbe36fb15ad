"""Councils report back at /meld; volunteers accept (which records it) or reject."""

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.moties.models import Outcome
from campaign.outreach.models import OutreachEntry
from campaign.reports.models import Report, ReportStatus


def report_data(**changes):
    data = {
        "gemeente": "zeist",
        "kind": "aangenomen",
        "event_date": "2026-11-19",
        "record_url": "https://zeist.raadsinformatie.example/motie/7",
        "votes_for": "20",
        "votes_against": "7",
        "fracties_voor": "GroenLinks, D66",
        "message": "Unaniem op VVD na.",
        "reporter_name": "Griet Griffier",
        "reporter_role": "griffier",
        "reporter_email": "griet@zeist.example",
        "website": "",
    }
    data.update(changes)
    return data


def zeist():
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))


def test_a_report_is_stored_for_moderation_and_thanked(client, seeded):
    form = client.get("/meld?gemeente=zeist").get_data(as_text=True)
    assert '<option selected value="zeist">Zeist</option>' in form

    response = client.post("/meld", data=report_data())
    assert response.status_code == 302 and response.headers["Location"] == "/meld/bedankt"
    thanks = client.get("/meld/bedankt").get_data(as_text=True)
    assert "Bedankt voor uw melding" in thanks and "Griet" not in thanks
    report = db.session.scalars(select(Report)).one()
    assert (report.status, report.votes_for, report.reporter_email) == (
        ReportStatus.NIEUW,
        20,
        "griet@zeist.example",
    )
    assert zeist().status is CampaignStatus.NIET_BENADERD  # nothing changes before moderation


def test_the_honeypot_drops_robot_posts(client, seeded):
    response = client.post("/meld", data=report_data(website="http://spam.example"))
    assert response.headers["Location"] == "/meld/bedankt"
    assert db.session.scalars(select(Report)).all() == []


def test_reports_are_rate_limited(client, seeded):
    statuses = [client.post("/meld", data=report_data()).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(db.session.scalars(select(Report)).all()) == 5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"gemeente": "atlantis"}, "Ongeldige keuze"),
        ({"kind": ""}, "Dit veld is vereist."),
        ({"reporter_email": "geen adres"}, "Ongeldig e-mailadres."),
        ({"record_url": "javascript:alert(1)"}, "Vul een volledige link in"),
        ({"event_date": "2099-01-01"}, "De datum ligt in de toekomst."),
        ({"votes_for": "-3"}, "Nummer moet tussen 0 en 100 liggen."),
    ],
)
def test_bad_reports_are_refused_with_a_message(client, seeded, changes, message):
    response = client.post("/meld", data=report_data(**changes))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalars(select(Report)).all() == []


def test_accepting_records_the_adoption_attributed_to_the_report(client, seeded, volunteer, login):
    client.post("/meld", data=report_data())
    report = db.session.scalars(select(Report)).one()
    login(volunteer)
    assert "Griet Griffier (griffier)" in client.get("/beheer/meldingen").get_data(as_text=True)

    response = client.post(
        f"/beheer/meldingen/{report.id}/accepteren",
        data={"version_id": report.version_id},
        follow_redirects=True,
    )
    assert "Melding verwerkt: Zeist staat nu op aangenomen." in response.get_data(as_text=True)

    db.session.expire_all()
    gemeente = zeist()
    (motie,) = gemeente.moties
    assert (motie.outcome, motie.votes_for, motie.voted_on.isoformat()) == (
        Outcome.AANGENOMEN,
        20,
        "2026-11-19",
    )
    assert motie.record_url == "https://zeist.raadsinformatie.example/motie/7"
    assert motie.source.startswith("Melding via de website van Griet Griffier (griffier)")
    entry = db.session.scalars(select(OutreachEntry)).one()
    assert entry.direction.value == "inkomend" and "Unaniem op VVD na." in entry.summary
    assert db.session.get(Report, report.id).status is ReportStatus.GEACCEPTEERD

    again = client.post(
        f"/beheer/meldingen/{report.id}/accepteren",
        data={"version_id": report.version_id + 1},
        follow_redirects=True,
    )
    assert "al afgehandeld" in again.get_data(as_text=True) or "intussen" in again.get_data(
        as_text=True
    )
    assert len(gemeente.moties) == 1


def test_a_submission_report_then_an_adoption_report_update_one_motion(
    client, seeded, volunteer, login
):
    client.post(
        "/meld",
        data=report_data(kind="ingediend", event_date="2026-11-01", votes_for="", votes_against=""),
    )
    client.post("/meld", data=report_data())
    login(volunteer)
    for report in db.session.scalars(select(Report).order_by(Report.id)).all():
        client.post(
            f"/beheer/meldingen/{report.id}/accepteren", data={"version_id": report.version_id}
        )
    db.session.expire_all()
    (motie,) = zeist().moties
    assert (motie.submitted_on.isoformat(), motie.outcome) == ("2026-11-01", Outcome.AANGENOMEN)


def test_accepting_a_report_keeps_the_planned_vote_a_volunteer_entered(
    client, seeded, volunteer, login
):
    from datetime import date

    from campaign.acting import act_as
    from campaign.moties.services import MotieInput, create_motie

    act_as(volunteer.id)
    create_motie(zeist(), MotieInput(vote_planned_on=date(2026, 12, 10)))
    client.post("/meld", data=report_data(kind="ingediend", votes_for="", votes_against=""))
    login(volunteer)
    report = db.session.scalars(select(Report)).one()
    client.post(f"/beheer/meldingen/{report.id}/accepteren", data={"version_id": report.version_id})
    db.session.expire_all()
    (motie,) = zeist().moties
    assert motie.submitted_on.isoformat() == "2026-11-19"
    assert motie.vote_planned_on == date(2026, 12, 10)


def test_rejecting_needs_a_reason_and_changes_nothing(client, seeded, volunteer, login):
    client.post("/meld", data=report_data())
    report = db.session.scalars(select(Report)).one()
    login(volunteer)
    refused = client.post(
        f"/beheer/meldingen/{report.id}/afwijzen",
        data={"reason": " ", "version_id": report.version_id},
        follow_redirects=True,
    )
    assert "Geef een reden op." in refused.get_data(as_text=True)
    client.post(
        f"/beheer/meldingen/{report.id}/afwijzen",
        data={"reason": "Dubbele melding", "version_id": report.version_id},
    )
    db.session.expire_all()
    assert db.session.get(Report, report.id).status is ReportStatus.AFGEWEZEN
    assert zeist().moties == [] and zeist().status is CampaignStatus.NIET_BENADERD
