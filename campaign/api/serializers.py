"""The JSON shapes of the API; unknown facts are null, never guessed."""

from __future__ import annotations

from typing import Any

from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie


def gemeente_summary(gemeente: Gemeente) -> dict[str, Any]:
    return {
        "code": gemeente.cbs_code,
        "name": gemeente.name,
        "slug": gemeente.slug,
        "province": gemeente.province,
        "status": gemeente.status.value,
        "status_since": gemeente.status_since.isoformat(),
        "noodopvang": gemeente.has_noodopvang,
    }


def motie_detail(motie: Motie) -> dict[str, Any]:
    return {
        "id": motie.id,
        "title": motie.display_title,
        "title_recorded": motie.title,
        "submitted_on": motie.submitted_on.isoformat() if motie.submitted_on else None,
        "voted_on": motie.voted_on.isoformat() if motie.voted_on else None,
        "outcome": motie.outcome.value if motie.outcome else None,
        "votes_for": motie.votes_for,
        "votes_against": motie.votes_against,
        "record_url": motie.record_url,
        "indieners": [fractie.name for fractie in motie.indieners],
        "votes": [
            {
                "fractie": stemming.fractie.name,
                "raadsperiode": stemming.fractie.raadsperiode,
                "vote": stemming.vote.value,
            }
            for stemming in sorted(motie.stemmingen, key=lambda s: s.fractie.name.casefold())
        ],
        "source": motie.source or None,
    }


def gemeente_detail(gemeente: Gemeente, moties: list[Motie]) -> dict[str, Any]:
    return {**gemeente_summary(gemeente), "moties": [motie_detail(motie) for motie in moties]}
