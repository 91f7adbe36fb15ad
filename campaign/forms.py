"""The base of every form: Dutch validation messages, and fields the features share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import flash
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import Field, HiddenField, IntegerField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import HiddenInput

from campaign.dates import PartialDate
from campaign.errors import ConflictError, UserError


class DutchForm(FlaskForm):
    class Meta:
        locales = ("nl_NL", "nl")

    # Where several forms share a page, a prefix keeps their element ids, and so the labels
    # that point at them, apart. The names the fields post under stay the same.
    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for form_field in self:
            if isinstance(form_field.widget, HiddenInput):
                form_field.widget = HIDDEN_WITHOUT_ID
            elif self.id_prefix:
                form_field.id = f"{self.id_prefix}-{form_field.id}"
                form_field.label.field_id = form_field.id


class _HiddenInputWithoutId(HiddenInput):
    """A hidden input has no label to point at it, so it needs no id; and the same small
    form (a button with its CSRF token and version) may appear many times on one page, where
    ids would repeat."""

    def __call__(self, field: Field, **kwargs: Any) -> Markup:
        kwargs["id"] = False
        return super().__call__(field, **kwargs)


HIDDEN_WITHOUT_ID = _HiddenInputWithoutId()


def whole_number(text: str, maximum: int = 10**9) -> int | None:
    """An everyday whole number typed or posted as ASCII digits ("12"), else None.

    `str.isdigit` also accepts "²" and other Unicode digits that `int` refuses, and `int`
    refuses more than 4,300 digits: both would be a 500 instead of a clear message."""
    text = text.strip()
    if not text or len(text) > len(str(maximum)) or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= maximum else None


def version_number(value: object) -> int | None:
    """A record or template version posted back by a form; None when absent or not a number
    (the save then goes ahead without the stale-edit check)."""
    return whole_number(str(value)) if value is not None else None


class VersionedForm(DutchForm):
    """Carries the version of the record the form was filled in on (optimistic locking)."""

    version_id = HiddenField()

    @property
    def expected_version(self) -> int | None:
        return version_number(self.version_id.data)


def options(pairs: Iterable[tuple[Any, str]]) -> list[SelectChoice]:
    """Choices for a select field, as (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def strip_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def empty_to_none(value: Any) -> Any:
    value = strip_text(value)
    return value or None


class WholeNumberField(IntegerField):
    """A count typed in ASCII digits (seats, votes). WTForms' IntegerField hands the text to
    `int`, which also reads Arabic-Indic digits and takes any length; this one refuses both
    with a Dutch message."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).strip() if valuelist else ""
        if not text:
            self.data = None
            return
        self.data = whole_number(text, maximum=10_000)
        if self.data is None:
            raise ValidationError("Vul een heel getal in, met de cijfers 0 tot en met 9.")


class PartialDateField(StringField):
    """A date known to the day, the month or only the year: 2026-03-12, 2026-03 or 2026."""

    data: PartialDate | None

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        self.raw_text = text
        if not text:
            self.data = None
            return
        try:
            self.data = PartialDate.parse(text)
        except ValueError:
            self.data = None
            raise ValidationError(
                "Vul een datum in als 2026-03-12, of 2026-03 of 2026 als de dag niet bekend is."
            ) from None

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return self.data.isoformat() if self.data else ""


def show_error(form: FlaskForm, error: UserError) -> None:
    """Put a service's Dutch message next to the field it concerns, or at the top of the page."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None and hasattr(field, "errors"):
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")


@dataclass(frozen=True)
class Refusal:
    """Why a save did not happen: the status to answer with and, when a colleague saved first,
    the stored values next to what this user typed (field label → stored value)."""

    status: int
    conflict: dict[str, Any] = field(default_factory=dict)


def try_save(
    form: FlaskForm, save: Callable[[], object], record: Any = None, fields: Sequence[str] = ()
) -> Refusal | None:
    """The one way a view saves a form: run the service, and when it refuses, say why.

    A broken rule (UserError) is shown at its field or at the top: 400. A save based on an
    outdated version (ConflictError) is flashed, `fields` of the stored `record` that differ
    from the form are listed, and the form takes the stored version so the next save can
    overwrite it on purpose: 409. Services roll back what they started; what was typed stays
    in the form."""
    try:
        save()
    except ConflictError as problem:
        flash(problem.message, "error")
        conflict = {}
        if record is not None:
            conflict = stored_values_that_differ(form, record, fields)
            form.version_id.data = str(record.version_id)
        return Refusal(409, conflict)
    except UserError as problem:
        show_error(form, problem)
        return Refusal(400)
    return None


def stored_values_that_differ(form: Any, record: Any, names: Sequence[str]) -> dict[str, Any]:
    """For a refused stale save: the stored values next to what the user typed."""
    return {
        getattr(form, name).label.text: getattr(record, name)
        for name in names
        if getattr(form, name).data != getattr(record, name)
    }
