"""Example data for the fake API, in the shapes API.md shows: a few organisations in every
import state, motions with and without votes, a meeting and a document.

The records are made up for tests (their ids and people are not real); only the CBS codes and
the kind of data each supplier publishes follow the real API.
"""

from __future__ import annotations

from typing import Any

from tests.discovery.fake_server import FakeOpenBesluitvorming

HOUTEN_MOTION = "motion:ibabs:gemeente:houten:493049d8-2b51-4a8f-a885-bcd48efc1a2f"
AMERSFOORT_MOTION = "motion:notubiz:gemeente:amersfoort:7712345"
SOEST_MEETING = "meeting:ibabs:gemeente:soest:830424"
SOEST_DOCUMENT = "document:ibabs:gemeente:soest:12345"
SOEST_MOTION_COUNT = 30
MOTION_TEXT = (
    "MOTIE Pleidooi voor gewortelde kinderen. De raad, in vergadering bijeen, verzoekt het "
    "college bij het kabinet te pleiten voor een verblijfsregeling voor gewortelde kinderen."
)


def soest_motion_id(number: int) -> str:
    return f"motion:ibabs:gemeente:soest:m-{number:03d}"


def _vote(option: str, voter: str, name: str, group: str, group_name: str) -> dict[str, str]:
    return {
        "option": option,
        "voter": f"person:ibabs:gemeente:houten:{voter}",
        "voter_name": name,
        "group": f"party:ibabs:gemeente:houten:{group}",
        "group_name": group_name,
    }


def _motion_entity(
    entity_id: str, title: str, organization: str, sort_date: str, motion: dict[str, Any]
) -> dict[str, Any]:
    return {
        "entityId": entity_id,
        "entityType": "Motion",
        "entityTypeLabel": "Motie",
        "title": title,
        "organization": organization,
        "sortDate": sort_date,
        "motion": {"id": entity_id, "name": title, **motion},
    }


