"""Load seed_data/ into the database: only what is missing, so running it twice changes nothing.

Records that volunteers may have edited since (a gemeente's notes, a template's newer version)
are never overwritten. Everything written here is attributed to the seed data in the audit log
(`SystemOrigin.SEED`, no person), so it never shows as the team's activity.

Order matters: the register's councils come before the motions, so that a motion's `PvdD` is
the register's fractie `Partij voor de Dieren`, not a second fractie.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from campaign.acting import SystemOrigin, acting_as_system
from campaign.dates import PartialDate
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.extensions import db
from campaign.gemeenten.models import Fractie, Gemeente
from campaign.gemeenten.parties import pair_names
from campaign.gemeenten.provenance import RegisterSource
from campaign.gemeenten.search import slug_for
from campaign.kaart.services import current_layer, load_boundaries, read_source
from campaign.moties.models import Motie, Outcome, Vote
from campaign.moties.services import MotieInput, create_motie
from campaign.register.report import Action
from campaign.register.seedfiles import SEED_LOCATION, read_seed_facts
from campaign.register.services import apply_facts

TEMPLATE_FILES = {
    TemplateKind.MOTIE: ("motie.json", "Pleidooi voor gewortelde kinderen"),
    TemplateKind.OPROEP: ("oproep.txt", "Oproep aan de gemeenteraad"),
    TemplateKind.ACHTERGROND: ("achtergrond.txt", "Achtergrondinformatie kinderpardon"),
}
APPEAL_SUBJECT = "Oproep: motie Pleidooi voor gewortelde kinderen in [uw gemeente]"


@dataclass
class SeedReport:
    gemeenten: int = 0
    moties: int = 0
    templates: int = 0
    map_shapes: int = 0
    register_gemeenten: int = 0
    councils: int = 0


def seed_gemeenten(path: Path) -> int:
    existing = set(db.session.scalars(select(Gemeente.cbs_code)))
    slugs = set(db.session.scalars(select(Gemeente.slug)))
    added = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["code"] in existing:
                continue
            slug = slug_for(row["name"])
            if slug in slugs:
                slug = f"{slug}-{row['code'].lower()}"
            slugs.add(slug)
            db.session.add(
                Gemeente(
                    cbs_code=row["code"], name=row["name"], slug=slug, province=row["province"]
                )
            )
            added += 1
    db.session.commit()
    return added


@dataclass
class RegisterSeedReport:
    gemeenten: int = 0
    councils: int = 0


def seed_register(folder: Path) -> RegisterSeedReport:
    """The register's facts kept in seed_data/register/, one export date at a time; a date that
    was loaded before is skipped, so a second `init` adds nothing (and costs little)."""
    loaded = set(
        db.session.scalars(
            select(RegisterSource.export_date).where(RegisterSource.location == SEED_LOCATION)
        )
    )
    report = RegisterSeedReport()
    codes: set[str] = set()
    for facts in read_seed_facts(folder):
        if facts.export_date in loaded:
            continue
        done = apply_facts(facts, SystemOrigin.SEED)
        codes |= {g.code for g in done.gemeenten if g.changes_something}
        report.councils += sum(
            1
            for g in done.gemeenten
            for step in g.steps
            if step.action is Action.ADDED and step.what.startswith("council")
        )
    report.gemeenten = len(codes)
    return report


def _fracties_for(gemeente: Gemeente, periode: str, names: list[str]) -> list[Fractie]:
    """The council's fracties by these names, matched on party key (`PvdD` is the register's
    `Partij voor de Dieren`); a name without a match becomes a fractie of its own."""
    known = [f for f in gemeente.fracties if f.raadsperiode == periode]
    pairs = pair_names(names, [f.name for f in known], gemeente.name)
    fracties = []
    for index, name in enumerate(names):
        if index in pairs:
            fracties.append(known[pairs[index]])
            continue
        fractie = Fractie(gemeente=gemeente, raadsperiode=periode, name=name)
        db.session.add(fractie)
        fracties.append(fractie)
    return fracties


def seed_moties(path: Path) -> int:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    seeded = set(db.session.scalars(select(Motie.seed_key).where(Motie.seed_key.is_not(None))))
    added = 0
    for item in data["moties"]:
        if item["seed_key"] in seeded:
            continue
        gemeente = db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == item["gemeente"]))
        if gemeente is None:
            raise ValueError(f"seed motion names unknown gemeente {item['gemeente']}")
        voor = _fracties_for(gemeente, item.get("raadsperiode", ""), item.get("fracties_voor", []))
        source = data["sources"][item["source"]]
        create_motie(
            gemeente,
            MotieInput(
                voted_on=PartialDate.parse(item["voted_on"]) if item.get("voted_on") else None,
                outcome=Outcome(item["outcome"]),
                votes_for=item.get("votes_for"),
                votes_against=item.get("votes_against"),
                stemmingen={fractie: Vote.VOOR for fractie in voor},
                notes=item.get("notes", ""),
                source=source["title"],
                source_url=source["url"],
                raadsperiode=item.get("raadsperiode"),
            ),
            seed_key=item["seed_key"],
        )
        added += 1
    return added


def _template_content(kind: TemplateKind, path: Path) -> dict[str, Any]:
    if kind is TemplateKind.MOTIE:
        content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return content
    body = path.read_text(encoding="utf-8").strip()
    if kind is TemplateKind.OPROEP:
        return {"subject": APPEAL_SUBJECT, "body": body}
    return {"body": body}


def seed_templates(folder: Path) -> int:
    present = set(db.session.scalars(select(TemplateVersion.kind).distinct()))
    added = 0
    for kind, (filename, title) in TEMPLATE_FILES.items():
        if kind in present:
            continue
        db.session.add(
            TemplateVersion(
                kind=kind,
                number=1,
                title=title,
                content=_template_content(kind, folder / filename),
                note="Eerste versie, uit de teksten van KinderpardonNU.",
            )
        )
        added += 1
    db.session.commit()
    return added


def seed_map(path: Path) -> int:
    """The map shapes of 2025, unless boundaries were loaded already (perhaps another year's)."""
    if current_layer() is not None:
        return 0
    data = read_source(str(path))
    return load_boundaries(
        data, f"seed_data/{path.parent.name}/{path.name}", credit=data["credit"]
    ).loaded


def load_seed_data(folder: Path) -> SeedReport:
    with acting_as_system(SystemOrigin.SEED):
        gemeenten = seed_gemeenten(folder / "gemeenten_2025.csv")
        templates = seed_templates(folder / "templates")
        register = seed_register(folder / "register")
        return SeedReport(
            gemeenten=gemeenten,
            templates=templates,
            moties=seed_moties(folder / "moties.json"),
            map_shapes=seed_map(folder / "kaart" / "gemeenten_2025.geojson"),
            register_gemeenten=register.gemeenten,
            councils=register.councils,
        )
