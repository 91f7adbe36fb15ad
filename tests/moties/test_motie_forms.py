"""Recording a submitted motion with indieners, then its adoption with per-fractie votes."""

import pytest
from sqlalchemy import select

from campaign.dates import PartialDate
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Gemeente
from campaign.moties.models import Motie, Outcome, Vote


@pytest.fixture
def council(make_gemeente, make_fractie):
    gemeente = make_gemeente("Zeist")
    fracties = {
        name: make_fractie(gemeente, name, raadsperiode="2026-2030", seats=seats)
        for name, seats in [("GroenLinks", 8), ("VVD", 7), ("CDA", 6), ("D66", 6)]
    }
    return gemeente, fracties


def motie_data(fracties, **changes):
    data = {
        "title": "Pleidooi voor gewortelde kinderen",
        "submitted_on": "2026-05-14",
        "voted_on": "",
        "outcome": "",
        "votes_for": "",
        "votes_against": "",
        "record_url": "",
        "indieners": [str(fracties["GroenLinks"].id), str(fracties["D66"].id)],
        "indiener_names": "Anna Bakker\nJan de Wit",
        "notes": "",
    }
    data.update(changes)
    return data


def test_submission_then_adoption_with_votes(client, login, volunteer, council):
    gemeente, fracties = council
    login(volunteer)
    base = f"/beheer/gemeenten/{gemeente.slug}/moties"

    assert client.post(f"{base}/nieuw", data=motie_data(fracties)).status_code == 302
    motie = db.session.scalars(select(Motie)).one()
    assert [f.name for f in motie.indieners] == ["D66", "GroenLinks"]
    assert db.session.get(Gemeente, gemeente.id).status is CampaignStatus.MOTIE_INGEDIEND

    edit_page = client.get(f"{base}/{motie.id}").get_data(as_text=True)
    assert 'value="2026-05-14"' in edit_page
    votes = {f"vote_{f.id}": ("tegen" if name == "VVD" else "voor") for name, f in fracties.items()}
    response = client.post(
        f"{base}/{motie.id}",
        data=motie_data(
            fracties,
            voted_on="2026-06-04",
            outcome="aangenomen",
            votes_for="20",
            votes_against="7",
            record_url="https://zeist.raadsinformatie.example/motie/12",
            version_id=str(motie.version_id),
            **votes,
        ),
    )
    assert response.status_code == 302

    db.session.expire_all()
    motie = db.session.get(Motie, motie.id)
    assert (motie.outcome, motie.voted_on, motie.votes_for) == (
        Outcome.AANGENOMEN,
        PartialDate(2026, 6, 4),
        20,
    )
    assert {s.fractie.name: s.vote for s in motie.stemmingen}["VVD"] is Vote.TEGEN
    assert db.session.get(Gemeente, gemeente.id).status is CampaignStatus.AANGENOMEN
    api = client.get(f"/api/v1/gemeenten/{gemeente.slug}").get_json()
    assert api["status"] == "aangenomen"
    assert api["moties"][0]["votes_for"] == 20


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"voted_on": "14-05-2026", "outcome": "aangenomen"}, "Vul een datum in als 2026-03-12"),
        (
            {"voted_on": "2026-05-01", "outcome": "aangenomen"},
            "De stemming kan niet vóór de indiening liggen.",
        ),
        (
            {
                "voted_on": "2026-06-04",
                "outcome": "aangenomen",
                "votes_for": "20",
                "votes_against": "15",
            },
            "Er zijn meer stemmen (35) dan zetels in de raad (27).",
        ),
        (
            {
                "voted_on": "2026-06-04",
                "outcome": "aangenomen",
                "votes_for": "5",
                "votes_against": "20",
            },
            "Een aangenomen motie heeft meer stemmen voor dan tegen.",
        ),
        ({"record_url": "javascript:alert(1)"}, "Vul een volledige link in, met https://."),
        ({"outcome": "gewonnen"}, "Ongeldige keuze."),
    ],
)
def test_inconsistent_motions_are_refused_with_the_reason(
    client, login, volunteer, council, changes, message
):
    gemeente, fracties = council
    login(volunteer)
    data = motie_data(fracties, **changes)
    if "votes_for" in changes:
        data.update({f"vote_{f.id}": "voor" for f in fracties.values()})
    response = client.post(f"/beheer/gemeenten/{gemeente.slug}/moties/nieuw", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalars(select(Motie)).all() == []


def test_hostile_text_is_shown_literally(client, login, volunteer, council):
    gemeente, fracties = council
    login(volunteer)
    hostile = '<script>alert("x")</script> {{ 7*7 }} & Co'
    client.post(
        f"/beheer/gemeenten/{gemeente.slug}/moties/nieuw", data=motie_data(fracties, title=hostile)
    )
    html = client.get(f"/beheer/gemeenten/{gemeente.slug}").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7*7 }} &amp; Co" in html


def test_a_motion_has_one_title_on_every_page_and_in_the_api(client, login, volunteer, seeded):
    login(volunteer)
    unknown = "Motie (titel onbekend)"
    for page in ("/gemeente/amersfoort", "/beheer/gemeenten/amersfoort"):
        assert unknown in client.get(page).get_data(as_text=True)
    assert client.get("/api/v1/gemeenten/amersfoort").get_json()["moties"][0]["title"] == unknown

    client.post(
        "/beheer/gemeenten/zeist/moties/nieuw",
        data={"title": "Eigen titel", "from_model_motion": "y", "submitted_on": "2026-01"},
    )
    model_title = "Pleidooi voor gewortelde kinderen"
    for page in ("/gemeente/zeist", "/beheer/gemeenten/zeist"):
        html = client.get(page).get_data(as_text=True)
        assert model_title in html and "Eigen titel" not in html
    (motie,) = client.get("/api/v1/gemeenten/zeist").get_json()["moties"]
    assert motie["title"] == model_title and motie["title_recorded"] == "Eigen titel"


def test_a_planned_vote_is_recorded_kept_and_checked(client, login, volunteer, council):
    gemeente, fracties = council
    login(volunteer)
    base = f"/beheer/gemeenten/{gemeente.slug}/moties"
    page = client.get(f"{base}/nieuw").get_data(as_text=True)
    assert '<label for="vote_planned_on">Stemming gepland op</label>' in page

    response = client.post(f"{base}/nieuw", data=motie_data(fracties, vote_planned_on="2026-12-10"))
    assert response.status_code == 302
    motie = db.session.scalars(select(Motie)).one()
    assert motie.vote_planned_on.isoformat() == "2026-12-10"
    assert 'value="2026-12-10"' in client.get(f"{base}/{motie.id}").get_data(as_text=True)

    before = motie_data(fracties, vote_planned_on="2026-05-01", version_id=str(motie.version_id))
    refused = client.post(f"{base}/{motie.id}", data=before)
    assert refused.status_code == 400
    assert "De stemming kan niet gepland zijn vóór de indiening." in refused.get_data(as_text=True)
    long_ago = motie_data(fracties, vote_planned_on="1900-01-01", version_id=str(motie.version_id))
    assert "Kies een datum tussen 2000 en 2100." in client.post(
        f"{base}/{motie.id}", data=long_ago
    ).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Motie, motie.id).vote_planned_on.isoformat() == "2026-12-10"
