"""Turning a search hit into a lead: fetch what the record says, and store it once.

A Motion hit is fetched as the motion (outcome, tally, votes). A Document hit is fetched as the
document and, when it belongs to a meeting, the meeting too: if one of the meeting's motions has
this document as its text, the lead is that motion, with its outcome and votes. So the motion's
PDF found by its words and the motion found by its title become one lead, whichever comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from campaign.concurrency import saving
from campaign.dates import utcnow
from campaign.discovery.client import OpenBesluitvormingClient
from campaign.discovery.entities import Entity, MotionRecord
from campaign.discovery.errors import ApiError
from campaign.discovery.models import (
    ENTITY_ID_LENGTH,
    DiscoveryHit,
    DiscoveryRun,
    Lead,
    LeadState,
)
from campaign.discovery.records import SearchHit
from campaign.extensions import db
from campaign.gemeenten.models import Gemeente

_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
MAX_URL_LENGTH = 1000


def safe_url(value: str | None) -> str | None:
    """An http(s) address from the API, or None: a `javascript:` or odd value never becomes a
    link on our pages."""
    if not value or len(value) > MAX_URL_LENGTH or not _URL.match(value):
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return None
    return value


def _plain(value: str | None, limit: int) -> str:
    """Text from the API with control characters (a NUL no database stores) turned to spaces."""
    text = value or ""
    cleaned = "".join(" " if ord(char) < 32 and char not in "\n\t" else char for char in text)
    return cleaned.strip()[:limit]


@dataclass
class LeadFacts:
    """What a record says, as a lead keeps it."""

    entity_id: str
    entity_type: str
    organization: str
    title: str
    day: date | None
    web_url: str
    record_url: str | None = None
    motion_entity_id: str | None = None
    document_entity_id: str | None = None
    result: str | None = None
    result_label: str | None = None
    tally_for: int | None = None
    tally_against: int | None = None
    group_votes: list[dict[str, Any]] = field(default_factory=list)
    vote_summary: str | None = None
    parties: list[str] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        return {i for i in (self.entity_id, self.motion_entity_id, self.document_entity_id) if i}


def _apply_motion(facts: LeadFacts, motion: MotionRecord) -> None:
    facts.result = (motion.result or "")[:20] or None
    facts.result_label = _plain(motion.status, 200) or None
    if motion.tally is not None:
        facts.tally_for, facts.tally_against = motion.tally.in_favour, motion.tally.against
    facts.group_votes = [
        {
            "group": _plain(group.group_name, 200) or "?",
            "voor": group.in_favour,
            "tegen": group.against,
        }
        for group in motion.group_votes
    ]
    facts.vote_summary = _plain(motion.vote_summary, 2000) or None
    facts.parties = [_plain(party, 200) for party in (motion.parties or motion.proposers)][:40]


def facts_of_motion(entity: Entity) -> LeadFacts:
    assert entity.motion is not None
    facts = LeadFacts(
        entity_id=entity.entity_id,
        entity_type="Motion",
        organization=_plain(entity.organization, 200),
        title=_plain(entity.motion.name or entity.title, 2000),
        day=entity.day,
        web_url=entity.web_url,
        record_url=safe_url(entity.pdf_url) or safe_url(entity.download_url),
        motion_entity_id=entity.entity_id,
        document_entity_id=entity.pdf_entity_id or entity.motion.attachment_id,
    )
    _apply_motion(facts, entity.motion)
    return facts


def _motion_with_text(meeting: Entity, document: Entity) -> MotionRecord | None:
    for motion in meeting.motions:
        if motion.attachment_id == document.entity_id:
            return motion
        if motion.download_url and motion.download_url == document.download_url:
            return motion
    return None


def fetch_facts(client: OpenBesluitvormingClient, hit: SearchHit) -> LeadFacts:
    """What the record behind `hit` says: one request, two for a document in a meeting."""
    entity = client.entity(hit.entity_id)
    if entity.motion is not None:
        return facts_of_motion(entity)
    facts = LeadFacts(
        entity_id=entity.entity_id,
        entity_type=entity.entity_type,
        organization=_plain(entity.organization, 200),
        title=_plain(entity.title, 2000),
        day=entity.day,
        web_url=entity.web_url,
        record_url=safe_url(entity.pdf_url) or safe_url(entity.download_url),
        document_entity_id=entity.entity_id if entity.entity_type == "Document" else None,
    )
    if entity.entity_type == "Document" and entity.meeting_id:
        try:
            meeting = client.entity(entity.meeting_id)
        except ApiError:
            # The document is a lead all the same; its motion may turn up by its own name.
            return facts
        motion = _motion_with_text(meeting, entity)
        if motion is not None and motion.motion_id and len(motion.motion_id) <= ENTITY_ID_LENGTH:
            facts.entity_id = facts.motion_entity_id = motion.motion_id
            facts.title = _plain(motion.name, 2000) or facts.title
            facts.day = facts.day or meeting.day
            facts.web_url = client.web_url(motion.motion_id)
            _apply_motion(facts, motion)
    return facts


def is_known(entity_id: str) -> bool:
    return (
        db.session.scalar(select(DiscoveryHit.id).where(DiscoveryHit.entity_id == entity_id))
        is not None
    )


def _lead_for(ids: set[str]) -> Lead | None:
    return db.session.scalar(
        select(Lead)
        .where(
            or_(
                Lead.entity_id.in_(ids),
                Lead.motion_entity_id.in_(ids),
                Lead.document_entity_id.in_(ids),
            )
        )
        .order_by(Lead.id)
        .limit(1)
    )


def _fill(lead: Lead, facts: LeadFacts) -> None:
    lead.entity_type = facts.entity_type
    lead.organization = facts.organization
    lead.title = facts.title
    lead.day = facts.day
    lead.result = facts.result
    lead.result_label = facts.result_label
    lead.tally_for, lead.tally_against = facts.tally_for, facts.tally_against
    lead.group_votes = facts.group_votes
    lead.vote_summary = facts.vote_summary
    lead.parties = facts.parties
    lead.record_url = facts.record_url or lead.record_url
    lead.web_url = facts.web_url


def store_hit(
    hit: SearchHit,
    facts: LeadFacts,
    gemeente: Gemeente,
    source_key: str,
    term: str,
    run: DiscoveryRun,
) -> tuple[Lead, bool]:
    """Store the hit and its lead in one commit; (the lead, whether it is new).

    A hit about a record an earlier hit already led to joins that lead. While nobody has
    reviewed it, a lead takes the motion's facts when a motion turns up for a document."""
    with saving("Deze vondst"):
        lead = _lead_for(facts.ids | {hit.entity_id})
        created = lead is None
        if lead is None:
            lead = Lead(
                entity_id=facts.entity_id,
                gemeente=gemeente,
                source_key=source_key,
                snippet=_plain(hit.snippet, 2000),
                term=term[:100],
                run_id=run.id,
            )
            _fill(lead, facts)
            db.session.add(lead)
        elif (
            lead.motion_entity_id is None
            and facts.motion_entity_id is not None
            and lead.state is LeadState.NIEUW
        ):
            _fill(lead, facts)
        lead.motion_entity_id = lead.motion_entity_id or facts.motion_entity_id
        lead.document_entity_id = lead.document_entity_id or facts.document_entity_id
        db.session.flush()
        for entity_id in {hit.entity_id, *facts.ids}:
            if len(entity_id) <= ENTITY_ID_LENGTH and not is_known(entity_id):
                db.session.add(DiscoveryHit(entity_id=entity_id, lead=lead, run_id=run.id))
        if created:
            run.new_leads += 1
        run.heartbeat_at = utcnow()
    return lead, created
