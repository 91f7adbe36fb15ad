"""What the pages show of the search: leads per gemeente, the panel of one gemeente, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from campaign.discovery.coverage import Coverage, coverage_by_gemeente, coverage_of
from campaign.discovery.models import Lead, LeadState
from campaign.discovery.review import lead_outcome
from campaign.discovery.runs import last_finished_at
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.moties.models import Motie

MAX_LEADS_SHOWN = 300


def count_waiting_leads() -> int:
    """Leads no volunteer has accepted or dismissed yet (for the dashboard)."""
    return (
        db.session.scalar(
            select(func.count()).select_from(Lead).where(Lead.state == LeadState.NIEUW)
        )
        or 0
    )


@dataclass(frozen=True)
class LeadGroup:
    gemeente: Gemeente
    coverage: Coverage | None
    leads: list[Lead]
    moties: list[Motie]

    def suggested_motie(self, lead: Lead) -> Motie | None:
        return suggest_motie(lead, self.moties)


def suggest_motie(lead: Lead, moties: list[Motie]) -> Motie | None:
    """The gemeente's motion this lead most likely is: the one with the same link, else one
    still undecided, else a decided one of the same outcome voted on that day or month. None
    means a new motion."""
    links = {lead.record_url, lead.web_url} - {None}
    for motie in moties:
        if motie.record_url in links:
            return motie
    undecided = [motie for motie in moties if not motie.is_decided]
    if undecided:
        return undecided[-1]
    outcome = lead_outcome(lead)
    for motie in moties:
        voted = motie.voted_on
        if (
            lead.day is not None
            and outcome is not None
            and motie.outcome is outcome
            and voted is not None
            and voted.first_day() <= lead.day <= voted.last_day()
        ):
            return motie
    return None


def leads_by_gemeente(state: LeadState, gemeente: Gemeente | None = None) -> list[LeadGroup]:
    """Leads in `state` grouped per gemeente by name, with each gemeente's coverage and
    motions (for accepting into one), in a fixed number of queries."""
    query = (
        select(Lead)
        .where(Lead.state == state)
        .options(
            selectinload(Lead.gemeente).selectinload(Gemeente.fracties),
            selectinload(Lead.handled_by),
            selectinload(Lead.motie),
        )
        .order_by(Lead.found_at.desc(), Lead.id.desc())
        .limit(MAX_LEADS_SHOWN)
    )
    if gemeente is not None:
        query = query.where(Lead.gemeente_id == gemeente.id)
    leads = list(db.session.scalars(query))
    ids = {lead.gemeente_id for lead in leads}
    coverage = coverage_by_gemeente(ids)
    moties: dict[int, list[Motie]] = {}
    for motie in db.session.scalars(
        select(Motie)
        .where(Motie.gemeente_id.in_(ids))
        .options(selectinload(Motie.indieners), selectinload(Motie.stemmingen))
        .order_by(Motie.id)
    ):
        moties.setdefault(motie.gemeente_id, []).append(motie)
    groups: dict[int, LeadGroup] = {}
    for lead in leads:
        group = groups.get(lead.gemeente_id)
        if group is None:
            group = groups[lead.gemeente_id] = LeadGroup(
                lead.gemeente,
                coverage.get(lead.gemeente_id),
                [],
                moties.get(lead.gemeente_id, []),
            )
        group.leads.append(lead)
    return sorted(groups.values(), key=lambda group: group.gemeente.name)


def count_leads() -> dict[str, int]:
    """Leads per state, by the state's value."""
    counts = dict.fromkeys((state.value for state in LeadState), 0)
    for state, number in db.session.execute(select(Lead.state, func.count()).group_by(Lead.state)):
        counts[state.value] = number
    return counts


@dataclass(frozen=True)
class DiscoveryPanel:
    """The workspace panel: what Open Besluitvorming holds of this gemeente, its leads."""

    coverage: Coverage
    waiting: list[Lead]
    handled: list[Lead]
    last_run_at: datetime | None


def panel_for(gemeente: Gemeente) -> DiscoveryPanel:
    leads = list(
        db.session.scalars(
            select(Lead)
            .where(Lead.gemeente_id == gemeente.id)
            .options(selectinload(Lead.handled_by))
            .order_by(Lead.found_at.desc(), Lead.id.desc())
            .limit(50)
        )
    )
    return DiscoveryPanel(
        coverage_of(gemeente),
        [lead for lead in leads if lead.state is LeadState.NIEUW],
        [lead for lead in leads if lead.state is not LeadState.NIEUW][:5],
        last_finished_at(),
    )