def populate(fake: FakeOpenBesluitvorming) -> None:
    fake.add_source(
        "soest",
        "Soest",
        "ok",
        cbsId="GM0342",
        lastSuccessAt="2026-08-16T01:12:09.883Z",
        lastRunAt="2026-08-16T01:00:00.396Z",
        lastRunStatus="succeeded",
        latestContentDate="2026-08-20T13:30:00.000Z",
        lastIndexedAt="2026-08-16T01:12:51.000Z",
    )
    fake.add_source(
        "amersfoort",
        "Amersfoort",
        "stale",
        supplier="notubiz",
        cbsId="GM0307",
        lastSuccessAt="2026-08-13T23:10:00.000Z",
        lastRunAt="2026-08-15T23:00:00.000Z",
        lastRunStatus="running",
    )
    fake.add_source(
        "houten",
        "Houten",
        "failing",
        cbsId="GM0321",
        lastSuccessAt="2026-08-05T22:41:09.883Z",
        lastRunAt="2026-08-16T00:00:00.396Z",
        lastRunStatus="failed",
        lastErrorMessage='iBabs blocks requests from this host (403 "The request is blocked").',
    )
    fake.add_source("amsterdam", "Amsterdam", "ok", supplier="notubiz", cbsId="GM0363")
    fake.add_source(
        "weesp",
        "Weesp",
        "discontinued",
        supplier="notubiz",
        cbsId="GM0457",
        discontinuedAt="2022-03-24",
        succeededBy={"cbsId": "GM0363", "label": "Amsterdam", "sourceKey": "amsterdam"},
        latestContentDate="2022-07-12T00:00:00.000Z",
    )
    fake.add_source("dongen", "Dongen", "not_implemented", cbsId="GM0766")
    fake.add_source(
        "hdsr",
        "Hoogheemraadschap De Stichtse Rijnlanden",
        "ok",
        organizationType="waterschap",
        lastSuccessAt="2026-08-16T02:00:00.000Z",
    )
    fake.suppliers = [
        {
            "supplier": "ibabs",
            "label": "iBabs",
            "state": "degraded",
            "sourceCount": 3,
            "okSourceCount": 2,
            "runCount": 6,
            "succeededCount": 2,
            "failedCount": 4,
            "lastSuccessAt": "2026-08-16T02:00:00.000Z",
            "lastErrorMessage": "iBabs blocks requests from this host.",
        },
        {"supplier": "notubiz", "label": "Notubiz", "state": "ok", "sourceCount": 2},
    ]

    fake.add_entity(
        {
            **_motion_entity(
                HOUTEN_MOTION,
                "M12 Pleidooi voor gewortelde kinderen",
                "Houten",
                "2025-04-10T18:30:00.000Z",
                {
                    "motion_type": "Moties",
                    "status": "Motie aangenomen",
                    "result": "aangenomen",
                    "tally": {"in_favour": 3, "against": 2},
                    "proposers": ["GroenLinks"],
                    "votes": [
                        _vote("voor", "p1", "Jansen, A.", "gl", "GroenLinks"),
                        _vote("voor", "p2", "de Vries, B.", "gl", "GroenLinks"),
                        _vote("tegen", "p3", "Bakker, C.", "vvd", "VVD"),
                        _vote("voor", "p4", "Visser, D.", "vvd", "VVD"),
                        _vote("tegen", "p5", "Smit, E.", "pvv", "PVV"),
                    ],
                    "agenda_item": "agenda_item:ibabs:gemeente:houten:ai-7",
                    "attachment_id": "document:ibabs:gemeente:houten:doc-88",
                },
            ),
            "markdownText": MOTION_TEXT,
            "downloadUrl": "https://houten.example/motie-m12.pdf",
            "contentType": "application/pdf",
            "pdfUrl": "https://houten.example/motie-m12.pdf",
            "pdfEntityId": "document:ibabs:gemeente:houten:doc-88",
            "meetingId": "meeting:ibabs:gemeente:houten:mt-3",
        }
    )
    fake.add_entity(
        _motion_entity(
            AMERSFOORT_MOTION,
            "Motie Pleidooi voor gewortelde kinderen",
            "Amersfoort",
            "2025-03-11 19:30:00",
            {
                "motion_type": "Motie",
                "status": "Aangenomen",
                "result": "aangenomen",
                "parties": ["D66", "GroenLinks", "CDA", "ChristenUnie"],
                "vote_summary": "Aangenomen met 26 stemmen voor en 8 tegen.",
                "agenda_item_hint": "Agendapunt 6, motie vreemd aan de orde",
            },
        )
    )
    for number in range(1, SOEST_MOTION_COUNT + 1):
        fake.add_entity(
            _motion_entity(
                soest_motion_id(number),
                f"Motie {number} gewortelde kinderen",
                "Soest",
                f"2025-{1 + number // 3:02d}-{1 + number % 3:02d} 20:00:00",
                {"result": "overig"},
            )
        )
    fake.add_entity(
        {
            "entityId": SOEST_MEETING,
            "entityType": "Meeting",
            "entityTypeLabel": "Vergadering",
            "title": "Raadsvergadering 2024-11-07",
            "organization": "Soest",
            "sortDate": "2024-11-07 20:00:00",
            "agenda": [{"id": "agenda_item:ibabs:gemeente:soest:1", "title": "Opening"}],
            "motions": [
                {
                    "id": "motion:ibabs:gemeente:soest:m1",
                    "name": "M1 Woningbouw Soesterberg",
                    "result": "aangenomen",
                    "tally": {"in_favour": 20, "against": 11},
                    "votes": [],
                    "attachment_id": "document:ibabs:gemeente:soest:555",
                    "download_url": "https://soest.example/m1.pdf",
                }
            ],
        }
    )
    fake.add_entity(
        {
            "entityId": SOEST_DOCUMENT,
            "entityType": "Document",
            "entityTypeLabel": "Document",
            "title": "Raadsvoorstel begroting 2024",
            "organization": "Soest",
            "sortDate": "2024-11-07 00:00:00",
            "markdownText": "# Raadsvoorstel begroting 2024\n\nDe begroting voor 2024 bedraagt...",
            "downloadUrl": "https://soest.example/begroting.pdf",
            "contentType": "application/pdf",
            "pdfUrl": "https://soest.example/begroting.pdf",
            "meetingId": SOEST_MEETING,
        }
    )
