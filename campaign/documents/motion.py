"""The model motion filled in for one gemeente: one structure that the HTML page, the .docx and
the .pdf are all drawn from, so the three always say the same.

Only the template's own text is searched for placeholders (`[uw gemeente]`, `[datum]`), by
plain string replacement. What a user types (fracties, names, the local paragraph) is added as
finished text afterwards: it is never parsed, so braces, brackets or markup stay as typed.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from campaign.formatting import dutch_long_date

GEMEENTE_PLACEHOLDER = "[uw gemeente]"
DATE_PLACEHOLDER = "[datum]"
BLANK = "……………"
# Characters XML 1.0 (and so .docx) cannot hold; a pasted text may carry them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """User text as it will be printed: literal, minus invisible control characters."""
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


@dataclass(frozen=True)
class MotionOptions:
    """What a raadslid fills in; every field is optional."""

    meeting_date: date | None = None
    agenda_item: str = ""
    fracties: tuple[str, ...] = ()
    raadsleden: tuple[str, ...] = ()
    include_noodopvang: bool = False
    local_paragraph: str = ""


@dataclass(frozen=True)
class Clause:
    letter: str
    text: str

    @property
    def number(self) -> int:
        """The letter's place in the alphabet: a = 1, e = 5."""
        return ord(self.letter) - ord("a") + 1


@dataclass(frozen=True)
class Section:
    heading: str
    intro: str | None
    clauses: list[Clause]


@dataclass(frozen=True)
class MotionDocument:
    title: str
    gemeente: str
    heading_line: str
    agenda_item: str | None
    opening: str
    sections: list[Section]
    closing: str
    fracties: tuple[str, ...]
    raadsleden: tuple[str, ...]
    template_number: int
    notes: list[str] = field(default_factory=list)

    def plain_text(self) -> str:
        """The whole motion as text, in reading order (for tests and e-mail previews)."""
        lines = [self.title, self.heading_line]
        if self.agenda_item:
            lines.append(f"Agendapunt: {self.agenda_item}")
        lines.append(self.opening)
        for section in self.sections:
            lines.append(section.heading)
            if section.intro:
                lines.append(section.intro)
            lines.extend(f"{clause.letter}. {clause.text}" for clause in section.clauses)
        lines.append(self.closing)
        lines.append(self.indieners_line)
        lines.extend(self.raadsleden)
        return "\n".join(lines)

    @property
    def version_note(self) -> str:
        """Which text of the model motion this is: for the file's properties, never its text,
        because the raadslid submits the motion as their own."""
        return f"Voorbeeldmotie van KinderpardonNU, tekstversie {self.template_number}"

    @property
    def signature_lines(self) -> tuple[str, ...]:
        """One line per raadslid; two blank ones to sign by hand when no names were given."""
        return self.raadsleden or ("", "")

    @property
    def indieners_line(self) -> str:
        if not self.fracties:
            return "Ingediend door:"
        if len(self.fracties) == 1:
            return f"Ingediend door de fractie van {self.fracties[0]}"
        return (
            "Ingediend door de fracties van "
            + ", ".join(self.fracties[:-1])
            + (f" en {self.fracties[-1]}")
        )


def _fill(text: str, gemeente: str, when: str) -> str:
    return text.replace(GEMEENTE_PLACEHOLDER, gemeente).replace(DATE_PLACEHOLDER, when)


def build_motion(
    content: dict[str, Any], template_number: int, gemeente: str, options: MotionOptions
) -> MotionDocument:
    when = dutch_long_date(options.meeting_date) if options.meeting_date else BLANK
    letters = iter(string.ascii_lowercase)
    sections = []
    for raw in content["sections"]:
        if not raw.get("continue_lettering"):
            letters = iter(string.ascii_lowercase)
        texts = [
            _fill(clause["text"], gemeente, when)
            for clause in raw["clauses"]
            if options.include_noodopvang or not clause.get("only_with_noodopvang")
        ]
        if raw.get("takes_local_paragraph") and options.local_paragraph:
            texts.append(options.local_paragraph)
        sections.append(
            Section(
                heading=_fill(raw["heading"], gemeente, when),
                intro=_fill(raw["intro"], gemeente, when) if raw.get("intro") else None,
                clauses=[Clause(next(letters), text) for text in texts],
            )
        )
    return MotionDocument(
        title=_fill(content["title"], gemeente, when),
        gemeente=gemeente,
        heading_line=f"{gemeente}, {when}",
        agenda_item=options.agenda_item or None,
        opening=_fill(content["opening"], gemeente, when),
        sections=sections,
        closing=_fill(content["closing"], gemeente, when),
        fracties=options.fracties,
        raadsleden=options.raadsleden,
        template_number=template_number,
    )
