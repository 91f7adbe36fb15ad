"""Faults: the server killed in the middle of writes, the database gone for a while."""

import http.cookiejar
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

from sqlalchemy import select

from campaign.audit.models import AuditEntry
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.outreach.models import OutreachEntry
from tests.conftest import PASSWORD
from tests.support_servers import ROOT, wait_for


class Browser:
    """A minimal cookie-keeping client that logs in through the real form, CSRF token and all."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> int:
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, body, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def token(self, path: str) -> str:
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.get(path)).group(
            1
        )

    def log_in(self, email: str) -> None:
        status = self.post(
            "/login", {"email": email, "password": PASSWORD, "csrf_token": self.token("/login")}
        )
        assert status == 302


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_server_killed_mid_writes_loses_nothing_committed_and_leaves_nothing_half_written(
    app, seeded, volunteer, database_url, server_factory
):
    server = server_factory(database_url)
    server.start()
    client = Browser(server.url)
    client.log_in(volunteer.email)
    token = client.token("/beheer/gemeenten/zeist")
    committed, ten_done, stop = [], threading.Event(), threading.Event()

    def write() -> None:
        number = 0
        while not stop.is_set() and number < 500:
            number += 1
            data = {
                "csrf_token": token,
                "occurred_on": "2026-11-20",
                "channel": "e-mail",
                "direction": "uitgaand",
                "contact_person": "",
                "with_whom": "griffie",
                "summary": f"schrijf-{number}",
                "follow_up_on": "",
            }
            try:
                status = client.post("/beheer/gemeenten/zeist/contacten", data)
            except OSError:
                return  # the server is gone
            if status == 302:
                committed.append(number)
                if len(committed) == 10:
                    ten_done.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert ten_done.wait(120), "the writes never got going"
    server.kill()
    stop.set()
    writer.join(60)

    server.start()
    after = Browser(server.url)
    after.log_in(volunteer.email)
    assert (
        after.post(
            "/beheer/gemeenten/zeist/contacten",
            {
                "csrf_token": after.token("/beheer/gemeenten/zeist"),
                "occurred_on": "2026-11-21",
                "channel": "telefoon",
                "direction": "inkomend",
                "contact_person": "",
                "with_whom": "",
                "summary": "na de herstart",
                "follow_up_on": "",
            },
        )
        == 302
    )

    db.session.expire_all()
    entries = db.session.scalars(
        select(OutreachEntry).where(OutreachEntry.summary.like("schrijf-%"))
    ).all()
    stored = sorted(int(entry.summary.split("-")[1]) for entry in entries)
    assert set(committed) <= set(stored)  # nothing that was confirmed is lost
    assert len(stored) == len(set(stored))  # nothing twice
    assert len(stored) <= len(committed) + 1  # at most the one request in flight at the kill
    audited = set(
        db.session.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.table_name == "outreach_entries", AuditEntry.action == "create"
            )
        )
    )
    assert {entry.id for entry in entries} <= audited  # every record came with its audit row
    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    assert zeist.status is CampaignStatus.IN_GESPREK


def test_the_database_gone_for_a_while_gives_503_and_the_site_recovers_by_itself(
    cluster, server_factory, tmp_path
):
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "SECRET_KEY": "fault-test-secret",
        "MOTIETRACKER_INSTANCE_PATH": str(tmp_path / "init-instance"),
    }
    init = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "init"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    server = server_factory(cluster.url)
    server.start(ready_path="/healthz")

    cluster.stop()
    for path, kind in (("/healthz", "json"), ("/gemeenten", "html"), ("/api/v1/gemeenten", "json")):
        try:
            urllib.request.urlopen(server.url + path, timeout=10)
            raise AssertionError(f"{path} answered while the database was down")
        except urllib.error.HTTPError as error:
            assert error.code == 503, path
            body = error.read().decode()
            if kind == "json":
                assert '"error":"unavailable"' in body.replace(" ", ""), body
            else:
                assert "De dienst is tijdelijk niet beschikbaar" in body

    cluster.start()
    wait_for(server.url + "/healthz", 200, seconds=30)
    with urllib.request.urlopen(server.url + "/gemeenten", timeout=10) as response:
        assert response.status == 200 and "342 gemeenten" in response.read().decode()
