"""Hypothesis throws arbitrary text at every public form, query parameter, API parameter and
import column: never a 500, and never the text back as markup."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign.seeding import seed_gemeenten, seed_templates
from campaign.transfer.services import COLUMNS, ImportKind, plan_import
from tests.conftest import SEED_DATA

MARKER = "<i>"
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("<>&\"'{}%;,\n\r\t\x00"),
    max_size=60,
)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def assert_safe(response, typed):
    assert response.status_code < 500, (response.status_code, typed)
    if response.mimetype == "text/html":
        assert MARKER + typed not in response.get_data(as_text=True)


def test_public_pages_and_their_parameters(app, client):
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")
    seed_templates(SEED_DATA / "templates")
    pages = [
        "/gemeenten",
        "/gemeente/zeist/motie",
        "/gemeente/zeist/motie/voorbeeld",
        "/gemeente/zeist/motie.docx",
    ]
    parameters = [
        "q",
        "provincie",
        "status",
        "sorteer",
        "volgorde",
        "datum",
        "fracties",
        "raadsleden",
        "noodopvang",
        "agendapunt",
        "lokaal",
        "fractie",
    ]

    @given(page=st.sampled_from(pages), name=st.sampled_from(parameters), value=TEXT)
    @FAST
    def check(page, name, value):
        assert_safe(client.get(page, query_string={name: MARKER + value}), value)

    check()


def test_api_keys_and_gemeente_paths(app, client):
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")

    @given(value=st.text(alphabet=string.printable, min_size=1, max_size=40))
    @FAST
    def check(value):
        key = value.replace("/", "").replace("?", "").replace("#", "") or "x"
        response = client.get(f"/api/v1/gemeenten/{key}")
        assert response.status_code in (200, 404) and response.is_json
        assert_safe(client.get(f"/gemeente/{key}"), key)

    check()


def test_the_report_form(app, client):
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")
    fields = [
        "gemeente",
        "kind",
        "event_date",
        "record_url",
        "votes_for",
        "votes_against",
        "fracties_voor",
        "message",
        "reporter_name",
        "reporter_role",
        "reporter_email",
    ]

    @given(field=st.sampled_from(fields), value=TEXT)
    @FAST
    def check(field, value):
        data = {
            "gemeente": "zeist",
            "kind": "ingediend",
            "reporter_name": "X",
            "reporter_role": "raadslid",
            "reporter_email": "x@example.org",
            field: MARKER + value,
        }
        assert_safe(client.post("/meld", data=data), value)

    check()


def test_the_login_and_password_forms(app, client):
    @given(email=TEXT, password=TEXT)
    @FAST
    def check(email, password):
        assert_safe(
            client.post("/login", data={"email": MARKER + email, "password": password}), email
        )
        assert_safe(client.post("/wachtwoord-vergeten", data={"email": MARKER + email}), email)

    check()


def test_every_import_column(app):
    seed_gemeenten(SEED_DATA / "gemeenten_2025.csv")

    @given(kind=st.sampled_from(list(ImportKind)), column=st.integers(0, 5), value=TEXT)
    @FAST
    def check(kind, column, value):
        columns = COLUMNS[kind]
        row = ["GM0355", "2026-2030", "GroenLinks", "3", "Anna", "a@example.org"][: len(columns)]
        row[column % len(columns)] = value.replace(";", "")
        text = ";".join(columns) + "\n" + ";".join(row) + "\n"
        try:
            plan = plan_import(kind, text)
        except Exception as error:  # only our own Dutch refusals are acceptable
            assert type(error).__name__ == "UserError", error
        else:
            assert all(row.errors or row.action for row in plan.rows)

    check()
