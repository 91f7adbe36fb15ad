"""Logging a contact, contact persons, claims and bulk assignment."""

from __future__ import annotations

from wtforms import (
    DateField,
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from campaign.dates import today
from campaign.forms import DutchForm, empty_to_none, options, strip_text
from campaign.gemeenten.forms import VersionedForm
from campaign.gemeenten.models import Gemeente
from campaign.outreach.models import Channel, Direction

CHANNEL_LABELS = {
    Channel.EMAIL: "e-mail",
    Channel.TELEFOON: "telefoon",
    Channel.GESPREK: "gesprek",
    Channel.BRIEF: "brief",
    Channel.ANDERS: "anders",
}
DIRECTION_LABELS = {
    Direction.UITGAAND: "wij namen contact op",
    Direction.INKOMEND: "zij namen contact op",
}


class ContactForm(DutchForm):
    occurred_on = DateField("Datum", default=today, validators=[InputRequired()])
    channel = SelectField(
        "Kanaal", choices=options((c.value, label) for c, label in CHANNEL_LABELS.items())
    )
    direction = SelectField(
        "Richting", choices=options((d.value, label) for d, label in DIRECTION_LABELS.items())
    )
    contact_person = SelectField("Contactpersoon", choices=[], default="")
    with_whom = StringField(
        "Met wie",
        validators=[Length(max=250)],
        filters=[strip_text],
        description="Bijvoorbeeld: griffie, fractievoorzitter GroenLinks",
    )
    summary = TextAreaField("Samenvatting", validators=[Length(max=10_000)], filters=[strip_text])
    follow_up_on = DateField("Opvolgen op", validators=[Optional()])


class ContactPersonForm(VersionedForm):
    name = StringField("Naam", validators=[DataRequired(), Length(max=120)], filters=[strip_text])
    function = StringField(
        "Functie",
        validators=[Optional(), Length(max=120)],
        filters=[empty_to_none],
        description="Bijvoorbeeld griffier, raadslid of fractievoorzitter",
    )
    email = EmailField(
        "E-mailadres",
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
        filters=[empty_to_none],
    )
    phone = StringField(
        "Telefoon", validators=[Optional(), Length(max=40)], filters=[empty_to_none]
    )
    notes = TextAreaField("Notities", validators=[Length(max=5000)], filters=[strip_text])


class BulkAssignForm(DutchForm):
    codes = SelectMultipleField("Gemeenten", choices=[], validate_choice=True)
    volunteer = SelectField("Toewijzen aan", choices=[])


class ActionForm(VersionedForm):
    """A button that changes something: only the CSRF token and the record's version."""


def contact_person_choices(gemeente: Gemeente) -> list[SelectChoice]:
    people = sorted(gemeente.contact_persons, key=lambda person: person.name.casefold())
    return options(
        [("", "—")]
        + [(str(p.id), f"{p.name} ({p.function})" if p.function else p.name) for p in people]
    )
