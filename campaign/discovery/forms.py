"""The forms of the leads pages: a search term (admins), accepting and dismissing a lead."""

from __future__ import annotations

from wtforms import StringField
from wtforms.validators import InputRequired, Length

from campaign.discovery.terms import MAX_TERM_LENGTH
from campaign.forms import DutchForm, VersionedForm, strip_text


class TermForm(DutchForm):
    text = StringField(
        "Zoekterm",
        filters=[strip_text],
        validators=[
            InputRequired(message="Vul een zoekterm in."),
            Length(max=MAX_TERM_LENGTH, message=f"Hoogstens {MAX_TERM_LENGTH} tekens."),
        ],
    )


class LeadForm(VersionedForm):
    """Accept or dismiss: the version of the lead the volunteer saw, and what they chose."""

    motie = StringField("Vastleggen als")
    reason = StringField("Reden")
