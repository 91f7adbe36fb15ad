"""The public report form, with a honeypot field against spam robots."""

from __future__ import annotations

from wtforms import (
    DateField,
    EmailField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from campaign.forms import DutchForm, WholeNumberField, empty_to_none, options, strip_text
from campaign.reports.models import ReportKind

KIND_LABELS = {
    ReportKind.INGEDIEND: "De motie is ingediend",
    ReportKind.AANGENOMEN: "De motie is aangenomen",
    ReportKind.VERWORPEN: "De motie is verworpen",
    ReportKind.ANDERS: "Iets anders (vertel het hieronder)",
}
ROLES = ["raadslid", "griffier", "fractiemedewerker", "inwoner", "anders"]


class ReportForm(DutchForm):
    gemeente = SelectField("Gemeente", choices=[], validators=[DataRequired()])
    kind = RadioField(
        "Wat is er gebeurd?",
        choices=options((kind.value, label) for kind, label in KIND_LABELS.items()),
        validators=[DataRequired()],
    )
    event_date = DateField("Datum (van indiening of stemming)", validators=[Optional()])
    record_url = StringField(
        "Link naar het raadsbesluit of de motie",
        filters=[empty_to_none],
        validators=[
            Optional(),
            URL(message="Vul een volledige link in, met https://."),
            Length(max=500),
        ],
    )
    votes_for = WholeNumberField(
        "Stemmen voor", validators=[Optional(), NumberRange(min=0, max=100)]
    )
    votes_against = WholeNumberField(
        "Stemmen tegen", validators=[Optional(), NumberRange(min=0, max=100)]
    )
    fracties_voor = StringField(
        "Fracties die voor stemden", filters=[strip_text], validators=[Length(max=500)]
    )
    message = TextAreaField("Toelichting", filters=[strip_text], validators=[Length(max=3000)])
    reporter_name = StringField(
        "Uw naam", filters=[strip_text], validators=[DataRequired(), Length(max=120)]
    )
    reporter_role = SelectField("U bent", choices=options((r, r) for r in ROLES))
    reporter_email = EmailField(
        "Uw e-mailadres",
        filters=[strip_text],
        validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)],
        description="Alleen voor vragen over uw melding; we tonen het nergens.",
    )
    # Left empty by people, filled in by robots: a filled-in form is quietly dropped.
    website = StringField("Laat dit veld leeg", filters=[strip_text])
