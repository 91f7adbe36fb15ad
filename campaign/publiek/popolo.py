"""Open data: the motions and votes in Popolo's terms (popoloproject.com, its JSON schemas).

Popolo's `date` and `start_date` of motions and vote events are date-times, which cannot hold
"March 2025" and which no source gives a time of day for. So the council meeting is a Popolo
event: its `start_date` may be `2025`, `2025-03` or `2025-03-12` by the event schema's own
pattern, and a motion (the meeting it was submitted in) and a vote event (the meeting it was
voted in) refer to it by `legislative_session_id`. A fact that is not known is left out.

A fractie is an organization with an id per gemeente and raadsperiode, so a party can be
followed across motions; its position is a vote whose voter is that organization.

The file is made again after every change to a motion, so it is read with plain queries (no ORM
objects): at ten times a campaign's data that is milliseconds instead of a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from sqlalchemy import select

from campaign.dates import PartialDate
from campaign.documents.models import TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import Fractie
from campaign.gemeenten.search import slug_for
from campaign.gemeenten.services import GemeenteLink, gemeente_links
from campaign.moties.models import Motie, Outcome, Stemming, Vote
from campaign.urls import site_url_builder

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


@dataclass(frozen=True)
class _Position:
    """How one fractie voted on one motion."""

    raadsperiode: str
    name: str
    vote: Vote


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


def _sources(motie: Any, gemeente: GemeenteLink, link: Callable[..., str]) -> list[dict[str, str]]:
    """Where the facts of one motion come from, as Popolo links: the council's own record and
    the source's page where they are known, and always the motion's page here, noting what
    the campaign took it from."""
    sources = []
    if motie.record_url:
        sources.append({"url": as_uri(motie.record_url), "note": "Raadsinformatie van de gemeente"})
    if motie.source_url:
        sources.append({"url": as_uri(motie.source_url), "note": motie.source or "Bron"})
    note = f"Bron: {motie.source}" if motie.source else "Vastgelegd door KinderpardonNU"
    sources.append(
        {
            "url": link("publiek.gemeente", slug=gemeente.slug),
            "note": f"Motietracker van KinderpardonNU. {note}",
        }
    )
    return sources


class _Collector:
    """Organizations and meetings, each listed once however many motions name it."""

    def __init__(self) -> None:
        self.organizations: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self._fracties: dict[tuple[str, str, str], str] = {}
        self.link = site_url_builder()

    def council(self, gemeente: GemeenteLink) -> str:
        key = f"gemeenteraad-{gemeente.cbs_code}"
        if key not in self.organizations:
            self.organizations[key] = {
                "id": key,
                "name": f"Gemeenteraad {gemeente.name}",
                "classification": "gemeenteraad",
                "identifiers": [{"scheme": "CBS", "identifier": gemeente.cbs_code}],
            }
        return key

    def fractie(self, gemeente: GemeenteLink, raadsperiode: str, name: str) -> str:
        """Stable per gemeente, raadsperiode and name: `fractie-GM0307-2022-2026-d66`."""
        known = (gemeente.cbs_code, raadsperiode, name)
        if known not in self._fracties:
            key = f"fractie-{gemeente.cbs_code}-{raadsperiode}-{slug_for(name)}"
            self._fracties[known] = key
            self.organizations[key] = {
                "id": key,
                "name": name,
                "classification": "fractie",
                "description": f"Fractie in de gemeenteraad van {gemeente.name}, "
                f"raadsperiode {raadsperiode}",
                "parent_id": self.council(gemeente),
            }
        return self._fracties[known]

    def meeting(self, gemeente: GemeenteLink, day: PartialDate | None) -> dict[str, str]:
        """`{"legislative_session_id": …}` for a meeting on a known day, month or year."""
        if day is None:
            return {}
        key = f"raadsvergadering-{gemeente.cbs_code}-{day.isoformat()}"
        if key not in self.events:
            self.events[key] = {
                "id": key,
                "name": f"Raadsvergadering van de gemeente {gemeente.name}",
                "classification": "raadsvergadering",
                "start_date": day.isoformat(),
                "organization_id": self.council(gemeente),
            }
        return {"legislative_session_id": key}


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _vote_event(
    motie: Any,
    gemeente: GemeenteLink,
    positions: list[_Position],
    motion: dict[str, Any],
    found: _Collector,
) -> dict[str, Any]:
    counts = [
        {"option": option, "value": value}
        for option, value in (("yes", motie.votes_for), ("no", motie.votes_against))
        if value is not None
    ]
    votes = [
        {
            "voter_id": found.fractie(gemeente, position.raadsperiode, position.name),
            "option": OPTION[position.vote],
        }
        for position in sorted(positions, key=lambda position: position.name)
        if position.vote in OPTION
    ]
    return _without_none(
        {
            "id": f"stemming-{motie.id}",
            "motion_id": motion["id"],
            "organization_id": motion["organization_id"],
            **found.meeting(gemeente, motie.voted_on),
            "result": motion.get("result"),
            "counts": counts,
            "votes": votes,
        }
    )


def _motion(
    motie: Any, gemeente: GemeenteLink, positions: list[_Position], found: _Collector
) -> dict[str, Any]:
    motion = _without_none(
        {
            "id": f"motie-{motie.id}",
            "organization_id": found.council(gemeente),
            **found.meeting(gemeente, motie.submitted_on),
            "classification": "motie",
            # Popolo's motion has no title: its text is the title, where known (the model
            # motion's when it was made from it). The full text is in the council's record.
            "text": motie.model_title or motie.title,
            "requirement": "majority",
            "result": RESULT.get(motie.outcome) if motie.outcome else None,
            "sources": _sources(motie, gemeente, found.link),
        }
    )
    has_vote = motie.voted_on or motie.votes_for is not None or positions
    motion["vote_events"] = (
        [_vote_event(motie, gemeente, positions, motion, found)] if has_vote else []
    )
    return motion


def moties_popolo() -> dict[str, Any]:
    """Motions with their vote events; the councils, fracties and meetings they name."""
    gemeenten = {gemeente.id: gemeente for gemeente in gemeente_links()}
    positions: dict[int, list[_Position]] = defaultdict(list)
    for motie_id, raadsperiode, name, vote in db.session.execute(
        select(Stemming.motie_id, Fractie.raadsperiode, Fractie.name, Stemming.vote)
        .join(Fractie, Stemming.fractie_id == Fractie.id)
        .order_by(Stemming.motie_id)
    ):
        positions[motie_id].append(_Position(raadsperiode, name, vote))
    moties = db.session.execute(
        select(
            Motie.id,
            Motie.gemeente_id,
            Motie.title,
            TemplateVersion.title.label("model_title"),
            Motie.submitted_on,
            Motie.voted_on,
            Motie.outcome,
            Motie.votes_for,
            Motie.votes_against,
            Motie.record_url,
            Motie.source,
            Motie.source_url,
        )
        .outerjoin(TemplateVersion, Motie.template_version_id == TemplateVersion.id)
        .order_by(Motie.id)
    )
    found = _Collector()
    motions = [
        _motion(motie, gemeenten[motie.gemeente_id], positions.get(motie.id, []), found)
        for motie in moties
    ]
    return {
        "organizations": sorted(found.organizations.values(), key=lambda o: o["id"]),
        "events": sorted(found.events.values(), key=lambda e: e["id"]),
        "motions": motions,
    }
