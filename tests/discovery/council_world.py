"""Council records for the fake API in which the campaign's motion turns up, as a nightly run
would meet it: a motion with votes and its PDF, a motion without votes, the appeal letter among
the incoming documents, a stadsdeel and a merged-away gemeente sharing Amsterdam's records, a
water board, and a gemeente whose records were never imported.

The CBS codes are those of the seeded gemeenten; ids and people are made up.
"""

from __future__ import annotations

from typing import Any

from tests.discovery.fake_server import FakeOpenBesluitvorming

HOUTEN_MOTION = "motion:ibabs:gemeente:houten:5b1f0c2e-motie-12"
HOUTEN_PDF = "document:ibabs:gemeente:houten:doc-412"
HOUTEN_MEETING = "meeting:ibabs:gemeente:houten:mt-88"
AMERSFOORT_MOTION = "motion:notubiz:gemeente:amersfoort:7712345"
SOEST_LETTER = "document:ibabs:gemeente:soest:ink-77"
SOEST_MEETING = "meeting:ibabs:gemeente:soest:mt-5"
CENTRUM_DOCUMENT = "document:notubiz:gemeente:amsterdam-centrum:4410"
WEESP_DOCUMENT = "document:notubiz:gemeente:weesp:190"
WATERSCHAP_DOCUMENT = "document:ibabs:waterschap:hdsr:31"
HOUTEN_RECORD_URL = "https://houten.example/raad/motie-12-pleidooi-gewortelde-kinderen.pdf"
MOTION_TEXT = (
    "MOTIE Pleidooi voor gewortelde kinderen\n\nDe raad van de gemeente Houten, in vergadering "
    "bijeen op 10 april 2025, verzoekt het college bij het kabinet te pleiten voor een "
    "verblijfsregeling voor gewortelde kinderen."
)
LETTER_TEXT = (
    "Ingekomen stuk: brief van KinderpardonNU met het verzoek de motie Pleidooi voor gewortelde "
    "kinderen aan te nemen."
)


def _vote(option: str, number: int, group: str) -> dict[str, str]:
    return {
        "option": option,
        "voter": f"person:ibabs:gemeente:houten:p{number}",
        "voter_name": f"Raadslid {number}",
        "group": f"party:ibabs:gemeente:houten:{group.lower()}",
        "group_name": group,
    }


HOUTEN_VOTES = [
    *(_vote("voor", n, "GroenLinks") for n in range(1, 6)),
    *(_vote("voor", n, "Fractie CDA") for n in range(6, 9)),
    _vote("voor", 9, "VVD"),
    _vote("tegen", 10, "VVD"),
    *(_vote("tegen", n, "Partij ITH") for n in range(11, 14)),
]
HOUTEN_MOTION_RECORD: dict[str, Any] = {
    "id": HOUTEN_MOTION,
    "name": "M12 Pleidooi voor gewortelde kinderen",
    "motion_type": "Moties",
    "status": "Motie aangenomen",
    "result": "aangenomen",
    "tally": {"in_favour": 9, "against": 4},
    "proposers": ["GroenLinks", "CDA"],
    "parties": ["GroenLinks", "CDA"],
    "votes": HOUTEN_VOTES,
    "attachment_id": HOUTEN_PDF,
    "download_url": HOUTEN_RECORD_URL,
}


def add_sources(fake: FakeOpenBesluitvorming) -> None:
    fake.add_source(
        "houten", "Houten", "ok", cbsId="GM0321", lastSuccessAt="2026-08-16T01:12:09.883Z"
    )
    fake.add_source(
        "amersfoort",
        "Amersfoort",
        "stale",
        supplier="notubiz",
        cbsId="GM0307",
        lastSuccessAt="2026-08-13T23:10:00.000Z",
    )
    fake.add_source(
        "soest",
        "Soest",
        "failing",
        cbsId="GM0342",
        lastSuccessAt="2026-08-05T22:41:09.883Z",
        lastErrorMessage='iBabs blocks requests from this host (403 "The request is blocked").',
    )
    fake.add_source("amsterdam", "Amsterdam", "ok", supplier="notubiz", cbsId="GM0363")
    fake.add_source(
        "amsterdam-centrum", "Stadsdeel Centrum", "ok", supplier="notubiz", cbsId="GM0363"
    )
    fake.add_source(
        "weesp",
        "Weesp",
        "discontinued",
        supplier="notubiz",
        cbsId="GM0457",
        discontinuedAt="2022-03-24",
        succeededBy={"cbsId": "GM0363", "label": "Amsterdam", "sourceKey": "amsterdam"},
    )
    fake.add_source("dongen", "Dongen", "never_imported", cbsId="GM0766")
    fake.add_source(
        "hdsr", "Hoogheemraadschap De Stichtse Rijnlanden", "ok", organizationType="waterschap"
    )


