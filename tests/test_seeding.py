"""`flask init`: database, seed data and a first admin; running it twice changes nothing."""

import re

from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from campaign.accounts.models import Role, User
from campaign.audit.models import AuditEntry
from campaign.dates import PartialDate
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import CampaignStatus, Fractie, Gemeente
from campaign.moties.models import Motie, Outcome, Vote

ADOPTED = {"Maastricht", "Heerlen", "Beekdaelen", "Amsterdam", "Amersfoort", "Kampen", "Culemborg"}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_init_loads_gemeenten_moties_templates_and_creates_a_first_admin(bare_runner):
    result = bare_runner.invoke(args=["init"])

    assert result.exit_code == 0, result.output
    assert "Added 342 gemeenten, 7 moties, 3 templates and 342 map shapes" in result.output
    password = re.search(r"password: (\S+)", result.output).group(1)
    admin = db.session.scalars(select(User)).one()
    assert admin.role is Role.ADMIN and admin.must_change_password
    assert check_password_hash(admin.password_hash, password)
    assert password not in admin.password_hash


def test_running_init_again_changes_and_duplicates_nothing(bare_runner):
    bare_runner.invoke(args=["init"])
    counts = [count(model) for model in (Gemeente, Motie, Fractie, TemplateVersion, User)]
    audit_rows = count(AuditEntry)

    second = bare_runner.invoke(args=["init"])

    assert second.exit_code == 0, second.output
    assert "Added 0 gemeenten, 0 moties, 0 templates and 0 map shapes" in second.output
    assert "password" not in second.output
    assert [count(model) for model in (Gemeente, Motie, Fractie, TemplateVersion, User)] == counts
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


def test_the_seven_known_adoptions_carry_only_the_facts_the_appeal_gives(seeded):
    adopted = db.session.scalars(
        select(Gemeente).where(Gemeente.status == CampaignStatus.AANGENOMEN)
    ).all()
    assert {gemeente.name for gemeente in adopted} == ADOPTED

    amersfoort = db.session.scalar(select(Gemeente).where(Gemeente.slug == "amersfoort"))
    (motie,) = amersfoort.moties
    assert motie.outcome is Outcome.AANGENOMEN
    assert motie.voted_on == PartialDate(2025, 3)  # March 2025; the day is unknown
    assert (motie.votes_for, motie.votes_against) == (26, 8)
    assert {s.fractie.name for s in motie.stemmingen if s.vote is Vote.VOOR} == {
        "D66",
        "GroenLinks",
        "CDA",
        "ChristenUnie",
        "PvdA",
        "PvdD",
        "SP",
        "Beter Amersfoort",
        "DENK",
    }
    assert all(fractie.seats is None for fractie in amersfoort.fracties)

    maastricht = db.session.scalar(select(Gemeente).where(Gemeente.slug == "maastricht"))
    (motie,) = maastricht.moties
    assert motie.voted_on == PartialDate(2024)
    assert (motie.votes_for, motie.votes_against, motie.title, motie.record_url) == (None,) * 4
    assert motie.stemmingen == []


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
