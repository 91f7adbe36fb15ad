"""Where a gemeente's facts come from: an export of the public register, or a volunteer.

The Register van Overheidsorganisaties gives every gemeente's inhabitants, addresses and council.
Each fact loaded from it names the export it comes from (`RegisterSource`: where it was read and
the export's date). A value a volunteer entered or changed is marked `hand` and wins: a later
load never overwrites it, and where the register says something else, the difference waits for
review in /beheer ("register: X, hier: Y") until a volunteer takes the register's value or keeps
their own.

Per gemeente, `GemeenteFact` says this for each field the register also knows (`FactField`);
the values themselves stay on `Gemeente`, where every feature reads them. A fractie carries its
own `origin` (see `Fractie`); the council as registered is a `Raad` (see `models.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import DUTCH_TIME, utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model, db

if TYPE_CHECKING:
    from campaign.gemeenten.models import Gemeente

REGISTER_TITLE = "Register van Overheidsorganisaties (organisaties.overheid.nl)"
REGISTER_URL = "https://organisaties.overheid.nl"
HAND_TITLE = "KinderpardonNU (ingevoerd door de campagne)"


class Origin(StrEnum):
    REGISTER = "register"  # as an export of the register gives it; the next load may update it
    HAND = "hand"  # entered or changed by a volunteer; a load never overwrites it


class FactField(StrEnum):
    """The gemeente's fields that the register also knows, by their attribute on `Gemeente`."""

    INHABITANTS = "inhabitants"
    WEBSITE = "website"
    GENERAL_EMAIL = "general_email"
    GRIFFIE_EMAIL = "griffie_email"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS = {
    FactField.INHABITANTS: "inwoners",
    FactField.WEBSITE: "website",
    FactField.GENERAL_EMAIL: "algemeen e-mailadres",
    FactField.GRIFFIE_EMAIL: "e-mailadres griffie",
}


class CouncilIssue(StrEnum):
    """Why a council as registered is doubtful. Shown, never repaired."""

    SEATS_MISMATCH = "seats_mismatch"
    UNUSUAL_COUNCIL_SIZE = "unusual_council_size"
    DUPLICATE_PARTY = "duplicate_party"
    SIZE_UNLIKE_INHABITANTS = "size_unlike_inhabitants"

    @property
    def explanation(self) -> str:
        return ISSUE_EXPLANATIONS[self]


ISSUE_EXPLANATIONS = {
    CouncilIssue.SEATS_MISMATCH: "de zetels van de partijen tellen niet op tot het totaal",
    CouncilIssue.UNUSUAL_COUNCIL_SIZE: "zo'n aantal zetels kent de Gemeentewet niet",
    CouncilIssue.DUPLICATE_PARTY: "een partij staat er twee keer in",
    CouncilIssue.SIZE_UNLIKE_INHABITANTS: (
        "het aantal zetels past niet bij het aantal inwoners: mogelijk nog maar deels ingevuld"
    ),
}


class RegisterSource(Model):
    """One export of the register as it was loaded: the source and date of the facts it gave."""

    __tablename__ = "register_sources"
    __table_args__ = (
        UniqueConstraint("location", "export_date", name="uq_register_sources_location_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The file name or URL it was read from, e.g. `seed_data/register` for the seed facts.
    location: Mapped[str] = mapped_column(String(500))
    export_date: Mapped[date]
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def title(self) -> str:
        return REGISTER_TITLE


class GemeenteFact(Model):
    """Where the value of one field of a gemeente comes from, and what the register says of it.

    With `origin` register the value on the gemeente is `register_value`, from `source`. With
    `origin` hand a volunteer set it at `changed_at`; `register_value` is then what the latest
    export said, and `kept_value` a register value the volunteer chose not to take, so that the
    same difference is not put before them again.
    """

    __tablename__ = "gemeente_facts"
    __table_args__ = (UniqueConstraint("gemeente_id", "field", name="uq_gemeente_facts_field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship(back_populates="facts")
    field: Mapped[FactField] = mapped_column(str_enum(FactField))
    origin: Mapped[Origin] = mapped_column(str_enum(Origin, length=10))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    register_value: Mapped[str | None] = mapped_column(String(500))
    register_label: Mapped[str | None] = mapped_column(String(100))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("register_sources.id"))
    source: Mapped[RegisterSource | None] = relationship()
    kept_value: Mapped[str | None] = mapped_column(String(500))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id

    @property
    def is_by_hand(self) -> bool:
        return self.origin is Origin.HAND


@dataclass(frozen=True)
class SourcedFact:
    """A fact about a gemeente with where it comes from and as of when."""

    value: str | int
    source: str
    date: date | None
    is_by_hand: bool


def sourced_fact(gemeente: Gemeente, field: FactField) -> SourcedFact | None:
    """The field's value with its source: the register's export it comes from, or the campaign
    with the day a volunteer entered it. None when the value is not known."""
    value = getattr(gemeente, field.value)
    if value is None:
        return None
    fact = fact_for(gemeente, field)
    if fact is not None and not fact.is_by_hand and fact.source is not None:
        return SourcedFact(value, fact.source.title, fact.source.export_date, False)
    changed = fact.changed_at.astimezone(DUTCH_TIME).date() if fact is not None else None
    return SourcedFact(value, HAND_TITLE, changed, True)


def fact_for(gemeente: Gemeente, field: FactField) -> GemeenteFact | None:
    return next((fact for fact in gemeente.facts if fact.field is field), None)


def mark_by_hand(gemeente: Gemeente, field: FactField) -> None:
    """Record that a volunteer set this field (also to empty): no load overwrites it now.

    Called by every service that stores a value a person typed or imported."""
    fact = fact_for(gemeente, field)
    if fact is None:
        fact = GemeenteFact(gemeente=gemeente, field=field)
        db.session.add(fact)
    fact.origin = Origin.HAND
    fact.changed_at = utcnow()
