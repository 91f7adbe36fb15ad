"""Recording motions and keeping each gemeente's campaign status in step with the facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.concurrency import check_version, saving
from campaign.dates import PartialDate, utcnow
from campaign.documents.models import TemplateKind
from campaign.documents.services import current_version
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import (
    RAADSPERIODES,
    CampaignStatus,
    Fractie,
    Gemeente,
    StatusChange,
    current_raadsperiode,
    raadsperiode_of,
)
from campaign.gemeenten.status import refresh_status
from campaign.moties.models import Motie, Outcome, Stemming, Vote


def set_status_by_hand(
    gemeente: Gemeente, status: CampaignStatus, reason: str, expected_version: int | None = None
) -> StatusChange | None:
    """Override the derived status; it holds until a new fact is recorded."""
    with saving(gemeente.name):
        reason = reason.strip()
        if not reason:
            raise UserError("Geef een reden op waarom je de status met de hand zet.", field="reden")
        check_version(gemeente, expected_version, gemeente.name)
        gemeente.manual_status = status
        gemeente.manual_status_reason = reason
        gemeente.manual_status_at = utcnow()
        change = refresh_status(gemeente)
    return change


@dataclass
class MotieInput:
    """The facts of one motion as typed or imported; None means unknown."""

    title: str | None = None
    submitted_on: PartialDate | None = None
    voted_on: PartialDate | None = None
    vote_planned_on: date | None = None
    outcome: Outcome | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    record_url: str | None = None
    indieners: Sequence[Fractie] = ()
    indiener_names: str = ""
    stemmingen: Mapping[Fractie, Vote] = field(default_factory=dict)
    notes: str = ""
    # None keeps the source already recorded (a volunteer's edit of a seeded motion).
    source: str | None = None
    # Made from the campaign's model motion; None keeps what was recorded.
    from_model_motion: bool | None = None
    source_url: str | None = None
    # The council that voted; None derives it from the fracties named or from the date.
    raadsperiode: str | None = None


def derived_raadsperiode(data: MotieInput) -> str | None:
    """The council of the fracties that submitted or voted, else the one in office on the day
    of the vote (or submission), when that day is precise enough to tell."""
    periodes = {fractie.raadsperiode for fractie in (*data.indieners, *data.stemmingen)}
    if len(periodes) == 1:
        return periodes.pop()
    day = data.voted_on or data.submitted_on
    return raadsperiode_of(day) if day is not None and not periodes else None


def council_size(fracties: Sequence[Fractie]) -> int | None:
    """The number of seats, when every fractie's seats are known."""
    if not fracties or any(fractie.seats is None for fractie in fracties):
        return None
    return sum(fractie.seats or 0 for fractie in fracties)


def _check_votes_against_seats(data: MotieInput) -> None:
    """Where fracties voted as one bloc and their seats are known, the totals cannot exceed
    their seats (members may be absent, so fewer is fine)."""
    for vote, total, label in (
        (Vote.VOOR, data.votes_for, "voor"),
        (Vote.TEGEN, data.votes_against, "tegen"),
    ):
        fracties = [f for f, v in data.stemmingen.items() if v is vote]
        if total is None or not fracties or any(f.seats is None for f in fracties):
            continue
        if any(v in (Vote.VERDEELD, Vote.ONBEKEND) for v in data.stemmingen.values()):
            continue
        seats = sum(f.seats or 0 for f in fracties)
        if total > seats:
            names = ", ".join(sorted(f.name for f in fracties))
            raise UserError(
                f"Er zijn {total} stemmen {label}, maar de fracties die {label} stemden "
                f"({names}) hebben samen {seats} zetels."
            )


