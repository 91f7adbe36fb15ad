"""The campaign that bench/data.py adds to a seeded database for the x10 and x100 sizes.

Made-up but plausible: Dutch party names, volunteers, contact notes. Every record goes in
through the ORM, in one flush per step and chunk of gemeenten, so that the app's audit listener
writes the audit log as it would for volunteers. Models come from bench/data.py, the one
module that imports the app.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from data import (
    BENCH_ADMIN,
    BENCH_PASSWORD,
    BENCH_VOLUNTEER,
    DUTCH_TIME,
    CampaignStatus,
    Channel,
    Direction,
    Fractie,
    Gemeente,
    Motie,
    Outcome,
    OutreachEntry,
    PartialDate,
    Role,
    StatusChange,
    Stemming,
    User,
    Vote,
    db,
)
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.security import generate_password_hash

RAADSPERIODES = ("2022-2026", "2026-2030")
CAMPAIGN_START = date(2025, 1, 6)

PARTIES = [
    "VVD", "D66", "CDA", "GroenLinks", "PvdA", "SP", "ChristenUnie", "SGP", "PvdD", "JA21",
    "BBB", "Volt", "DENK", "50PLUS", "Gemeentebelangen", "Leefbaar", "Stadspartij",
    "Dorpsbelangen", "Lokaal Sterk", "Onafhankelijk", "Samen Verder", "Burgerbelang",
]  # fmt: skip
FIRST_NAMES = [
    "Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Ilse", "Joost",
    "Karim", "Lotte", "Mohamed", "Noor", "Olga", "Pieter", "Renske", "Sanne", "Thijs", "Vera",
    "Wouter", "Yara", "Zeynep", "Bas",
]  # fmt: skip
SURNAMES = [
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani",
]  # fmt: skip
SUMMARIES = [
    "Oproep en voorbeeldmotie gemaild aan de griffie, met de achtergrondinformatie.",
    "Griffier gebeld: de oproep is doorgestuurd naar alle fractievoorzitters.",
    "Gesprek met de fractievoorzitter van {party}; zij willen de motie mede indienen, "
    "maar overleggen eerst in de fractie.",
    "Mail van de griffie: de motie kan op de agenda van de raadsvergadering na de zomer.",
    "Nagebeld over de stand van zaken. Nog geen reactie van de coalitiepartijen.",
    "Raadslid van {party} wil weten hoeveel gewortelde kinderen er in de gemeente wonen; "
    "cijfers van Defence for Children doorgestuurd.",
    "Brief met de oproep per post gestuurd aan de gemeenteraad.",
    "Kennismaking op het gemeentehuis met twee raadsleden van {party} en de griffier.",
    "{party} twijfelt vanwege de landelijke lijn van de partij; achtergrond over de "
    "kinderpardonregeling gestuurd.",
    "Herinnering gestuurd: de termijn voor het indienen van moties sluit over twee weken.",
]
WITH_WHOM = ["griffie", "griffier", "fractievoorzitter {party}", "raadslid {party}", "wethouder"]


@dataclass
class Event:
    """One fact in a gemeente's history, in time order; it may move the status."""

    at: datetime
    status_rule: str  # "contact-out", "conversation", "submitted" or an Outcome value
    actor_id: int | None


@dataclass
class Plan:
    gemeente: Gemeente
    events: list[Event] = field(default_factory=list)
    done_follow_ups: list[OutreachEntry] = field(default_factory=list)
    votes: list[tuple[Motie, dict[str, Any], dict[Fractie, Vote]]] = field(default_factory=list)


