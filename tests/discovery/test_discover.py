"""A nightly run against the fake API: what it finds, what it skips, and what it never does
twice."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from campaign.discovery.coverage import coverage_of
from campaign.discovery.models import DiscoveryRun, Lead, RunState
from campaign.discovery.runs import RunOptions
from campaign.discovery.searching import run_discovery
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from tests.discovery.council_world import (
    AMERSFOORT_MOTION,
    CENTRUM_DOCUMENT,
    HOUTEN_MOTION,
    HOUTEN_PDF,
    HOUTEN_RECORD_URL,
    SOEST_LETTER,
    WEESP_DOCUMENT,
)
from tests.discovery.fake_answers import Answer, rate_limited_answer, search_failed_answer

FULL = RunOptions(since=date(2021, 1, 1))


def leads_by_entity() -> dict[str, Lead]:
    return {lead.entity_id: lead for lead in db.session.scalars(select(Lead))}


def gemeente(code: str) -> Gemeente:
    return db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == code))


def test_a_run_turns_each_record_into_one_lead_of_its_gemeente(seeded, council_api, council_client):
    lines: list[str] = []
    summary = run_discovery(council_client, FULL, lines.append)

    leads = leads_by_entity()
    assert set(leads) == {
        HOUTEN_MOTION,
        AMERSFOORT_MOTION,
        SOEST_LETTER,
        CENTRUM_DOCUMENT,
        WEESP_DOCUMENT,
    }
    houten = leads[HOUTEN_MOTION]
    assert houten.gemeente.name == "Houten" and houten.is_motion
    assert houten.document_entity_id == HOUTEN_PDF  # its PDF matched too: the same lead
    assert (houten.result, houten.result_label) == ("aangenomen", "Motie aangenomen")
    assert (houten.tally_for, houten.tally_against, houten.day) == (9, 4, date(2025, 4, 10))
    assert houten.group_votes == [
        {"group": "GroenLinks", "voor": 5, "tegen": 0},
        {"group": "Fractie CDA", "voor": 3, "tegen": 0},
        {"group": "VVD", "voor": 1, "tegen": 1},
        {"group": "Partij ITH", "voor": 0, "tegen": 3},
    ]
    assert houten.record_url == HOUTEN_RECORD_URL

    amersfoort = leads[AMERSFOORT_MOTION]
    assert amersfoort.group_votes == [] and amersfoort.tally_for is None
    assert amersfoort.vote_summary == "Aangenomen met 26 stemmen voor en 8 tegen."

    letter = leads[SOEST_LETTER]
    assert not letter.is_motion and letter.result is None
    # The record's download link is `javascript:`: it never becomes a link.
    assert letter.record_url is None
    assert letter.link.startswith(council_api.url + "/?view=document")

    # A stadsdeel's records and those of a gemeente merged away belong to Amsterdam.
    assert leads[CENTRUM_DOCUMENT].gemeente.name == "Amsterdam"
    assert leads[WEESP_DOCUMENT].gemeente.name == "Amsterdam"

    assert summary.state is RunState.KLAAR and summary.new_leads == 5
    assert summary.gemeenten_searched == 4
    assert summary.gemeenten_not_covered == 342 - 4
    assert ("dongen", "never imported: nothing to search") in summary.skipped_sources
    assert summary.skipped_hits == {"hdsr: not a gemeente of today": 1}
    # One status, one search per entity type (the title is covered by "gewortelde kinderen"),
    # one fetch per new record plus the meeting of the letter.
    searches = council_api.requests_to("/api/search")
    assert [(r.params["entityType"], r.params["query"]) for r in searches] == [
        ("Motion", "gewortelde kinderen"),
        ("Document", "gewortelde kinderen"),
    ]
    assert all("organization" not in r.params for r in searches)
    assert summary.requests == 1 + 2 + 6 == len(council_api.requests)
    assert any("new lead: Houten: M12 Pleidooi voor gewortelde kinderen" in line for line in lines)


def test_the_same_hit_on_the_next_night_is_not_stored_or_fetched_again(
    seeded, council_api, council_client
):
    run_discovery(council_client, FULL)
    first_night = len(council_api.requests)

    summary = run_discovery(council_client, FULL)

    assert summary.new_leads == 0 and summary.known_hits == 6
    assert db.session.scalar(select(func.count()).select_from(Lead)) == 5
    second_night = council_api.requests[first_night:]
    assert [r.path for r in second_night] == ["/api/status", "/api/search", "/api/search"]


def test_a_nightly_run_looks_back_from_the_last_complete_run(seeded, council_api, council_client):
    run_discovery(council_client, RunOptions())
    assert "dateFrom" not in council_api.requests_to("/api/search")[0].params
    first = db.session.scalar(select(DiscoveryRun).order_by(DiscoveryRun.id))

    summary = run_discovery(council_client, RunOptions())

    started = first.started_at.date()
    assert summary.since is not None and (started - summary.since).days in (29, 30, 31)
    assert council_api.requests_to("/api/search")[-1].params["dateFrom"] == str(summary.since)


def test_a_429_is_waited_out_and_the_run_goes_on(seeded, council_api, council_client, fake_time):
    council_api.queue("/api/search", rate_limited_answer(7))

    summary = run_discovery(council_client, FULL)

    assert 7.0 in fake_time.sleeps
    assert summary.state is RunState.KLAAR and summary.new_leads == 5
    assert council_client.stats.rate_limited == 1


def test_a_failed_search_is_retried(seeded, council_api, council_client):
    council_api.queue("/api/search", search_failed_answer("ab12"))

    summary = run_discovery(council_client, FULL)

    assert summary.state is RunState.KLAAR and summary.new_leads == 5
    assert council_client.stats.retries == 1


def test_a_search_that_keeps_failing_ends_its_step_not_the_run(seeded, council_api, council_client):
    council_api.queue("/api/search", *[search_failed_answer("3f9c1a2b")] * 4)

    summary = run_discovery(council_client, FULL)

    assert summary.state is RunState.KLAAR_MET_FOUTEN
    assert summary.failures == [
        "motions “gewortelde kinderen” nationwide: search_failed: Zoeken mislukt. Probeer het "
        "opnieuw of meld deze fout met het request ID. (request id 3f9c1a2b)"
    ]
    # The documents were still searched; the Houten motion comes in through its PDF.
    leads = leads_by_entity()
    assert HOUTEN_MOTION in leads and AMERSFOORT_MOTION not in leads
    # A run with a failed search does not move the next run's period forward.
    assert run_discovery(council_client, RunOptions()).since is None
    assert AMERSFOORT_MOTION in leads_by_entity()


def test_coverage_is_stored_per_gemeente(seeded, council_api, council_client):
    run_discovery(council_client, FULL)

    amsterdam = coverage_of(gemeente("GM0363"))
    assert [s.source_key for s in amsterdam.sources] == ["amsterdam", "amsterdam-centrum", "weesp"]
    assert amsterdam.is_current and amsterdam.summary == "actueel"
    weesp = amsterdam.sources[-1]
    assert (weesp.state, weesp.discontinued_on, weesp.successor_label) == (
        "discontinued",
        date(2022, 3, 24),
        "Amsterdam",
    )
    soest = coverage_of(gemeente("GM0342"))
    assert soest.summary == "import mislukt" and "iBabs blocks" in soest.sources[0].last_error
    assert coverage_of(gemeente("GM0307")).summary == "loopt achter"
    assert coverage_of(gemeente("GM0766")).summary == "nog nooit ingelezen"
    assert not coverage_of(gemeente("GM0355")).is_known  # Zeist: not in the API at all


def test_a_discontinued_source_is_not_searched_after_it_ended(seeded, council_api, council_client):
    summary = run_discovery(
        council_client, RunOptions(since=date(2023, 1, 1), gemeente_codes=("GM0363",))
    )

    searched = {r.params["organization"] for r in council_api.requests_to("/api/search")}
    assert searched == {"amsterdam", "amsterdam-centrum"}
    assert summary.skipped_sources == [
        ("weesp", "discontinued on 2022-03-24, before the searched period")
    ]
    assert set(leads_by_entity()) == {CENTRUM_DOCUMENT}


def test_a_run_for_chosen_gemeenten_searches_their_sources(seeded, council_api, council_client):
    summary = run_discovery(council_client, RunOptions(gemeente_codes=("GM0321",)))

    searches = council_api.requests_to("/api/search")
    assert {(r.params["organization"], r.params["entityType"]) for r in searches} == {
        ("houten", "Motion"),
        ("houten", "Document"),
    }
    assert set(leads_by_entity()) == {HOUTEN_MOTION}
    assert (summary.strategy, summary.gemeenten_searched) == ("per-source", 1)


def test_an_incomplete_nationwide_search_is_done_again_per_source(
    seeded, council_api, council_client
):
    council_api.scan_limit = 2  # the API stops scanning after two of the six documents

    summary = run_discovery(council_client, FULL)

    assert set(leads_by_entity()) == {
        HOUTEN_MOTION,
        AMERSFOORT_MOTION,
        SOEST_LETTER,
        CENTRUM_DOCUMENT,
        WEESP_DOCUMENT,
    }
    assert summary.incomplete == [
        "documents “gewortelde kinderen” nationwide: the API's results were incomplete, "
        "searched per source"
    ]
    per_source = {
        r.params.get("organization")
        for r in council_api.requests_to("/api/search")
        if r.params["entityType"] == "Document"
    }
    assert per_source == {
        None,
        "houten",
        "amersfoort",
        "soest",
        "amsterdam",
        "amsterdam-centrum",
        "weesp",
    }


def test_a_run_the_api_broke_off_is_resumed_and_stores_nothing_twice(
    seeded, council_api, council_client
):
    # The API goes away while the letter's meeting is fetched: every retry fails.
    meeting = "/api/entities/meeting:ibabs:gemeente:soest:mt-5"
    council_api.queue(meeting, *[Answer(503, raw=b"Bad gateway", content_type="text/html")] * 4)

    broken = run_discovery(council_client, FULL)

    assert broken.state is RunState.ONDERBROKEN
    assert broken.failures and "could not be reached" in broken.failures[0]
    stored = set(leads_by_entity())
    assert HOUTEN_MOTION in stored and SOEST_LETTER not in stored
    before = len(council_api.requests)

    resumed = run_discovery(council_client, RunOptions())

    assert resumed.resumed and resumed.run_id == broken.run_id
    assert resumed.state is RunState.KLAAR
    assert set(leads_by_entity()) == stored | {SOEST_LETTER, CENTRUM_DOCUMENT, WEESP_DOCUMENT}
    searches = [r for r in council_api.requests[before:] if r.path == "/api/search"]
    # The motions were searched before the break: only the documents are searched again.
    assert [r.params["entityType"] for r in searches] == ["Document"]
    fetched = [r.path for r in council_api.requests[before:] if r.path.startswith("/api/ent")]
    assert f"/api/entities/{HOUTEN_MOTION}" not in fetched


def test_a_run_does_not_start_while_another_is_alive(seeded, council_api, council_client):
    import subprocess

    from campaign.errors import UserError

    run_discovery(council_client, FULL)
    other = subprocess.Popen(["sleep", "60"])
    try:
        run = db.session.scalar(select(DiscoveryRun))
        run.state, run.pid = RunState.BEZIG, other.pid
        db.session.commit()
        with pytest.raises(UserError, match=f"still going \\(process {other.pid}"):
            run_discovery(council_client, RunOptions())
    finally:
        other.kill()
        other.wait()
    assert run_discovery(council_client, RunOptions()).resumed


def test_a_document_whose_meeting_cannot_be_read_is_a_lead_all_the_same(
    seeded, council_api, council_client
):
    council_api.queue(
        "/api/entities/meeting:ibabs:gemeente:soest:mt-5",
        Answer(404, {"error": "Resultaat niet gevonden"}),
    )

    summary = run_discovery(council_client, FULL)

    letter = leads_by_entity()[SOEST_LETTER]
    assert letter.title == "Brief KinderpardonNU <b>gewortelde</b> kinderen"
    assert summary.state is RunState.KLAAR and summary.new_leads == 5
