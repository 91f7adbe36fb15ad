"""A party key, so that a vote's `PvdD` and the register's `Partij voor de Dieren` are one party.

Rules, in this order:

1. Folding: accents and case go (`Appèl` = `appel`), dots and apostrophes go (`D.O.P.` = `DOP`,
   `D'66` = `D66`), and every other character that is not a letter or digit separates words. The
   folded name is its words run together, so spacing and punctuation do not matter either
   (`Gemeente Belangen` = `GemeenteBelangen`, `GroenLinks/PvdA` = `GroenLinks-PvdA`).
2. National parties: a folded name that is the folded name, key or an alias of a party in
   `seed_data/partijen.csv` gets that party's key (`Partij voor de Dieren` and `PvdD` → `pvdd`).
   Joint lists are parties of their own: `GroenLinks-PvdA` (in either order, with `-` or `/`) is
   `groenlinks-pvda`, distinct from `groenlinks` and `pvda`; `ChristenUnie-SGP` likewise.
3. Local branches: given the gemeente, a name that is a national name followed by the gemeente's
   own name (`CDA Amersfoort`, `D66 voor Heerde`) is that national party. A place inside the
   gemeente or any other addition keeps the name local: `VVD Alphen KVS`, `Wij zijn Someren/VVD`,
   `GB/VVD`, `D66+GroenLinks` and `BBB-HMV` are local lists or combinations, not the party.
4. Everything else is local: its key is its folded name, which means something only together with
   its gemeente (two gemeenten's `Gemeentebelangen` are different parties).

A wrong merge is worse than a missed one, so only names that are plainly the national party are
aliases; defunct or unverified names (LPF, Trots op Nederland, `PRO`) are not in the file.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

PARTIES_FILE = Path(__file__).resolve().parents[2] / "seed_data" / "partijen.csv"
_DROPPED = re.compile(r"[.'’‘`´]")
_SEPARATOR = re.compile(r"[\W_]+")
_KEY = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


@dataclass(frozen=True)
class NationalParty:
    key: str
    name: str
    aliases: tuple[str, ...]


def _words(text: str) -> list[str]:
    # Decomposing before and after case folding makes folding a folded name change nothing.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word for word in _SEPARATOR.split(_DROPPED.sub("", plain)) if word]


def fold(name: str) -> str:
    """`Christen-Democratisch Appèl` → `christendemocratischappel`."""
    return "".join(_words(name))


def read_national_parties(text: str) -> tuple[NationalParty, ...]:
    """Parse `key,name,aliases` (aliases `|`-separated) and refuse an alias of two parties."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != ["key", "name", "aliases"]:
        raise ValueError(f"expected the columns key,name,aliases, not {reader.fieldnames}")
    parties: list[NationalParty] = []
    owners: dict[str, str] = {}
    for row in reader:
        key, name = row["key"].strip(), row["name"].strip()
        if not _KEY.fullmatch(key) or not name:
            raise ValueError(f"line {reader.line_num}: a key is lower-case a-z, 0-9 and '-'")
        aliases = tuple(
            alias.strip() for alias in (row["aliases"] or "").split("|") if alias.strip()
        )
        for spelling in (key, name, *aliases):
            folded = fold(spelling)
            if owners.setdefault(folded, key) != key:
                raise ValueError(f"{spelling!r} would be both {owners[folded]} and {key}")
        parties.append(NationalParty(key=key, name=name, aliases=aliases))
    return tuple(parties)


@functools.cache
def national_parties() -> Mapping[str, NationalParty]:
    """The national parties of `seed_data/partijen.csv` by key, read once."""
    parties = read_national_parties(PARTIES_FILE.read_text(encoding="utf-8"))
    return MappingProxyType({party.key: party for party in parties})


@functools.cache
def _keys_by_spelling() -> Mapping[str, str]:
    return MappingProxyType(
        {
            fold(spelling): party.key
            for party in national_parties().values()
            for spelling in (party.key, party.name, *party.aliases)
        }
    )


def is_national(key: str) -> bool:
    return key in national_parties()


@functools.lru_cache(maxsize=16384)  # pages ask again for every fractie of every council
def party_key(name: str, gemeente: str | None = None) -> str:
    """The party's key: a national key, or the folded name of a local party (see the rules above).

    `gemeente` is the name of the gemeente the party stands in (`Amersfoort` or the register's
    `Gemeente Amersfoort`); without it, `CDA Amersfoort` stays a local name.
    """
    words = _words(name)
    if not words:
        raise ValueError(f"party name {name!r} has no letters or digits")
    known = _keys_by_spelling()
    folded = "".join(words)
    if folded in known:
        return known[folded]
    place = _words(gemeente or "")
    if place[:1] == ["gemeente"]:
        place = place[1:]
    if place and len(words) > len(place) and words[-len(place) :] == place:
        rest = words[: -len(place)]
        if len(rest) > 1 and rest[-1] == "voor":
            rest = rest[:-1]
        national = known.get("".join(rest))
        if national is not None:
            return national
    return folded


def _key_or_none(name: str, gemeente: str | None) -> str | None:
    try:
        return party_key(name, gemeente)
    except ValueError:
        return None


def pair_names(
    names: Sequence[str], others: Sequence[str], gemeente: str | None = None
) -> dict[int, int]:
    """Pair names of one council with the names in `others` that are the same party.

    The same name (case aside) pairs first; then the same party key, but only where that key
    belongs to one name on each side (two local lists that fold alike are left unpaired rather
    than guessed). Returns {index in names: index in others}; each index is used at most once.
    """
    pairs: dict[int, int] = {}
    free: dict[str, list[int]] = defaultdict(list)
    for index, other in enumerate(others):
        free[other.casefold()].append(index)
    for index, name in enumerate(names):
        candidates = free.get(name.casefold())
        if candidates:
            pairs[index] = candidates.pop(0)
    taken = set(pairs.values())
    left: dict[str, list[int]] = defaultdict(list)
    right: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        key = None if index in pairs else _key_or_none(name, gemeente)
        if key is not None:
            left[key].append(index)
    for index, other in enumerate(others):
        key = None if index in taken else _key_or_none(other, gemeente)
        if key is not None:
            right[key].append(index)
    for key, indices in left.items():
        if len(indices) == 1 and len(right.get(key, [])) == 1:
            pairs[indices[0]] = right[key][0]
    return pairs


@functools.lru_cache(maxsize=1024)
def party_label(key: str, name: str) -> str:
    """How a party is named on pages: the national party's usual short name (`PvdD`, `VVD`,
    `GroenLinks-PvdA`), else `name` as the gemeente registered it."""
    party = national_parties().get(key)
    if party is None:
        return name
    plain = key.replace("-", "")
    return next((s for s in (party.name, *party.aliases) if fold(s) == plain), party.name)
