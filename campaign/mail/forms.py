"""Editing the appeal e-mail and the background sheet."""

from __future__ import annotations

from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from campaign.forms import DutchForm, strip_text


class TextTemplateForm(DutchForm):
    """The appeal e-mail (subject and body) or the background sheet (body)."""

    subject = StringField("Onderwerp", validators=[Length(max=250)], filters=[strip_text])
    body = TextAreaField("Tekst", validators=[DataRequired(), Length(max=20_000)])
    note = StringField("Wat is er veranderd?", validators=[Length(max=500)], filters=[strip_text])
    based_on = HiddenField()
    preview_gemeente = SelectField("Voorbeeld voor gemeente", choices=[], validate_choice=False)