def validate_motie(gemeente: Gemeente, data: MotieInput) -> None:
    for label, count in (("voor", data.votes_for), ("tegen", data.votes_against)):
        if count is not None and count < 0:
            raise UserError(f"Het aantal stemmen {label} kan niet negatief zijn.")
    if data.submitted_on and data.voted_on and data.voted_on.is_surely_before(data.submitted_on):
        raise UserError("De stemming kan niet vóór de indiening liggen.", field="voted_on")
    if data.vote_planned_on is not None:
        if not 2000 <= data.vote_planned_on.year <= 2100:
            raise UserError("Kies een datum tussen 2000 en 2100.", field="vote_planned_on")
        planned = PartialDate.from_date(data.vote_planned_on)
        if data.submitted_on and planned.is_surely_before(data.submitted_on):
            raise UserError(
                "De stemming kan niet gepland zijn vóór de indiening.", field="vote_planned_on"
            )
    if data.outcome is None and data.voted_on is not None:
        raise UserError("Geef de uitslag van de stemming op, of 'onbekend'.", field="outcome")
    if data.record_url and not data.record_url.startswith(("https://", "http://")):
        raise UserError(
            "De link naar het raadsbesluit moet met https:// beginnen.", field="record_url"
        )
    if data.source_url and not data.source_url.startswith(("https://", "http://")):
        raise UserError("De link naar de bron moet met https:// beginnen.", field="source_url")
    if data.raadsperiode is not None and data.raadsperiode not in RAADSPERIODES:
        raise UserError("Kies de raadsperiode 2022-2026 of 2026-2030.", field="raadsperiode")
    other = {f.raadsperiode for f in data.stemmingen} - {data.raadsperiode or ""}
    if data.raadsperiode is not None and other:
        raise UserError(
            f"De fracties die stemden horen bij de raad van {', '.join(sorted(other))}, "
            f"niet bij die van {data.raadsperiode}.",
            field="raadsperiode",
        )
    fracties = [f for f in {*data.indieners, *data.stemmingen} if f.gemeente is not gemeente]
    if fracties:
        raise UserError(f"Fractie {fracties[0].name} hoort niet bij {gemeente.name}.")
    if data.votes_for is not None and data.votes_against is not None:
        if data.outcome is Outcome.AANGENOMEN and data.votes_for <= data.votes_against:
            raise UserError("Een aangenomen motie heeft meer stemmen voor dan tegen.")
        if data.outcome is Outcome.VERWORPEN and data.votes_for > data.votes_against:
            raise UserError("Een verworpen motie heeft niet meer stemmen voor dan tegen.")
        _check_votes_against_seats(data)
        periodes = {fractie.raadsperiode for fractie in data.stemmingen}
        for periode in periodes:
            size = council_size([f for f in gemeente.fracties if f.raadsperiode == periode])
            if size is not None and data.votes_for + data.votes_against > size:
                raise UserError(
                    f"Er zijn meer stemmen ({data.votes_for + data.votes_against}) dan zetels "
                    f"in de raad ({size})."
                )


def _apply(motie: Motie, data: MotieInput) -> None:
    motie.title = data.title
    if data.from_model_motion is False:
        motie.template_version = None
    elif data.from_model_motion and motie.template_version is None:
        motie.template_version = current_version(TemplateKind.MOTIE)
    motie.submitted_on = data.submitted_on
    motie.voted_on = data.voted_on
    motie.vote_planned_on = data.vote_planned_on
    motie.outcome = data.outcome
    motie.votes_for = data.votes_for
    motie.votes_against = data.votes_against
    motie.record_url = data.record_url
    motie.indiener_names = data.indiener_names
    motie.notes = data.notes
    if data.source is not None or motie.source is None:
        motie.source = data.source or ""
        motie.source_url = data.source_url
    motie.raadsperiode = data.raadsperiode or derived_raadsperiode(data)
    motie.indieners = list(data.indieners)
    current = {stemming.fractie: stemming for stemming in motie.stemmingen}
    for fractie, vote in data.stemmingen.items():
        if fractie in current:
            current[fractie].vote = vote
        else:
            motie.stemmingen.append(Stemming(fractie=fractie, vote=vote))
    for fractie, stemming in current.items():
        if fractie not in data.stemmingen:
            motie.stemmingen.remove(stemming)


def add_motie(gemeente: Gemeente, data: MotieInput, seed_key: str | None = None) -> Motie:
    """Validate and stage a new motion with its status change; the caller commits."""
    validate_motie(gemeente, data)
    motie = Motie(gemeente=gemeente, seed_key=seed_key)
    with db.session.no_autoflush:  # the half-built motion must not be flushed by a query
        _apply(motie, data)
    db.session.add(motie)
    refresh_status(gemeente)
    return motie


def change_motie(motie: Motie, data: MotieInput, expected_version: int | None) -> Motie:
    """Validate and stage changes to a motion with its status change; the caller commits."""
    check_version(motie, expected_version, "Deze motie")
    validate_motie(motie.gemeente, data)
    _apply(motie, data)
    motie.updated_at = utcnow()
    refresh_status(motie.gemeente)
    return motie


def create_motie(gemeente: Gemeente, data: MotieInput, seed_key: str | None = None) -> Motie:
    with saving(gemeente.name):
        motie = add_motie(gemeente, data, seed_key)
    return motie


