"""Open data: the gemeenten as CSV, JSON and GeoJSON, and the motions in the Popolo shape."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.api.serializers import gemeente_summary
from campaign.dates import utcnow
from campaign.extensions import db
from campaign.gemeenten.provenance import REGISTER_TITLE
from campaign.gemeenten.services import list_gemeenten
from campaign.kaart.services import CREDIT, map_features
from campaign.moties.models import Motie, Outcome, Stemming, Vote
from campaign.publiek.services import latest_decided_moties
from campaign.transfer.csvfiles import write_csv
from campaign.urls import site_url_for

LICENSE = (
    "Open data van KinderpardonNU, vrij te gebruiken onder CC BY 4.0 met vermelding van de bron. "
    "Gemeentegrenzen: " + CREDIT + ". Inwoners: Bron: " + REGISTER_TITLE + "."
)
CSV_HEADER = [
    "code",
    "naam",
    "slug",
    "provincie",
    "status",
    "status_sinds",
    "noodopvang",
    "inwoners",
    "motie_uitslag",
    "motie_gestemd_op",
    "stemmen_voor",
    "stemmen_tegen",
    "raadsbesluit",
]


def _motion_fields(motie: Motie | None) -> dict[str, Any]:
    return {
        "outcome": motie.outcome.value if motie and motie.outcome else None,
        "voted_on": motie.voted_on.isoformat() if motie and motie.voted_on else None,
        "votes_for": motie.votes_for if motie else None,
        "votes_against": motie.votes_against if motie else None,
        "record_url": motie.record_url if motie else None,
    }


def gemeenten_csv() -> str:
    moties = latest_decided_moties()
    rows = []
    for gemeente in list_gemeenten():
        summary, motion = gemeente_summary(gemeente), _motion_fields(moties.get(gemeente.id))
        rows.append(
            [
                summary["code"],
                summary["name"],
                summary["slug"],
                summary["province"],
                summary["status"],
                summary["status_since"] or "",
                "ja" if summary["noodopvang"] else "nee",
                summary["inhabitants"],
                motion["outcome"] or "",
                motion["voted_on"] or "",
                motion["votes_for"],
                motion["votes_against"],
                motion["record_url"] or "",
            ]
        )
    return write_csv(CSV_HEADER, rows)


def _envelope() -> dict[str, Any]:
    return {"license": LICENSE, "generated_at": utcnow().isoformat(timespec="seconds")}


def gemeenten_json() -> dict[str, Any]:
    return {**_envelope(), "gemeenten": [gemeente_summary(g) for g in list_gemeenten()]}


def gemeenten_geojson() -> dict[str, Any]:
    moties = latest_decided_moties()
    return {
        "type": "FeatureCollection",
        **_envelope(),
        "features": [
            {
                "type": "Feature",
                "id": gemeente.cbs_code,
                "geometry": geometry,
                "properties": {
                    **gemeente_summary(gemeente),
                    **_motion_fields(moties.get(gemeente.id)),
                },
            }
            for gemeente, geometry in map_features()
        ],
    }


POPOLO_RESULT = {
    Outcome.AANGENOMEN: "pass",
    Outcome.VERWORPEN: "fail",
    Outcome.INGETROKKEN: "withdrawn",
    Outcome.AANGEHOUDEN: "postponed",
    Outcome.ONBEKEND: None,
}
POPOLO_OPTION = {Vote.VOOR: "yes", Vote.TEGEN: "no", Vote.VERDEELD: "split", Vote.ONBEKEND: None}


def _group_result(stemming: Stemming) -> dict[str, Any]:
    return {
        "group": {"name": stemming.fractie.name, "raadsperiode": stemming.fractie.raadsperiode},
        "option": POPOLO_OPTION[stemming.vote],
        "seats": stemming.fractie.seats,
    }


def moties_popolo() -> dict[str, Any]:
    moties = db.session.scalars(
        select(Motie)
        .options(
            selectinload(Motie.gemeente),
            selectinload(Motie.indieners),
            selectinload(Motie.stemmingen).selectinload(Stemming.fractie),
        )
        .order_by(Motie.id)
    ).all()
    motions = []
    for motie in moties:
        code = motie.gemeente.cbs_code
        motion: dict[str, Any] = {
            "id": f"motie-{motie.id}",
            "organization": {
                "id": f"gemeenteraad-{code}",
                "name": f"Gemeenteraad {motie.gemeente.name}",
            },
            "text": motie.title,
            "date": motie.submitted_on.isoformat() if motie.submitted_on else None,
            "requirement": "majority",
            "result": POPOLO_RESULT[motie.outcome] if motie.outcome else None,
            "creators": [{"name": f.name} for f in motie.indieners],
            "sources": [{"url": motie.record_url}] if motie.record_url else [],
            "vote_events": [],
            "links": [{"url": site_url_for("publiek.gemeente", slug=motie.gemeente.slug)}],
        }
        if motie.voted_on or motie.votes_for is not None or motie.stemmingen:
            counts = [
                {"option": option, "value": value}
                for option, value in (("yes", motie.votes_for), ("no", motie.votes_against))
                if value is not None
            ]
            motion["vote_events"].append(
                {
                    "id": f"stemming-{motie.id}",
                    "motion_id": motion["id"],
                    "start_date": motie.voted_on.isoformat() if motie.voted_on else None,
                    "result": motion["result"],
                    "counts": counts,
                    "group_results": [
                        _group_result(s)
                        for s in sorted(motie.stemmingen, key=lambda s: s.fractie.name)
                    ],
                }
            )
        motions.append(motion)
    return {**_envelope(), "motions": motions}
