"""Which council voted, since when a status holds, where a motion's facts come from, and
finding the adoptions by the previous council so the new one can be asked to confirm them."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from campaign.dates import PartialDate
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie, Outcome, Vote
from campaign.moties.services import MotieInput, create_motie


def gemeente(slug: str) -> Gemeente:
    db.session.expire_all()
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == slug))


def form_data(**changes):
    data = {
        "title": "",
        "submitted_on": "",
        "voted_on": "2026-06-11",
        "outcome": "aangenomen",
        "votes_for": "",
        "votes_against": "",
        "record_url": "",
        "raadsperiode": "",
        "source": "Verslag van de raadsvergadering",
        "source_url": "https://zeist.raadsinformatie.example/verslag",
        "indiener_names": "",
        "notes": "",
    }
    data.update(changes)
    return data


def test_a_recorded_adoption_dates_the_status_from_its_vote_and_keeps_its_source(
    client, login, volunteer, seeded
):
    login(volunteer)

    response = client.post("/beheer/gemeenten/zeist/moties/nieuw", data=form_data())

    assert response.status_code == 302
    zeist = gemeente("zeist")
    (motie,) = zeist.moties
    assert motie.raadsperiode == "2026-2030"  # from the day of the vote
    assert (motie.source, motie.source_url) == (
        "Verslag van de raadsvergadering",
        "https://zeist.raadsinformatie.example/verslag",
    )
    assert zeist.status_began == PartialDate(2026, 6, 11)
    workspace = client.get("/beheer/gemeenten/zeist").get_data(as_text=True)
    assert "sinds 11 juni 2026" in workspace
    page = client.get("/gemeente/zeist").get_data(as_text=True)
    assert "Aangenomen door de vorige raad" not in page
    assert 'href="https://zeist.raadsinformatie.example/verslag"' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"raadsperiode": "2030-2034"}, "Not a valid choice"),
        ({"source_url": "javascript:alert(1)"}, "Vul een volledige link in, met https://."),
    ],
)
def test_a_wrong_council_or_source_link_is_refused(
    client, login, volunteer, seeded, changes, message
):
    login(volunteer)

    response = client.post("/beheer/gemeenten/zeist/moties/nieuw", data=form_data(**changes))

    assert response.status_code == 400
    assert gemeente("zeist").moties == []


def test_votes_of_one_council_cannot_be_booked_on_another(client, login, volunteer, seeded):
    zeist = gemeente("zeist")
    d66 = next(f for f in zeist.fracties if f.name == "D66" and f.raadsperiode == "2026-2030")
    login(volunteer)

    response = client.post(
        "/beheer/gemeenten/zeist/moties/nieuw",
        data=form_data(raadsperiode="2022-2026", **{f"vote_{d66.id}": "voor"}),
    )

    assert response.status_code == 400
    assert "De fracties die stemden horen bij de raad van 2026-2030" in response.get_data(
        as_text=True
    )
    assert gemeente("zeist").moties == []


def test_the_worklist_finds_the_adoptions_by_the_previous_council(client, login, volunteer, seeded):
    login(volunteer)
    names = lambda page: re.findall(r'href="/beheer/gemeenten/([a-z-]+)">', page)  # noqa: E731

    before = client.get("/beheer/gemeenten/", query_string={"vorige_raad": "1"}).get_data(
        as_text=True
    )
    create_motie(
        gemeente("amersfoort"),
        MotieInput(
            voted_on=PartialDate(2026, 9, 24),
            outcome=Outcome.AANGENOMEN,
            raadsperiode="2026-2030",
        ),
    )
    after = client.get("/beheer/gemeenten/", query_string={"vorige_raad": "1"}).get_data(
        as_text=True
    )

    assert set(names(before)) >= {"amersfoort", "brunssum", "groningen", "maastricht"}
    assert len(set(names(before))) == 10
    assert "amersfoort" not in names(after) and len(set(names(after))) == 9
    bad = client.get("/beheer/gemeenten/", query_string={"vorige_raad": "ja"})
    assert bad.status_code == 400
    assert "Het filter &#39;vorige raad&#39; is 1 of leeg." in bad.get_data(as_text=True)


def test_the_workspace_shows_an_adoption_by_the_previous_council(client, login, volunteer, seeded):
    login(volunteer)

    page = client.get("/beheer/gemeenten/amersfoort").get_data(as_text=True)

    assert "Aangenomen door de vorige raad (2022-2026): vraag de nieuwe raad" in page
    assert "sinds maart 2025" in page
    motie = db.session.scalar(select(Motie).where(Motie.seed_key == "oproep-2025-amersfoort"))
    assert {s.vote for s in motie.stemmingen} == {Vote.VOOR}
