"""A gemeente's council per raadsperiode: its fracties with their seats, its size, and where
that comes from. Read from what the caller loaded (`Gemeente.fracties`, `Gemeente.raden`), so a
page of many gemeenten costs no query per gemeente."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campaign.gemeenten.models import RAADSPERIODES, Fractie, Gemeente, Raad
from campaign.gemeenten.provenance import HAND_TITLE, CouncilIssue, Origin


@dataclass(frozen=True)
class Council:
    raadsperiode: str
    # Most seats first, then by name.
    fracties: list[Fractie]
    # The council as the register gave it; None when it never did for this raadsperiode.
    raad: Raad | None

    @property
    def is_known(self) -> bool:
        return bool(self.fracties)

    @property
    def total_seats(self) -> int | None:
        """The registered size, else the fracties' seats added up when all are known."""
        if self.raad is not None and self.raad.total_seats is not None:
            return self.raad.total_seats
        if not self.fracties or any(f.seats is None for f in self.fracties):
            return None
        return sum(f.seats or 0 for f in self.fracties)

    @property
    def issues(self) -> list[CouncilIssue]:
        return self.raad.issue_list if self.raad is not None else []

    @property
    def source_title(self) -> str:
        if self.raad is not None and all(f.origin is Origin.REGISTER for f in self.fracties):
            return self.raad.source.title
        if self.raad is not None:
            return f"{self.raad.source.title}, aangevuld door de campagne"
        return HAND_TITLE

    @property
    def source_date(self) -> date | None:
        """The export date of the register's council; None when volunteers entered it."""
        return self.raad.source.export_date if self.raad is not None else None


def _by_seats(fractie: Fractie) -> tuple[int, str]:
    return (-(fractie.seats or 0), fractie.name.casefold())


def council_of(gemeente: Gemeente, raadsperiode: str) -> Council:
    return Council(
        raadsperiode=raadsperiode,
        fracties=sorted(
            (f for f in gemeente.fracties if f.raadsperiode == raadsperiode), key=_by_seats
        ),
        raad=next((r for r in gemeente.raden if r.raadsperiode == raadsperiode), None),
    )


def councils_of(gemeente: Gemeente) -> list[Council]:
    """Every raadsperiode, the newest first, known or not."""
    return [council_of(gemeente, periode) for periode in reversed(RAADSPERIODES)]
