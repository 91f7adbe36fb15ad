"""Binnenkort in de raad on the home page, the Atom feed of adoptions and the iCalendar feed of
planned votes, each read back with the library a subscriber's reader would use."""

import re
from datetime import date, timedelta

import feedparser
import icalendar
import pytest
from sqlalchemy import select

from campaign.acting import act_as
from campaign.dates import PartialDate, today
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Outcome
from campaign.moties.services import MotieInput, create_motie


def gemeente_named(slug):
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


@pytest.fixture
def planned(seeded, volunteer, make_fractie):
    """Zeist votes in ten days, Utrecht in three; Leusden voted last week as planned."""
    act_as(volunteer.id)
    zeist = gemeente_named("zeist")
    # Zeist's council of 2026-2030, as the register gives it.
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    groenlinks, d66 = council["GroenLinks-PvdA"], council["D66"]
    soon, sooner, past = today() + timedelta(days=10), today() + timedelta(days=3), today()
    past -= timedelta(days=7)
    create_motie(zeist, MotieInput(vote_planned_on=soon, indieners=[groenlinks, d66]))
    create_motie(gemeente_named("utrecht"), MotieInput(vote_planned_on=sooner))
    create_motie(
        gemeente_named("leusden"),
        MotieInput(
            vote_planned_on=past,
            voted_on=PartialDate.from_date(past),
            outcome=Outcome.AANGENOMEN,
            votes_for=15,
            votes_against=10,
        ),
    )
    create_motie(gemeente_named("baarn"), MotieInput(vote_planned_on=today() - timedelta(days=90)))
    return {"zeist": soon, "utrecht": sooner, "leusden": past}


def test_the_home_page_lists_the_votes_ahead_soonest_first(client, planned):
    html = client.get("/").get_data(as_text=True)
    section = re.search(r'<h2 id="binnenkort">.*?</ul>', html, re.DOTALL).group(0)
    items = re.findall(r"<strong>([^<]+)</strong></a> — ([^<]+)</li>", section)
    assert [name for name, _ in items] == ["Utrecht", "Zeist"]  # Leusden voted already
    assert items[0][1].endswith(str(planned["utrecht"].year))
    html = client.get("/gemeente/zeist").get_data(as_text=True)
    assert "<dt>Gepland</dt>" in html


def test_without_planned_votes_the_home_page_says_so(client, seeded):
    html = client.get("/").get_data(as_text=True)
    assert "Er is nu geen stemming over de motie gepland." in html


def test_the_home_page_links_both_feeds(client, seeded):
    html = client.get("/").get_data(as_text=True)
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Aangenomen moties (Atom)" '
        'href="/feeds/aangenomen.atom">' in html
    )
    assert '<link rel="alternate" type="text/calendar"' in html
    assert '<a href="/feeds/stemmingen.ics">Geplande stemmingen in uw agenda</a>' in html
    assert '<a href="/feeds/aangenomen.atom">Nieuwe aannames in uw feedlezer</a>' in html


def test_the_atom_feed_lists_the_adoptions(client, planned):
    response = client.get("/feeds/aangenomen.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Motie voor gewortelde kinderen: aangenomen"
    assert feed.feed.language == "nl"
    assert any(
        link.rel == "self" and link.href == "http://localhost/feeds/aangenomen.atom"
        for link in feed.feed.links
    )
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Leusden neemt de motie aan"  # the latest vote first
    # Leusden and the ten adoptions of the seed data (the appeal letter's seven, three more).
    assert len(titles) == 11 and "Amersfoort neemt de motie aan" in titles
    assert len({entry.id for entry in feed.entries}) == 11
    leusden = feed.entries[0]
    assert leusden.link == "http://localhost/gemeente/leusden"
    assert "met 15 stemmen voor en 10 tegen" in leusden.summary
    assert leusden.published_parsed[:3] == planned["leusden"].timetuple()[:3]
    amersfoort = next(e for e in feed.entries if e.title.startswith("Amersfoort"))
    assert "in maart 2025" in amersfoort.summary and "Voor stemden: Beter Amersfoort" in (
        amersfoort.summary
    )
    assert "published" not in amersfoort  # only the month is known: no made-up day


def test_the_calendar_lists_the_planned_votes(client, planned):
    response = client.get("/feeds/stemmingen.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "Stemming in Leusden over de motie voor gewortelde kinderen",
        "Stemming in Utrecht over de motie voor gewortelde kinderen",
        "Stemming in Zeist over de motie voor gewortelde kinderen",
    ]  # Baarn's planned day is too long ago to keep
    zeist = events["Stemming in Zeist over de motie voor gewortelde kinderen"]
    assert zeist.decoded("dtstart") == planned["zeist"]
    assert zeist.decoded("dtend") == planned["zeist"] + timedelta(days=1)
    assert str(zeist["url"]) == "http://localhost/gemeente/zeist"
    assert "ingediend door D66 en GroenLinks" in str(zeist["description"])
    leusden = events["Stemming in Leusden over de motie voor gewortelde kinderen"]
    assert "Uitslag: aangenomen." in str(leusden["description"])
    uids = [str(event["uid"]) for event in events.values()]
    assert len(set(uids)) == 3 and all(uid.endswith("@localhost") for uid in uids)


def test_an_empty_calendar_is_still_a_calendar(client, seeded):
    calendar = icalendar.Calendar.from_ical(client.get("/feeds/stemmingen.ics").data)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["x-wr-calname"]).startswith("Stemmingen over de motie")


def test_the_feeds_answer_304_when_unchanged(client, planned):
    for path in ("/feeds/aangenomen.atom", "/feeds/stemmingen.ics"):
        first = client.get(path)
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path


def test_the_pages_etag_changes_with_the_date(client, seeded, monkeypatch):
    first = client.get("/").headers["ETag"]
    monkeypatch.setattr("campaign.versions.today", lambda: date(2099, 1, 1))
    assert client.get("/").headers["ETag"] != first
