"""The client keeps to the rate limit, waits out 429s, retries what may pass and gives up
clearly on what will not, all against the fake API on a fake clock."""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from campaign.discovery.client import DEFAULT_BASE_URL, OpenBesluitvormingClient
from campaign.discovery.errors import ApiError, ApiUnavailable, MalformedResponse
from tests.discovery.fake_answers import Answer, rate_limited_answer, search_failed_answer
from tests.discovery.fake_server import FakeOpenBesluitvorming, FakeTime
from tests.discovery.sample_world import HOUTEN_MOTION


def client_for(url: str, fake_time: FakeTime, **options: Any) -> OpenBesluitvormingClient:
    return OpenBesluitvormingClient(
        url,
        sleep=fake_time.sleep,
        clock=fake_time.monotonic,
        now=fake_time.now,
        rng=random.Random(7),
        **options,
    )


@pytest.fixture
def refused_url() -> Iterator[str]:
    """An address on loopback where nothing listens: the port is held but never accepts."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


def test_a_429_waits_retry_after_and_carries_on(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    sample_api.queue("/api/search", rate_limited_answer(7))

    page = api_client.search("gewortelde kinderen", "houten")

    assert [hit.entity_id for hit in page.hits] == [HOUTEN_MOTION]
    assert fake_time.sleeps == [7.0]
    assert len(sample_api.requests_to("/api/search")) == 2
    stats = api_client.stats
    assert (stats.requests, stats.rate_limited, stats.retries, stats.units) == (2, 1, 0, 1)
    assert stats.slept_seconds == 7.0


def test_retry_after_may_be_an_http_date(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    # The fake clock starts at 2026-08-16 09:00:00 UTC.
    sample_api.queue("/api/status", rate_limited_answer("Sun, 16 Aug 2026 09:00:05 GMT", seconds=5))

    api_client.status()

    assert fake_time.sleeps == [5.0]


def test_without_retry_after_the_body_says_how_long(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    answer = rate_limited_answer(4)
    answer.headers = {}
    sample_api.queue("/api/status", answer)

    api_client.status()

    assert fake_time.sleeps == [4.0]


def test_an_empty_bucket_is_waited_for(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    sample_api.bucket.tokens = 0

    api_client.entity(HOUTEN_MOTION)

    assert fake_time.sleeps == [1.0]
    assert api_client.stats.rate_limited == 1


def test_the_remaining_budget_makes_the_client_pause_before_a_429(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    sample_api.bucket.tokens = 2

    for _ in range(4):
        api_client.search("gewortelde kinderen", "houten")

    # Two units pay for two searches; then each waits for its unit to refill (one a second).
    assert fake_time.sleeps == pytest.approx([1.0, 1.0])
    assert api_client.stats.rate_limited == 0
    assert api_client.stats.paced_seconds == pytest.approx(2.0)
    assert len(sample_api.requests_to("/api/search")) == 4


def test_a_larger_page_waits_for_its_larger_cost(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    sample_api.bucket.tokens = 6

    api_client.search("gewortelde kinderen", limit=100)
    api_client.search("gewortelde kinderen", limit=100)

    assert fake_time.sleeps == pytest.approx([4.0])
    assert api_client.stats.units == 10
    assert api_client.stats.rate_limited == 0


def test_an_endless_429_is_given_up_on(
    sample_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> None:
    sample_api.queue("/api/status", *[rate_limited_answer(30) for _ in range(3)])

    with (
        client_for(sample_api.url, fake_time, max_rate_limited=2) as client,
        pytest.raises(ApiError) as raised,
    ):
        client.status()

    assert (raised.value.code, raised.value.status) == ("rate_limited", 429)
    assert fake_time.sleeps == [30.0, 30.0]


def test_a_failed_search_is_retried_then_raised_with_its_request_id(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient, fake_time: FakeTime
) -> None:
    sample_api.queue("/api/search", *[search_failed_answer("3f9c1a2b") for _ in range(4)])

    with pytest.raises(ApiError) as raised:
        api_client.search("gewortelde kinderen", "houten")

    error = raised.value
    assert (error.code, error.status, error.request_id) == ("search_failed", 500, "3f9c1a2b")
    assert error.message.startswith("Zoeken mislukt")
    assert len(sample_api.requests_to("/api/search")) == 4
    # Backoff 2 s doubling, of which a random half is jitter.
    assert len(fake_time.sleeps) == 3
    for wait, ceiling in zip(fake_time.sleeps, (2, 4, 8), strict=True):
        assert ceiling / 2 <= wait <= ceiling
    assert api_client.stats.retries == 3


def test_a_failed_search_that_passes_on_retry_returns_its_results(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    sample_api.queue("/api/search", search_failed_answer())

    page = api_client.search("gewortelde kinderen", "houten")

    assert len(page.hits) == 1
    assert api_client.stats.retries == 1


def test_a_code_in_the_error_body_is_kept(
    sample_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> None:
    sample_api.queue("/api/status", Answer(500, {"error": "Kapot", "code": "index_down"}))

    with (
        client_for(sample_api.url, fake_time, max_retries=0) as client,
        pytest.raises(ApiError) as raised,
    ):
        client.status()

    assert (raised.value.code, raised.value.message) == ("index_down", "Kapot")


def test_a_failing_gateway_makes_the_api_unavailable(
    sample_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> None:
    page = Answer(502, raw=b"<html>502 Bad Gateway</html>", content_type="text/html")
    sample_api.queue("/api/status", page, page, page)

    with (
        client_for(sample_api.url, fake_time, max_retries=2) as client,
        pytest.raises(ApiUnavailable) as raised,
    ):
        client.status()

    assert (raised.value.attempts, raised.value.last_status) == (3, 502)


def test_a_refused_connection_is_retried_then_unavailable(
    refused_url: str, fake_time: FakeTime
) -> None:
    with (
        client_for(refused_url, fake_time, max_retries=3) as client,
        pytest.raises(ApiUnavailable) as raised,
    ):
        client.status()

    assert raised.value.attempts == 4
    assert "ConnectError" in str(raised.value)
    assert len(fake_time.sleeps) == 3
    assert client.stats.requests == 4


def test_a_slow_answer_times_out_and_is_retried(
    sample_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> None:
    slow = Answer(200, {"results": []}, delay=1.0)
    sample_api.queue("/api/search", slow, slow)

    with (
        client_for(sample_api.url, fake_time, timeout=0.2, max_retries=1) as client,
        pytest.raises(ApiUnavailable) as raised,
    ):
        client.search("gewortelde kinderen")

    assert raised.value.attempts == 2
    assert "Timeout" in str(raised.value)
    assert len(sample_api.requests_to("/api/search")) == 2


def test_a_body_that_is_not_json_is_a_clear_error_and_not_retried(
    sample_api: FakeOpenBesluitvorming, api_client: OpenBesluitvormingClient
) -> None:
    sample_api.queue("/api/search", Answer(200, raw=b'{"results": [{"entityId": '))

    with pytest.raises(MalformedResponse) as raised:
        api_client.search("gewortelde kinderen")

    assert (raised.value.code, raised.value.status) == ("malformed_response", 200)
    assert "not JSON" in raised.value.message
    assert raised.value.excerpt.startswith('{"results"')
    assert len(sample_api.requests_to("/api/search")) == 1


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/search", {"hits": []}),
        ("/api/status", {"sources": [{"label": "Soest", "state": "ok"}]}),
        (f"/api/entities/{HOUTEN_MOTION}", {"entityId": HOUTEN_MOTION, "entityType": "Motion"}),
        ("/api/sources", ["soest"]),
    ],
)
def test_an_answer_in_another_shape_is_a_clear_error(
    sample_api: FakeOpenBesluitvorming,
    api_client: OpenBesluitvormingClient,
    path: str,
    body: object,
) -> None:
    sample_api.queue(path, Answer(200, body))
    calls = {
        "/api/search": lambda: api_client.search("gewortelde kinderen"),
        "/api/status": api_client.status,
        "/api/sources": api_client.sources,
    }

    with pytest.raises(MalformedResponse):
        calls.get(path, lambda: api_client.entity(HOUTEN_MOTION))()


def test_tests_cannot_reach_the_real_api(fake_time: FakeTime) -> None:
    with client_for(DEFAULT_BASE_URL, fake_time) as client, pytest.raises(ApiUnavailable) as raised:
        client.status()

    assert "may not reach openbesluitvorming.nl" in str(raised.value)
