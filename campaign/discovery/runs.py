"""The bookkeeping of `flask discover`: starting or resuming a run, and what it searches.

A run is stored before it searches anything, and every finished search (a step) and every
lead is committed as it completes. A run that dies (a kill, a power cut, the API gone) stays
`bezig` or becomes `onderbroken`; the next `flask discover` takes it up again with the same
options and skips the steps already done, and a hit already stored is never stored again
(`discovery_hits` holds every entity id looked at).

Two runs at once would share one rate limit and search the same things, so a run refuses to
start while another is alive: one on this machine whose process still exists, or one elsewhere
that gave a sign of life in the last `STALE_AFTER`.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from campaign.concurrency import saving
from campaign.dates import DUTCH_TIME, utcnow
from campaign.discovery.models import DiscoveryRun, DiscoveryStep, RunState
from campaign.discovery.terms import list_terms
from campaign.errors import UserError
from campaign.extensions import db

# Records a council publishes can show up in the index with a date some weeks back (a motion's
# text attached after the meeting); a nightly run therefore looks back this far before the
# start of the last complete run.
OVERLAP_DAYS = 30
STALE_AFTER = timedelta(minutes=15)
STRATEGIES = ("auto", "nationwide", "per-source")


@dataclass(frozen=True)
class RunOptions:
    since: date | None = None
    gemeente_codes: tuple[str, ...] = ()
    strategy: str = "auto"

    @property
    def codes_text(self) -> str:
        return " ".join(sorted(set(self.gemeente_codes)))

    @property
    def chosen_strategy(self) -> str:
        if self.strategy != "auto":
            return self.strategy
        return "per-source" if self.gemeente_codes else "nationwide"


def _process_is_alive(pid: int) -> bool:
    if pid == os.getpid():
        # This process runs one command at a time: a run it started before is not running now.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_alive(run: DiscoveryRun) -> bool:
    if run.state is not RunState.BEZIG:
        return False
    if run.host == socket.gethostname() and run.pid is not None:
        return _process_is_alive(run.pid)
    return utcnow() - run.heartbeat_at < STALE_AFTER


def _fits(run: DiscoveryRun, options: RunOptions) -> bool:
    """Whether `options` ask for the interrupted `run`: what they leave open, it decides."""
    return (
        (options.since is None or options.since == run.since)
        and (not options.gemeente_codes or options.codes_text == run.gemeente_codes)
        and (options.strategy == "auto" or options.strategy == run.strategy)
    )


def last_complete_run() -> DiscoveryRun | None:
    """The latest run over every gemeente that finished without a failed search."""
    return db.session.scalar(
        select(DiscoveryRun)
        .where(DiscoveryRun.state == RunState.KLAAR, DiscoveryRun.gemeente_codes == "")
        .order_by(DiscoveryRun.started_at.desc(), DiscoveryRun.id.desc())
        .limit(1)
    )


def _terms_with_dates(since: date | None, explicit: bool) -> list[list[str | None]]:
    """Each searched term with the date its searches start: `since`, except for a term added
    after the last complete run, which has never been searched over the past."""
    last = None if explicit else last_complete_run()
    planned: list[list[str | None]] = []
    for term in list_terms():
        if term.covered_by is not None:
            continue
        start = since
        added = term.record.created_at if term.record is not None else None
        if last is not None and added is not None and added > last.started_at:
            start = None
        planned.append([term.text, start.isoformat() if start else None])
    return planned


def default_since() -> date | None:
    last = last_complete_run()
    if last is None:
        return None
    return last.started_at.astimezone(DUTCH_TIME).date() - timedelta(days=OVERLAP_DAYS)


def claim_run(options: RunOptions) -> tuple[DiscoveryRun, bool]:
    """The run to carry out: the interrupted one these options fit, or a new one. Also says
    whether it resumes. Refuses while another run is alive."""
    with saving("De zoekronde"):
        unfinished = db.session.scalar(
            select(DiscoveryRun)
            .where(DiscoveryRun.state.in_([RunState.BEZIG, RunState.ONDERBROKEN]))
            .order_by(DiscoveryRun.id.desc())
            .limit(1)
        )
        if unfinished is not None and is_alive(unfinished):
            raise UserError(
                f"run {unfinished.id} is still going (process {unfinished.pid} on "
                f"{unfinished.host}, last active {unfinished.heartbeat_at:%Y-%m-%d %H:%M} UTC)"
            )
        resumed = unfinished is not None and _fits(unfinished, options)
        if unfinished is not None and resumed:
            run = unfinished
        else:
            if unfinished is not None:
                unfinished.state = RunState.VERVANGEN
                unfinished.finished_at = utcnow()
            since = options.since if options.since is not None else default_since()
            run = DiscoveryRun(
                strategy=options.chosen_strategy,
                since=since,
                gemeente_codes=options.codes_text,
                terms=_terms_with_dates(since, explicit=options.since is not None),
            )
            db.session.add(run)
        run.state = RunState.BEZIG
        run.pid = os.getpid()
        run.host = socket.gethostname()[:255]
        run.heartbeat_at = utcnow()
        run.error = None
    return run, resumed


def done_steps(run: DiscoveryRun) -> dict[str, DiscoveryStep]:
    return {
        step.key: step
        for step in db.session.scalars(
            select(DiscoveryStep).where(
                DiscoveryStep.run_id == run.id, DiscoveryStep.error.is_(None)
            )
        )
    }


def record_step(
    run: DiscoveryRun,
    key: str,
    *,
    hits: int,
    new_leads: int,
    incomplete: bool,
    error: str | None,
    requests: int,
    units: float,
) -> DiscoveryStep:
    """Commit a finished (or failed) search and the run's counters together."""
    with saving("De zoekronde"):
        step = db.session.scalar(
            select(DiscoveryStep).where(DiscoveryStep.run_id == run.id, DiscoveryStep.key == key)
        )
        if step is None:
            step = DiscoveryStep(run=run, key=key)
            db.session.add(step)
        step.hits, step.new_leads = hits, new_leads
        step.incomplete, step.error = incomplete, error
        step.finished_at = utcnow()
        _count(run, requests, units)
    return step


def _count(run: DiscoveryRun, requests: int, units: float) -> None:
    run.requests += requests
    run.units += units
    run.heartbeat_at = utcnow()


def finish_run(
    run: DiscoveryRun, state: RunState, requests: int, units: float, error: str | None = None
) -> None:
    with saving("De zoekronde"):
        run.state = state
        run.error = error
        if state is not RunState.ONDERBROKEN:
            run.finished_at = utcnow()
        _count(run, requests, units)


def latest_run() -> DiscoveryRun | None:
    return db.session.scalar(select(DiscoveryRun).order_by(DiscoveryRun.id.desc()).limit(1))


def last_finished_at() -> datetime | None:
    return db.session.scalar(
        select(DiscoveryRun.finished_at)
        .where(DiscoveryRun.state.in_([RunState.KLAAR, RunState.KLAAR_MET_FOUTEN]))
        .order_by(DiscoveryRun.finished_at.desc())
        .limit(1)
    )
