"""Matching the fracties a council record names to the gemeente's fracties in Motietracker.

A record spells a fractie as the council's system does (`Fractie CDA`, `raadsleden cda`,
`PvdD`); the fracties we keep are spelled as typed or imported (`Partij voor de Dieren`). Both
go through the party key, so usual abbreviations and a gemeente's own name after a national
party fold together. A name that matches no fractie, or more than one, is left unmatched and
reported: a wrong match would record a vote a fractie never cast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from campaign.gemeenten.models import Fractie
from campaign.gemeenten.parties import party_key
from campaign.moties.models import Vote

# "Fractie CDA", "raadsleden cda", "de fractie van D66": what a system puts before the name.
_PREFIX = re.compile(r"^(?:de\s+)?(?:raads)?(?:fractie|leden|lid)(?:\s+van)?\s+(?=\S)", re.I)


def _key(name: str, gemeente_name: str) -> str | None:
    """The party key of a name without the words a council's system puts before it."""
    try:
        return party_key(_PREFIX.sub("", name.strip()), gemeente_name)
    except ValueError:
        return None


@dataclass(frozen=True)
class GroupMatch:
    votes: dict[Fractie, Vote]
    unmatched: list[str]


def _index(fracties: Iterable[Fractie], gemeente_name: str) -> dict[str, list[Fractie]]:
    index: dict[str, list[Fractie]] = {}
    for fractie in fracties:
        key = _key(fractie.name, gemeente_name)
        if key is not None:
            index.setdefault(key, []).append(fractie)
    return index


def match_fractie(name: str, fracties: Sequence[Fractie], gemeente_name: str) -> Fractie | None:
    key = _key(name, gemeente_name)
    found = _index(fracties, gemeente_name).get(key or "", [])
    return found[0] if len(found) == 1 else None


def match_group_votes(
    group_votes: Iterable[Mapping[str, Any]], fracties: Sequence[Fractie], gemeente_name: str
) -> GroupMatch:
    """Each fractie's vote from the members' votes counted per group: voor or tegen when its
    members agreed, verdeeld when they did not."""
    index = _index(fracties, gemeente_name)
    counts: dict[Fractie, list[int]] = {}
    unmatched = []
    for group in group_votes:
        name = str(group.get("group") or "")
        found = index.get(_key(name, gemeente_name) or "", [])
        if len(found) != 1:
            unmatched.append(name)
            continue
        pair = counts.setdefault(found[0], [0, 0])
        pair[0] += int(group.get("voor") or 0)
        pair[1] += int(group.get("tegen") or 0)
    votes = {}
    for fractie, (in_favour, against) in counts.items():
        if in_favour and against:
            votes[fractie] = Vote.VERDEELD
        elif in_favour:
            votes[fractie] = Vote.VOOR
        elif against:
            votes[fractie] = Vote.TEGEN
    return GroupMatch(votes, unmatched)
