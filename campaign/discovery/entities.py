"""Typed views of `/api/entities/{id}`: a motion's outcome, tally and votes, or a meeting's.

Per-member votes exist only where the council's system publishes them (iBabs with a voting
module); Notubiz sources give the outcome, the submitting parties and at most a free-text
`vote_summary`. Every field that may be missing is therefore optional, and what a group voted
is counted from the members' votes rather than assumed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from campaign.discovery.fields import (
    ShapeError,
    as_object,
    day,
    integer,
    required_text,
    text,
    texts,
)


class MotionResult(StrEnum):
    """The API's normalised outcome of a motion; `MotionRecord.status` keeps the supplier's."""

    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    INGETROKKEN = "ingetrokken"
    AANGEHOUDEN = "aangehouden"
    OVERIG = "overig"


@dataclass(frozen=True)
class Tally:
    in_favour: int
    against: int


@dataclass(frozen=True)
class MemberVote:
    """One council member's vote. `option` is only ever `voor` or `tegen`: an abstention or an
    absence is simply not in the list."""

    option: str
    voter_id: str | None
    voter_name: str | None
    group_id: str | None
    group_name: str | None


@dataclass(frozen=True)
class GroupVote:
    """How one fractie's members voted, counted from the per-member votes."""

    group_id: str | None
    group_name: str | None
    in_favour: int
    against: int

    @property
    def is_split(self) -> bool:
        return self.in_favour > 0 and self.against > 0


@dataclass(frozen=True)
class MotionRecord:
    """A motion as the council's system registered it: a registry entry, its text lives in an
    attached document (absent for about 40% of motions)."""

    motion_id: str | None
    name: str
    motion_type: str | None
    status: str | None
    result: str | None
    date: str | None
    proposers: tuple[str, ...]
    co_proposers: tuple[str, ...]
    parties: tuple[str, ...]
    tally: Tally | None
    votes: tuple[MemberVote, ...]
    vote_summary: str | None
    agenda_item_id: str | None
    agenda_item_hint: str | None
    attachment_id: str | None
    download_url: str | None
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def group_votes(self) -> tuple[GroupVote, ...]:
        """Votes per fractie in the order the fracties first appear; empty without votes."""
        counts: dict[tuple[str | None, str | None], list[int]] = {}
        for vote in self.votes:
            pair = counts.setdefault((vote.group_id, vote.group_name), [0, 0])
            if vote.option == "voor":
                pair[0] += 1
            elif vote.option == "tegen":
                pair[1] += 1
        return tuple(
            GroupVote(group_id=group_id, group_name=name, in_favour=votes_for, against=against)
            for (group_id, name), (votes_for, against) in counts.items()
        )


@dataclass(frozen=True)
class Entity:
    """Any entity the API returns; `motion` is set for a Motion, `motions` for a Meeting."""

    entity_id: str
    entity_type: str
    title: str
    organization: str
    date_label: str
    day: date | None
    text: str | None
    download_url: str | None
    pdf_url: str | None
    pdf_entity_id: str | None
    meeting_id: str | None
    web_url: str
    motion: MotionRecord | None
    motions: tuple[MotionRecord, ...]
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def record_url(self) -> str:
        """Where a volunteer can read the record: the document itself when the API links one,
        otherwise the entity's page on Open Besluitvorming."""
        return self.pdf_url or self.download_url or self.web_url


def _vote(item: Any) -> MemberVote:
    data = as_object(item, "vote")
    return MemberVote(
        option=required_text(data, "option", "vote"),
        voter_id=text(data, "voter"),
        voter_name=text(data, "voter_name"),
        group_id=text(data, "group"),
        group_name=text(data, "group_name"),
    )


def _tally(value: Any) -> Tally | None:
    if not isinstance(value, Mapping):
        return None
    in_favour, against = integer(value, "in_favour"), integer(value, "against")
    if in_favour is None or against is None:
        return None
    return Tally(in_favour=in_favour, against=against)


def parse_motion(item: Any) -> MotionRecord:
    data = as_object(item, "motion")
    votes = data.get("votes")
    return MotionRecord(
        motion_id=text(data, "id"),
        name=text(data, "name") or "",
        motion_type=text(data, "motion_type"),
        status=text(data, "status"),
        result=text(data, "result"),
        date=text(data, "date"),
        proposers=texts(data, "proposers"),
        co_proposers=texts(data, "co_proposers"),
        parties=texts(data, "parties"),
        tally=_tally(data.get("tally")),
        votes=tuple(_vote(vote) for vote in votes) if isinstance(votes, list) else (),
        vote_summary=text(data, "vote_summary"),
        agenda_item_id=text(data, "agenda_item"),
        agenda_item_hint=text(data, "agenda_item_hint"),
        attachment_id=text(data, "attachment_id"),
        download_url=text(data, "download_url"),
        raw=data,
    )


def parse_entity(body: Any, *, web_url: Callable[[str], str]) -> Entity:
    data = as_object(body, "entity answer")
    entity_id = required_text(data, "entityId", "entity answer")
    entity_type = required_text(data, "entityType", "entity answer")
    motion = data.get("motion")
    motions = data.get("motions")
    if entity_type == "Motion" and not isinstance(motion, Mapping):
        raise ShapeError("Motion entity has no 'motion' object")
    return Entity(
        entity_id=entity_id,
        entity_type=entity_type,
        title=text(data, "title") or "",
        organization=text(data, "organization") or "",
        date_label=text(data, "date") or "",
        day=day(data, "sortDate"),
        text=text(data, "markdownText"),
        download_url=text(data, "downloadUrl"),
        pdf_url=text(data, "pdfUrl"),
        pdf_entity_id=text(data, "pdfEntityId"),
        meeting_id=text(data, "meetingId"),
        web_url=web_url(entity_id),
        motion=parse_motion(motion) if isinstance(motion, Mapping) else None,
        motions=tuple(parse_motion(item) for item in motions) if isinstance(motions, list) else (),
        raw=data,
    )
