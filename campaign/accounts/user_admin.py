"""/beheer/gebruikers: admins invite people, change roles and deactivate accounts.

Accounts are never deleted: their name stays on everything they recorded.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts import services
from campaign.accounts.forms import EditUserForm, UserForm
from campaign.accounts.models import Role, User
from campaign.accounts.permissions import admin_required
from campaign.accounts.views import bp
from campaign.errors import ConflictError, UserError
from campaign.extensions import db
from campaign.forms import show_error, version_number
from campaign.mail.services import build_message, send
from campaign.urls import site_url_for


def send_invitation(user: User) -> None:
    link = site_url_for(
        "accounts.reset_password", token=services.make_reset_token(user, invitation=True)
    )
    body = render_template("accounts/invite_mail.txt", user=user, link=link, inviter=current_user)
    send(build_message(user.email, "Je account voor Motietracker van KinderpardonNU", body))


@bp.route("/beheer/gebruikers", methods=["GET", "POST"])
@admin_required
def users() -> ResponseReturnValue:
    form = UserForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = services.invite_user(
                form.email.data or "", form.name.data or "", Role(form.role.data), send_invitation
            )
        except UserError as problem:
            db.session.rollback()
            show_error(form, problem)
            status = 400
        else:
            flash(f"{user.name} is uitgenodigd via {user.email}.", "success")
            return redirect(url_for("accounts.users"))
    elif request.method == "POST":
        status = 400
    return render_template("accounts/users.html", form=form, users=services.list_users()), status


@bp.route("/beheer/gebruikers/<int:user_id>", methods=["GET", "POST"])
@admin_required
def edit_user(user_id: int) -> ResponseReturnValue:
    user = db.get_or_404(User, user_id)
    form = EditUserForm(obj=user)
    status = 200
    if request.method == "GET":
        form.version_id.data = str(user.version_id)
    elif form.validate_on_submit():
        try:
            services.update_user(
                user,
                Role(form.role.data),
                form.active.data,
                current_user,
                version_number(form.version_id.data),
            )
        except ConflictError as problem:
            db.session.rollback()
            flash(problem.message, "error")
            form = EditUserForm(formdata=None, obj=user)
            form.version_id.data = str(user.version_id)
            status = 409
        except UserError as problem:
            db.session.rollback()
            flash(problem.message, "error")
            status = 400
        else:
            flash(f"Het account van {user.name} is opgeslagen.", "success")
            return redirect(url_for("accounts.users"))
    else:
        status = 400
    return render_template("accounts/edit_user.html", form=form, user=user), status
