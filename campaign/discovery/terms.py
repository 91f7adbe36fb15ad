"""The words the nightly search looks for: the motion's own wording, plus what admins add.

The API drops punctuation and ANDs the words of a query, so a term whose words include all
words of another term can only find what the other finds: "Pleidooi voor gewortelde kinderen"
finds a subset of "gewortelde kinderen". Such a term is kept (it documents what we look for)
but not searched while the broader term is, which halves the searches of a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from campaign.accounts.models import User
from campaign.concurrency import saving
from campaign.discovery.models import DiscoveryTerm
from campaign.errors import UserError
from campaign.extensions import db

# The distinctive wording of the campaign's model motion ("MOTIE Pleidooi voor gewortelde
# kinderen"); built in, so a fresh installation searches for it without any setting.
BUILT_IN_TERMS = ("gewortelde kinderen", "Pleidooi voor gewortelde kinderen")
MAX_TERM_LENGTH = 100
_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> frozenset[str]:
    """The words the API searches for: letters and digits, lower case; punctuation drops."""
    return frozenset(_WORD.findall(text.casefold()))


def words_key(text: str) -> str:
    return " ".join(sorted(words_of(text)))


@dataclass(frozen=True)
class Term:
    text: str
    is_built_in: bool
    # The broader term that finds everything this one finds, if any.
    covered_by: str | None = None
    record: DiscoveryTerm | None = None


def list_terms() -> list[Term]:
    """Built-in terms first, then the added ones in the order they were added, each with a
    broader term that finds everything it finds (the relation is transitive, so following
    `covered_by` always ends at a term that is searched)."""
    added = list(
        db.session.scalars(
            select(DiscoveryTerm)
            .options(selectinload(DiscoveryTerm.created_by))
            .order_by(DiscoveryTerm.created_at, DiscoveryTerm.id)
        )
    )
    entries: list[tuple[str, DiscoveryTerm | None]] = [(text, None) for text in BUILT_IN_TERMS]
    entries += [(term.text, term) for term in added]
    terms = []
    for text, record in entries:
        mine = words_of(text)
        covered_by = next((other for other, _ in entries if words_of(other) < mine), None)
        terms.append(Term(text, record is None, covered_by, record))
    return terms


def check_term(text: str) -> str:
    """The term as it will be searched, or a Dutch UserError saying why it is refused."""
    text = " ".join(text.split())
    if not text:
        raise UserError("Vul een zoekterm in.", field="text")
    if len(text) > MAX_TERM_LENGTH:
        raise UserError(f"Een zoekterm is hoogstens {MAX_TERM_LENGTH} tekens lang.", field="text")
    found = words_of(text)
    if not found:
        raise UserError(
            "Een zoekterm heeft letters of cijfers nodig: leestekens worden genegeerd.",
            field="text",
        )
    if len(found) < 2:
        raise UserError(
            "Gebruik minstens twee woorden: één woord vindt in honderden gemeenten stukken "
            "die niets met de motie te maken hebben.",
            field="text",
        )
    return text


def add_term(text: str, admin: User) -> DiscoveryTerm:
    with saving("Deze zoekterm"):
        text = check_term(text)
        key = words_key(text)
        if key in {words_key(built_in) for built_in in BUILT_IN_TERMS}:
            raise UserError(f"“{text}” wordt al gezocht.", field="text")
        if db.session.scalar(select(DiscoveryTerm).where(DiscoveryTerm.words == key)):
            raise UserError(f"“{text}” wordt al gezocht.", field="text")
        term = DiscoveryTerm(text=text, words=key, created_by=admin)
        db.session.add(term)
    return term


def remove_term(term: DiscoveryTerm) -> None:
    with saving("Deze zoekterm"):
        db.session.delete(term)