class Inflater:
    """Adds a campaign's worth of records to a seeded database, in chunks of gemeenten.

    Each step (claims, fracties, contacts, follow-ups done, motions submitted, motions voted,
    each status change) is one flush per chunk, so the audit listener writes one row per record
    created or changed, the way the app's forms would, without a flush per record.
    """

    CHUNK = 40

    def __init__(self, random_seed: int, contacts_per_gemeente: int) -> None:
        self.random_seed = random_seed
        self.rng = random.Random(random_seed)
        self.contacts = contacts_per_gemeente
        self.today = datetime.now(DUTCH_TIME).date()
        self.password_hash = generate_password_hash(BENCH_PASSWORD)

    def run(self) -> None:
        admin = self._user(BENCH_ADMIN, "Bench Beheerder", Role.ADMIN)
        volunteer = self._user(BENCH_VOLUNTEER, "Bench Vrijwilliger", Role.VRIJWILLIGER)
        db.session.commit()
        if not self.contacts:
            return
        team = [volunteer, admin] + [
            self._user(
                f"vrijwilliger-{number:02d}@example.org",
                f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}",
                Role.VRIJWILLIGER,
            )
            for number in range(1, 23)
        ]
        db.session.commit()
        self.team_ids = [user.id for user in team]
        gemeente_ids = list(db.session.scalars(select(Gemeente.id).order_by(Gemeente.id)))
        for start in range(0, len(gemeente_ids), self.CHUNK):
            chunk = gemeente_ids[start : start + self.CHUNK]
            gemeenten = list(
                db.session.scalars(
                    select(Gemeente)
                    .where(Gemeente.id.in_(chunk))
                    .options(selectinload(Gemeente.fracties), selectinload(Gemeente.moties))
                )
            )
            with db.session.no_autoflush:
                self._inflate(gemeenten)
            db.session.commit()
            db.session.expunge_all()

    def _user(self, email: str, name: str, role: Role) -> User:
        user = User(email=email, name=name, role=role, password_hash=self.password_hash)
        db.session.add(user)
        return user

    def _random(self, gemeente: Gemeente, purpose: str) -> random.Random:
        """One stream per gemeente and purpose: x10 and x100 get the same fracties, motions
        and claims, and differ only in their contacts."""
        return random.Random(f"{self.random_seed}:{gemeente.cbs_code}:{purpose}")

    def _inflate(self, gemeenten: list[Gemeente]) -> None:
        plans = [Plan(gemeente) for gemeente in gemeenten]
        for plan in plans:  # claims: about three in four gemeenten have a volunteer
            rng = self._random(plan.gemeente, "claim")
            if plan.gemeente.slug == "amersfoort" or rng.random() < 0.75:
                plan.gemeente.volunteer_id = self._volunteer_for(plan.gemeente, rng)
        db.session.flush()
        fracties = {plan.gemeente.id: self._add_fracties(plan.gemeente) for plan in plans}
        db.session.flush()
        for plan in plans:
            self._add_contacts(plan)
        db.session.flush()
        for plan in plans:
            for entry in plan.done_follow_ups:
                entry.follow_up_done = True
        db.session.flush()
        for plan in plans:
            self._add_moties(plan, fracties[plan.gemeente.id])
        db.session.flush()
        for plan in plans:
            for motie, values, votes in plan.votes:
                for name, value in values.items():
                    setattr(motie, name, value)
                motie.stemmingen = [Stemming(fractie=f, vote=v) for f, v in votes.items()]
        db.session.flush()
        steps = {plan.gemeente.id: self._status_steps(plan) for plan in plans}
        for index in range(max((len(s) for s in steps.values()), default=0)):
            for plan in plans:
                if index < len(steps[plan.gemeente.id]):
                    self._change_status(plan.gemeente, *steps[plan.gemeente.id][index])
            db.session.flush()

    def _volunteer_for(self, gemeente: Gemeente, rng: random.Random) -> int:
        # The bench volunteer holds about one gemeente in twelve, Amersfoort among them.
        if gemeente.slug == "amersfoort" or rng.random() < 1 / 12:
            return self.team_ids[0]
        return rng.choice(self.team_ids[1:])

    def _add_fracties(self, gemeente: Gemeente) -> dict[str, list[Fractie]]:
        rng = self._random(gemeente, "fracties")
        per_periode: dict[str, list[Fractie]] = {}
        for periode in RAADSPERIODES:
            known = [f for f in gemeente.fracties if f.raadsperiode == periode]
            wanted = max(rng.randint(8, 13), len(known))
            names = [p for p in PARTIES if p not in {f.name for f in known}]
            rng.shuffle(names)
            added = [
                Fractie(
                    gemeente_id=gemeente.id,
                    raadsperiode=periode,
                    name=name,
                    leader_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                    leader_email=f"fractie-{index}@{gemeente.slug}.example.org",
                )
                for index, name in enumerate(names[: wanted - len(known)])
            ]
            db.session.add_all(added)
            fracties = known + added
            per_periode[periode] = fracties
            if known:
                # Seats made up here would contradict the votes the seed data records; where
                # the source names fracties, their seats stay unknown, as the app expects.
                continue
            council = rng.choice([13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 45])
            spare = max(council - len(fracties), 0)
            shares = sorted((rng.random() for _ in fracties), reverse=True)
            for fractie, share in zip(fracties, shares, strict=True):
                fractie.seats = 1 + int(spare * share / sum(shares))
        return per_periode

    @staticmethod
    def _moment(day: date, rng: random.Random) -> datetime:
        return datetime(day.year, day.month, day.day, rng.randint(7, 21), 0, tzinfo=UTC)

    def _add_contacts(self, plan: Plan) -> None:
        rng = self._random(plan.gemeente, "contacts")
        gemeente, count = plan.gemeente, self.contacts
        first = CAMPAIGN_START + timedelta(days=rng.randint(0, 120))
        last = self.today - timedelta(days=rng.randint(0, 40))
        days = sorted(
            first + timedelta(days=rng.randint(0, (last - first).days)) for _ in range(count)
        )
        party = rng.choice(PARTIES)
        for index, day in enumerate(days):
            if index == 0:
                channel, direction = Channel.EMAIL, Direction.UITGAAND
                summary, with_whom = SUMMARIES[0], "griffie"
            else:
                channel = rng.choice(list(Channel))
                direction = rng.choice(list(Direction))
                summary = rng.choice(SUMMARIES).format(party=party)
                with_whom = rng.choice(WITH_WHOM).format(party=party)
            follow_up = None
            if rng.random() < 0.5:
                follow_up = day + timedelta(days=rng.randint(7, 28))
            logger = gemeente.volunteer_id or rng.choice(self.team_ids)
            entry = OutreachEntry(
                gemeente_id=gemeente.id,
                occurred_on=day,
                channel=channel,
                direction=direction,
                with_whom=with_whom,
                summary=summary,
                follow_up_on=follow_up,
                logged_by_id=logger,
                created_at=self._moment(day, rng),
            )
            db.session.add(entry)
            # Follow-ups of all but the last two contacts were mostly dealt with; those of the
            # last two are open, due when their date has passed.
            if follow_up and index < count - 2 and rng.random() < 0.95:
                plan.done_follow_ups.append(entry)
            conversation = channel.is_conversation or direction is Direction.INKOMEND
            plan.events.append(
                Event(entry.created_at, "conversation" if conversation else "contact-out", logger)
            )

    def _add_moties(self, plan: Plan, fracties: dict[str, list[Fractie]]) -> None:
        """Two motions per gemeente: one in the council elected in 2022, one in 2026. A
        gemeente with a seeded adoption gets the second only."""
        rng = self._random(plan.gemeente, "moties")
        gemeente = plan.gemeente
        seeded = bool(gemeente.moties)
        for periode, first, last in (
            (RAADSPERIODES[0], date(2025, 3, 1), date(2026, 2, 20)),
            (RAADSPERIODES[1], date(2026, 5, 1), self.today - timedelta(days=10)),
        ):
            if seeded and periode == RAADSPERIODES[0]:
                continue
            submitted = first + timedelta(days=rng.randint(0, (last - first).days))
            voted = min(submitted + timedelta(days=rng.randint(0, 21)), self.today)
            council = fracties[periode]
            support = rng.uniform(0.2, 0.8)
            votes = {
                f: Vote.VERDEELD
                if rng.random() < 0.05
                else (Vote.VOOR if rng.random() < support else Vote.TEGEN)
                for f in council
            }
            votes_for = sum(f.seats or 0 for f, v in votes.items() if v is Vote.VOOR)
            votes_against = sum(f.seats or 0 for f, v in votes.items() if v is Vote.TEGEN)
            for fractie in (f for f, v in votes.items() if v is Vote.VERDEELD):
                votes_for += (fractie.seats or 0) // 2
                votes_against += (fractie.seats or 0) - (fractie.seats or 0) // 2
            outcome = Outcome.AANGENOMEN if votes_for > votes_against else Outcome.VERWORPEN
            if rng.random() < 0.08:
                outcome = Outcome.ONBEKEND
            voor = [f for f, v in votes.items() if v is Vote.VOOR] or council[:1]
            submitted_at, voted_at = self._moment(submitted, rng), self._moment(voted, rng)
            motie = Motie(
                gemeente_id=gemeente.id,
                title="Pleidooi voor gewortelde kinderen",
                submitted_on=PartialDate.from_date(submitted),
                indieners=rng.sample(voor, min(len(voor), rng.randint(1, 4))),
                indiener_names="\n".join(
                    f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
                    for _ in range(rng.randint(1, 4))
                ),
                source="",
                created_at=submitted_at,
                updated_at=submitted_at,
            )
            db.session.add(motie)
            voted_on = PartialDate.from_date(voted)
            if rng.random() < 0.1:
                voted_on = PartialDate(voted.year, voted.month)
            values = {
                "voted_on": voted_on,
                "outcome": outcome,
                "votes_for": votes_for,
                "votes_against": votes_against,
                "record_url": f"https://{gemeente.slug}.raadsinformatie.example.org/"
                f"document/{rng.randint(10**6, 10**7)}",
                "updated_at": voted_at,
            }
            plan.votes.append((motie, values, votes))
            actor = gemeente.volunteer_id
            plan.events.append(Event(submitted_at, "submitted", actor))
            plan.events.append(Event(voted_at, outcome.value, actor))

    def _status_steps(self, plan: Plan) -> list[tuple[CampaignStatus, datetime, int | None]]:
        """The status after each fact, by the campaign's rules (PRODUCT.md), as the app's
        pipeline would have recorded them one by one. Gemeenten whose status came with the
        seed data keep it."""
        if plan.gemeente.status is not CampaignStatus.NIET_BENADERD:
            return []
        steps = []
        status, adopted, motion_status = CampaignStatus.NIET_BENADERD, False, None
        talking = False
        for fact in sorted(plan.events, key=lambda e: e.at):
            if fact.status_rule == "conversation":
                talking = True
            elif fact.status_rule == "submitted":
                motion_status = CampaignStatus.MOTIE_INGEDIEND
            elif fact.status_rule != "contact-out":
                outcome = Outcome(fact.status_rule)
                adopted = adopted or outcome is Outcome.AANGENOMEN
                motion_status = (
                    CampaignStatus.MOTIE_INGEDIEND
                    if outcome is Outcome.ONBEKEND
                    else CampaignStatus(outcome.value)
                )
            if adopted:
                new = CampaignStatus.AANGENOMEN
            elif motion_status is not None:
                new = motion_status
            else:
                new = CampaignStatus.IN_GESPREK if talking else CampaignStatus.OPROEP_VERSTUURD
            if new is not status:
                steps.append((new, fact.at, fact.actor_id))
                status = new
        return steps

    def _change_status(
        self, gemeente: Gemeente, status: CampaignStatus, at: datetime, actor_id: int | None
    ) -> None:
        db.session.add(
            StatusChange(
                gemeente_id=gemeente.id,
                previous_status=gemeente.status,
                status=status,
                changed_at=at,
                changed_by_id=actor_id,
            )
        )
        gemeente.status = status
        gemeente.status_since = at
        gemeente.status_set_by_id = actor_id
