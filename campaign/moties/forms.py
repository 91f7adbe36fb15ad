"""Recording a motion: submission, indieners, the vote and each fractie's vote."""

from __future__ import annotations

from collections.abc import Sequence

from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from campaign.forms import (
    PartialDateField,
    VersionedForm,
    WholeNumberField,
    empty_to_none,
    options,
    strip_text,
)
from campaign.gemeenten.models import RAADSPERIODES, Fractie
from campaign.moties.models import Outcome, Vote

OUTCOME_CHOICES = [("", "nog niet gestemd")] + [(o.value, o.value) for o in Outcome]
VOTE_CHOICES = [("", "—")] + [(v.value, v.value) for v in Vote]
RAADSPERIODE_CHOICES = [("", "volgt uit fracties of datum")] + [(p, p) for p in RAADSPERIODES]
DATE_HINT = "Bijvoorbeeld 2026-03-12; alleen 2026-03 of 2026 als de dag niet bekend is."


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class MotieForm(VersionedForm):
    title = StringField("Titel", validators=[Length(max=250)], filters=[empty_to_none])
    from_model_motion = BooleanField(
        "Gemaakt van de voorbeeldmotie van KinderpardonNU",
        description="Dan heet de motie overal zoals de voorbeeldmotie.",
    )
    submitted_on = PartialDateField("Ingediend op", description=DATE_HINT)
    voted_on = PartialDateField("Gestemd op", description=DATE_HINT)
    vote_planned_on = DateField(
        "Stemming gepland op",
        validators=[Optional()],
        description="De raadsvergadering waarin over de motie wordt gestemd, zodra die bekend "
        "is. Dan staat de motie op de voorpagina onder 'Binnenkort in de raad'.",
    )
    outcome = SelectField("Uitslag", choices=options(OUTCOME_CHOICES), default="")
    votes_for = WholeNumberField(
        "Stemmen voor", validators=[Optional(), NumberRange(min=0, max=100)]
    )
    votes_against = WholeNumberField(
        "Stemmen tegen", validators=[Optional(), NumberRange(min=0, max=100)]
    )
    record_url = StringField(
        "Link naar het raadsbesluit",
        validators=[
            Optional(),
            URL(message="Vul een volledige link in, met https://."),
            Length(max=500),
        ],
        filters=[empty_to_none],
    )
    raadsperiode = SelectField(
        "Raad die stemde",
        choices=options(RAADSPERIODE_CHOICES),
        default="",
        description="Leeg: volgt uit de fracties of de datum van de stemming.",
    )
    source = StringField(
        "Bron",
        description="Waar komen deze gegevens vandaan? Bijvoorbeeld het verslag van de "
        "raadsvergadering of een bericht van de griffie.",
        validators=[Length(max=500)],
        filters=[strip_text],
    )
    source_url = StringField(
        "Link naar de bron",
        validators=[
            Optional(),
            URL(message="Vul een volledige link in, met https://."),
            Length(max=500),
        ],
        filters=[empty_to_none],
    )
    indieners = MultiCheckboxField("Indienende fracties", choices=[], coerce=int)
    indiener_names = TextAreaField(
        "Raadsleden die ondertekenden",
        description="Eén naam per regel.",
        validators=[Length(max=5000)],
        filters=[strip_text],
    )
    notes = TextAreaField("Notities", validators=[Length(max=10_000)], filters=[strip_text])

    def vote_fields(self) -> list[tuple[Fractie, SelectField]]:
        return [(fractie, getattr(self, f"vote_{fractie.id}")) for fractie in self._fracties]

    _fracties: Sequence[Fractie] = ()


def motie_form_class(fracties: Sequence[Fractie]) -> type[MotieForm]:
    """A MotieForm with one vote field per fractie of the council."""

    class FormWithVotes(MotieForm):
        _fracties = fracties

    for fractie in fracties:
        setattr(
            FormWithVotes,
            f"vote_{fractie.id}",
            SelectField(
                f"Stem van {fractie.name} ({fractie.raadsperiode})",
                choices=options(VOTE_CHOICES),
                default="",
            ),
        )
    return FormWithVotes
