"""A page of a longer list: the rows shown, how many there are, and which page this is.

Lists that grow with the campaign (contacts, changes, follow-ups) are shown a page at a time,
so no page of the site grows with the size of the outreach log or the audit log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Generic, TypeVar

from campaign.errors import UserError
from campaign.forms import whole_number

Row = TypeVar("Row")


@dataclass(frozen=True)
class Page(Generic[Row]):
    items: list[Row]
    total: int
    number: int = 1
    size: int = 0

    @property
    def more(self) -> int:
        """How many rows come after this page's."""
        return max(self.total - (self.number - 1) * self.size - len(self.items), 0)

    @property
    def pages(self) -> int:
        return max(math.ceil(self.total / self.size), 1) if self.size else 1


def page_number(text: str | None) -> int:
    """The `pagina` query parameter: 1 when absent; a Dutch 400 for anything but a number."""
    if not text:
        return 1
    number = whole_number(text, maximum=100_000)
    if not number:
        raise UserError("Het paginanummer is een heel getal vanaf 1.", field="pagina")
    return number
