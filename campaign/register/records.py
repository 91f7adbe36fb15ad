"""What one gemeente's row of the register export says, as typed values, and what is wrong with it.

Values are kept exactly as the gemeente registered them (names, labels, party names, seats); a
value that cannot be read is left out (None, or missing from its list) and named in `problems`,
so the loader reports it instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class ProblemKind(StrEnum):
    INVALID_CODE = "invalid_code"
    DUPLICATE_CODE = "duplicate_code"
    MISSING_NAME = "missing_name"
    MALFORMED_EMAIL = "malformed_email"
    MALFORMED_WEBSITE = "malformed_website"
    MALFORMED_PARTY = "malformed_party"
    DUPLICATE_PARTY = "duplicate_party"
    INVALID_NUMBER = "invalid_number"
    INVALID_DATE = "invalid_date"
    SEATS_MISMATCH = "seats_mismatch"
    UNUSUAL_COUNCIL_SIZE = "unusual_council_size"


@dataclass(frozen=True)
class Problem:
    """One flaw in one row: `column` and `value` say where, `message` says what (in English)."""

    kind: ProblemKind
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class Labelled:
    """An e-mail address or web address with its register label (`algemeen`, `Omgevingsloket`)."""

    value: str
    label: str | None


@dataclass(frozen=True)
class PartySeats:
    """A party in the council as the gemeente writes it, e.g. `Partij voor de Dieren`, 2 seats."""

    name: str
    seats: int


@dataclass(frozen=True)
class RegisterGemeente:
    """One row of the export. `code` is None when the TOOi URI holds no valid CBS code."""

    line: int
    code: str | None
    name: str
    emails: tuple[Labelled, ...]
    websites: tuple[Labelled, ...]
    inhabitants: int | None
    area_km2: Decimal | None
    total_seats: int | None
    parties: tuple[PartySeats, ...]
    last_mutation: date | None
    problems: tuple[Problem, ...]

    def has_problem(self, kind: ProblemKind) -> bool:
        return any(problem.kind is kind for problem in self.problems)


@dataclass(frozen=True)
class RegisterExport:
    """All rows of one export file, in file order."""

    gemeenten: tuple[RegisterGemeente, ...]

    def by_code(self) -> dict[str, RegisterGemeente]:
        """The rows that can be joined on their code: a valid code no other row shares.

        Rows with an invalid or duplicated code are left out; their problems say why.
        """
        return {
            row.code: row
            for row in self.gemeenten
            if row.code is not None and not row.has_problem(ProblemKind.DUPLICATE_CODE)
        }

    @property
    def latest_mutation(self) -> date | None:
        """The newest `Laatste mutatie` in the file: the export cannot be older than this."""
        dates = [row.last_mutation for row in self.gemeenten if row.last_mutation is not None]
        return max(dates, default=None)
