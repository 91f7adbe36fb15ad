"""Fixtures for code that talks to Open Besluitvorming: a fake API on loopback and a client.

`fake_api` is empty and running; `sample_api` holds the example data of `sample_world`;
`api_client` talks to `sample_api` on `fake_time`, so its waits advance a fake clock (and the
fake API's rate-limit bucket) instead of real time; `council_api` and `council_client` are the
same for the council records of `council_world`, where the nightly search finds the motion.
Queue one-off answers with `fake_api.queue(path, Answer(...))` and read what arrived in
`fake_api.requests`.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from campaign.discovery.client import OpenBesluitvormingClient
from tests.discovery.council_world import populate_council_records
from tests.discovery.fake_server import FakeOpenBesluitvorming, FakeTime, running
from tests.discovery.sample_world import populate

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@pytest.fixture(autouse=True)
def stay_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    resolve = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK:
            raise OSError(f"tests may not reach {name}")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def fake_api(fake_time: FakeTime) -> Iterator[FakeOpenBesluitvorming]:
    yield from running(FakeOpenBesluitvorming(clock=fake_time.monotonic))


@pytest.fixture
def sample_api(fake_api: FakeOpenBesluitvorming) -> FakeOpenBesluitvorming:
    populate(fake_api)
    return fake_api


def _client_of(
    api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> Iterator[OpenBesluitvormingClient]:
    """A client of `api` on the fake clock: its waits cost no time."""
    client = OpenBesluitvormingClient(
        api.url,
        timeout=5,
        sleep=fake_time.sleep,
        clock=fake_time.monotonic,
        now=fake_time.now,
        rng=random.Random(1),
    )
    with client:
        yield client


@pytest.fixture
def api_client(
    sample_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> Iterator[OpenBesluitvormingClient]:
    yield from _client_of(sample_api, fake_time)


@pytest.fixture
def council_api(fake_api: FakeOpenBesluitvorming) -> FakeOpenBesluitvorming:
    """The fake API with council records in which the campaign's motion turns up."""
    populate_council_records(fake_api)
    return fake_api


@pytest.fixture
def council_client(
    council_api: FakeOpenBesluitvorming, fake_time: FakeTime
) -> Iterator[OpenBesluitvormingClient]:
    yield from _client_of(council_api, fake_time)
