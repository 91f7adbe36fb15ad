"""Schemathesis: every response of /api/v1 matches its OpenAPI description, for generated input."""

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
