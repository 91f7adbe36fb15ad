"""Logging a contact, contact persons, claims and bulk assignment."""

from __future__ import annotations

from wtforms import (
    BooleanField,
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
from campaign.forms import DutchForm, VersionedForm, empty_to_none, options, strip_text
from campaign.gemeenten.models import Gemeente
from campaign.outreach.models import Channel, Direction
from campaign.outreach.services import ContactInput, ContactPersonInput

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
    id_prefix = "contact"

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
    # Shown only while nobody has the gemeente: logging the first contact usually means
    # taking it on.
    claim = BooleanField("Claim deze gemeente voor mij", default=True)

    def contact(self, gemeente: Gemeente) -> ContactInput:
        """What was typed; the contact person is one of the gemeente's (the choices)."""
        person = next(
            (p for p in gemeente.contact_persons if str(p.id) == self.contact_person.data), None
        )
        assert self.occurred_on.data is not None  # InputRequired
        return ContactInput(
            occurred_on=self.occurred_on.data,
            channel=Channel(self.channel.data),
            direction=Direction(self.direction.data),
            with_whom=self.with_whom.data or "",
            summary=self.summary.data or "",
            follow_up_on=self.follow_up_on.data,
            contact_person=person,
        )


class ContactPersonForm(VersionedForm):
    id_prefix = "persoon"

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

    def person(self) -> ContactPersonInput:
        return ContactPersonInput(
            name=self.name.data or "",
            function=self.function.data,
            email=self.email.data,
            phone=self.phone.data,
            notes=self.notes.data or "",
        )


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
