"""Editing the model motion: one field per part of a Dutch motion."""

from __future__ import annotations

from typing import Any

from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from campaign.forms import DutchForm, strip_text

CLAUSES_HINT = "Eén overweging per alinea; laat een lege regel tussen twee alinea's."


def split_clauses(text: str) -> list[str]:
    paragraphs = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return [paragraph for paragraph in paragraphs if paragraph]


class MotieTemplateForm(DutchForm):
    title = StringField("Titel", validators=[DataRequired(), Length(max=250)], filters=[strip_text])
    opening = TextAreaField(
        "Aanhef", validators=[DataRequired(), Length(max=1000)], filters=[strip_text]
    )
    constaterende = TextAreaField(
        "constaterende dat:", validators=[DataRequired()], description=CLAUSES_HINT
    )
    overwegende = TextAreaField(
        "overwegende dat:",
        validators=[DataRequired()],
        description=CLAUSES_HINT + " De lokale alinea van een raadslid komt hier als laatste bij.",
    )
    verzoekt_intro = StringField(
        "verzoekt het college: (inleiding)", validators=[Length(max=500)], filters=[strip_text]
    )
    verzoekt = TextAreaField(
        "verzoekt het college:", validators=[DataRequired()], description=CLAUSES_HINT
    )
    daarnaast = TextAreaField("en daarnaast", description=CLAUSES_HINT + " De letters lopen door.")
    noodopvang = TextAreaField(
        "Alleen bij noodopvang (laatste punt van 'en daarnaast')",
        validators=[Length(max=2000)],
        filters=[strip_text],
    )
    closing = StringField(
        "Slot", validators=[DataRequired(), Length(max=500)], filters=[strip_text]
    )
    note = StringField(
        "Wat is er veranderd?", validators=[DataRequired(), Length(max=500)], filters=[strip_text]
    )
    based_on = HiddenField()
    preview_gemeente = SelectField("Voorbeeld voor gemeente", choices=[], validate_choice=False)

    def content(self) -> dict[str, Any]:
        daarnaast: list[dict[str, Any]] = [
            {"text": text} for text in split_clauses(self.daarnaast.data or "")
        ]
        if self.noodopvang.data:
            daarnaast.append(
                {"text": " ".join(self.noodopvang.data.split()), "only_with_noodopvang": True}
            )
        return {
            "title": self.title.data,
            "placeholder": "[uw gemeente]",
            "opening": self.opening.data,
            "sections": [
                {
                    "heading": "constaterende dat:",
                    "clauses": self._clauses(self.constaterende.data),
                },
                {
                    "heading": "overwegende dat:",
                    "takes_local_paragraph": True,
                    "clauses": self._clauses(self.overwegende.data),
                },
                {
                    "heading": "verzoekt het college:",
                    "intro": self.verzoekt_intro.data or None,
                    "clauses": self._clauses(self.verzoekt.data),
                },
                {"heading": "en daarnaast", "continue_lettering": True, "clauses": daarnaast},
            ],
            "closing": self.closing.data,
        }

    @staticmethod
    def _clauses(text: str | None) -> list[dict[str, str]]:
        return [{"text": clause} for clause in split_clauses(text or "")]

    @classmethod
    def data_from_content(cls, content: dict[str, Any]) -> dict[str, Any]:
        """Form fields from a stored version, so an admin edits the current text."""
        sections = {section["heading"]: section for section in content["sections"]}

        def joined(heading: str, noodopvang: bool = False) -> str:
            clauses = sections.get(heading, {}).get("clauses", [])
            return "\n\n".join(
                c["text"] for c in clauses if bool(c.get("only_with_noodopvang")) == noodopvang
            )

        return {
            "title": content["title"],
            "opening": content["opening"],
            "constaterende": joined("constaterende dat:"),
            "overwegende": joined("overwegende dat:"),
            "verzoekt_intro": sections.get("verzoekt het college:", {}).get("intro") or "",
            "verzoekt": joined("verzoekt het college:"),
            "daarnaast": joined("en daarnaast"),
            "noodopvang": joined("en daarnaast", noodopvang=True),
            "closing": content["closing"],
        }
