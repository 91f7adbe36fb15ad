"""`flask init`: database, seed data and a first admin; running it twice changes nothing."""

import re

from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from campaign.accounts.models import Role, User
from campaign.acting import SystemOrigin
from campaign.audit.models import AuditEntry
from campaign.dates import PartialDate
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente, Raad
from campaign.gemeenten.provenance import GemeenteFact, Origin, RegisterSource
from campaign.moties.models import Motie, Outcome, Vote

ADOPTED = {"Maastricht", "Heerlen", "Beekdaelen", "Amsterdam", "Amersfoort", "Kampen", "Culemborg"}
REPORTED = {"Groningen", "Brunssum", "Kerkrade"}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_init_loads_gemeenten_moties_templates_and_creates_a_first_admin(bare_runner):
    result = bare_runner.invoke(args=["init"])

    assert result.exit_code == 0, result.output
    assert (
        "Added 342 gemeenten, 10 moties, 3 templates and 342 map shapes; register facts for "
        "342 gemeenten with 537 councils." in result.output
    )
    password = re.search(r"password: (\S+)", result.output).group(1)
    admin = db.session.scalars(select(User)).one()
    assert admin.role is Role.ADMIN and admin.must_change_password
    assert check_password_hash(admin.password_hash, password)
    assert password not in admin.password_hash


def test_running_init_again_changes_and_duplicates_nothing(bare_runner):
    bare_runner.invoke(args=["init"])
    models = (Gemeente, Motie, Fractie, Raad, GemeenteFact, RegisterSource, TemplateVersion, User)
    counts = [count(model) for model in models]
    audit_rows = count(AuditEntry)

    second = bare_runner.invoke(args=["init"])

    assert second.exit_code == 0, second.output
    assert (
        "Added 0 gemeenten, 0 moties, 0 templates and 0 map shapes; register facts for 0 "
        "gemeenten with 0 councils." in second.output
    )
    assert "password" not in second.output
    assert [count(model) for model in models] == counts
    assert count(AuditEntry) == audit_rows


def test_seed_gemeenten_have_unique_clean_slugs(seeded):
    slugs = dict(db.session.execute(select(Gemeente.name, Gemeente.slug)).all())
    assert len(slugs) == 342 and len(set(slugs.values())) == 342
    assert slugs["Bergen (NH.)"] == "bergen-nh"
    assert slugs["Bergen (L.)"] == "bergen-l"
    assert slugs["'s-Hertogenbosch"] == "s-hertogenbosch"
    assert slugs["Súdwest-Fryslân"] == "sudwest-fryslan"
    assert slugs["Nuenen, Gerwen en Nederwetten"] == "nuenen-gerwen-en-nederwetten"
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs.values())


def test_the_known_adoptions_carry_only_the_facts_their_sources_give(seeded):
    adopted = db.session.scalars(
        select(Gemeente).where(Gemeente.status == CampaignStatus.AANGENOMEN)
    ).all()
    assert {gemeente.name for gemeente in adopted} == ADOPTED | REPORTED

    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.slug == "amersfoort"))
    (motie,) = amersfoort.moties
    assert motie.outcome is Outcome.AANGENOMEN
    assert motie.voted_on == PartialDate(2025, 3)  # March 2025; the day is unknown
    assert motie.raadsperiode == "2022-2026"
    assert (motie.votes_for, motie.votes_against) == (26, 8)
    # The appeal's names, matched to the register's fracties: "PvdD" is "Partij voor de Dieren".
    assert {s.fractie.name for s in motie.stemmingen if s.vote is Vote.VOOR} == {
        "D66",
        "GroenLinks",
        "CDA",
        "ChristenUnie",
        "PvdA",
        "Partij voor de Dieren",
        "SP",
        "Beter Amersfoort",
        "DENK",
    }
    assert sum(s.fractie.seats for s in motie.stemmingen) == 29
    assert len(amersfoort.fracties) == 13  # no second fractie for "PvdD"

    maastricht = db.session.scalar(select(Gemeente).where(Gemeente.slug == "maastricht"))
    (motie,) = maastricht.moties
    assert motie.voted_on == PartialDate(2024)
    assert (motie.votes_for, motie.votes_against, motie.title, motie.record_url) == (None,) * 4
    assert motie.stemmingen == []
    assert motie.source.startswith("Oproep van KinderpardonNU") and motie.source_url is None

    groningen = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0014"))
    (motie,) = groningen.moties
    assert (motie.voted_on, motie.votes_for, motie.stemmingen) == (
        PartialDate(2025, 5, 7),
        None,
        [],
    )
    assert motie.source_url == (
        "https://kerkasielkampen.nl/groningen-stemt-voor-motie-gewortelde-kinderen"
    )
    for code in ("GM0899", "GM0928"):  # Brunssum, Kerkrade: no date in the source
        (motie,) = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == code)).moties
        assert motie.voted_on is None and motie.raadsperiode == "2022-2026"
        assert motie.source_url == groningen.moties[0].source_url


