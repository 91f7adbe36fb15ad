"""Schemathesis: every response of /api/v1 matches its OpenAPI description, for generated input,
and answers HTTP as RFC 9110 says (the 405 with its Allow header, among others)."""

import subprocess  # nosec B404: runs schemathesis' own command line
import sys
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings

from campaign.seeding import seed_gemeenten
from tests.conftest import SEED_DATA


def test_the_api_keeps_its_promises(app):
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} == {"/gemeenten", "/gemeenten/{key}"}
    statuses = set()

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            # The WSGI transport does not unpack gzip as an HTTP client would: ask for none.
            response = case.call_and_validate(headers={"Accept-Encoding": "identity"})
            statuses.add(response.status_code)

        check()
    assert statuses <= {200, 404}


# Schemathesis' own configuration: fail on its warnings too, such as every example answering 404
# (the path parameter's examples in the OpenAPI description prevent that).
CONFIG = """
[warnings]
fail-on = ["missing_test_data"]
"""


def test_schemathesis_run_with_every_check_passes(live_server, seeded, tmp_path):
    """What `schemathesis run --checks all` says of the API on a live server: its examples,
    coverage (the edges of every parameter, unsupported methods, missing values) and
    fuzzing phases, positive and negative input, with every check it has."""
    (tmp_path / "schemathesis.toml").write_text(CONFIG, encoding="utf-8")
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{live_server}/api/v1/openapi.json",
        "--checks=all",
        "--mode=all",
        "--phases=examples,coverage,fuzzing",
        "--max-examples=100",
        "--seed=2026",
        "--generation-database=none",
        "--no-color",
    ]
    result = subprocess.run(  # nosec B603: fixed arguments
        command, cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Examples" in result.stdout and "No issues found" in result.stdout


def test_a_405_names_the_allowed_methods_on_pages_and_in_the_api(client, seeded):
    for path in ("/gemeenten", "/api/v1/gemeenten", "/open-data/moties.json"):
        response = client.delete(path)
        assert response.status_code == 405, path
        assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}, path
