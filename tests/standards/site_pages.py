"""Every page type of the site, as the HTML and accessibility checkers see it.

`PAGES` is the one list of what the Nu Html Checker (tests/standards/test_html.py) and axe-core
(tests/browser/test_accessibility.py) check. To check a new page, add a line: its path
(placeholders such as `{motie}` come from `build_content` below, which makes one of
everything), who looks at it, and for a page that answers a form, the form. A page that needs
data nobody has made yet gets it in `build_content`.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import select

from campaign.accounts.models import Role, User
from campaign.accounts.services import make_reset_token
from campaign.acting import act_as
from campaign.discovery.models import Lead
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.gemeenten.services import GemeenteDetails, update_details
from campaign.mail.models import MailBatch, OutboxMessage
from campaign.moties.models import Motie
from campaign.outreach.models import ContactPerson
from campaign.reports.models import Report
from tests.conftest import PASSWORD, IsolatedClient
from tests.register.samples import export_bytes, row
from tests.reports.test_reports import report_data

ANONYMOUS, VOLUNTEER, ADMIN = "anonymous", "volunteer", "admin"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str = ANONYMOUS
    status: int = 200
    # Posted instead of a GET: the page a form answers with (a preview, or its errors).
    form: dict[str, Any] | None = None
    # (field, file name, content) for a form that uploads a file.
    upload: tuple[str, str, str] | None = None


FRACTIES_CSV = (
    "gemeente;raadsperiode;fractie;zetels;fractievoorzitter;email\n"
    "GM0355;2026-2030;GroenLinks;9;Anna de Vries;anna@example.org\n"
    "Zeist;2026-2030;VVD;6;Bert;\n"
)
FRACTIES_CSV_WITH_AN_ERROR = FRACTIES_CSV + "Nergenshuizen;2026-2030;D66;4;;\n"
REPORT = report_data()  # a griffier reports Zeist's adoption

PAGES = [
    # The public site
    Page("home", "/"),
    Page("gemeenten", "/gemeenten"),
    Page("gemeenten, searched and filtered", "/gemeenten?q=de&provincie=Utrecht&sorteer=status"),
    Page("gemeenten, a misspelling", "/gemeenten?q=amersfort"),
    Page("gemeente with an adopted motion", "/gemeente/amersfoort"),
    Page("gemeente with a motion of every kind", "/gemeente/zeist"),
    Page("motion for a gemeente", "/gemeente/zeist/motie"),
    Page("embedded map", "/embed/kaart"),
    Page("parties", "/partijen"),
    Page("open data", "/open-data"),
    Page("about the kinderpardon", "/over-het-kinderpardon"),
    Page("colophon", "/colofon"),
    Page("report form", "/meld?gemeente=zeist"),
    Page("report form with errors", "/meld", status=400, form={**REPORT, "reporter_email": "x"}),
    Page("report thanks", "/meld/bedankt"),
    Page("gemeenten with a bad filter", "/gemeenten?sorteer=schoenmaat", status=400),
    Page("error 400", "/gemeente/a%00b", status=400),
    Page("error 404", "/gemeente/bestaat-niet", status=404),
    Page("error 405", "/gemeenten", status=405, form={}),
    Page("error 403", "/beheer/gebruikers", who=VOLUNTEER, status=403),
    # Signing in
    Page("login", "/login"),
    Page("login refused", "/login", status=400, form={"email": "x@example.org", "password": "x"}),
    Page("forgot password", "/wachtwoord-vergeten"),
    Page("reset password", "/wachtwoord-herstellen/{reset_token}"),
    Page("account", "/account", who=VOLUNTEER),
    Page("change password", "/account/wachtwoord", who=VOLUNTEER),
    # /beheer
    Page("dashboard", "/beheer/", who=VOLUNTEER),
    Page("worklist", "/beheer/gemeenten/", who=VOLUNTEER),
    Page("worklist, filtered", "/beheer/gemeenten/?status=in-gesprek", who=VOLUNTEER),
    Page("worklist, earlier council", "/beheer/gemeenten/?vorige_raad=1", who=VOLUNTEER),
    Page("workspace", "/beheer/gemeenten/zeist", who=VOLUNTEER),
    Page("workspace of a seeded gemeente", "/beheer/gemeenten/amersfoort", who=VOLUNTEER),
    Page(
        "workspace after a colleague's save (409)",
        "/beheer/gemeenten/zeist/gegevens",
        who=VOLUNTEER,
        status=409,
        form={"griffie_email": "griffie@zeist.example", "notes": "Mijn versie", "version_id": "0"},
    ),
    Page("all contacts of a gemeente", "/beheer/gemeenten/zeist/tijdlijn", who=VOLUNTEER),
    Page("all changes of a gemeente", "/beheer/gemeenten/zeist/wijzigingen", who=VOLUNTEER),
    Page("fractie edit", "/beheer/gemeenten/zeist/fracties/{fractie}", who=VOLUNTEER),
    Page("contact person edit", "/beheer/gemeenten/zeist/contactpersonen/{person}", who=VOLUNTEER),
    Page("motion form, new", "/beheer/gemeenten/zeist/moties/nieuw", who=VOLUNTEER),
    Page("motion form, edit", "/beheer/gemeenten/zeist/moties/{motie}", who=VOLUNTEER),
    Page(
        "motion form with errors",
        "/beheer/gemeenten/zeist/moties/nieuw",
        who=VOLUNTEER,
        status=400,
        form={"title": "Motie", "voted_on": "2026-13", "outcome": "", "votes_for": "-1"},
    ),
    Page("appeal", "/beheer/oproep?codes=GM0355&codes=GM0307", who=VOLUNTEER),
    Page("appeal batch", "/beheer/oproep/batches/{batch}", who=VOLUNTEER),
    Page("appeal message", "/beheer/berichten/{message}", who=VOLUNTEER),
    Page("reports moderation", "/beheer/meldingen", who=VOLUNTEER),
    Page("differences with the register", "/beheer/register/", who=VOLUNTEER),
    Page("leads from council records", "/beheer/vondsten/", who=VOLUNTEER),
    Page("leads accepted", "/beheer/vondsten/?toon=geaccepteerd", who=VOLUNTEER),
    Page("search terms for leads", "/beheer/vondsten/zoektermen", who=ADMIN),
    Page("users", "/beheer/gebruikers", who=ADMIN),
    Page("edit user", "/beheer/gebruikers/{volunteer}", who=ADMIN),
    Page("import upload", "/beheer/import", who=ADMIN),
    Page(
        "import preview",
        "/beheer/import",
        who=ADMIN,
        form={"kind": "fracties"},
        upload=("file", "fracties.csv", FRACTIES_CSV),
    ),
    Page(
        "import preview with an error",
        "/beheer/import",
        who=ADMIN,
        status=400,
        form={"kind": "fracties"},
        upload=("file", "fracties.csv", FRACTIES_CSV_WITH_AN_ERROR),
    ),
    Page("motion text editor", "/beheer/teksten/motie", who=ADMIN),
    Page("motion text version", "/beheer/teksten/motie/{motie_version}", who=ADMIN),
    Page("appeal text editor", "/beheer/teksten/oproep", who=ADMIN),
    Page("appeal text version", "/beheer/teksten/oproep/{oproep_version}", who=ADMIN),
    Page("background text editor", "/beheer/teksten/achtergrond", who=ADMIN),
    Page("background text version", "/beheer/teksten/achtergrond/{achtergrond_version}", who=ADMIN),
]


@dataclass(frozen=True)
class Fetched:
    page: Page
    url: str
    html: str
    headers: list[tuple[str, str]]


def _zeist() -> Gemeente:
    return db.session.scalars(select(Gemeente).where(Gemeente.slug == "zeist")).one()


def build_content(browsers: dict[str, IsolatedClient], volunteer: User) -> dict[str, Any]:
    """One of everything on the seeded site, made through the forms where that is short:
    Zeist gets details, a fractie, a contact person, a logged contact, a motion with votes, the
    appeal and a report from its griffier; Amersfoort a website that differs from the register's.
    Returns the placeholders of `PAGES`."""
    _differ_from_the_register(browsers[VOLUNTEER].application, volunteer)
    zeist = _zeist()
    zeist.griffie_email = "griffie@zeist.example"
    zeist.website = "https://www.zeist.nl"
    zeist.has_noodopvang = True
    zeist.notes = "Griffier is pas begonnen; eerst bellen."
    # Zeist's council of 2026-2030 comes from the register with the seed.
    council = {f.name: f for f in zeist.fracties if f.raadsperiode == "2026-2030"}
    fractie, other = council["GroenLinks-PvdA"], council["VVD"]
    fractie.leader_name, fractie.leader_email = "Anna de Vries", "anna@zeist.example"
    person = ContactPerson(
        gemeente=zeist, name="Griet Griffier", function="griffier", email="griet@zeist.example"
    )
    db.session.add(person)
    db.session.commit()

    def ok(response: Any) -> None:
        assert response.status_code in (200, 302), response.get_data(as_text=True)[:2000]

    helper = browsers[VOLUNTEER]
    ok(
        helper.post(
            "/beheer/gemeenten/zeist/contacten",
            data={
                "occurred_on": "2026-11-02",
                "channel": "telefoon",
                "direction": "uitgaand",
                "contact_person": str(person.id),
                "with_whom": "griffie",
                "summary": "Griffie stuurt de oproep door aan de fracties.",
                "follow_up_on": "2026-11-16",
            },
        )
    )
    ok(
        helper.post(
            "/beheer/gemeenten/zeist/moties/nieuw",
            data={
                "title": "Motie Pleidooi voor gewortelde kinderen",
                "submitted_on": "2026-11",
                "voted_on": "2026-11-19",
                "outcome": "verworpen",
                "votes_for": "6",
                "votes_against": "12",
                "record_url": "https://zeist.raadsinformatie.example/motie/7",
                "indieners": str(fractie.id),
                "indiener_names": "Anna de Vries",
                f"vote_{fractie.id}": "voor",
                f"vote_{other.id}": "tegen",
                f"vote_{council['D66'].id}": "tegen",
            },
        )
    )
    ok(helper.post("/beheer/oproep", data={"codes": "GM0355"}))
    ok(browsers[ANONYMOUS].post("/meld", data=REPORT))
    db.session.add(
        Lead(
            entity_id="motion:notubiz:gm:zeist:41",
            gemeente=zeist,
            source_key="zeist",
            entity_type="Motion",
            organization="Gemeente Zeist",
            title="M7 Pleidooi voor gewortelde kinderen",
            snippet="… verzoekt het college een pleidooi te houden voor gewortelde kinderen …",
            term="gewortelde kinderen",
            result="aangenomen",
            tally_for=20,
            tally_against=7,
            record_url="https://zeist.raadsinformatie.example/motie/41.pdf",
            web_url="https://openbesluitvorming.example/?view=41",
        )
    )
    db.session.commit()

    def newest(model: Any) -> int:
        return db.session.scalars(select(model.id).order_by(model.id.desc()).limit(1)).one()

    def version(kind: TemplateKind) -> int:
        return db.session.scalars(
            select(TemplateVersion.number).where(TemplateVersion.kind == kind)
        ).first()

    assert db.session.scalars(select(Report)).first() is not None
    return {
        "fractie": fractie.id,
        "person": person.id,
        "motie": db.session.scalars(select(Motie.id).where(Motie.gemeente_id == zeist.id)).one(),
        "batch": newest(MailBatch),
        "message": newest(OutboxMessage),
        "volunteer": volunteer.id,
        "reset_token": make_reset_token(volunteer),
        "motie_version": version(TemplateKind.MOTIE),
        "oproep_version": version(TemplateKind.OPROEP),
        "achtergrond_version": version(TemplateKind.ACHTERGROND),
    }


def _differ_from_the_register(app: Flask, volunteer: User) -> None:
    """A volunteer enters Amersfoort's website, then a newer export says otherwise."""
    amersfoort = db.session.scalars(select(Gemeente).where(Gemeente.slug == "amersfoort")).one()
    act_as(volunteer.id)
    update_details(
        amersfoort,
        GemeenteDetails(
            griffie_email="griffie@amersfoort.example",
            website="https://www.amersfoort.nl/raad",
            has_noodopvang=False,
            notes="",
        ),
        amersfoort.version_id,
    )
    act_as(None)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder, "gemeenten-2026-11-20.csv")
        export.write_bytes(export_bytes(row()))
        result = app.test_cli_runner().invoke(args=["register", "load", str(export)])
    assert result.exit_code == 0 and "conflict: website" in result.output, result.output