def add_records(fake: FakeOpenBesluitvorming) -> None:
    fake.add_entity(
        {
            "entityId": HOUTEN_MOTION,
            "entityType": "Motion",
            "title": "M12 Pleidooi voor gewortelde kinderen",
            "organization": "Houten",
            "sortDate": "2025-04-10T18:30:00.000Z",
            "motion": HOUTEN_MOTION_RECORD,
            "downloadUrl": HOUTEN_RECORD_URL,
            "pdfUrl": HOUTEN_RECORD_URL,
            "pdfEntityId": HOUTEN_PDF,
            "meetingId": HOUTEN_MEETING,
        }
    )
    fake.add_entity(
        {
            "entityId": HOUTEN_PDF,
            "entityType": "Document",
            "title": "Motie 12 Pleidooi voor gewortelde kinderen (GroenLinks, CDA)",
            "organization": "Houten",
            "sortDate": "2025-04-10 00:00:00",
            "markdownText": MOTION_TEXT,
            "downloadUrl": HOUTEN_RECORD_URL,
            "pdfUrl": HOUTEN_RECORD_URL,
            "meetingId": HOUTEN_MEETING,
        }
    )
    fake.add_entity(
        {
            "entityId": HOUTEN_MEETING,
            "entityType": "Meeting",
            "title": "Gemeenteraad 10 april 2025",
            "organization": "Houten",
            "sortDate": "2025-04-10 19:30:00",
            "agenda": [],
            "motions": [HOUTEN_MOTION_RECORD],
        }
    )
    fake.add_entity(
        {
            "entityId": AMERSFOORT_MOTION,
            "entityType": "Motion",
            "title": "Motie Pleidooi voor gewortelde kinderen",
            "organization": "Amersfoort",
            "sortDate": "2025-03-11 19:30:00",
            "motion": {
                "id": AMERSFOORT_MOTION,
                "name": "Motie Pleidooi voor gewortelde kinderen",
                "status": "Aangenomen",
                "result": "aangenomen",
                "parties": ["D66", "GroenLinks", "CDA", "ChristenUnie"],
                "vote_summary": "Aangenomen met 26 stemmen voor en 8 tegen.",
            },
        }
    )
    fake.add_entity(
        {
            "entityId": SOEST_LETTER,
            "entityType": "Document",
            "title": "Brief KinderpardonNU <b>gewortelde</b> kinderen",
            "organization": "Soest",
            "sortDate": "2025-06-02 00:00:00",
            "markdownText": LETTER_TEXT,
            "downloadUrl": "javascript:alert(document.cookie)",
            "meetingId": SOEST_MEETING,
        }
    )
    fake.add_entity(
        {
            "entityId": SOEST_MEETING,
            "entityType": "Meeting",
            "title": "Gemeenteraad 2 juni 2025",
            "organization": "Soest",
            "sortDate": "2025-06-02 20:00:00",
            "motions": [
                {"id": "motion:ibabs:gemeente:soest:m-9", "name": "M9 Woningbouw", "votes": []}
            ],
        }
    )
    fake.add_entity(
        {
            "entityId": CENTRUM_DOCUMENT,
            "entityType": "Document",
            "title": "Advies stadsdeelcommissie over gewortelde kinderen",
            "organization": "Stadsdeel Centrum",
            "sortDate": "2024-05-14 00:00:00",
            "markdownText": "Advies over de motie voor gewortelde kinderen.",
        }
    )
    fake.add_entity(
        {
            "entityId": WEESP_DOCUMENT,
            "entityType": "Document",
            "title": "Raadsinformatiebrief kinderpardon",
            "organization": "Weesp",
            "sortDate": "2021-11-04 00:00:00",
            "markdownText": "Over het kinderpardon voor gewortelde kinderen.",
        }
    )
    fake.add_entity(
        {
            "entityId": WATERSCHAP_DOCUMENT,
            "entityType": "Document",
            "title": "Verslag algemeen bestuur",
            "organization": "Hoogheemraadschap De Stichtse Rijnlanden",
            "sortDate": "2025-02-01 00:00:00",
            "markdownText": "Een inspreker sprak over gewortelde kinderen.",
        }
    )
    fake.add_entity(
        {
            "entityId": "document:ibabs:gemeente:houten:doc-1",
            "entityType": "Document",
            "title": "Begroting 2026",
            "organization": "Houten",
            "sortDate": "2025-11-06 00:00:00",
            "markdownText": "De begroting voor 2026 voor kinderen en jongeren.",
        }
    )


def populate_council_records(fake: FakeOpenBesluitvorming) -> None:
    add_sources(fake)
    add_records(fake)
