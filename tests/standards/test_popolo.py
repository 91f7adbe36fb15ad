"""moties.json against the Popolo project's own JSON schemas (draft-03), with format checking.

The schemas are the `schemas/` folder of github.com/popolo-project/popolo-spec (CC BY 4.0), kept
unchanged in `tests/standards/popolo/` (its README names the commit); their `$ref`s are resolved
there, without the internet.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft3Validator
from referencing import Registry
from referencing.jsonschema import DRAFT3

from campaign.extensions import db
from campaign.moties.models import Motie, Outcome
from campaign.publiek.popolo import as_uri

BASE = "http://www.popoloproject.com/schemas/"


SCHEMAS = Path(__file__).parent / "popolo"


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, Any]]:
    loaded = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        loaded[schema["id"].rstrip("#")] = schema
    return loaded


@pytest.fixture(scope="module")
def validator_for(schemas):
    registry = Registry().with_resources(
        (uri, DRAFT3.create_resource(schema)) for uri, schema in schemas.items()
    )
    format_checker = Draft3Validator.FORMAT_CHECKER
    # Without rfc3339-validator installed, jsonschema skips date-time silently.
    assert "date-time" in format_checker.checkers and "uri" in format_checker.checkers

    def validator(name: str) -> Draft3Validator:
        return Draft3Validator(
            schemas[BASE + name], registry=registry, format_checker=format_checker
        )

    return validator


def fields_outside(instance: Any, schema: dict, schemas: dict, path: str) -> Iterator[str]:
    """Fields the schemas do not define: they allow any, but a Popolo reader knows none."""
    if "$ref" in schema:
        schema = schemas[schema["$ref"].rstrip("#")]
    if isinstance(instance, dict) and "properties" in schema:
        for key, value in instance.items():
            if key not in schema["properties"]:
                yield f"{path}.{key}"
            else:
                yield from fields_outside(
                    value, schema["properties"][key], schemas, f"{path}.{key}"
                )
    elif isinstance(instance, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(instance):
            yield from fields_outside(item, schema["items"], schemas, f"{path}[{index}]")


def errors_of(validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def test_the_checker_knows_a_partial_date_is_no_date_time(validator_for):
    motion = validator_for("motion.json")
    assert errors_of(motion, {"date": "2025-03"}) == ["date: '2025-03' is not a 'date-time'"]
    assert errors_of(motion, {"vote_events": [{"group_results": [{"group": {}}]}]}) == [
        "vote_events/0/group_results/0/result: 'result' is a required property"
    ]
    assert errors_of(validator_for("event.json"), {"start_date": "2025-03"}) == []
    assert errors_of(validator_for("link.json"), {"url": "zeist.nl/motie 12"}) == [
        "url: 'zeist.nl/motie 12' is not a 'uri'"
    ]


LISTS = {"organizations": "organization.json", "events": "event.json", "motions": "motion.json"}


def test_moties_json_passes_the_popolo_schemas(client, seeded, schemas, validator_for):
    data = client.get("/open-data/moties.json").get_json()
    assert set(data) == {"license", "generated_at", *LISTS}
    assert (
        errors_of(
            Draft3Validator({"format": "date-time"}, format_checker=Draft3Validator.FORMAT_CHECKER),
            data["generated_at"],
        )
        == []
    )

    problems = {}
    for name, schema in LISTS.items():
        validator = validator_for(schema)
        assert data[name], f"{name} is empty"
        for index, item in enumerate(data[name]):
            found = errors_of(validator, item)
            found += fields_outside(item, schemas[BASE + schema], schemas, "")
            if found:
                problems[f"{name}[{index}] {item.get('id')}"] = found
    assert problems == {}


def test_every_id_that_moties_json_names_is_in_it(client, seeded):
    data = client.get("/open-data/moties.json").get_json()
    organizations = {o["id"]: o for o in data["organizations"]}
    events = {e["id"]: e for e in data["events"]}
    assert len(organizations) == len(data["organizations"]) and len(events) == len(data["events"])
    named_organizations, named_events = set(), set()
    for motion in data["motions"]:
        named_organizations.add(motion["organization_id"])
        named_events.add(motion.get("legislative_session_id"))
        for vote_event in motion["vote_events"]:
            assert vote_event["motion_id"] == motion["id"]
            named_organizations.add(vote_event["organization_id"])
            named_events.add(vote_event.get("legislative_session_id"))
            named_organizations |= {vote["voter_id"] for vote in vote_event["votes"]}
    named_organizations |= {o["parent_id"] for o in organizations.values() if "parent_id" in o}
    named_organizations |= {e["organization_id"] for e in events.values()}
    named_events.discard(None)
    # Each is listed once, and nothing is listed that no motion needs.
    assert named_organizations == set(organizations) and named_events == set(events)


def test_a_link_typed_with_spaces_and_accents_becomes_a_valid_uri(
    client, make_gemeente, validator_for
):
    gemeente = make_gemeente(name="Súdwest-Fryslân", cbs_code="GM1900", slug="sudwest-fryslan")
    db.session.add(
        Motie(
            gemeente=gemeente,
            outcome=Outcome.AANGENOMEN,
            record_url="https://raad.súdwest-fryslân.nl/besluit 12/überweg?q=ja nee#deel 2",
        )
    )
    db.session.commit()

    (motion,) = client.get("/open-data/moties.json").get_json()["motions"]

    assert errors_of(validator_for("motion.json"), motion) == []
    assert motion["sources"][0]["url"] == (
        "https://raad.xn--sdwest-frysln-teb26a.nl/besluit%2012/%C3%BCberweg?q=ja%20nee#deel%202"
    )


def test_a_link_that_is_no_url_at_all_still_becomes_a_valid_uri(validator_for):
    link = validator_for("link.json")
    for typed in ("https://[x/besluit", "https://raad.nl/a b", "https://raad.nl/ü?q=ä#ö"):
        assert errors_of(link, {"url": as_uri(typed)}) == [], typed
