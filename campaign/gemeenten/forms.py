"""Forms on a gemeente's workspace: its details, a status set by hand, its fracties."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    EmailField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from campaign.forms import (
    VersionedForm,
    WholeNumberField,
    empty_to_none,
    options,
    strip_text,
)
from campaign.gemeenten.models import RAADSPERIODES, CampaignStatus
from campaign.gemeenten.services import FractieInput, GemeenteDetails


class GemeenteDetailsForm(VersionedForm):
    griffie_email = EmailField(
        "E-mailadres griffie",
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
        filters=[empty_to_none],
    )
    general_email = EmailField(
        "Algemeen e-mailadres gemeente",
        description="Hier gaat de oproep heen als er geen adres van de griffie bekend is.",
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
        filters=[empty_to_none],
    )
    website = StringField(
        "Website",
        validators=[
            Optional(),
            URL(message="Vul een volledige link in, met https://."),
            Length(max=500),
        ],
        filters=[empty_to_none],
    )
    has_noodopvang = BooleanField("Er is noodopvang in deze gemeente")
    notes = TextAreaField("Notities", validators=[Length(max=10_000)], filters=[strip_text])

    def details(self) -> GemeenteDetails:
        return GemeenteDetails(
            self.griffie_email.data,
            self.website.data,
            self.has_noodopvang.data,
            self.notes.data or "",
            self.general_email.data,
        )


class ManualStatusForm(VersionedForm):
    id_prefix = "status"

    status = SelectField("Status", choices=options((s.value, s.label) for s in CampaignStatus))
    reason = TextAreaField(
        "Reden", validators=[DataRequired(), Length(max=2000)], filters=[strip_text]
    )


class FractieForm(VersionedForm):
    id_prefix = "fractie"

    name = StringField(
        "Naam fractie", validators=[DataRequired(), Length(max=120)], filters=[strip_text]
    )
    raadsperiode = SelectField("Raadsperiode", choices=options((p, p) for p in RAADSPERIODES))
    seats = WholeNumberField("Zetels", validators=[Optional(), NumberRange(min=0, max=55)])
    leader_name = StringField(
        "Fractievoorzitter", validators=[Optional(), Length(max=120)], filters=[empty_to_none]
    )
    leader_email = EmailField(
        "E-mailadres fractievoorzitter",
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
        filters=[empty_to_none],
    )

    def fractie(self) -> FractieInput:
        return FractieInput(
            name=self.name.data or "",
            raadsperiode=self.raadsperiode.data or "",
            seats=self.seats.data,
            leader_name=self.leader_name.data,
            leader_email=self.leader_email.data,
        )
