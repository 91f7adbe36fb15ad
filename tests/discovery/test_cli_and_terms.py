"""`flask discover` on the terminal, and the search terms admins add."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from campaign.discovery.models import DiscoveryRun, DiscoveryTerm, RunState
from campaign.discovery.runs import RunOptions
from campaign.discovery.searching import run_discovery
from campaign.extensions import db


@pytest.fixture
def discover(app, runner, council_api):
    app.config["OPENBESLUITVORMING_URL"] = council_api.url
    return lambda *args: runner.invoke(args=["discover", *args])


def test_discover_shows_progress_and_a_summary(seeded, discover):
    result = discover("--since", "2021-01-01")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Coverage: 8 sources, 4 gemeenten searchable." in lines
    assert "motions “gewortelde kinderen” nationwide: 2 hits, 2 new" in lines
    assert "  new lead: Houten: M12 Pleidooi voor gewortelde kinderen (aangenomen, 9-4)" in lines
    assert "Run 1 (nationwide): klaar." in lines
    assert "  Gemeenten searched:  4 (338 without records in Open Besluitvorming)" in lines
    assert "  Requests:            9 (9 units of the API's budget)" in result.output
    assert "  New leads:           5" in lines
    assert "    never imported: nothing to search: dongen" in lines
    assert "    waterschap, not a gemeente of today: hdsr" in lines
    assert "  Hits skipped (hdsr: not a gemeente of today): 1" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2999-01-01"], "Invalid value for --since: lies in the future"),
        (["--since", "12-03-2025"], "Invalid value for '--since'"),
        (["--gemeente", "atlantis"], "Invalid value for --gemeente: unknown gemeente 'atlantis'"),
        (["--strategy", "sometimes"], "Invalid value for '--strategy'"),
    ],
)
def test_discover_refuses_bad_options(seeded, discover, council_api, args, message):
    result = discover(*args)

    assert result.exit_code == 2 and message in result.output
    assert council_api.requests == []


def test_discover_refuses_an_address_that_is_not_http(app, runner):
    app.config["OPENBESLUITVORMING_URL"] = "file:///etc/passwd"
    result = runner.invoke(args=["discover"])
    assert result.exit_code == 2
    assert "MOTIETRACKER_OPENBESLUITVORMING_URL must be an http(s) address" in result.output


def test_discover_for_two_gemeenten_by_code_and_slug(seeded, discover, council_api):
    result = discover("--gemeente", "GM0321", "--gemeente", "amersfoort", "--since", "2021-01-01")

    assert result.exit_code == 0, result.output
    searched = {r.params["organization"] for r in council_api.requests_to("/api/search")}
    assert searched == {"houten", "amersfoort"}
    assert db.session.scalar(select(DiscoveryRun.gemeente_codes)) == "GM0307 GM0321"


def test_the_default_url_is_the_public_api(app):
    assert app.config["OPENBESLUITVORMING_URL"] == "https://openbesluitvorming.nl"


def test_the_url_comes_from_the_environment(make_app, monkeypatch, database_url):
    monkeypatch.setenv("MOTIETRACKER_OPENBESLUITVORMING_URL", "http://127.0.0.1:8765")
    assert make_app(SQLALCHEMY_DATABASE_URI=database_url).config["OPENBESLUITVORMING_URL"] == (
        "http://127.0.0.1:8765"
    )


def add_term(client, text: str):
    return client.post("/beheer/vondsten/zoektermen", data={"text": text})


def test_an_admin_adds_a_term_and_the_next_run_searches_it_over_all_dates(
    client, login, admin, seeded, council_api, council_client
):
    run_discovery(council_client, RunOptions())
    login(admin)

    response = add_term(client, "  kinderpardon   motie ")
    assert response.status_code == 302
    page = client.get("/beheer/vondsten/zoektermen").get_data(as_text=True)
    assert "Zoekterm “kinderpardon motie” toegevoegd" in page

    summary = run_discovery(council_client, RunOptions())

    assert summary.since is not None
    searches = [r.params for r in council_api.requests_to("/api/search")][-4:]
    assert [(p["query"], p.get("dateFrom")) for p in searches] == [
        ("gewortelde kinderen", str(summary.since)),
        ("kinderpardon motie", None),
        ("gewortelde kinderen", str(summary.since)),
        ("kinderpardon motie", None),
    ]


def test_a_term_inside_another_is_listed_but_costs_nothing(client, login, admin):
    login(admin)
    assert add_term(client, "verblijfsregeling gewortelde kinderen").status_code == 302

    page = client.get("/beheer/vondsten/").get_data(as_text=True)
    covered = '<span class="hint">(al gevonden met “gewortelde kinderen”)'
    assert f"“verblijfsregeling gewortelde kinderen” {covered}" in page
    assert f"“Pleidooi voor gewortelde kinderen” {covered}" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kinderen", "Gebruik minstens twee woorden"),
        ("“…” !!", "Een zoekterm heeft letters of cijfers nodig"),
        ("Kinderen, gewortelde", "“Kinderen, gewortelde” wordt al gezocht."),
        ("x" * 101, "Hoogstens 100 tekens."),
        ("", "Vul een zoekterm in."),
    ],
)
def test_a_term_that_would_not_work_is_refused(client, login, admin, text, message):
    login(admin)
    response = add_term(client, text)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(DiscoveryTerm)) is None


def test_an_admin_removes_a_term(client, login, admin):
    login(admin)
    add_term(client, "kinderpardon motie")
    term = db.session.scalar(select(DiscoveryTerm))

    response = client.post(f"/beheer/vondsten/zoektermen/{term.id}/verwijderen")

    assert response.status_code == 302
    assert db.session.scalar(select(DiscoveryTerm)) is None


def test_only_admins_set_terms(client, login, volunteer):
    login(volunteer)
    assert client.get("/beheer/vondsten/zoektermen").status_code == 403
    assert add_term(client, "kinderpardon motie").status_code == 403


def test_a_run_started_while_the_api_is_down_is_resumed_later(seeded, council_api, council_client):
    from tests.discovery.fake_answers import Answer

    council_api.queue("/api/status", *[Answer(502, raw=b"down", content_type="text/plain")] * 4)
    broken = run_discovery(council_client, RunOptions(since=date(2021, 1, 1)))
    assert broken.state is RunState.ONDERBROKEN

    resumed = run_discovery(council_client, RunOptions())

    assert (resumed.resumed, resumed.run_id, resumed.since) == (
        True,
        broken.run_id,
        date(2021, 1, 1),
    )
    assert resumed.new_leads == 5
