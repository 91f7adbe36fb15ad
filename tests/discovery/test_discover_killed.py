"""`flask discover` killed with SIGKILL in the middle of a run, then run again: it resumes the
same run, skips what was done, and stores nothing twice. Real processes, on loopback only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from campaign.discovery.models import DiscoveryHit, DiscoveryRun, Lead, RunState
from campaign.extensions import db
from tests.discovery.council_world import (
    AMERSFOORT_MOTION,
    CENTRUM_DOCUMENT,
    HOUTEN_MOTION,
    SOEST_LETTER,
    WEESP_DOCUMENT,
    populate_council_records,
)
from tests.discovery.fake_answers import Answer
from tests.discovery.fake_server import FakeOpenBesluitvorming, running
from tests.support_servers import ROOT

SOEST_MEETING_PATH = "/api/entities/meeting:ibabs:gemeente:soest:mt-5"


@pytest.fixture
def live_api() -> Iterator[FakeOpenBesluitvorming]:
    """The council records on a fake API that keeps real time, as a separate process sees it."""
    fake = FakeOpenBesluitvorming()
    populate_council_records(fake)
    yield from running(fake)


def discover(database_url: str, api_url: str, instance: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "discover-test-secret",
        "MOTIETRACKER_INSTANCE_PATH": instance,
        "MOTIETRACKER_OPENBESLUITVORMING_URL": api_url,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "app", "discover", "--since", "2021-01-01"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_a_killed_run_resumes_and_stores_nothing_twice(seeded, database_url, live_api, tmp_path):
    db.session.remove()
    arrived, gate = threading.Event(), threading.Event()
    live_api.queue(SOEST_MEETING_PATH, Answer(200, {}, gate=gate, arrived=arrived))

    first = discover(database_url, live_api.url, str(tmp_path / "instance"))
    try:
        # The run has searched the motions and stored two leads, has found the letter among
        # the documents, and now waits for the letter's meeting: kill it there.
        assert arrived.wait(timeout=120), first.stdout.read() if first.stdout else ""
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=30) == -signal.SIGKILL
    finally:
        gate.set()
        first.kill()
    output = first.stdout.read() if first.stdout else ""
    assert "new lead: Houten" in output and "klaar" not in output

    run = db.session.scalar(select(DiscoveryRun))
    assert run.state is RunState.BEZIG
    assert {lead.entity_id for lead in db.session.scalars(select(Lead))} == {
        HOUTEN_MOTION,
        AMERSFOORT_MOTION,
    }
    db.session.remove()
    before = len(live_api.requests)

    second = discover(database_url, live_api.url, str(tmp_path / "instance"))
    output, _ = second.communicate(timeout=120)

    assert second.returncode == 0, output
    assert f"Resuming run {run.id} where it stopped." in output
    assert f"Run {run.id} (nationwide): klaar." in output
    db.session.expire_all()
    assert db.session.scalar(select(DiscoveryRun.state)) is RunState.KLAAR
    assert db.session.scalar(select(func.count()).select_from(DiscoveryRun)) == 1
    leads = list(db.session.scalars(select(Lead)))
    assert sorted(lead.entity_id for lead in leads) == sorted(
        [HOUTEN_MOTION, AMERSFOORT_MOTION, SOEST_LETTER, CENTRUM_DOCUMENT, WEESP_DOCUMENT]
    )
    hits = list(db.session.scalars(select(DiscoveryHit.entity_id)))
    assert len(hits) == len(set(hits))
    resumed = live_api.requests[before:]
    # Only the documents are searched again, and no record stored before is fetched again.
    assert [r.params["entityType"] for r in resumed if r.path == "/api/search"] == ["Document"]
    fetched = [r.path for r in resumed if r.path.startswith("/api/entities/")]
    assert f"/api/entities/{HOUTEN_MOTION}" not in fetched
    assert f"/api/entities/{AMERSFOORT_MOTION}" not in fetched
