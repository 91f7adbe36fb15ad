"""The JSON shapes of the API; unknown facts are null, never guessed."""

from __future__ import annotations

from datetime import date
from typing import Any

from campaign.dates import today
from campaign.gemeenten.councils import Council, councils_of
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.parties import party_key
from campaign.gemeenten.provenance import FactField, SourcedFact, sourced_fact
from campaign.moties.models import Motie
from campaign.moties.services import is_by_previous_council, motion_sources
from campaign.moties.votes import council_votes


def gemeente_summary(gemeente: Gemeente) -> dict[str, Any]:
    began = gemeente.status_began
    return {
        "code": gemeente.cbs_code,
        "name": gemeente.name,
        "slug": gemeente.slug,
        "province": gemeente.province,
        "status": gemeente.status.value,
        "status_since": began.isoformat() if began else None,
        "noodopvang": gemeente.has_noodopvang,
        "inhabitants": gemeente.inhabitants,
    }


def _source(title: str, day: date | None) -> dict[str, Any]:
    return {"title": title, "date": day.isoformat() if day else None}


def _fact_source(fact: SourcedFact | None) -> dict[str, Any] | None:
    return None if fact is None else _source(fact.source, fact.date)


def _party(name: str, gemeente: Gemeente) -> str | None:
    try:
        return party_key(name, gemeente.name)
    except ValueError:
        return None


def council_detail(council: Council, gemeente: Gemeente) -> dict[str, Any]:
    return {
        "raadsperiode": council.raadsperiode,
        "known": council.is_known,
        "total_seats": council.total_seats,
        "fracties": [
            {"name": f.name, "seats": f.seats, "party": _party(f.name, gemeente)}
            for f in council.fracties
        ],
        "source": _source(council.source_title, council.source_date) if council.is_known else None,
        "doubts": [issue.value for issue in council.issues],
    }


def motie_detail(motie: Motie, day: date | None = None) -> dict[str, Any]:
    return {
        "id": motie.id,
        "title": motie.display_title,
        "title_recorded": motie.title,
        "submitted_on": motie.submitted_on.isoformat() if motie.submitted_on else None,
        "voted_on": motie.voted_on.isoformat() if motie.voted_on else None,
        "outcome": motie.outcome.value if motie.outcome else None,
        "raadsperiode": motie.raadsperiode,
        "adopted_by_previous_council": is_by_previous_council(motie, day or today()),
        "votes_for": motie.votes_for,
        "votes_against": motie.votes_against,
        "record_url": motie.record_url,
        "indieners": [fractie.name for fractie in motie.indieners],
        "votes": [
            {
                "fractie": vote.fractie,
                "raadsperiode": vote.raadsperiode,
                "seats": vote.seats,
                "party": vote.party or None,
                "vote": vote.vote.value,
                "recorded": vote.is_recorded,
            }
            for vote in council_votes(motie)
        ],
        "source": motie.source or None,
        "sources": [{"title": s.title, "url": s.url} for s in motion_sources(motie)],
    }


def gemeente_detail(gemeente: Gemeente, moties: list[Motie]) -> dict[str, Any]:
    day = today()
    return {
        **gemeente_summary(gemeente),
        "website": gemeente.website,
        "sources": {
            field.value: _fact_source(sourced_fact(gemeente, field))
            for field in (FactField.INHABITANTS, FactField.WEBSITE)
        },
        "raden": [council_detail(council, gemeente) for council in councils_of(gemeente)],
        "moties": [motie_detail(motie, day) for motie in moties],
    }
