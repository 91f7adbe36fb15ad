"""A motion in one gemeente's council, who submitted it and how each fractie voted."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import PartialDate, utcnow
from campaign.dbtypes import PartialDateType, UTCDateTime, str_enum
from campaign.extensions import Model, db

if TYPE_CHECKING:
    from campaign.documents.models import TemplateVersion
    from campaign.gemeenten.models import Fractie, Gemeente


UNKNOWN_TITLE = "Motie (titel onbekend)"


class Outcome(StrEnum):
    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    INGETROKKEN = "ingetrokken"
    AANGEHOUDEN = "aangehouden"
    # Voted on, but the result is not known to the campaign.
    ONBEKEND = "onbekend"


class Vote(StrEnum):
    VOOR = "voor"
    TEGEN = "tegen"
    VERDEELD = "verdeeld"
    ONBEKEND = "onbekend"


motie_indieners = Table(
    "motie_indieners",
    db.metadata,
    Column("motie_id", ForeignKey("moties.id", ondelete="CASCADE"), primary_key=True),
    Column("fractie_id", ForeignKey("fracties.id", ondelete="CASCADE"), primary_key=True),
)


class Motie(Model):
    __tablename__ = "moties"
    __table_args__ = (
        CheckConstraint("votes_for IS NULL OR votes_for >= 0", name="votes_for_not_negative"),
        CheckConstraint(
            "votes_against IS NULL OR votes_against >= 0", name="votes_against_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship(back_populates="moties")
    template_version_id: Mapped[int | None] = mapped_column(ForeignKey("template_versions.id"))
    # Set when the motion was made from the campaign's model motion (that text version).
    template_version: Mapped[TemplateVersion | None] = relationship(lazy="selectin")
    # None where the source does not give the motion's own title.
    title: Mapped[str | None] = mapped_column(String(250))
    submitted_on: Mapped[PartialDate | None] = mapped_column(PartialDateType)
    voted_on: Mapped[PartialDate | None] = mapped_column(PartialDateType)
    # The day of the council meeting where the vote is announced (agenda published, or told by
    # a raadslid); None when not known. Not the day it was voted on: that is `voted_on`.
    vote_planned_on: Mapped[date | None]
    # None while the council has not decided yet.
    outcome: Mapped[Outcome | None] = mapped_column(str_enum(Outcome))
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    record_url: Mapped[str | None] = mapped_column(String(500))
    # Names of the raadsleden who signed, one per line, as typed.
    indiener_names: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Where the facts come from, such as the campaign's appeal letter: its title, and its
    # address when it is on the web.
    source: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str | None] = mapped_column(String(500))
    # The council that voted (or will vote) on it; None when not known.
    raadsperiode: Mapped[str | None] = mapped_column(String(9))
    # Marks a motion that came from seed_data/, so `flask init` never adds it twice.
    seed_key: Mapped[str | None] = mapped_column(String(60), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    indieners: Mapped[list[Fractie]] = relationship(
        secondary=motie_indieners, order_by="Fractie.name"
    )
    stemmingen: Mapped[list[Stemming]] = relationship(
        back_populates="motie", cascade="all, delete-orphan"
    )

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id

    @property
    def display_title(self) -> str:
        """The one title of this motion on every page and in the API: the model motion's title
        when it was made from it, else the title recorded, else that it is unknown."""
        if self.template_version is not None:
            return self.template_version.title
        return self.title or UNKNOWN_TITLE

    @property
    def is_decided(self) -> bool:
        return self.outcome is not None and self.outcome is not Outcome.ONBEKEND


class Stemming(Model):
    """How one fractie voted on one motion."""

    __tablename__ = "stemmingen"
    __table_args__ = (
        UniqueConstraint("motie_id", "fractie_id", name="uq_stemmingen_motie_fractie"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    motie_id: Mapped[int] = mapped_column(ForeignKey("moties.id", ondelete="CASCADE"))
    motie: Mapped[Motie] = relationship(back_populates="stemmingen")
    fractie_id: Mapped[int] = mapped_column(ForeignKey("fracties.id"), index=True)
    fractie: Mapped[Fractie] = relationship()
    vote: Mapped[Vote] = mapped_column(str_enum(Vote))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.motie.gemeente_id if self.motie is not None else None
