"""One run of the nightly search: which searches it makes, and what it does with each hit.

Strategy (measured in bench/discover.py, see the README): a run over every gemeente searches
nationwide, one search per entity type and term, and assigns each hit to its gemeente by the
source key inside the entity id. That costs a few pages a night instead of a search per
source (about 300 per term and type). The API scans at most 6,000 index rows for one search;
where it stopped before the end (the last page says `totalIsApproximate`, or fewer results
came back than it counted), the nationwide result is not trusted and that term and type are
searched again per source, where each result set is small. A run for chosen gemeenten
searches their sources directly.

Motions are searched before documents: a motion's text found by its words is then already
known as the motion's document and costs no further request.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from campaign.discovery.client import OpenBesluitvormingClient
from campaign.discovery.coverage import (
    SEARCHABLE_STATES,
    assigned_sources,
    sources_by_key,
    store_status,
)
from campaign.discovery.errors import ApiError, ApiUnavailable
from campaign.discovery.leads import fetch_facts, is_known, store_hit
from campaign.discovery.models import ENTITY_ID_LENGTH, DiscoveryRun, DiscoverySource, RunState
from campaign.discovery.records import SearchHit, SourceState
from campaign.discovery.runs import RunOptions, claim_run, done_steps, finish_run, record_step
from campaign.errors import ConflictError
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente

SEARCHED_TYPES = ("Motion", "Document")
TYPE_LABELS = {"Motion": "motions", "Document": "documents"}


@dataclass(frozen=True)
class Step:
    entity_type: str
    term: str
    date_from: date | None
    source: DiscoverySource | None

    @property
    def key(self) -> str:
        scope = self.source.source_key if self.source else "*"
        since = self.date_from.isoformat() if self.date_from else "-"
        return f"{self.entity_type}|{scope}|{since}|{self.term}"

    def describe(self) -> str:
        scope = "nationwide"
        if self.source is not None:
            scope = f"in {self.source.label} ({self.source.source_key})"
        return f"{TYPE_LABELS[self.entity_type]} “{self.term}” {scope}"


@dataclass
class Summary:
    run_id: int
    resumed: bool
    strategy: str
    since: date | None
    state: RunState = RunState.BEZIG
    gemeenten_searched: int = 0
    gemeenten_not_covered: int = 0
    steps_done: int = 0
    steps_skipped: int = 0
    requests: int = 0
    units: float = 0.0
    new_leads: int = 0
    known_hits: int = 0
    skipped_sources: list[tuple[str, str]] = field(default_factory=list)
    skipped_hits: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)


def _skip_reason(source: DiscoverySource, date_from: date | None) -> str | None:
    if source.state == SourceState.NEVER_IMPORTED:
        return "never imported: nothing to search"
    if source.state not in SEARCHABLE_STATES:
        return f"state {source.state!r}"
    if (
        source.state == SourceState.DISCONTINUED
        and source.discontinued_on is not None
        and date_from is not None
        and source.discontinued_on < date_from
    ):
        return f"discontinued on {source.discontinued_on}, before the searched period"
    return None


class Discovery:
    """Carries out one run; `echo` gets a line of progress at a time."""

    def __init__(
        self,
        client: OpenBesluitvormingClient,
        options: RunOptions,
        echo: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.client = client
        self.options = options
        self.echo = echo
        self._requests = self._units = 0.0

    def run(self) -> Summary:
        run, resumed = claim_run(self.options)
        self.run_record = run
        self.summary = Summary(run.id, resumed, run.strategy, run.since)
        if resumed:
            self.echo(f"Resuming run {run.id} where it stopped.")
        try:
            self._prepare(run)
            for step in self._plan(run):
                self._execute(run, step)
        except ApiUnavailable as error:
            self._finish(run, RunState.ONDERBROKEN, str(error))
            self.summary.failures.append(f"the API could not be reached: {error}")
            return self.summary
        except BaseException as error:
            db.session.rollback()
            self._finish(run, RunState.ONDERBROKEN, f"{type(error).__name__}: {error}")
            raise
        state = RunState.KLAAR_MET_FOUTEN if self.summary.failures else RunState.KLAAR
        self._finish(run, state, None)
        return self.summary

    def _spent(self) -> tuple[int, float]:
        """Requests and units since the last time the run's counters were stored."""
        stats = self.client.stats
        requests, units = stats.requests - self._requests, stats.units - self._units
        self._requests, self._units = stats.requests, stats.units
        return int(requests), units

    def _finish(self, run: DiscoveryRun, state: RunState, error: str | None) -> None:
        requests, units = self._spent()
        finish_run(run, state, requests, units, error)
        self.summary.state = state
        self.summary.requests, self.summary.units = run.requests, run.units
        self.summary.new_leads = run.new_leads

    def _prepare(self, run: DiscoveryRun) -> None:
        sync = store_status(self.client.status())
        self.echo(
            f"Coverage: {sync.sources} sources, {sync.gemeenten_covered} gemeenten searchable."
        )
        if sync.unassigned:
            self.echo(f"Gemeente sources without a gemeente here: {', '.join(sync.unassigned)}")
        self.sources = sources_by_key()
        codes = run.gemeente_codes.split()
        self.selected: set[int] | None = None
        if codes:
            self.selected = set(
                db.session.scalars(select(Gemeente.id).where(Gemeente.cbs_code.in_(codes)))
            )
        candidates = assigned_sources(self.selected)
        earliest = min((self._date(d) for _, d in run.terms), default=None, key=_date_key)
        self.searchable = []
        for source in candidates:
            reason = _skip_reason(source, earliest)
            if reason:
                self.summary.skipped_sources.append((source.source_key, reason))
            else:
                self.searchable.append(source)
        if self.selected is None:
            for source in self.sources.values():
                if source.gemeente_id is None:
                    kind = source.organization_type or "organisation"
                    self.summary.skipped_sources.append(
                        (source.source_key, f"{kind}, not a gemeente of today")
                    )
            total = db.session.scalar(select(func.count()).select_from(Gemeente)) or 0
        else:
            total = len(self.selected)
        searched = {source.gemeente_id for source in self.searchable}
        self.summary.gemeenten_searched = len(searched)
        self.summary.gemeenten_not_covered = total - len(searched)
        self.done = done_steps(run)

    @staticmethod
    def _date(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    def _plan(self, run: DiscoveryRun) -> Iterator[Step]:
        for entity_type in SEARCHED_TYPES:
            for term, since in run.terms:
                date_from = self._date(since)
                if run.strategy == "nationwide":
                    step = Step(entity_type, term, date_from, None)
                    yield step
                    outcome = self.done.get(step.key)
                    if outcome is None or not outcome.incomplete:
                        continue
                    self.summary.incomplete.append(
                        f"{step.describe()}: the API's results were incomplete, searched per source"
                    )
                for source in self.searchable:
                    if _skip_reason(source, date_from) is None:
                        yield Step(entity_type, term, date_from, source)

    def _execute(self, run: DiscoveryRun, step: Step) -> None:
        if step.key in self.done:
            self.summary.steps_skipped += 1
            return
        hits = new = 0
        seen: set[str] = set()
        error = None
        incomplete = False
        offset = 0
        try:
            while True:
                page = self.client.search(
                    step.term,
                    step.source.source_key if step.source else None,
                    entity_type=step.entity_type,
                    date_from=step.date_from,
                    offset=offset,
                )
                for hit in page.hits:
                    if hit.entity_id in seen:
                        continue
                    seen.add(hit.entity_id)
                    hits += 1
                    new += self._handle(run, step, hit)
                if not page.has_more or not page.hits:
                    counted = page.total_count
                    incomplete = page.total_is_approximate or (
                        counted is not None and len(seen) < counted
                    )
                    break
                offset = page.next_offset
        except ApiError as failure:
            error = f"{failure.code}: {failure.message}"
            if failure.request_id:
                error += f" (request id {failure.request_id})"
            self.summary.failures.append(f"{step.describe()}: {error}")
        requests, units = self._spent()
        outcome = record_step(
            run,
            step.key,
            hits=hits,
            new_leads=new,
            incomplete=incomplete,
            error=error,
            requests=requests,
            units=units,
        )
        if error is None:
            self.done[step.key] = outcome
            self.summary.steps_done += 1
        self.echo(
            f"{step.describe()}: {hits} hits, {new} new"
            + (f" — FAILED: {error}" if error else "")
            + (" (incomplete)" if incomplete else "")
        )

    def _handle(self, run: DiscoveryRun, step: Step, hit: SearchHit) -> int:
        """Store the hit's lead when it is new; 1 when a lead was added."""
        if len(hit.entity_id) > ENTITY_ID_LENGTH:
            self.summary.skipped_hits["entity id too long"] += 1
            return 0
        source_key = hit.source_key or ""
        source = self.sources.get(source_key)
        if source is None:
            self.summary.skipped_hits[f"unknown source {source_key or hit.entity_id!r}"] += 1
            return 0
        gemeente = source.gemeente
        if gemeente is None:
            self.summary.skipped_hits[f"{source_key}: not a gemeente of today"] += 1
            return 0
        if self.selected is not None and gemeente.id not in self.selected:
            return 0
        if is_known(hit.entity_id):
            self.summary.known_hits += 1
            return 0
        try:
            facts = fetch_facts(self.client, hit)
        except ApiError as failure:
            self.summary.skipped_hits[f"record could not be fetched ({failure.code})"] += 1
            return 0
        try:
            lead, created = store_hit(hit, facts, gemeente, source_key, step.term, run)
        except ConflictError:
            # Another process stored the same record a moment ago.
            db.session.rollback()
            self.summary.known_hits += 1
            return 0
        if not created:
            self.summary.known_hits += 1
            return 0
        outcome = lead.result or "no result"
        if lead.tally_for is not None:
            outcome += f", {lead.tally_for}-{lead.tally_against}"
        self.echo(f"  new lead: {gemeente.name}: {lead.title[:80]} ({outcome})")
        return 1


def _date_key(value: date | None) -> date:
    return value or date.min


def run_discovery(
    client: OpenBesluitvormingClient,
    options: RunOptions,
    echo: Callable[[str], None] = lambda line: None,
) -> Summary:
    """Search, store the leads, and say what it did. Raises UserError when a run is already
    going. A failed search ends its step, not the run; an unreachable API interrupts the run,
    to be resumed by the next one."""
    return Discovery(client, options, echo).run()
