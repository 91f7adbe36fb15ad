"""Open data: the gemeenten as CSV, JSON and GeoJSON, and the motions in Popolo's terms."""

from __future__ import annotations

from typing import Any

from campaign.api.serializers import gemeente_summary
from campaign.dates import utcnow
from campaign.gemeenten.provenance import REGISTER_TITLE
from campaign.gemeenten.services import list_gemeenten
from campaign.kaart.services import CREDIT, map_features
from campaign.moties.models import Motie
from campaign.publiek import popolo
from campaign.publiek.services import latest_decided_moties
from campaign.transfer.csvfiles import write_csv

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


def gemeenten_csv(for_excel: bool = False) -> str:
    """The gemeenten as RFC 4180 CSV for programs, or `for_excel` for Dutch Excel."""
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
    return write_csv(CSV_HEADER, rows, for_excel=for_excel)


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


def moties_popolo() -> dict[str, Any]:
    return {**_envelope(), **popolo.moties_popolo()}
