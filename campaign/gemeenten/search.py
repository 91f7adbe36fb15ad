"""Forgiving gemeente search: accents, case and punctuation don't matter, common names work,
and a close misspelling gets a suggestion ("Bedoelde u Amersfoort?")."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from slugify import slugify

# Names people use for a gemeente whose official CBS name differs; the first is shown beside
# the official name ("'s-Gravenhage (Den Haag)").
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "GM0518": ("Den Haag", "The Hague"),  # 's-Gravenhage
    "GM0796": ("Den Bosch",),  # 's-Hertogenbosch
}

# How alike (0-100, rapidfuzz's normalised Indel similarity) a misspelling must be to a name to
# be suggested: "amersfort" scores 95 against "amersfoort", "zwole" 91 against "zwolle" and 77
# against "zeewolde", which is too far off to offer.
SUGGESTION_CUTOFF = 80
# Of several suggestions, only those nearly as close as the best one.
SUGGESTION_MARGIN = 8
MAX_SUGGESTIONS = 3

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """`Súdwest-Fryslân` → `sudwest fryslan`; `'s-Hertogenbosch` → `s hertogenbosch`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", ascii_text).strip()


def common_name(cbs_code: str) -> str | None:
    names = COMMON_NAMES.get(cbs_code)
    return names[0] if names else None


def _searchable_names(name: str, cbs_code: str) -> list[str]:
    return [fold(name), *(fold(common) for common in COMMON_NAMES.get(cbs_code, ()))]


def matches(query: str, name: str, cbs_code: str) -> bool:
    """Part of the name or of a common name, or the CBS code; an empty query matches all."""
    folded_query = fold(query)
    if not folded_query:
        return True
    if folded_query == cbs_code.casefold():
        return True
    return any(folded_query in searchable for searchable in _searchable_names(name, cbs_code))


def is_exact(query: str, name: str, cbs_code: str) -> bool:
    """The whole name, a whole common name or the code: the visitor means this gemeente."""
    folded_query = fold(query)
    return bool(folded_query) and (
        folded_query == cbs_code.casefold() or folded_query in _searchable_names(name, cbs_code)
    )


def suggest(query: str, candidates: Iterable[tuple[str, str]]) -> list[str]:
    """The CBS codes of the names closest to a query that matched nothing, best first.

    `candidates` are (cbs_code, name) pairs. Common names count too, so "den haga" finds
    's-Gravenhage. Far-off names are never offered: a wrong guess is worse than none.
    """
    folded_query = fold(query)
    if not folded_query:
        return []
    choices: dict[tuple[str, int], str] = {}
    for cbs_code, name in candidates:
        for index, searchable in enumerate(_searchable_names(name, cbs_code)):
            choices[(cbs_code, index)] = searchable
    found = process.extract(
        folded_query,
        choices,
        scorer=fuzz.ratio,
        score_cutoff=SUGGESTION_CUTOFF,
        limit=MAX_SUGGESTIONS * 3,
    )
    codes: list[str] = []
    best = found[0][1] if found else 0
    for _, score, (cbs_code, _index) in found:
        if score >= best - SUGGESTION_MARGIN and cbs_code not in codes:
            codes.append(cbs_code)
    return codes[:MAX_SUGGESTIONS]


@functools.lru_cache(maxsize=8192)  # open data asks again for every fractie of every motion
def slug_for(name: str) -> str:
    """A clean URL slug: "Bergen (NH.)" → "bergen-nh", "'s-Hertogenbosch" → "s-hertogenbosch"."""
    return slugify(name, replacements=[["'", ""], ["’", ""]])
