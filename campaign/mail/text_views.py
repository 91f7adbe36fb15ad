"""/beheer/teksten/oproep and /beheer/teksten/achtergrond: the appeal and its attachment text,
versioned like the motion, for admins."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts.permissions import admin_required
from campaign.documents import services
from campaign.documents.editing import save_edited_version
from campaign.documents.models import TemplateKind
from campaign.forms import Refusal, options
from campaign.gemeenten.services import list_gemeenten
from campaign.mail import bp
from campaign.mail.appeal import fill_appeal
from campaign.mail.forms import TextTemplateForm

TEXT_KINDS = {
    TemplateKind.OPROEP: "de oproep (e-mail)",
    TemplateKind.ACHTERGROND: "de achtergrondinformatie",
}


def text_kind(kind: str) -> TemplateKind:
    try:
        found = TemplateKind(kind)
    except ValueError:
        abort(404)
    if found not in TEXT_KINDS:
        abort(404)
    return found


@bp.route("/teksten/<kind>", methods=["GET", "POST"])
@admin_required
def edit_text(kind: str) -> ResponseReturnValue:
    template_kind = text_kind(kind)
    current = services.current_version(template_kind)
    if request.method == "POST":
        form = TextTemplateForm()
    else:
        form = TextTemplateForm(
            formdata=None,
            subject=current.content.get("subject", ""),
            body=current.content["body"],
            based_on=str(current.number),
        )
    form.preview_gemeente.choices = options((g.slug, g.name) for g in list_gemeenten())
    status, preview = 200, None
    if request.method == "POST":
        previewing = request.form.get("actie") == "voorbeeld"
        if template_kind is TemplateKind.OPROEP and not form.subject.data:
            form.subject.errors = ["Vul een onderwerp in."]
            status = 400
        elif not previewing and not form.note.data:
            form.note.errors = ["Zeg kort wat er veranderd is."]
            status = 400
        elif not form.validate():
            status = 400
        elif previewing:
            gemeente = services.preview_gemeente(form.preview_gemeente.data)
            subject, body = fill_appeal(
                form.subject.data or "", form.body.data or "", gemeente, current_user
            )
            preview = {"gemeente": gemeente, "subject": subject, "body": body}
        else:
            content = {"body": (form.body.data or "").replace("\r\n", "\n").strip()}
            if template_kind is TemplateKind.OPROEP:
                content["subject"] = form.subject.data or ""
            outcome = save_edited_version(
                form,
                template_kind,
                current.title,
                content,
                f"Versie {{number}} van {TEXT_KINDS[template_kind]} is opgeslagen.",
                url_for("mail.edit_text", kind=kind),
            )
            if not isinstance(outcome, Refusal):
                return outcome
            status = outcome.status
    return render_template(
        "documents/text_edit.html",
        form=form,
        kind=template_kind,
        label=TEXT_KINDS[template_kind],
        current=current,
        versions=services.list_versions(template_kind),
        preview=preview,
    ), status


@bp.get("/teksten/<kind>/<int:number>")
@admin_required
def show_text_version(kind: str, number: int) -> ResponseReturnValue:
    template_kind = text_kind(kind)
    version = services.find_version(template_kind, number) or abort(404)
    return render_template(
        "documents/text_version.html",
        version=version,
        kind=template_kind,
        label=TEXT_KINDS[template_kind],
    )