def test_a_seeded_adoption_dates_from_its_vote_and_is_no_team_activity(seeded):
    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.slug == "amersfoort"))
    brunssum = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == "GM0899"))

    assert amersfoort.status_began == PartialDate(2025, 3)
    (change,) = amersfoort.status_changes
    assert change.happened_on == PartialDate(2025, 3) and change.changed_by_id is None
    assert brunssum.status_began is None  # its day is not known, and loading is no date
    # Everything the seed data wrote is in the audit log as the seed data's, no person's.
    origins = set(db.session.scalars(select(AuditEntry.origin).distinct()))
    assert origins == {SystemOrigin.SEED}
    assert count(AuditEntry) > 6000
    assert db.session.scalar(select(func.count()).where(AuditEntry.actor_id.is_not(None))) == 0


def test_the_register_facts_of_every_gemeente_are_seeded(seeded):
    periods = dict(
        db.session.execute(
            select(Raad.raadsperiode, func.count()).group_by(Raad.raadsperiode)
        ).all()
    )
    assert periods == {"2022-2026": 342, "2026-2030": 195}
    assert count(RegisterSource) == 2
    assert db.session.scalar(select(func.count()).where(Gemeente.inhabitants.is_(None))) == 0
    websites = db.session.scalar(select(func.count()).where(Gemeente.website.is_not(None)))
    general = db.session.scalar(select(func.count()).where(Gemeente.general_email.is_not(None)))
    assert (websites, general) == (342, 321)
    assert db.session.scalar(
        select(Gemeente.griffie_email).where(Gemeente.cbs_code == "GM0479")
    ) == ("raadsgriffie@zaanstad.nl")
    utrecht = db.session.scalar(select(Gemeente).where(Gemeente.slug == "utrecht"))
    new = {f.name: f.seats for f in utrecht.fracties if f.raadsperiode == "2026-2030"}
    assert new["GroenLinks-PvdA"] == 14 and sum(new.values()) == 45
    assert all(f.origin is Origin.REGISTER for f in utrecht.fracties)


def test_the_model_motion_is_the_first_template_version_with_every_clause(seeded):
    template = db.session.scalar(
        select(TemplateVersion).where(TemplateVersion.kind == TemplateKind.MOTIE)
    )
    assert template.number == 1
    sections = template.content["sections"]
    assert [len(section["clauses"]) for section in sections] == [3, 4, 4, 2]
    assert [section["heading"] for section in sections] == [
        "constaterende dat:",
        "overwegende dat:",
        "verzoekt het college:",
        "en daarnaast",
    ]
    noodopvang = [c for c in sections[3]["clauses"] if c.get("only_with_noodopvang")]
    assert len(noodopvang) == 1 and "COA" in noodopvang[0]["text"]
    assert "[alleen als" not in str(template.content)

    appeal = db.session.scalar(
        select(TemplateVersion).where(TemplateVersion.kind == TemplateKind.OPROEP)
    )
    assert appeal.content["body"].startswith("Geachte heer/ mevrouw,")
    assert "Doorhalen" not in appeal.content["body"]
    background = db.session.scalar(
        select(TemplateVersion).where(TemplateVersion.kind == TemplateKind.ACHTERGROND)
    )
    assert "ongeveer 420 kinderen" in background.content["body"]
