"""The motion for one gemeente (public), and the model text and zip exports (in /beheer)."""

from __future__ import annotations

from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from campaign.accounts.permissions import admin_required, volunteer_required
from campaign.dates import today
from campaign.documents import bp, services
from campaign.documents.docx import build_docx
from campaign.documents.editing import save_edited_version
from campaign.documents.exports import FORMATS, motions_zip_bytes
from campaign.documents.forms import MotieTemplateForm
from campaign.documents.models import TemplateKind
from campaign.documents.motion import MotionOptions, build_motion
from campaign.documents.pdf import build_pdf
from campaign.errors import UserError
from campaign.extensions import db
from campaign.forms import Refusal
from campaign.forms import options as select_options
from campaign.gemeenten.models import Gemeente, current_raadsperiode
from campaign.gemeenten.services import list_fracties, list_gemeenten

MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def public_gemeente(slug: str) -> Gemeente:
    return db.first_or_404(select(Gemeente).where(Gemeente.slug == slug))


def render_motion_page(
    gemeente: Gemeente, options: MotionOptions, error: UserError | None = None
) -> ResponseReturnValue:
    periode = current_raadsperiode(today())
    known = [f.name for f in list_fracties(gemeente, periode)]
    return render_template(
        "documents/motion_page.html",
        gemeente=gemeente,
        motion=services.motion_for(gemeente, options),
        options=options,
        known_fracties=known,
        periode=periode,
        other_fracties=", ".join(f for f in options.fracties if f not in known),
        error=error,
    ), (400 if error else 200)


@bp.get("/gemeente/<slug>/motie")
def motion_page(slug: str) -> ResponseReturnValue:
    """The form and the preview. Its download buttons submit the same form to the .docx and
    .pdf addresses, so a file carries exactly what the form holds, with or without JavaScript."""
    gemeente = public_gemeente(slug)
    try:
        options = services.parse_motion_options(request.args, gemeente)
    except UserError as problem:
        return render_motion_page(
            gemeente, MotionOptions(include_noodopvang=gemeente.has_noodopvang), problem
        )
    return render_motion_page(gemeente, options)


@bp.get("/gemeente/<slug>/motie/voorbeeld")
def motion_preview(slug: str) -> ResponseReturnValue:
    """The preview alone, which static/js/motie.js puts on the page as the form is typed."""
    gemeente = public_gemeente(slug)
    try:
        options = services.parse_motion_options(request.args, gemeente)
    except UserError as problem:
        return Response(problem.message, status=400, mimetype="text/plain")
    response = Response(
        render_template("documents/_motion.html", motion=services.motion_for(gemeente, options))
    )
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def download(slug: str, file_format: str) -> ResponseReturnValue:
    """The file, or the form again with the message when a field is wrong (nothing is lost)."""
    gemeente = public_gemeente(slug)
    try:
        options = services.parse_motion_options(request.args, gemeente)
    except UserError as problem:
        return render_motion_page(
            gemeente, MotionOptions(include_noodopvang=gemeente.has_noodopvang), problem
        )
    motion = services.motion_for(gemeente, options)
    body = build_docx(motion) if file_format == "docx" else build_pdf(motion)
    filename = services.filename_for(gemeente, options, file_format)
    response = Response(body, mimetype=MIMETYPES[file_format])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.get("/gemeente/<slug>/motie.docx")
def download_docx(slug: str) -> ResponseReturnValue:
    return download(slug, "docx")


@bp.get("/gemeente/<slug>/motie.pdf")
def download_pdf(slug: str) -> ResponseReturnValue:
    return download(slug, "pdf")


@bp.route("/beheer/teksten/motie", methods=["GET", "POST"])
@admin_required
def edit_motion_template() -> ResponseReturnValue:
    current = services.current_version(TemplateKind.MOTIE)
    if request.method == "POST":
        form = MotieTemplateForm()
    else:
        form = MotieTemplateForm(
            formdata=None,
            based_on=str(current.number),
            **MotieTemplateForm.data_from_content(current.content),
        )
    gemeenten = list_gemeenten()
    form.preview_gemeente.choices = select_options((g.slug, g.name) for g in gemeenten)
    status, preview = 200, None
    if request.method == "POST":
        if request.form.get("actie") == "voorbeeld":
            form.note.validators = []
        if not form.validate():
            status = 400
        elif request.form.get("actie") == "voorbeeld":
            gemeente = services.preview_gemeente(form.preview_gemeente.data)
            options = MotionOptions(include_noodopvang=True)
            preview = build_motion(form.content(), current.number + 1, gemeente.name, options)
        else:
            outcome = save_edited_version(
                form,
                TemplateKind.MOTIE,
                form.title.data or "",
                form.content(),
                "Versie {number} van de motie is opgeslagen.",
                url_for("documents.edit_motion_template"),
            )
            if not isinstance(outcome, Refusal):
                return outcome
            status = outcome.status
    return render_template(
        "documents/template_edit.html",
        form=form,
        current=current,
        versions=services.list_versions(TemplateKind.MOTIE),
        preview=preview,
    ), status


@bp.get("/beheer/teksten/motie/<int:number>")
@admin_required
def show_motion_version(number: int) -> ResponseReturnValue:
    version = services.find_version(TemplateKind.MOTIE, number) or abort(404)
    gemeente = services.preview_gemeente(request.args.get("gemeente"))
    motion = services.motion_for(gemeente, MotionOptions(include_noodopvang=True), version)
    return render_template(
        "documents/template_version.html", version=version, motion=motion, gemeente=gemeente
    )


@bp.post("/beheer/documenten/moties.zip")
@volunteer_required
def motions_zip() -> ResponseReturnValue:
    """Every gemeente (`alle=1`) or the gemeenten selected in the worklist.

    A POST with the CSRF token, not a link: a zip of 342 PDFs costs half a minute of work, which
    no other site may start on a volunteer's behalf."""
    file_format = request.form.get("formaat", "docx")
    if file_format not in FORMATS:
        raise UserError("Kies het formaat docx of pdf.")
    gemeenten = list_gemeenten()
    if request.form.get("alle") != "1":
        codes = set(request.form.getlist("codes"))
        gemeenten = [g for g in gemeenten if g.cbs_code in codes]
        if not gemeenten:
            flash("Kies eerst een of meer gemeenten.", "error")
            return redirect(url_for("outreach.worklist"))
    body = motions_zip_bytes(gemeenten, file_format, MotionOptions())
    response = Response(body, mimetype="application/zip")
    name = f"moties-gewortelde-kinderen-{today().isoformat()}-{file_format}.zip"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
