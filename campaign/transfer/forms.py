"""Uploading a CSV file and confirming its import."""

from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, Length

from campaign.forms import DutchForm, options
from campaign.transfer.services import ImportKind

KIND_CHOICES = [
    (
        ImportKind.FRACTIES.value,
        "Fracties (gemeente, raadsperiode, fractie, zetels, fractievoorzitter, email)",
    ),
    (
        ImportKind.CONTACTGEGEVENS.value,
        "Contactgegevens (gemeente, griffie_email, website, noodopvang)",
    ),
]


class UploadForm(DutchForm):
    kind = SelectField("Soort gegevens", choices=options(KIND_CHOICES))
    file = FileField(
        "CSV-bestand",
        validators=[
            FileRequired("Kies een bestand."),
            FileAllowed(["csv", "txt"], "Alleen .csv-bestanden."),
        ],
    )


class ConfirmForm(DutchForm):
    kind = HiddenField(validators=[DataRequired()])
    content = HiddenField(validators=[DataRequired(), Length(max=2_000_000)])
