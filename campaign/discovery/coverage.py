"""Which gemeenten Open Besluitvorming covers, and how current each one's records are.

`/api/status` lists every organisation it knows with a CBS code and an import state. We keep a
copy per source (refreshed at the start of every run) and show it per gemeente, because a
search that finds nothing means something only where the records are there and current.

A gemeente may have several sources (Amsterdam and its stadsdelen share GM0363), and a source
of a gemeente merged away (herindeling: Weesp) belongs to its successor, whose records it now
is part of.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.concurrency import saving
from campaign.dates import utcnow
from campaign.discovery.models import DiscoverySource
from campaign.discovery.records import SourceState, StatusReport
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente

# A gemeente is covered when one of its sources is in one of these states: a search there
# sees its records up to the last import.
CURRENT_STATES = frozenset({SourceState.OK})
SEARCHABLE_STATES = frozenset(
    {
        SourceState.OK,
        SourceState.STALE,
        SourceState.FAILING,
        SourceState.NOT_IMPLEMENTED,
        SourceState.DISCONTINUED,
    }
)


@dataclass(frozen=True)
class CoverageSync:
    sources: int
    gemeenten_covered: int
    unassigned: list[str]


def store_status(report: StatusReport) -> CoverageSync:
    """Replace the stored copy of `/api/status` with `report`, in one transaction."""
    with saving("De dekking"):
        by_code = {g.cbs_code: g for g in db.session.scalars(select(Gemeente))}
        stored = {s.source_key: s for s in db.session.scalars(select(DiscoverySource))}
        now = utcnow()
        unassigned = []
        for status in report.sources:
            source = stored.pop(status.source_key, None)
            if source is None:
                source = DiscoverySource(source_key=status.source_key)
                db.session.add(source)
            gemeente = by_code.get(status.cbs_code or "")
            if gemeente is None and status.successor_cbs_code:
                gemeente = by_code.get(status.successor_cbs_code)
            if gemeente is None and (status.organization_type or "gemeente") == "gemeente":
                unassigned.append(f"{status.source_key} ({status.cbs_code or 'geen CBS-code'})")
            source.label = status.label[:200]
            source.cbs_code = (status.cbs_code or "")[:6] or None
            source.gemeente = gemeente
            source.organization_type = status.organization_type
            source.supplier = status.supplier
            source.state = status.state[:40]
            source.last_success_at = status.last_success
            source.last_run_at = status.last_run
            source.last_run_status = (status.last_run_status or "")[:40] or None
            source.last_error = status.last_error_message
            source.latest_content_at = status.latest_content
            source.discontinued_on = status.discontinued_on
            source.successor_cbs_code = (status.successor_cbs_code or "")[:6] or None
            source.successor_label = status.successor_label
            source.successor_source_key = status.successor_source_key
            source.reported_at = report.generated_at
            source.checked_at = now
        for gone in stored.values():
            db.session.delete(gone)
        db.session.flush()
        covered = {
            s.gemeente_id
            for s in db.session.scalars(select(DiscoverySource))
            if s.gemeente_id is not None and s.state in SEARCHABLE_STATES
        }
    return CoverageSync(len(report.sources), len(covered), unassigned)


@dataclass(frozen=True)
class Coverage:
    """What Open Besluitvorming holds of one gemeente's records."""

    sources: list[DiscoverySource]

    @property
    def is_known(self) -> bool:
        return bool(self.sources)

    @property
    def is_searchable(self) -> bool:
        return any(source.state in SEARCHABLE_STATES for source in self.sources)

    @property
    def is_current(self) -> bool:
        return any(
            source.state in CURRENT_STATES and source.discontinued_on is None
            for source in self.sources
        )

    @property
    def checked_at(self) -> datetime | None:
        return max((s.checked_at for s in self.sources), default=None)

    @property
    def summary(self) -> str:
        """One Dutch phrase for lists: where finding nothing means nothing, say so."""
        if not self.sources:
            return "niet gedekt"
        if self.is_current:
            return "actueel"
        if not self.is_searchable:
            return self.sources[0].state_label
        worst = [s for s in self.sources if s.discontinued_on is None] or self.sources
        return worst[0].state_label


def _sources_by_gemeente(gemeente_ids: set[int] | None = None) -> dict[int, list[DiscoverySource]]:
    query = select(DiscoverySource).where(DiscoverySource.gemeente_id.is_not(None))
    if gemeente_ids is not None:
        query = query.where(DiscoverySource.gemeente_id.in_(gemeente_ids))
    grouped: dict[int, list[DiscoverySource]] = defaultdict(list)
    for source in db.session.scalars(query.order_by(DiscoverySource.label)):
        assert source.gemeente_id is not None
        grouped[source.gemeente_id].append(source)
    return grouped


def coverage_of(gemeente: Gemeente) -> Coverage:
    return Coverage(_sources_by_gemeente({gemeente.id}).get(gemeente.id, []))


def coverage_by_gemeente(gemeente_ids: set[int] | None = None) -> dict[int, Coverage]:
    """Coverage per gemeente id; a gemeente without a source is absent (not covered)."""
    return {gid: Coverage(sources) for gid, sources in _sources_by_gemeente(gemeente_ids).items()}


@dataclass(frozen=True)
class CoverageOverview:
    """Counts for the leads page, and the gemeenten where a search cannot find anything new."""

    checked_at: datetime | None
    current: int
    behind: list[tuple[Gemeente, Coverage]]
    # Without a source, or only one a search cannot reach (never imported).
    not_covered: list[tuple[Gemeente, Coverage | None]]

    @property
    def is_known(self) -> bool:
        return self.checked_at is not None


def coverage_overview() -> CoverageOverview:
    gemeenten = list(
        db.session.scalars(
            select(Gemeente).where(Gemeente.ceased_on.is_(None)).order_by(Gemeente.name)
        )
    )
    coverage = coverage_by_gemeente()
    checked = db.session.scalar(
        select(DiscoverySource.checked_at).order_by(DiscoverySource.checked_at.desc()).limit(1)
    )
    current = 0
    behind: list[tuple[Gemeente, Coverage]] = []
    not_covered: list[tuple[Gemeente, Coverage | None]] = []
    for gemeente in gemeenten:
        found = coverage.get(gemeente.id)
        if found is None or not found.is_searchable:
            not_covered.append((gemeente, found))
        elif found.is_current:
            current += 1
        else:
            behind.append((gemeente, found))
    return CoverageOverview(checked, current, behind, not_covered)


def assigned_sources(gemeente_ids: set[int] | None = None) -> list[DiscoverySource]:
    """Sources assigned to a gemeente (of `gemeente_ids`, or any), by key."""
    query = (
        select(DiscoverySource)
        .where(DiscoverySource.gemeente_id.is_not(None))
        .options(selectinload(DiscoverySource.gemeente))
        .order_by(DiscoverySource.source_key)
    )
    if gemeente_ids is not None:
        query = query.where(DiscoverySource.gemeente_id.in_(gemeente_ids))
    return list(db.session.scalars(query))


def sources_by_key() -> dict[str, DiscoverySource]:
    return {
        source.source_key: source
        for source in db.session.scalars(
            select(DiscoverySource).options(selectinload(DiscoverySource.gemeente))
        )
    }