def browsers_for(app: Flask, volunteer: User, admin: User) -> dict[str, IsolatedClient]:
    """A browser per kind of visitor, each logged in through the login form."""
    browsers = {
        who: IsolatedClient(app, app.response_class, use_cookies=True)
        for who in (ANONYMOUS, VOLUNTEER, ADMIN)
    }
    for who, user in ((VOLUNTEER, volunteer), (ADMIN, admin)):
        response = browsers[who].post("/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
    return browsers


def _csrf_token(browser: IsolatedClient, url: str) -> str:
    """The token of the form at `url`, as a browser would send it back ("" where none is)."""
    found = re.search(
        r'name="csrf_token"[^>]* value="([^"]+)"', browser.get(url).get_data(as_text=True)
    )
    return found.group(1) if found else ""


def fetch_all(
    app: Flask, make_user: Callable[..., User], pages: list[Page] = PAGES
) -> list[Fetched]:
    """Build the content, then fetch every page as its visitor sees it."""
    volunteer = make_user(Role.VRIJWILLIGER, name="Vera Vrijwilliger", email="vera@example.org")
    admin = make_user(Role.ADMIN, name="Aad Admin", email="aad@example.org")
    browsers = browsers_for(app, volunteer, admin)
    values = build_content(browsers, volunteer)
    # Pages are checked as production serves them: with the CSRF tokens in every form.
    app.config["WTF_CSRF_ENABLED"] = True
    fetched = []
    for page in pages:
        url = page.path.format(**values)
        browser = browsers[page.who]
        if page.form is None:
            response = browser.get(url)
        else:
            data = {**page.form, "csrf_token": _csrf_token(browser, url)}
            if page.upload:
                name, filename, content = page.upload
                data[name] = (io.BytesIO(content.encode("utf-8")), filename)
            response = browser.post(url, data=data, content_type="multipart/form-data")
        html = response.get_data(as_text=True)
        assert response.status_code == page.status, f"{page.name} ({url}): {response.status}"
        assert response.mimetype == "text/html", f"{page.name} ({url}): {response.mimetype}"
        fetched.append(Fetched(page, url, html, list(response.headers.items())))
    return fetched