def update_motie(motie: Motie, data: MotieInput, expected_version: int | None) -> Motie:
    with saving("Deze motie"):
        change_motie(motie, data, expected_version)
    return motie


def is_by_previous_council(motie: Motie, today: date) -> bool:
    """Adopted by a council before the one in office: the new council may be asked to
    confirm it."""
    if motie.outcome is not Outcome.AANGENOMEN or motie.raadsperiode not in RAADSPERIODES:
        return False
    current = RAADSPERIODES.index(current_raadsperiode(today))
    return RAADSPERIODES.index(motie.raadsperiode) < current


def gemeenten_adopted_only_by_previous_council(today: date) -> set[int]:
    """The gemeenten whose adoptions all date from a council before the one in office."""
    adopted = db.session.scalars(select(Motie).where(Motie.outcome == Outcome.AANGENOMEN)).all()
    previous = {m.gemeente_id for m in adopted if is_by_previous_council(m, today)}
    current = {m.gemeente_id for m in adopted if not is_by_previous_council(m, today)}
    return previous - current


@dataclass(frozen=True)
class Source:
    """Where a motion's facts come from: a title, and its address when it is on the web."""

    title: str
    url: str | None


def motion_sources(motie: Motie) -> list[Source]:
    """The motion's sources for pages and open data: the recorded source (an appeal letter, a
    news page, a report), then the council's own record of the decision."""
    sources = []
    if motie.source or motie.source_url:
        sources.append(Source(motie.source or motie.source_url or "", motie.source_url))
    if motie.record_url:
        sources.append(Source("Raadsbesluit", motie.record_url))
    return sources


def list_latest_adoptions(limit: int = 10, with_votes: bool = False) -> list[Motie]:
    """Adopted motions, the most recent vote first; undated ones last. `with_votes` loads the
    indieners and each fractie's vote too (for the feed), in the same round of queries."""
    loads = [selectinload(Motie.gemeente)]
    if with_votes:
        loads += [
            selectinload(Motie.indieners),
            selectinload(Motie.stemmingen).selectinload(Stemming.fractie),
        ]
    moties = db.session.scalars(
        select(Motie).where(Motie.outcome == Outcome.AANGENOMEN).options(*loads)
    ).all()
    return sorted(
        moties,
        key=lambda m: (m.voted_on is not None, m.voted_on.sort_key if m.voted_on else (), m.id),
        reverse=True,
    )[:limit]


# A postponed motion (aangehouden) waits for a vote again once a new day is planned.
AWAITING_VOTE = (None, Outcome.AANGEHOUDEN)


def list_planned_votes(from_day: date, awaiting_only: bool = False) -> list[Motie]:
    """Motions whose vote is planned on `from_day` or later, soonest first, then by gemeente.

    `awaiting_only` leaves out those already decided: what the home page calls "Binnenkort in
    de raad". The calendar keeps them, so an event does not vanish from an agenda once voted.
    """
    statement = (
        select(Motie)
        .where(Motie.vote_planned_on.is_not(None), Motie.vote_planned_on >= from_day)
        .options(selectinload(Motie.gemeente), selectinload(Motie.indieners))
    )
    moties = [
        motie
        for motie in db.session.scalars(statement)
        if not awaiting_only or motie.outcome in AWAITING_VOTE
    ]
    return sorted(moties, key=lambda m: (m.vote_planned_on, m.gemeente.name, m.id))


def list_moties_for(gemeente: Gemeente) -> list[Motie]:
    """A gemeente's motions with indieners and per-fractie votes, in one round of queries."""
    return list(
        db.session.scalars(
            select(Motie)
            .where(Motie.gemeente_id == gemeente.id)
            .options(
                selectinload(Motie.indieners),
                selectinload(Motie.stemmingen).selectinload(Stemming.fractie),
            )
            .order_by(Motie.id)
        )
    )


def adoptions_per_year() -> list[tuple[int, int, int]]:
    """(year, adopted that year, adopted up to and including that year), oldest first."""
    years = Counter(
        motie.voted_on.year
        for motie in db.session.scalars(select(Motie).where(Motie.outcome == Outcome.AANGENOMEN))
        if motie.voted_on is not None
    )
    total = 0
    rows = []
    for year in range(min(years, default=0), max(years, default=-1) + 1):
        total += years.get(year, 0)
        rows.append((year, years.get(year, 0), total))
    return rows
