"""Export of the gemeenten list, and all-or-nothing imports of fracties and contact details."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.accounts.models import User
from campaign.dates import today
from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import whole_number
from campaign.gemeenten.models import RAADSPERIODES, Fractie, Gemeente
from campaign.gemeenten.parties import pair_names
from campaign.gemeenten.provenance import FactField, Origin
from campaign.gemeenten.search import fold
from campaign.gemeenten.services import GemeenteQuery, set_by_hand
from campaign.outreach.worklist import WorklistQuery, list_worklist
from campaign.transfer.csvfiles import read_rows, write_csv

EXPORT_HEADER = [
    "code",
    "naam",
    "provincie",
    "status",
    "status_sinds",
    "vrijwilliger",
    "griffie_email",
    "website",
    "noodopvang",
    "laatste_contact",
    "volgende_opvolging",
    "notities",
]


def export_gemeenten_csv(user: User) -> str:
    """The worklist for a spreadsheet: volunteers open it in Excel, so it is written for it."""
    rows = list_worklist(WorklistQuery(GemeenteQuery()), user, today())
    return write_csv(
        EXPORT_HEADER,
        (
            [
                row.gemeente.cbs_code,
                row.gemeente.name,
                row.gemeente.province,
                row.gemeente.status.label,
                row.gemeente.status_began.isoformat() if row.gemeente.status_began else "",
                row.gemeente.volunteer.name if row.gemeente.volunteer else "",
                row.gemeente.griffie_email or "",
                row.gemeente.website or "",
                "ja" if row.gemeente.has_noodopvang else "nee",
                row.last_contact.isoformat() if row.last_contact else "",
                row.next_follow_up.isoformat() if row.next_follow_up else "",
                row.gemeente.notes,
            ]
            for row in rows
        ),
        for_excel=True,
    )


class ImportKind(StrEnum):
    FRACTIES = "fracties"
    CONTACTGEGEVENS = "contactgegevens"


COLUMNS = {
    ImportKind.FRACTIES: [
        "gemeente",
        "raadsperiode",
        "fractie",
        "zetels",
        "fractievoorzitter",
        "email",
    ],
    ImportKind.CONTACTGEGEVENS: ["gemeente", "griffie_email", "website", "noodopvang"],
}
REQUIRED = {
    ImportKind.FRACTIES: ["gemeente", "raadsperiode", "fractie"],
    ImportKind.CONTACTGEGEVENS: ["gemeente"],
}


@dataclass
class PlannedRow:
    number: int
    values: dict[str, str]
    action: str = ""
    errors: list[str] = field(default_factory=list)
    apply: Any = None


@dataclass
class ImportPlan:
    kind: ImportKind
    rows: list[PlannedRow]

    @property
    def is_valid(self) -> bool:
        return all(not row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)


def _gemeente_index() -> dict[str, Gemeente]:
    index: dict[str, Gemeente] = {}
    for gemeente in db.session.scalars(select(Gemeente).options(selectinload(Gemeente.fracties))):
        index[gemeente.cbs_code.lower()] = gemeente
        index[gemeente.slug] = gemeente
        index[fold(gemeente.name)] = gemeente
    return index


def _email(value: str, label: str, errors: list[str]) -> str | None:
    if not value:
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        errors.append(f"{label} '{value}' is geen geldig e-mailadres.")
        return None


def _plan_fractie(row: PlannedRow, gemeente: Gemeente, existing: dict[Any, Fractie]) -> None:
    values, errors = row.values, row.errors
    periode, name = values.get("raadsperiode", ""), values.get("fractie", "")
    if periode not in RAADSPERIODES:
        errors.append(f"Raadsperiode '{periode}' bestaat niet; kies 2022-2026 of 2026-2030.")
    if not name or len(name) > 120:
        errors.append("Vul de naam van de fractie in (hooguit 120 tekens).")
    seats_text = values.get("zetels", "")
    seats = whole_number(seats_text, maximum=55)
    if seats_text and seats is None:
        errors.append(f"Zetels '{seats_text[:20]}' is geen aantal van 0 tot 55.")
    leader = values.get("fractievoorzitter", "") or None
    if leader is not None and len(leader) > 120:
        errors.append("De naam van de fractievoorzitter is te lang (hooguit 120 tekens).")
    email = _email(values.get("email", ""), "E-mail", errors)
    if errors:
        return
    key = (gemeente.id, periode, name.casefold())
    fractie = existing.get(key) or _same_party(gemeente, periode, name, existing)
    row.action = f"bijwerken ({fractie.name})" if fractie else "nieuw"

    def apply() -> None:
        target = existing.get(key) or _same_party(gemeente, periode, name, existing)
        if target is None:
            target = Fractie(gemeente=gemeente, raadsperiode=periode, name=name)
            db.session.add(target)
            existing[key] = target
        if seats is not None and seats != target.seats:
            target.origin = Origin.HAND  # typed by a person: the register no longer changes it
            target.seats = seats
        target.leader_name = leader or target.leader_name
        target.leader_email = email or target.leader_email

    row.apply = apply


def _same_party(
    gemeente: Gemeente, periode: str, name: str, existing: dict[Any, Fractie]
) -> Fractie | None:
    """The council's fractie of the same party under another name (`PvdD` for the register's
    `Partij voor de Dieren`), when exactly one fits."""
    council = [f for f in gemeente.fracties if f.raadsperiode == periode]
    pairs = pair_names([name], [f.name for f in council], gemeente.name)
    return council[pairs[0]] if 0 in pairs else None


NOODOPVANG = {"ja": True, "j": True, "1": True, "nee": False, "n": False, "0": False}


def _plan_contact_details(row: PlannedRow, gemeente: Gemeente) -> None:
    values, errors = row.values, row.errors
    email = _email(values.get("griffie_email", ""), "Griffie-e-mail", errors)
    website = values.get("website", "") or None
    if website and not website.startswith(("https://", "http://")):
        errors.append(f"Website '{website}' moet met https:// beginnen.")
    noodopvang_text = values.get("noodopvang", "").lower()
    if noodopvang_text and noodopvang_text not in NOODOPVANG:
        errors.append(f"Noodopvang '{values.get('noodopvang')}' is ja of nee.")
    if errors:
        return
    row.action = "bijwerken"

    def apply() -> None:
        if email:
            set_by_hand(gemeente, FactField.GRIFFIE_EMAIL, email)
        if website:
            set_by_hand(gemeente, FactField.WEBSITE, website)
        if noodopvang_text:
            gemeente.has_noodopvang = NOODOPVANG[noodopvang_text]

    row.apply = apply


def plan_import(kind: ImportKind, text: str) -> ImportPlan:
    """Check every row and say what it would do; nothing is stored yet."""
    records = read_rows(text, REQUIRED[kind])
    if len(records) > 5000:
        raise UserError("Hooguit 5000 rijen per keer.")
    gemeenten = _gemeente_index()
    existing = {
        (f.gemeente_id, f.raadsperiode, f.name.casefold()): f
        for f in db.session.scalars(select(Fractie))
    }
    plan = ImportPlan(kind, [])
    seen: set[Any] = set()
    for number, values in enumerate(records, start=2):
        row = PlannedRow(number, {column: values.get(column, "") for column in COLUMNS[kind]})
        plan.rows.append(row)
        reference = values.get("gemeente", "")
        gemeente = gemeenten.get(reference.lower()) or gemeenten.get(fold(reference))
        if gemeente is None:
            row.errors.append(f"Onbekende gemeente '{reference}'.")
            continue
        key = (gemeente.id, values.get("raadsperiode"), values.get("fractie", "").casefold())
        if kind is ImportKind.FRACTIES and key in seen:
            row.errors.append("Deze fractie staat al eerder in het bestand.")
            continue
        seen.add(key)
        if kind is ImportKind.FRACTIES:
            _plan_fractie(row, gemeente, existing)
        else:
            _plan_contact_details(row, gemeente)
    return plan


def run_import(kind: ImportKind, text: str) -> ImportPlan:
    """Apply every row in one transaction, or none when any row is wrong."""
    plan = plan_import(kind, text)
    if not plan.is_valid:
        raise UserError(f"{plan.error_count} rij(en) bevatten fouten; er is niets opgeslagen.")
    try:
        for row in plan.rows:
            row.apply()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return plan
