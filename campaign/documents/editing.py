"""Saving an edited campaign text (the motion, the appeal, the background sheet) as a new
version: the one save path of every text editor."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm

from campaign.documents import services
from campaign.documents.models import TemplateKind, TemplateVersion
from campaign.forms import Refusal, try_save, version_number


def save_edited_version(
    form: FlaskForm,
    kind: TemplateKind,
    title: str,
    content: dict[str, Any],
    saved_message: str,
    back_to: str,
) -> ResponseReturnValue | Refusal:
    """Store the form's text as the next version and go `back_to` with `saved_message`
    ("{number}" becomes the version number); a Refusal (409) when a colleague saved a newer
    version since the editor opened, with the typed text still in the form."""
    saved: list[TemplateVersion] = []

    def save() -> None:
        based_on = version_number(form.based_on.data)
        note = form.note.data or ""
        saved.append(services.save_version(kind, title, content, note, current_user, based_on))

    refused = try_save(form, save)
    if refused:
        return refused
    flash(saved_message.format(number=saved[0].number), "success")
    return redirect(back_to)
