"""Feeds for supporters and the press: an Atom feed of adoptions and an iCalendar feed of the
council meetings where a vote on the motion is planned (to be in the public gallery).

Built with feedgen and icalendar, from the same facts as the pages: a date that is only known
to the month or year is written as such in the text and left out of the timestamps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from flask import Response, current_app
from flask.typing import ResponseReturnValue
from icalendar import Calendar, Event

from campaign.cache import conditional
from campaign.dates import today, utcnow
from campaign.formatting import dutch_date, dutch_long_date
from campaign.moties.models import Motie, Vote
from campaign.moties.services import list_latest_adoptions, list_planned_votes
from campaign.publiek import bp
from campaign.urls import site_url_for
from campaign.versions import national_version

MOTION = "de motie Pleidooi voor gewortelde kinderen"
FEED_SIZE = 50
# A calendar keeps a vote for some weeks after its day, so it does not vanish from a
# subscriber's agenda the day after.
CALENDAR_KEEPS = timedelta(days=60)
LICENSE = "CC BY 4.0, KinderpardonNU"


def _names(names: list[str]) -> str:
    """`GroenLinks, D66 en SP`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def adoption_text(motie: Motie) -> str:
    gemeente = motie.gemeente.name
    when = f" in {dutch_date(motie.voted_on)}" if motie.voted_on else ""
    text = f"De gemeenteraad van {gemeente} nam{when} {MOTION} aan"
    if motie.votes_for is not None and motie.votes_against is not None:
        text += f", met {motie.votes_for} stemmen voor en {motie.votes_against} tegen"
    text += "."
    voor = sorted(s.fractie.name for s in motie.stemmingen if s.vote is Vote.VOOR)
    if voor:
        text += f" Voor stemden: {_names(voor)}."
    if motie.source:
        text += f" Bron: {motie.source}"
    return text


def adoptions_atom() -> bytes:
    moties = list_latest_adoptions(limit=FEED_SIZE, with_votes=True)
    feed = FeedGenerator()
    feed.id(site_url_for("publiek.adoptions_feed"))
    feed.title("Motie voor gewortelde kinderen: aangenomen")
    feed.subtitle("Gemeenteraden die de motie Pleidooi voor gewortelde kinderen aannamen.")
    feed.author({"name": "KinderpardonNU"})
    feed.link(href=site_url_for("publiek.home"), rel="alternate", type="text/html")
    feed.link(href=site_url_for("publiek.adoptions_feed"), rel="self")
    feed.language("nl")
    feed.rights(LICENSE)
    feed.icon(site_url_for("publiek.favicon"))
    feed.updated(max((motie.updated_at for motie in moties), default=utcnow()))
    for motie in moties:
        page = site_url_for("publiek.gemeente", slug=motie.gemeente.slug)
        entry = feed.add_entry(order="append")
        entry.id(f"{page}#motie-{motie.id}")
        entry.title(f"{motie.gemeente.name} neemt de motie aan")
        entry.link(href=page, rel="alternate", type="text/html")
        entry.updated(motie.updated_at)
        day = motie.voted_on.as_date() if motie.voted_on else None
        if day is not None:
            entry.published(datetime(day.year, day.month, day.day, tzinfo=UTC))
        entry.summary(adoption_text(motie))
    body = feed.atom_str(pretty=True)
    assert isinstance(body, bytes)
    return body


def planned_votes_ics() -> bytes:
    host = urlsplit(current_app.config["SITE_URL"]).hostname or "motietracker"
    calendar = Calendar()
    calendar.add("prodid", "-//KinderpardonNU//Motietracker//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Stemmingen over de motie voor gewortelde kinderen")
    calendar.add("x-wr-caldesc", "Raadsvergaderingen waarin over de motie wordt gestemd.")
    for motie in list_planned_votes(today() - CALENDAR_KEEPS):
        assert motie.vote_planned_on is not None
        gemeente = motie.gemeente.name
        description = (
            f"De gemeenteraad van {gemeente} stemt op {dutch_long_date(motie.vote_planned_on)} "
            f"over {MOTION}"
        )
        if motie.indieners:
            description += f", ingediend door {_names([f.name for f in motie.indieners])}"
        description += (
            ". De raadsvergadering is openbaar; tijd en plaats staan op de website van de gemeente."
        )
        if motie.outcome is not None:
            description += f" Uitslag: {motie.outcome.value}."
        event = Event()
        event.add("uid", f"motie-{motie.id}-stemming@{host}")
        event.add("dtstamp", motie.updated_at)
        event.add("last-modified", motie.updated_at)
        # The meeting's hour is not recorded, so the vote is a whole-day event.
        event.add("dtstart", motie.vote_planned_on)
        event.add("dtend", motie.vote_planned_on + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("summary", f"Stemming in {gemeente} over de motie voor gewortelde kinderen")
        event.add("description", description)
        event.add("url", site_url_for("publiek.gemeente", slug=motie.gemeente.slug))
        calendar.add_component(event)
    return calendar.to_ical()


def _feed(body: bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["X-License"] = LICENSE
    return response


@bp.get("/feeds/aangenomen.atom")
def adoptions_feed() -> ResponseReturnValue:
    return conditional(
        lambda _: _feed(adoptions_atom(), "application/atom+xml", "aangenomen.atom"),
        national_version(),
        max_age=600,
        personal=False,
    )


@bp.get("/feeds/stemmingen.ics")
def planned_votes_feed() -> ResponseReturnValue:
    return conditional(
        lambda _: _feed(planned_votes_ics(), "text/calendar", "stemmingen.ics"),
        national_version(),
        max_age=600,
        personal=False,
    )
