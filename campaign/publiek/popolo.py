"""Open data: the motions and votes in Popolo's terms (popoloproject.com, its JSON schemas).

Popolo's `date` and `start_date` of motions and vote events are date-times, which cannot hold
"March 2025" and which no source gives a time of day for. So the council meeting is a Popolo
event: its `start_date` may be `2025`, `2025-03` or `2025-03-12` by the event schema's own
pattern, and a motion (the meeting it was submitted in) and a vote event (the meeting it was
voted in) refer to it by `legislative_session_id`. A fact that is not known is left out.

A fractie is an organization with an id per gemeente and raadsperiode, so a party can be
followed across motions; its position is a vote whose voter is that organization.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.dates import PartialDate
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente
from campaign.gemeenten.search import slug_for
from campaign.moties.models import Motie, Outcome, Stemming, Vote
from campaign.urls import site_url_for

# Popolo's code lists: result (pass, fail) and vote option (yes, no); values outside them are
# allowed ("withdrawn", "postponed"; "split" for a fractie whose members voted both ways).
RESULT = {
    Outcome.AANGENOMEN: "pass",
    Outcome.VERWORPEN: "fail",
    Outcome.INGETROKKEN: "withdrawn",
    Outcome.AANGEHOUDEN: "postponed",
}
OPTION = {Vote.VOOR: "yes", Vote.TEGEN: "no", Vote.VERDEELD: "split"}
# What RFC 3986 allows unencoded in a path: unreserved and sub-delimiter characters, ":", "@",
# "/", and "%" (an address that is already encoded stays as it is).
URI_SAFE = "/%:@!$&'()*+,;=-._~"


def council_id(gemeente: Gemeente) -> str:
    return f"gemeenteraad-{gemeente.cbs_code}"


def fractie_id(fractie: Fractie) -> str:
    """Stable per gemeente, raadsperiode and name: `fractie-GM0307-2022-2026-d66`."""
    return f"fractie-{fractie.gemeente.cbs_code}-{fractie.raadsperiode}-{slug_for(fractie.name)}"


def meeting_id(gemeente: Gemeente, day: PartialDate) -> str:
    return f"raadsvergadering-{gemeente.cbs_code}-{day.isoformat()}"


def as_uri(url: str) -> str:
    """The same address as a URI, as a Popolo link's `url` must be: a space or an accented
    letter that a volunteer's link may hold is percent-encoded, a non-ASCII host in IDNA."""
    try:
        parts = urlsplit(url)
    except ValueError:  # such as "https://[x/", which is no IPv6 address
        return quote(url, safe=URI_SAFE + "?#")
    try:
        netloc = parts.netloc.encode("idna").decode("ascii")
    except UnicodeError:
        netloc = quote(parts.netloc, safe=":@[]")
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=URI_SAFE),
            quote(parts.query, safe=URI_SAFE + "?"),
            quote(parts.fragment, safe=URI_SAFE + "?"),
        )
    )


def motion_sources(motie: Motie) -> list[dict[str, str]]:
    """Where the facts of one motion come from, as Popolo links: the council's own record when
    it is known, and always the motion's page here, noting what the campaign took it from."""
    sources = []
    if motie.record_url:
        sources.append({"url": as_uri(motie.record_url), "note": "Raadsinformatie van de gemeente"})
    note = f"Bron: {motie.source}" if motie.source else "Vastgelegd door KinderpardonNU"
    sources.append(
        {
            "url": site_url_for("publiek.gemeente", slug=motie.gemeente.slug),
            "note": f"Motietracker van KinderpardonNU. {note}",
        }
    )
    return sources


class _Collector:
    """Organizations and meetings, each listed once however many motions name it."""

    def __init__(self) -> None:
        self.organizations: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}

    def council(self, gemeente: Gemeente) -> str:
        key = council_id(gemeente)
        self.organizations.setdefault(
            key,
            {
                "id": key,
                "name": f"Gemeenteraad {gemeente.name}",
                "classification": "gemeenteraad",
                "identifiers": [{"scheme": "CBS", "identifier": gemeente.cbs_code}],
            },
        )
        return key

    def fractie(self, fractie: Fractie) -> str:
        key = fractie_id(fractie)
        self.organizations.setdefault(
            key,
            {
                "id": key,
                "name": fractie.name,
                "classification": "fractie",
                "description": f"Fractie in de gemeenteraad van {fractie.gemeente.name}, "
                f"raadsperiode {fractie.raadsperiode}",
                "parent_id": self.council(fractie.gemeente),
            },
        )
        return key

    def meeting(self, gemeente: Gemeente, day: PartialDate | None) -> dict[str, str]:
        """`{"legislative_session_id": …}` for a meeting on a known day, month or year."""
        if day is None:
            return {}
        key = meeting_id(gemeente, day)
        self.events.setdefault(
            key,
            {
                "id": key,
                "name": f"Raadsvergadering van de gemeente {gemeente.name}",
                "classification": "raadsvergadering",
                "start_date": day.isoformat(),
                "organization_id": self.council(gemeente),
            },
        )
        return {"legislative_session_id": key}


def _vote_event(motie: Motie, motion: dict[str, Any], found: _Collector) -> dict[str, Any]:
    counts = [
        {"option": option, "value": value}
        for option, value in (("yes", motie.votes_for), ("no", motie.votes_against))
        if value is not None
    ]
    votes = [
        {"voter_id": found.fractie(stemming.fractie), "option": OPTION[stemming.vote]}
        for stemming in sorted(motie.stemmingen, key=lambda s: s.fractie.name)
        if stemming.vote in OPTION
    ]
    event: dict[str, Any] = {
        "id": f"stemming-{motie.id}",
        "motion_id": motion["id"],
        "organization_id": motion["organization_id"],
        **found.meeting(motie.gemeente, motie.voted_on),
        "result": motion.get("result"),
        "counts": counts,
        "votes": votes,
    }
    return {key: value for key, value in event.items() if value is not None}


def _motion(motie: Motie, found: _Collector) -> dict[str, Any]:
    motion: dict[str, Any] = {
        "id": f"motie-{motie.id}",
        "organization_id": found.council(motie.gemeente),
        **found.meeting(motie.gemeente, motie.submitted_on),
        "classification": "motie",
        # Popolo's motion has no title: its text is the title, where known (the model motion's
        # when it was made from it). The full text is in the council's record (the sources).
        "text": motie.template_version.title if motie.template_version else motie.title,
        "requirement": "majority",
        "result": RESULT.get(motie.outcome) if motie.outcome else None,
        "sources": motion_sources(motie),
    }
    motion = {key: value for key, value in motion.items() if value is not None}
    has_vote = motie.voted_on or motie.votes_for is not None or motie.stemmingen
    motion["vote_events"] = [_vote_event(motie, motion, found)] if has_vote else []
    return motion


def moties_popolo() -> dict[str, Any]:
    """Motions with their vote events; the councils, fracties and meetings they name."""
    moties = db.session.scalars(
        select(Motie)
        .options(
            selectinload(Motie.gemeente),
            selectinload(Motie.stemmingen)
            .selectinload(Stemming.fractie)
            .selectinload(Fractie.gemeente),
        )
        .order_by(Motie.id)
    ).all()
    found = _Collector()
    motions = [_motion(motie, found) for motie in moties]
    return {
        "organizations": sorted(found.organizations.values(), key=lambda o: o["id"]),
        "events": sorted(found.events.values(), key=lambda e: e["id"]),
        "motions": motions,
    }
