"""Finding, listing and counting gemeenten."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from campaign.concurrency import check_version, saving
from campaign.errors import UserError
from campaign.extensions import db
from campaign.gemeenten.models import RAADSPERIODES, CampaignStatus, Fractie, Gemeente
from campaign.gemeenten.provenance import FactField, Origin, mark_by_hand
from campaign.gemeenten.search import fold, is_exact, matches, suggest

CBS_CODE = re.compile(r"^GM\d{4}$", re.IGNORECASE)
PROVINCES = (
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
)


class SortKey(StrEnum):
    NAAM = "naam"
    PROVINCIE = "provincie"
    STATUS = "status"


@dataclass(frozen=True)
class GemeenteQuery:
    """What the list of gemeenten is filtered and sorted by; built from query parameters."""

    text: str = ""
    province: str | None = None
    status: CampaignStatus | None = None
    sort: SortKey = SortKey.NAAM
    descending: bool = False

    @classmethod
    def from_args(cls, args: dict[str, str]) -> GemeenteQuery:
        text = args.get("q", "").strip()
        if len(text) > 100:
            raise UserError("De zoekterm is te lang (hooguit 100 tekens).", field="q")
        province = args.get("provincie") or None
        if province is not None and province not in PROVINCES:
            raise UserError(f"Onbekende provincie: {province}.", field="provincie")
        status_text = args.get("status") or None
        try:
            status = CampaignStatus(status_text) if status_text else None
        except ValueError:
            raise UserError(f"Onbekende status: {status_text}.", field="status") from None
        try:
            sort = SortKey(args.get("sorteer") or SortKey.NAAM)
        except ValueError:
            raise UserError("Sorteer op naam, provincie of status.", field="sorteer") from None
        order = args.get("volgorde") or "op"
        if order not in ("op", "af"):
            raise UserError("De volgorde is 'op' of 'af'.", field="volgorde")
        return cls(text, province, status, sort, order == "af")


def _name_key(gemeente: Gemeente) -> str:
    """Sort "'s-Hertogenbosch" under H, as a reader looks for it."""
    return fold(gemeente.name).removeprefix("s ")


def _sort(gemeenten: list[Gemeente], key: SortKey, descending: bool) -> None:
    """Sort by the chosen column; within equal values, always by name A-Z."""
    gemeenten.sort(key=_name_key, reverse=descending and key is SortKey.NAAM)
    if key is SortKey.PROVINCIE:
        gemeenten.sort(key=lambda gemeente: gemeente.province, reverse=descending)
    elif key is SortKey.STATUS:
        order = list(CampaignStatus)
        gemeenten.sort(key=lambda gemeente: order.index(gemeente.status), reverse=descending)


@dataclass(frozen=True)
class GemeenteLink:
    """What a page or file that names many gemeenten needs of each, read without ORM objects
    (`/partijen` and `moties.json` are made again after every change to a motion)."""

    id: int
    cbs_code: str
    name: str
    slug: str


def gemeente_links(in_office: bool = False) -> list[GemeenteLink]:
    """Every gemeente by name, or only those that exist today (`in_office`)."""
    statement = select(Gemeente.id, Gemeente.cbs_code, Gemeente.name, Gemeente.slug)
    if in_office:
        statement = statement.where(Gemeente.ceased_on.is_(None))
    return [GemeenteLink(*row) for row in db.session.execute(statement.order_by(Gemeente.name))]


def list_gemeenten(query: GemeenteQuery | None = None) -> list[Gemeente]:
    """The gemeenten that exist today, filtered and sorted in Python: 342 rows are cheap, and
    folding accents the same way on SQLite and PostgreSQL is not."""
    query = query or GemeenteQuery()
    statement = select(Gemeente).where(Gemeente.ceased_on.is_(None))
    if query.province:
        statement = statement.where(Gemeente.province == query.province)
    if query.status:
        statement = statement.where(Gemeente.status == query.status)
    gemeenten = [
        gemeente
        for gemeente in db.session.scalars(statement.options(selectinload(Gemeente.volunteer)))
        if matches(query.text, gemeente.name, gemeente.cbs_code)
    ]
    _sort(gemeenten, query.sort, query.descending)
    return gemeenten


@dataclass(frozen=True)
class SearchResult:
    """What a search found: the gemeenten that match, the one the visitor surely means (one
    match, or a whole name), and close names to suggest when nothing matched."""

    gemeenten: list[Gemeente]
    chosen: Gemeente | None
    suggestions: list[Gemeente]


def search_gemeenten(query: GemeenteQuery) -> SearchResult:
    found = list_gemeenten(query)
    if not query.text:
        return SearchResult(found, None, [])
    exact = [g for g in found if is_exact(query.text, g.name, g.cbs_code)]
    if len(found) == 1 or len(exact) == 1:
        return SearchResult(found, (exact or found)[0], [])
    if found:
        return SearchResult(found, None, [])
    candidates = list_gemeenten(replace(query, text=""))
    by_code = {g.cbs_code: g for g in candidates}
    codes = suggest(query.text, ((g.cbs_code, g.name) for g in candidates))
    return SearchResult([], None, [by_code[code] for code in codes])


def select_gemeenten(
    status: str | None, province: str | None, codes: tuple[str, ...] = ()
) -> list[Gemeente]:
    """The gemeenten a command line names: by status and province, narrowed to `codes`
    (CBS codes or slugs) when given. Unknown values raise UserError."""
    gemeenten = list_gemeenten(
        GemeenteQuery.from_args({"status": status or "", "provincie": province or ""})
    )
    if not codes:
        return gemeenten
    found = {code: find_gemeente(code) for code in codes}
    unknown = [code for code, gemeente in found.items() if gemeente is None]
    if unknown:
        raise UserError(f"unknown gemeente: {', '.join(unknown)}", field="gemeente")
    wanted = {gemeente.id for gemeente in found.values() if gemeente is not None}
    return [gemeente for gemeente in gemeenten if gemeente.id in wanted]


def gemeenten_with_codes(codes: Iterable[str]) -> list[Gemeente]:
    """The gemeenten with these CBS codes (unknown codes are left out), by name."""
    return list(
        db.session.scalars(
            select(Gemeente).where(Gemeente.cbs_code.in_(set(codes))).order_by(Gemeente.name)
        )
    )


def find_gemeente(code_or_slug: str) -> Gemeente | None:
    """Look a gemeente up by CBS code (`GM0307`, any case) or by slug (`amersfoort`)."""
    if CBS_CODE.match(code_or_slug):
        return db.session.scalar(select(Gemeente).where(Gemeente.cbs_code == code_or_slug.upper()))
    return db.session.scalar(select(Gemeente).where(Gemeente.slug == code_or_slug))


def count_by_status() -> dict[CampaignStatus, int]:
    """Every status with its number of active gemeenten, zeros included, in pipeline order."""
    counted = Counter(
        db.session.scalars(select(Gemeente.status).where(Gemeente.ceased_on.is_(None)))
    )
    return {status: counted.get(status, 0) for status in CampaignStatus}


@dataclass
class GemeenteDetails:
    """What volunteers edit on a gemeente itself."""

    griffie_email: str | None
    website: str | None
    has_noodopvang: bool
    notes: str
    general_email: str | None = None


def set_by_hand(gemeente: Gemeente, field: FactField, value: str | None) -> bool:
    """Store a value a person typed or imported for a field the register also knows, marked
    as entered by hand when it differs from what is stored. True when it changed."""
    if getattr(gemeente, field.value) == value:
        return False
    setattr(gemeente, field.value, value)
    mark_by_hand(gemeente, field)
    return True


def update_details(gemeente: Gemeente, data: GemeenteDetails, expected_version: int | None) -> None:
    with saving(gemeente.name):
        check_version(gemeente, expected_version, gemeente.name)
        if data.website and not data.website.startswith(("https://", "http://")):
            raise UserError("Een website begint met https://.", field="website")
        set_by_hand(gemeente, FactField.GRIFFIE_EMAIL, data.griffie_email)
        set_by_hand(gemeente, FactField.GENERAL_EMAIL, data.general_email)
        set_by_hand(gemeente, FactField.WEBSITE, data.website)
        gemeente.has_noodopvang = data.has_noodopvang
        gemeente.notes = data.notes


@dataclass
class FractieInput:
    name: str
    raadsperiode: str
    seats: int | None = None
    leader_name: str | None = None
    leader_email: str | None = None


def save_fractie(
    gemeente: Gemeente,
    data: FractieInput,
    fractie: Fractie | None = None,
    expected_version: int | None = None,
) -> Fractie:
    with saving(f"Fractie {data.name}"):
        if data.raadsperiode not in RAADSPERIODES:
            raise UserError("Kies de raadsperiode 2022-2026 of 2026-2030.", field="raadsperiode")
        if data.seats is not None and not 0 <= data.seats <= 55:
            raise UserError("Een fractie heeft 0 tot 55 zetels.", field="seats")
        duplicate = db.session.scalar(
            select(Fractie).where(
                Fractie.gemeente_id == gemeente.id,
                Fractie.raadsperiode == data.raadsperiode,
                func.lower(Fractie.name) == data.name.lower(),
            )
        )
        if duplicate is not None and duplicate is not fractie:
            raise UserError(
                f"{gemeente.name} heeft al een fractie {duplicate.name} in {data.raadsperiode}.",
                field="name",
            )
        if fractie is None:
            fractie = Fractie(gemeente=gemeente)
            db.session.add(fractie)
        else:
            check_version(fractie, expected_version, f"Fractie {fractie.name}")
        if (fractie.name, fractie.seats, fractie.raadsperiode) != (
            data.name,
            data.seats,
            data.raadsperiode,
        ):
            # Name and seats are what the register also gives: typed by hand, they now win.
            fractie.origin = Origin.HAND
        fractie.name = data.name
        fractie.raadsperiode = data.raadsperiode
        fractie.seats = data.seats
        fractie.leader_name = data.leader_name
        fractie.leader_email = data.leader_email
    return fractie


def list_fracties(gemeente: Gemeente, raadsperiode: str) -> list[Fractie]:
    return list(
        db.session.scalars(
            select(Fractie)
            .where(Fractie.gemeente_id == gemeente.id, Fractie.raadsperiode == raadsperiode)
            .order_by(func.lower(Fractie.name))
        )
    )
