"""What the nightly search keeps: which sources cover which gemeente, the extra search terms,
the runs with their progress, and the leads waiting for a volunteer.

A lead is a hit in a council's records, never a fact: only a volunteer who accepts it turns it
into a recorded motion (`campaign.discovery.review`).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.discovery.records import SourceState
from campaign.extensions import Model

if TYPE_CHECKING:
    from campaign.accounts.models import User
    from campaign.gemeenten.models import Gemeente
    from campaign.moties.models import Motie

ENTITY_ID_LENGTH = 300

STATE_LABELS: dict[str, str] = {
    SourceState.OK: "actueel",
    SourceState.STALE: "loopt achter",
    SourceState.FAILING: "import mislukt",
    SourceState.NEVER_IMPORTED: "nog nooit ingelezen",
    SourceState.NOT_IMPLEMENTED: "wordt niet meer bijgewerkt",
    SourceState.DISCONTINUED: "opgeheven",
}
STATE_EXPLANATIONS: dict[str, str] = {
    SourceState.OK: "De raadsinformatie is in de afgelopen 36 uur bijgewerkt.",
    SourceState.STALE: "De laatste geslaagde import is ouder dan 36 uur: "
    "wat daarna is gepubliceerd, kan ontbreken.",
    SourceState.FAILING: "De import mislukt: wat na de laatste geslaagde import is "
    "gepubliceerd, ontbreekt.",
    SourceState.NEVER_IMPORTED: "Er is nog niets ingelezen: zoeken vindt hier niets.",
    SourceState.NOT_IMPLEMENTED: "Alleen oudere stukken zijn doorzoekbaar; nieuwe komen er niet "
    "meer bij.",
    SourceState.DISCONTINUED: "De gemeente is opgeheven; haar oude stukken blijven doorzoekbaar.",
}


class DiscoverySource(Model):
    """One organisation in Open Besluitvorming as `/api/status` last described it.

    A copy of a public source, refreshed at the start of every run: not campaign work, so the
    audit log skips it. `gemeente` is the gemeente whose records it holds: the one with its CBS
    code, or for a source merged away (herindeling) the successor that holds its records now.
    """

    __tablename__ = "discovery_sources"
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    cbs_code: Mapped[str | None] = mapped_column(String(6))
    gemeente_id: Mapped[int | None] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente | None] = relationship()
    organization_type: Mapped[str | None] = mapped_column(String(40))
    supplier: Mapped[str | None] = mapped_column(String(40))
    # The API's own state (ok, stale, failing, never_imported, not_implemented, discontinued);
    # a state it adds later is kept as it comes.
    state: Mapped[str] = mapped_column(String(40))
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_run_status: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(Text)
    latest_content_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    discontinued_on: Mapped[date | None]
    successor_cbs_code: Mapped[str | None] = mapped_column(String(6))
    successor_label: Mapped[str | None] = mapped_column(String(200))
    successor_source_key: Mapped[str | None] = mapped_column(String(120))
    # When the API generated the status we copied, and when we copied it.
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def state_explanation(self) -> str:
        return STATE_EXPLANATIONS.get(self.state, "Onbekende status bij Open Besluitvorming.")


class DiscoveryTerm(Model):
    """A search term an admin added to the built-in ones."""

    __tablename__ = "discovery_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(100))
    # The term's words as the API reads them (lower case, sorted): two spellings of the same
    # words are one term.
    words: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[User | None] = relationship()


class RunState(StrEnum):
    BEZIG = "bezig"
    KLAAR = "klaar"
    KLAAR_MET_FOUTEN = "klaar-met-fouten"
    ONDERBROKEN = "onderbroken"
    # Left unfinished and replaced by a run with other options.
    VERVANGEN = "vervangen"


class DiscoveryRun(Model):
    """One `flask discover`: its options, who runs it, its progress and what it cost."""

    __tablename__ = "discovery_runs"
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[RunState] = mapped_column(str_enum(RunState), default=RunState.BEZIG, index=True)
    strategy: Mapped[str] = mapped_column(String(20))
    since: Mapped[date | None]
    # Space-separated CBS codes; empty for every gemeente.
    gemeente_codes: Mapped[str] = mapped_column(Text, default="")
    # [[term, "YYYY-MM-DD" or null], ...]: each term with the date its searches start from.
    terms: Mapped[list[Any]] = mapped_column(JSON, default=list)
    pid: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str | None] = mapped_column(String(255))
    requests: Mapped[int] = mapped_column(default=0)
    units: Mapped[float] = mapped_column(default=0.0)
    new_leads: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    steps: Mapped[list[DiscoveryStep]] = relationship(
        back_populates="run", order_by="DiscoveryStep.id", cascade="all, delete-orphan"
    )


class DiscoveryStep(Model):
    """One finished search of a run (a term, an entity type, nationwide or one source), so an
    interrupted run starts again after it."""

    __tablename__ = "discovery_steps"
    __table_args__ = (UniqueConstraint("run_id", "key", name="uq_discovery_steps_run_key"),)
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("discovery_runs.id", ondelete="CASCADE"))
    run: Mapped[DiscoveryRun] = relationship(back_populates="steps")
    key: Mapped[str] = mapped_column(String(500))
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    hits: Mapped[int] = mapped_column(default=0)
    new_leads: Mapped[int] = mapped_column(default=0)
    # The API said its results were approximate: it stopped scanning before the end.
    incomplete: Mapped[bool] = mapped_column(default=False)
    # Why the search failed (after the client's retries); a failed step is tried next run.
    error: Mapped[str | None] = mapped_column(Text)


class DiscoveryHit(Model):
    """A search result already looked at, so no later run fetches it again."""

    __tablename__ = "discovery_hits"
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(ENTITY_ID_LENGTH), unique=True)
    lead_id: Mapped[int] = mapped_column(
        ForeignKey("discovery_leads.id", ondelete="CASCADE"), index=True
    )
    lead: Mapped[Lead] = relationship()
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("discovery_runs.id", ondelete="SET NULL"), index=True
    )
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LeadState(StrEnum):
    NIEUW = "nieuw"
    GEACCEPTEERD = "geaccepteerd"
    AFGEWEZEN = "afgewezen"


class Lead(Model):
    """A motion or document in a gemeente's records that matched a search term.

    `entity_id` is the record the lead is about: the motion when it is known, else the
    document. A document that turned out to be a motion's text and a motion whose text was
    found first point at each other, so one motion is one lead however it was found.
    Everything but the review fields is what the record says, copied when it was found (and
    brought up to date while nobody has reviewed it).
    """

    __tablename__ = "discovery_leads"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(ENTITY_ID_LENGTH), unique=True)
    motion_entity_id: Mapped[str | None] = mapped_column(String(ENTITY_ID_LENGTH), index=True)
    document_entity_id: Mapped[str | None] = mapped_column(String(ENTITY_ID_LENGTH), index=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeenten.id"), index=True)
    gemeente: Mapped[Gemeente] = relationship()
    source_key: Mapped[str] = mapped_column(String(120))
    # "Motion" or "Document": what the search found.
    entity_type: Mapped[str] = mapped_column(String(20))
    organization: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    day: Mapped[date | None]
    # The search result's plain-text summary (never its HTML).
    snippet: Mapped[str] = mapped_column(Text, default="")
    term: Mapped[str] = mapped_column(String(100))
    # The API's normalised result, and the supplier's own wording of it.
    result: Mapped[str | None] = mapped_column(String(20))
    result_label: Mapped[str | None] = mapped_column(String(200))
    tally_for: Mapped[int | None]
    tally_against: Mapped[int | None]
    # [{"group": name, "voor": n, "tegen": n}, ...] counted from the members' votes.
    group_votes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    vote_summary: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The record itself (the council's PDF) when the API links it; `web_url` is its page on
    # Open Besluitvorming. Both are http(s) addresses or absent.
    record_url: Mapped[str | None] = mapped_column(String(1000))
    web_url: Mapped[str] = mapped_column(String(1000))
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("discovery_runs.id", ondelete="SET NULL"), index=True
    )
    state: Mapped[LeadState] = mapped_column(
        str_enum(LeadState), default=LeadState.NIEUW, index=True
    )
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handled_by: Mapped[User | None] = relationship()
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dismissal_reason: Mapped[str | None] = mapped_column(Text)
    motie_id: Mapped[int | None] = mapped_column(ForeignKey("moties.id"))
    motie: Mapped[Motie | None] = relationship()
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    @property
    def audited_gemeente_id(self) -> int | None:
        return self.gemeente_id

    @property
    def link(self) -> str:
        """Where a volunteer reads the record: the council's document, else its page."""
        return self.record_url or self.web_url

    @property
    def is_motion(self) -> bool:
        return self.motion_entity_id is not None
