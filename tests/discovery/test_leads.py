"""/beheer/vondsten: a volunteer reads what the search found and accepts or dismisses it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from campaign.audit.models import AuditEntry
from campaign.dates import PartialDate
from campaign.discovery.models import Lead, LeadState
from campaign.discovery.runs import RunOptions
from campaign.discovery.searching import run_discovery
from campaign.discovery.services import count_waiting_leads
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente, StatusChange
from campaign.moties.models import Motie, Outcome, Vote
from campaign.outreach.models import Direction, OutreachEntry
from tests.conftest import PASSWORD
from tests.discovery.council_world import (
    AMERSFOORT_MOTION,
    HOUTEN_MOTION,
    HOUTEN_RECORD_URL,
    SOEST_LETTER,
)


@pytest.fixture
def found(seeded, council_client) -> dict[str, Lead]:
    run_discovery(council_client, RunOptions(since=date(2021, 1, 1)))
    return {lead.entity_id: lead for lead in db.session.scalars(select(Lead))}


@pytest.fixture
def houten(found, make_fractie) -> Gemeente:
    gemeente = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0321"))
    # Houten's council of 2022-2026 comes from the register; the record names one more party.
    make_fractie(gemeente, "Partij ITH", seats=3)
    return gemeente


def accept(client, lead: Lead, motie: str = "nieuw", **extra):
    data = {"version_id": lead.version_id, "motie": motie}
    data.update(extra)
    return client.post(f"/beheer/vondsten/{lead.id}/accepteren", data=data)


def test_the_page_shows_each_lead_with_what_the_record_says(client, login, volunteer, found):
    login(volunteer)
    page = client.get("/beheer/vondsten/").get_data(as_text=True)

    assert "M12 Pleidooi voor gewortelde kinderen" in page
    assert "Motie aangenomen (aangenomen)" in page
    assert "9 voor, 4 tegen" in page and "Fractie CDA: 3 voor, 0 tegen" in page
    assert "Aangenomen met 26 stemmen voor en 8 tegen." in page
    assert f'href="{HOUTEN_RECORD_URL}"' in page
    # The record's snippet is third-party text: its markup is shown, never run.
    assert "Brief KinderpardonNU &lt;b&gt;gewortelde&lt;/b&gt; kinderen" in page
    assert "<b>gewortelde</b>" not in page
    assert "javascript:" not in page
    # Where finding nothing means nothing.
    assert "Raadsinformatie: import mislukt" in page
    assert "Van <strong>338</strong> gemeenten heeft Open Besluitvorming niets" in page


def test_count_waiting_leads(found):
    assert count_waiting_leads() == 5


def test_accepting_a_lead_records_the_motion_its_votes_and_the_status(
    client, login, volunteer, houten, found
):
    login(volunteer)
    lead = found[HOUTEN_MOTION]

    response = accept(client, lead)

    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Vondst vastgelegd: Houten staat nu op aangenomen." in page
    motie = db.session.scalar(select(Motie).where(Motie.gemeente_id == houten.id))
    assert (motie.title, motie.outcome, motie.voted_on) == (
        "M12 Pleidooi voor gewortelde kinderen",
        Outcome.AANGENOMEN,
        PartialDate(2025, 4, 10),
    )
    assert (motie.votes_for, motie.votes_against, motie.record_url) == (9, 4, HOUTEN_RECORD_URL)
    assert {s.fractie.name: s.vote for s in motie.stemmingen} == {
        "GroenLinks": Vote.VOOR,
        "CDA": Vote.VOOR,
        "VVD": Vote.VERDEELD,
        "Partij ITH": Vote.TEGEN,
    }
    assert [f.name for f in motie.indieners] == ["CDA", "GroenLinks"]
    assert motie.source.startswith(
        "Open Besluitvorming, Houten: motie “M12 Pleidooi voor gewortelde kinderen” "
        f"(10 april 2025); vondst {lead.id}, gecontroleerd op "
    )
    assert "Vera" not in motie.source  # shown in public
    db.session.refresh(lead)
    assert (lead.state, lead.handled_by, lead.motie) == (LeadState.GEACCEPTEERD, volunteer, motie)
    entry = db.session.scalar(select(OutreachEntry).where(OutreachEntry.gemeente_id == houten.id))
    assert entry.direction is Direction.INKOMEND and entry.logged_by == volunteer
    assert HOUTEN_RECORD_URL in entry.summary
    db.session.refresh(houten)
    assert houten.status is CampaignStatus.AANGENOMEN
    change = db.session.scalar(select(StatusChange).where(StatusChange.gemeente_id == houten.id))
    assert change.changed_by == volunteer
    audited = set(
        db.session.execute(
            select(AuditEntry.table_name, AuditEntry.actor_id).where(
                AuditEntry.gemeente_id == houten.id, AuditEntry.occurred_at >= lead.found_at
            )
        )
    )
    for table in ("moties", "stemmingen", "discovery_leads", "outreach_entries"):
        assert (table, volunteer.id) in audited
    assert count_waiting_leads() == 4


def test_accepting_into_a_recorded_motion_fills_gaps_and_overwrites_nothing(
    client, login, volunteer, found
):
    login(volunteer)
    lead = found[AMERSFOORT_MOTION]
    seeded_motie = db.session.scalar(
        select(Motie).where(Motie.seed_key == "oproep-2025-amersfoort")
    )

    page = client.get("/beheer/vondsten/?gemeente=amersfoort").get_data(as_text=True)
    # The seeded adoption of March 2025 is suggested, not a new motion.
    assert f'<option value="{seeded_motie.id}" selected>' in page

    response = accept(client, lead, str(seeded_motie.id), gemeente="amersfoort")

    assert response.headers["Location"].endswith("/beheer/vondsten/?gemeente=amersfoort")
    db.session.refresh(seeded_motie)
    assert seeded_motie.voted_on == PartialDate(2025, 3, 11)  # the month now has its day
    assert (seeded_motie.votes_for, seeded_motie.votes_against) == (26, 8)
    assert seeded_motie.source.startswith("Oproep van KinderpardonNU")
    assert "aangevuld uit Open Besluitvorming" in seeded_motie.source
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(Motie)
            .where(Motie.gemeente_id == seeded_motie.gemeente_id)
        )
        == 1
    )


def test_what_a_volunteer_recorded_is_kept_and_the_difference_reported(
    client, login, volunteer, houten, found
):
    login(volunteer)
    motie = Motie(gemeente=houten, outcome=Outcome.VERWORPEN, voted_on=PartialDate(2025, 4, 10))
    db.session.add(motie)
    db.session.commit()

    response = accept(client, found[HOUTEN_MOTION], str(motie.id))

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        "Niet overgenomen, omdat er al iets anders was vastgelegd: uitslag verworpen "
        "(de vondst zegt aangenomen)" in page
    )
    db.session.refresh(motie)
    assert motie.outcome is Outcome.VERWORPEN and motie.votes_for is None
    assert motie.record_url == HOUTEN_RECORD_URL


def test_a_refused_acceptance_stores_nothing(client, login, volunteer, found):
    login(volunteer)
    lead = found[HOUTEN_MOTION]
    lead.tally_for, lead.tally_against = 2, 11  # an adopted motion with more votes against
    db.session.commit()

    response = accept(client, lead)

    assert response.status_code == 400
    assert "Een aangenomen motie heeft meer stemmen voor dan tegen." in response.get_data(
        as_text=True
    )
    db.session.refresh(lead)
    assert lead.state is LeadState.NIEUW
    assert db.session.scalar(select(func.count()).select_from(OutreachEntry)) == 0
    assert (
        db.session.scalar(
            select(func.count()).select_from(Motie).where(Motie.gemeente_id == lead.gemeente_id)
        )
        == 0
    )


def test_a_lead_is_handled_once(client, login, volunteer, make_browser, found):
    login(volunteer)
    lead = found[SOEST_LETTER]
    seen_version = lead.version_id
    assert (
        client.post(
            f"/beheer/vondsten/{lead.id}/afwijzen",
            data={"version_id": seen_version, "reason": "Alleen de brief bij de ingekomen stukken"},
        ).status_code
        == 302
    )

    stale = accept(client, lead, version_id=seen_version)
    current = accept(client, lead)

    assert stale.status_code == 409
    assert "Deze vondst is intussen door iemand anders gewijzigd." in stale.get_data(as_text=True)
    assert current.status_code == 400
    assert "Deze vondst is al afgehandeld." in current.get_data(as_text=True)
    db.session.refresh(lead)
    assert lead.state is LeadState.AFGEWEZEN
    assert lead.dismissal_reason == "Alleen de brief bij de ingekomen stukken"


def test_dismissing_needs_a_reason(client, login, volunteer, found):
    login(volunteer)
    lead = found[SOEST_LETTER]

    response = client.post(
        f"/beheer/vondsten/{lead.id}/afwijzen", data={"version_id": lead.version_id, "reason": " "}
    )

    assert response.status_code == 400
    assert "Geef een reden op." in response.get_data(as_text=True)
    db.session.refresh(lead)
    assert lead.state is LeadState.NIEUW


def test_a_motion_of_another_gemeente_is_refused(client, login, volunteer, found):
    login(volunteer)
    other = db.session.scalar(select(Motie).where(Motie.seed_key == "oproep-2025-amsterdam"))

    response = accept(client, found[HOUTEN_MOTION], str(other.id))

    assert response.status_code == 400
    assert "Kies een motie van Houten, of een nieuwe motie." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "status"),
    [("?toon=alles", 400), ("?gemeente=atlantis", 404), ("?toon=afgewezen", 200)],
)
def test_the_page_checks_its_parameters(client, login, volunteer, query, status):
    login(volunteer)
    assert client.get(f"/beheer/vondsten/{query}").status_code == status


def test_the_pages_need_a_login(client):
    assert client.get("/beheer/vondsten/").status_code == 302
    assert client.post("/beheer/vondsten/1/accepteren").status_code == 302


def test_the_workspace_shows_coverage_and_waiting_leads(client, login, volunteer, found):
    login(volunteer)

    soest = client.get("/beheer/gemeenten/soest").get_data(as_text=True)
    assert "Raadsinformatie en vondsten" in soest
    assert "import mislukt" in soest and "iBabs blocks requests from this host" in soest
    assert "1 vondst wacht op controle" in soest

    zeist = client.get("/beheer/gemeenten/zeist").get_data(as_text=True)
    assert "Niet gedekt:" in zeist and "zegt dus niets" in zeist


def test_the_page_takes_as_many_queries_for_many_leads_as_for_few(
    make_browser, volunteer, found, count_queries
):
    browser = make_browser()
    browser.post("/login", data={"email": volunteer.email, "password": PASSWORD})
    with count_queries() as few:
        browser.get("/beheer/vondsten/")
    for number, gemeente in enumerate(
        db.session.scalars(select(Gemeente).order_by(Gemeente.name).limit(12))
    ):
        db.session.add(
            Lead(
                entity_id=f"document:ibabs:gemeente:x{number}:1",
                gemeente=gemeente,
                source_key=f"x{number}",
                entity_type="Document",
                title=f"Stuk {number}",
                term="gewortelde kinderen",
                web_url="https://openbesluitvorming.nl/?view=x",
            )
        )
    db.session.commit()
    with count_queries() as many:
        page = browser.get("/beheer/vondsten/").get_data(as_text=True)
    assert "Stuk 11" in page
    assert many.count == few.count < 25
