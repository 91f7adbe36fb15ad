"""The volunteer's day on /beheer/: what is due, what is coming, a bounded page, the team feed."""

import re
from datetime import timedelta

from sqlalchemy import select

from campaign.dates import today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.outreach.models import Channel, Direction, OutreachEntry


def gemeente(slug):
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


def follow_up(place, days, summary):
    db.session.add(
        OutreachEntry(
            gemeente=place,
            occurred_on=today() - timedelta(days=30),
            channel=Channel.TELEFOON,
            direction=Direction.UITGAAND,
            summary=summary,
            follow_up_on=today() + timedelta(days=days),
        )
    )


def test_due_overdue_and_coming_follow_ups_with_the_volunteers_own_first(
    client, login, volunteer, seeded
):
    zeist, utrecht = gemeente("zeist"), gemeente("utrecht")
    zeist.volunteer = volunteer
    follow_up(zeist, -3, "Griffie terugbellen")
    follow_up(utrecht, 0, "Fractie D66 mailen")
    follow_up(zeist, 6, "Raadsvergadering bijwonen")
    follow_up(utrecht, 20, "Te ver weg")
    db.session.commit()
    login(volunteer)

    html = client.get("/beheer/").get_data(as_text=True)
    due = html.index("Op te volgen: vandaag en te laat")
    coming = html.index("De komende 14 dagen")
    assert due < html.index("Griffie terugbellen") < html.index("Fractie D66 mailen") < coming
    assert html.index("Jouw gemeenten (1)") < html.index("Griffie terugbellen")
    assert "te laat sinds" in html and "vandaag" in html
    assert coming < html.index("Raadsvergadering bijwonen")
    assert "Te ver weg" not in html


def test_the_dashboard_stays_the_same_size_however_long_the_backlog(
    client, login, volunteer, seeded
):
    zeist = gemeente("zeist")
    zeist.volunteer = volunteer
    for number in range(25):
        follow_up(zeist, -1, f"Achterstand {number}")
    db.session.commit()
    login(volunteer)
    html = client.get("/beheer/").get_data(as_text=True)
    assert html.count("Achterstand ") == 10
    assert "En nog 15" in html and "bekijk ze in de werklijst" in html


def test_logging_a_contact_offers_to_claim_a_gemeente_nobody_has(client, login, volunteer, seeded):
    login(volunteer)
    page = client.get("/beheer/gemeenten/zeist").get_data(as_text=True)
    (tick,) = re.findall(r'<input[^>]*name="claim"[^>]*>', page)
    assert "checked" in tick and "Claim deze gemeente voor mij" in page
    response = client.post(
        "/beheer/gemeenten/zeist/contacten",
        data={
            "occurred_on": today().isoformat(),
            "channel": "telefoon",
            "direction": "uitgaand",
            "with_whom": "griffie",
            "claim": "y",
        },
        follow_redirects=True,
    )
    assert "Zeist is nu jouw gemeente." in response.get_data(as_text=True)
    db.session.expire_all()
    assert gemeente("zeist").volunteer == volunteer
    feed = client.get("/beheer/").get_data(as_text=True)
    assert 'Vera Vrijwilliger claimde <a href="/beheer/gemeenten/zeist">Zeist</a>' in feed


def test_the_team_feed_speaks_dutch_with_dates_and_leaves_out_the_system(
    client, login, volunteer, seeded
):
    login(volunteer)
    home = client.get("/beheer/").get_data(as_text=True)
    assert "Nog geen wijzigingen." in home  # seeding is not team activity
    client.post(
        "/beheer/gemeenten/zeist/contacten",
        data={
            "occurred_on": today().isoformat(),
            "channel": "telefoon",
            "direction": "uitgaand",
            "with_whom": "griffie",
        },
    )
    client.post(
        "/beheer/gemeenten/amersfoort/fracties",
        data={"name": "D66", "raadsperiode": "2026-2030"},
    )
    feed = client.get("/beheer/").get_data(as_text=True)
    from campaign.formatting import dutch_date

    day = dutch_date(today()).removesuffix(f" {today().year}")
    assert (
        'Vera Vrijwilliger legde een telefoongesprek met de griffie van <a href="/beheer/gemeenten/'
        f'zeist">Zeist</a> vast, <span class="meta">{day}</span>'
    ) in feed
    assert (
        'Vera Vrijwilliger voegde de fractie D66 toe aan <a href="/beheer/gemeenten/amersfoort">'
        "Amersfoort</a>"
    ) in feed
    assert "Het systeem" not in feed and "outreach_entries" not in feed


def test_leads_waiting_are_counted_on_the_dashboard_and_in_the_digest(
    client, login, runner, smtp_server, volunteer, seeded
):
    from campaign.discovery.models import Lead

    login(volunteer)
    assert "in raadsstukken" not in client.get("/beheer/").get_data(as_text=True)
    db.session.add(
        Lead(
            entity_id="motion:x:gm:zeist:1",
            gemeente=gemeente("zeist"),
            source_key="zeist",
            entity_type="Motion",
            term="gewortelde kinderen",
            web_url="https://openbesluitvorming.example/?view=1",
        )
    )
    db.session.commit()
    html = client.get("/beheer/").get_data(as_text=True)
    assert "1 vondst in raadsstukken</a> wacht op een vrijwilliger." in html
    result = runner.invoke(args=["digest", "send", "--date", today().isoformat()])
    assert "Sent 1 digests" in result.output, result.output
    body = smtp_server.parsed()[0].get_body(preferencelist=("plain",)).get_content()
    assert "1 vondst in raadsstukken wacht op een vrijwilliger." in body
