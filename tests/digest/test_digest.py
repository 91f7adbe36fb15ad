"""The morning e-mail: sent over real SMTP to each volunteer who wants it, only when there is
something to say, never twice for one day; time passes through --date, not by sleeping."""

from datetime import timedelta

from sqlalchemy import select

from campaign.acting import act_as
from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Outcome
from campaign.moties.services import MotieInput, create_motie
from campaign.outreach.models import Channel, Direction, OutreachEntry
from campaign.reports.models import Report, ReportKind


def gemeente(slug):
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


def send(runner, day):
    return runner.invoke(args=["digest", "send", "--date", day.isoformat()])


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_each_volunteer_gets_their_own_day_and_the_teams_news(
    runner, smtp_server, seeded, volunteer, make_user
):
    colleague = make_user(name="Cor Collega", email="cor@example.org")
    zeist, utrecht = gemeente("zeist"), gemeente("utrecht")
    zeist.volunteer, utrecht.volunteer = volunteer, colleague
    day = today() + timedelta(days=1)
    for place, due, summary in (
        (zeist, day - timedelta(days=2), "Griffie terugbellen"),
        (zeist, day + timedelta(days=3), "Naar de raadsvergadering"),
        (zeist, day + timedelta(days=9), "Nog te ver"),
        (utrecht, day, "Fractie mailen"),
    ):
        db.session.add(
            OutreachEntry(
                gemeente=place,
                occurred_on=today(),
                channel=Channel.EMAIL,
                direction=Direction.UITGAAND,
                summary=summary,
                follow_up_on=due,
            )
        )
    db.session.add(
        Report(
            gemeente=zeist,
            kind=ReportKind.INGEDIEND,
            reporter_name="Anna",
            reporter_role="raadslid",
            reporter_email="anna@example.org",
        )
    )
    db.session.commit()
    act_as(colleague.id)
    create_motie(gemeente("bunnik"), MotieInput(outcome=Outcome.AANGENOMEN))

    result = send(runner, day)
    assert result.exit_code == 0, result.output
    assert "Sent 2 digests" in result.output
    mails = {message["To"]: message for message in smtp_server.parsed()}
    mine = body(mails["vera@example.org"])
    assert mails["vera@example.org"]["Subject"].startswith("Motietracker: je dag, ")
    assert "Op te volgen, vandaag en te laat (1):\n- Zeist, te laat sinds " in mine
    assert "Griffie terugbellen" in mine
    assert "Deze week (1):\n- Zeist, " in mine and "Naar de raadsvergadering" in mine
    assert "Nog te ver" not in mine and "Fractie mailen" not in mine
    assert "1 melding wacht op controle." in mine
    assert "Aangenomen sinds gisteren:\n- Bunnik (vastgelegd door Cor Collega)" in mine
    assert "http://localhost/beheer/" in mine and "http://localhost/account" in mine
    assert "Fractie mailen" in body(mails["cor@example.org"])

    again = send(runner, day)
    assert "Sent 0 digests" in again.output and len(smtp_server.messages) == 2


def test_nothing_to_say_sends_nothing_and_a_volunteer_can_switch_it_off(
    client, login, runner, smtp_server, seeded, volunteer
):
    assert "Sent 0 digests" in send(runner, today()).output
    assert not smtp_server.messages

    zeist = gemeente("zeist")
    zeist.volunteer = volunteer
    db.session.add(
        OutreachEntry(
            gemeente=zeist,
            occurred_on=today(),
            channel=Channel.TELEFOON,
            direction=Direction.UITGAAND,
            follow_up_on=today(),
        )
    )
    db.session.commit()
    login(volunteer)
    page = client.get("/account").get_data(as_text=True)
    assert "Stuur mij elke ochtend een e-mail" in page
    response = client.post(
        "/account", data={"version_id": str(volunteer.version_id)}, follow_redirects=True
    )
    assert "De ochtendmail staat uit." in response.get_data(as_text=True)
    assert "Sent 0 digests" in send(runner, today()).output
    assert not smtp_server.messages
