"""The client reads each documented answer of Open Besluitvorming, through the fake API."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from campaign.discovery.client import OpenBesluitvormingClient
from campaign.discovery.entities import GroupVote, MotionResult, Tally
from campaign.discovery.errors import ApiError
from campaign.discovery.pacing import request_cost
from campaign.discovery.records import SourceState
from tests.discovery.fake_answers import Answer
from tests.discovery.fake_server import FakeOpenBesluitvorming
from tests.discovery.sample_world import (
    AMERSFOORT_MOTION,
    HOUTEN_MOTION,
    SOEST_DOCUMENT,
    SOEST_MEETING,
    SOEST_MOTION_COUNT,
    soest_motion_id,
)


def test_status_gives_every_source_with_cbs_code_and_state(
    api_client: OpenBesluitvormingClient,
) -> None:
    report = api_client.status()

    by_key = {source.source_key: source for source in report.sources}
    assert {key: source.state for key, source in by_key.items()} == {
        "amersfoort": SourceState.STALE,
        "amsterdam": SourceState.OK,
        "dongen": SourceState.NOT_IMPLEMENTED,
        "hdsr": SourceState.OK,
        "houten": SourceState.FAILING,
        "soest": SourceState.OK,
        "weesp": SourceState.DISCONTINUED,
    }
    soest = by_key["soest"]
    assert (soest.cbs_code, soest.label, soest.supplier) == ("GM0342", "Soest", "ibabs")
    assert soest.last_success == datetime(2026, 8, 16, 1, 12, 9, 883000, tzinfo=UTC)
    assert soest.is_current and not by_key["amersfoort"].is_current
    assert by_key["houten"].last_run_status == "failed"
    assert "iBabs blocks" in (by_key["houten"].last_error_message or "")
    assert by_key["hdsr"].cbs_code is None
    assert by_key["hdsr"].organization_type == "waterschap"
    assert by_key["amsterdam"].last_success is None
    weesp = by_key["weesp"]
    assert weesp.discontinued_on == date(2022, 3, 24)
    assert (weesp.successor_cbs_code, weesp.successor_source_key) == ("GM0363", "amsterdam")
    assert report.window_hours == 36
    assert report.generated_at == datetime(2026, 8, 16, 9, 0, tzinfo=UTC)
    assert report.index_activity_available
    assert [(s.supplier, s.state) for s in report.suppliers] == [
        ("ibabs", "degraded"),
        ("notubiz", "ok"),
    ]


def test_a_state_the_api_adds_later_still_parses(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    sample_api.add_source("utrecht", "Utrecht", "paused", cbsId="GM0344")

    states = {source.source_key: source.state for source in api_client.status().sources}

    assert states["utrecht"] == "paused"


def test_sources_can_be_limited_to_those_still_imported(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    everything = api_client.sources()
    imported = api_client.sources(implemented_only=True)

    assert len(everything) == 7
    assert {source.key for source in everything} - {source.key for source in imported} == {"dongen"}
    assert sample_api.requests_to("/api/sources")[-1].params == {"implemented": "true"}


def test_search_sends_the_documented_parameters_and_reads_the_hits(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    page = api_client.search("gewortelde kinderen", "houten", date_from=date(2025, 1, 1))

    assert sample_api.requests_to("/api/search")[0].params == {
        "query": "gewortelde kinderen",
        "organization": "houten",
        "entityType": "Motion",
        "dateFrom": "2025-01-01",
        "sort": "date_desc",
        "offset": "0",
        "limit": "24",
    }
    (hit,) = page.hits
    assert hit.entity_id == HOUTEN_MOTION
    assert (hit.entity_type, hit.organization, hit.source_key) == ("Motion", "Houten", "houten")
    assert hit.title == "M12 Pleidooi voor gewortelde kinderen"
    assert (hit.day, hit.date_label) == (date(2025, 4, 10), "10 april 2025")
    assert "gewortelde kinderen" in hit.snippet
    assert (
        hit.web_url
        == f"{sample_api.url}/?view=motion%3Aibabs%3Agemeente%3Ahouten%3A"
        + (HOUTEN_MOTION.rsplit(":", 1)[1])
    )
    assert (page.total_count, page.has_more, page.total_is_approximate) == (1, False, False)
    assert hit.raw["entityId"] == HOUTEN_MOTION


def test_search_pages_until_the_api_has_no_more(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    hits = list(api_client.iter_search("gewortelde kinderen", "soest", limit=10))

    assert [hit.entity_id for hit in hits] == [
        soest_motion_id(number) for number in range(SOEST_MOTION_COUNT, 0, -1)
    ]
    offsets = [request.params["offset"] for request in sample_api.requests_to("/api/search")]
    assert offsets == ["0", "10", "20"]


def test_a_single_page_says_where_the_next_one_starts(
    api_client: OpenBesluitvormingClient,
) -> None:
    first = api_client.search("gewortelde kinderen", "soest")
    last = api_client.search("gewortelde kinderen", "soest", offset=first.next_offset)

    assert (len(first.hits), first.has_more, first.total_count) == (24, True, 30)
    assert (len(last.hits), last.has_more, last.offset) == (6, False, 24)


def test_paging_ends_on_an_empty_page_and_skips_repeated_hits(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    def result(entity_id: str) -> dict[str, str]:
        return {"entityId": entity_id, "entityType": "Motion", "title": "t", "organization": "x"}

    sample_api.queue(
        "/api/search",
        Answer(200, {"results": [result("a"), result("b")], "hasMore": True}),
        Answer(200, {"results": [result("b"), result("c")], "hasMore": True}),
        Answer(200, {"results": [], "totalCount": 3, "hasMore": True}),
    )

    hits = list(api_client.iter_search("gewortelde kinderen", limit=2))

    assert [hit.entity_id for hit in hits] == ["a", "b", "c"]
    assert len(sample_api.requests_to("/api/search")) == 3


def test_a_motion_with_votes_per_member(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    entity = api_client.entity(HOUTEN_MOTION)

    assert sample_api.requests[-1].raw_path.startswith("/api/entities/motion%3Aibabs%3A")
    assert (entity.entity_type, entity.title, entity.organization) == (
        "Motion",
        "M12 Pleidooi voor gewortelde kinderen",
        "Houten",
    )
    assert entity.day == date(2025, 4, 10)
    assert entity.record_url == "https://houten.example/motie-m12.pdf"
    assert entity.meeting_id == "meeting:ibabs:gemeente:houten:mt-3"
    assert "gewortelde kinderen" in (entity.text or "")
    motion = entity.motion
    assert motion is not None
    assert (motion.result, motion.status) == (MotionResult.AANGENOMEN, "Motie aangenomen")
    assert motion.tally == Tally(in_favour=3, against=2)
    assert [(vote.voter_name, vote.option, vote.group_name) for vote in motion.votes][:2] == [
        ("Jansen, A.", "voor", "GroenLinks"),
        ("de Vries, B.", "voor", "GroenLinks"),
    ]
    assert motion.group_votes == (
        GroupVote("party:ibabs:gemeente:houten:gl", "GroenLinks", 2, 0),
        GroupVote("party:ibabs:gemeente:houten:vvd", "VVD", 1, 1),
        GroupVote("party:ibabs:gemeente:houten:pvv", "PVV", 0, 1),
    )
    assert [group.is_split for group in motion.group_votes] == [False, True, False]
    assert entity.raw["motion"]["votes"][0]["voter_name"] == "Jansen, A."


def test_a_motion_without_votes_keeps_what_the_record_gives(
    api_client: OpenBesluitvormingClient,
) -> None:
    entity = api_client.entity(AMERSFOORT_MOTION)

    motion = entity.motion
    assert motion is not None
    assert (motion.result, motion.status) == ("aangenomen", "Aangenomen")
    assert motion.tally is None
    assert motion.votes == () and motion.group_votes == ()
    assert motion.vote_summary == "Aangenomen met 26 stemmen voor en 8 tegen."
    assert motion.parties == ("D66", "GroenLinks", "CDA", "ChristenUnie")
    assert motion.agenda_item_hint == "Agendapunt 6, motie vreemd aan de orde"
    assert entity.day == date(2025, 3, 11)
    assert entity.meeting_id is None
    assert entity.record_url == entity.web_url


def test_a_meeting_lists_the_motions_decided_in_it(api_client: OpenBesluitvormingClient) -> None:
    meeting = api_client.entity(SOEST_MEETING)

    assert meeting.motion is None
    (motion,) = meeting.motions
    assert (motion.motion_id, motion.name) == (
        "motion:ibabs:gemeente:soest:m1",
        "M1 Woningbouw Soesterberg",
    )
    assert motion.tally == Tally(20, 11)
    assert motion.download_url == "https://soest.example/m1.pdf"


def test_a_document_has_its_text_and_file(api_client: OpenBesluitvormingClient) -> None:
    document = api_client.entity(SOEST_DOCUMENT)

    assert (document.entity_type, document.motion, document.motions) == ("Document", None, ())
    assert document.record_url == "https://soest.example/begroting.pdf"
    assert document.date_label == "7 november 2024"


def test_an_unknown_entity_is_not_found_at_once(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    with pytest.raises(ApiError) as raised:
        api_client.entity("motion:ibabs:gemeente:houten:gone")

    assert (raised.value.code, raised.value.status) == ("not_found", 404)
    assert raised.value.message == "Resultaat niet gevonden"
    assert len(sample_api.requests) == 1


def test_an_unknown_organization_is_refused_with_the_api_hint(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    with pytest.raises(ApiError) as raised:
        api_client.search("gewortelde kinderen", "Soest")

    assert (raised.value.code, raised.value.status) == ("bad_request", 400)
    assert raised.value.message == 'Onbekende organization "Soest".'
    assert "hoofdlettergevoelig" in (raised.value.hint or "")
    assert len(sample_api.requests) == 1


@pytest.mark.parametrize(
    "arguments",
    [
        {"query": "  "},
        {"query": "motie", "entity_type": "motion"},
        {"query": "motie", "limit": 0},
        {"query": "motie", "limit": 101},
        {"query": "motie", "offset": -1},
        {"query": "motie", "sort": "title_asc"},
    ],
)
def test_what_the_api_would_refuse_is_refused_before_asking(
    sample_api: FakeOpenBesluitvorming,
    api_client: OpenBesluitvormingClient,
    arguments: dict[str, object],
) -> None:
    with pytest.raises(ValueError):
        api_client.search(**arguments)  # type: ignore[arg-type]

    assert sample_api.requests == []


def test_each_request_names_the_campaign(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    api_client.status()

    assert sample_api.requests[0].headers["User-Agent"].startswith("Motietracker")


def test_request_cost_follows_the_documented_units() -> None:
    assert request_cost("/api/search", {}) == 1
    assert request_cost("/api/search", {"limit": "24"}) == 1
    assert request_cost("/api/search", {"limit": "25"}) == 2
    assert request_cost("/api/search", {"limit": "100"}) == 5
    assert request_cost("/api/entities/motion%3Ax", {}) == 1
    assert request_cost("/api/entities/document%3Ax/pdf/page/3", {}) == 1 / 8
    assert request_cost("/api/status", {}) == 1
