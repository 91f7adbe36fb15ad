"""Forgiving gemeente search: accents, case and punctuation don't matter, common names work."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify

# Names people use for a gemeente whose official CBS name differs.
COMMON_NAMES = {
    "den bosch": "GM0796",  # 's-Hertogenbosch
    "den haag": "GM0518",  # 's-Gravenhage
    "the hague": "GM0518",
}

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """`Súdwest-Fryslân` → `sudwest fryslan`; `'s-Hertogenbosch` → `s hertogenbosch`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", ascii_text).strip()


def matches(query: str, name: str, cbs_code: str) -> bool:
    folded_query = fold(query)
    if not folded_query:
        return True
    if COMMON_NAMES.get(folded_query) == cbs_code:
        return True
    return folded_query in fold(name) or folded_query == cbs_code.casefold()


def slug_for(name: str) -> str:
    """A clean URL slug: "Bergen (NH.)" → "bergen-nh", "'s-Hertogenbosch" → "s-hertogenbosch"."""
    return slugify(name, replacements=[["'", ""], ["’", ""]])
