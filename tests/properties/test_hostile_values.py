"""Hostile values in every form field and query parameter, public and in /beheer: NUL bytes,
lone surrogates, Unicode digits and huge numbers. Never a 500; a NUL byte is a Dutch 400; and
what is stored is not changed by a refused request. CI runs this on PostgreSQL too, where a
NUL byte used to reach the database."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.reports.models import Report, ReportKind

HOSTILE = st.one_of(
    st.text(alphabet=st.sampled_from("ab1 \x00"), min_size=1, max_size=8).filter(
        lambda text: "\x00" in text
    ),
    st.sampled_from(["²", "٣", "１２", "⅕", "-0", "1e9", "0x10", "\ud800", "a\udfffb"]),
    st.integers(min_value=10**12, max_value=10**40).map(str),
    st.just("9" * 5000),
)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))

# Each form with the fields it posts: the hostile value replaces one of them.
FORMS = {
    "/login": ["email", "password", "remember"],
    "/wachtwoord-vergeten": ["email"],
    "/meld": [
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
        "website",
    ],
    "/beheer/gemeenten/zeist/gegevens": [
        "griffie_email",
        "website",
        "has_noodopvang",
        "notes",
        "version_id",
    ],
    "/beheer/gemeenten/zeist/status": ["status", "reason", "version_id"],
    "/beheer/gemeenten/zeist/fracties": [
        "name",
        "raadsperiode",
        "seats",
        "leader_name",
        "leader_email",
    ],
    "/beheer/gemeenten/zeist/contacten": [
        "occurred_on",
        "channel",
        "direction",
        "contact_person",
        "with_whom",
        "summary",
        "follow_up_on",
    ],
    "/beheer/gemeenten/zeist/contactpersonen": ["name", "function", "email", "phone", "notes"],
    "/beheer/gemeenten/zeist/moties/nieuw": [
        "title",
        "submitted_on",
        "voted_on",
        "outcome",
        "votes_for",
        "votes_against",
        "record_url",
        "indieners",
        "indiener_names",
        "notes",
    ],
    "/beheer/gemeenten/toewijzen": ["codes", "volunteer", "terug"],
    "/beheer/gebruikers": ["name", "email", "role"],
    "/beheer/oproep": ["codes", "status", "provincie", "fractievoorzitters"],
    "/beheer/teksten/oproep": ["subject", "body", "note", "based_on", "preview_gemeente", "actie"],
    "/beheer/meldingen/1/afwijzen": ["reason", "version_id"],
    "/beheer/import/bevestigen": ["kind", "content"],
}
VALID = {
    "/login": {"email": "niemand@example.org", "password": "fout wachtwoord"},
    "/meld": {
        "gemeente": "zeist",
        "kind": "ingediend",
        "reporter_name": "Anna",
        "reporter_role": "raadslid",
        "reporter_email": "anna@example.org",
    },
    "/beheer/gemeenten/zeist/gegevens": {"notes": "Bewaard", "version_id": "1"},
    "/beheer/gemeenten/zeist/status": {"status": "in-gesprek", "reason": "Gesprek"},
    "/beheer/gemeenten/zeist/fracties": {"name": "D66", "raadsperiode": "2026-2030"},
    "/beheer/gemeenten/zeist/contacten": {
        "occurred_on": "2026-01-05",
        "channel": "telefoon",
        "direction": "uitgaand",
    },
    "/beheer/teksten/oproep": {"subject": "Oproep", "body": "Tekst", "actie": "voorbeeld"},
}
QUERIES = {
    "/gemeenten": ["q", "provincie", "status", "sorteer", "volgorde"],
    "/beheer/gemeenten/": ["q", "provincie", "status", "vrijwilliger", "opvolgen", "sorteer"],
    "/gemeente/zeist/motie": [
        "datum",
        "fracties",
        "fractie",
        "raadsleden",
        "noodopvang",
        "agendapunt",
        "lokaal",
    ],
    "/gemeente/zeist/motie.docx": ["datum", "fracties", "raadsleden", "noodopvang"],
    "/gemeente/zeist/motie/voorbeeld": ["datum", "fractie", "lokaal", "noodopvang"],
    "/beheer/oproep": ["codes", "status", "provincie", "fractievoorzitters"],
    "/login": ["next"],
    "/api/v1/gemeenten": ["q"],
}


def encoded(fields: dict[str, str]) -> bytes:
    """A form body as a browser would send it; a lone surrogate goes as its raw bytes."""
    return "&".join(
        f"{quote(name)}={quote(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in fields.items()
    ).encode("ascii")


def stored_state() -> tuple:
    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    db.session.refresh(zeist)
    return (zeist.notes, zeist.griffie_email, zeist.website, zeist.version_id)


@pytest.fixture
def logged_in(app, client, login, admin, seeded):
    zeist = db.session.scalar(select(Gemeente).where(Gemeente.slug == "zeist"))
    db.session.add(
        Report(
            gemeente=zeist,
            kind=ReportKind.INGEDIEND,
            reporter_name="Anna",
            reporter_role="raadslid",
            reporter_email="anna@example.org",
        )
    )
    db.session.commit()
    login(admin)
    return client


def test_every_form_field(logged_in):
    client = logged_in

    @given(
        form=st.sampled_from(sorted(FORMS)),
        index=st.integers(min_value=0, max_value=20),
        value=HOSTILE,
    )
    @SETTINGS
    def check(form, index, value):
        fields = FORMS[form]
        field = fields[index % len(fields)]
        before = stored_state()
        data = {**VALID.get(form, {}), field: value}
        response = client.post(
            form, data=encoded(data), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500, (form, field, value[:20], response.status_code)
        if "\x00" in value:
            assert response.status_code == 400
            assert "NUL-teken" in response.get_data(as_text=True)
        if response.status_code >= 400:
            assert stored_state() == before

    check()


def test_every_query_parameter(logged_in):
    client = logged_in

    @given(
        page=st.sampled_from(sorted(QUERIES)),
        index=st.integers(min_value=0, max_value=20),
        value=HOSTILE,
    )
    @SETTINGS
    def check(page, index, value):
        names = QUERIES[page]
        name = names[index % len(names)]
        query = f"{quote(name)}={quote(value.encode('utf-8', 'surrogatepass'))}"
        response = client.get(f"{page}?{query}")
        assert response.status_code < 500, (page, name, value[:20], response.status_code)
        if "\x00" in value:
            assert response.status_code == 400

    check()
