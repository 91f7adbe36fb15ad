"""/beheer/gebruikers: admins invite people, change roles and deactivate accounts.

Accounts are never deleted: their name stays on everything they recorded.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from campaign.accounts import bp, services
from campaign.accounts.forms import EditUserForm, UserForm
from campaign.accounts.models import Role, User
from campaign.accounts.permissions import admin_required
from campaign.extensions import db
from campaign.forms import try_save
from campaign.mailer import build_message, send
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
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template(
            "accounts/users.html", form=form, users=services.list_users()
        ), status
    invited: list[User] = []
    refused = try_save(
        form,
        lambda: invited.append(
            services.invite_user(
                form.email.data or "", form.name.data or "", Role(form.role.data), send_invitation
            )
        ),
    )
    if refused:
        return render_template(
            "accounts/users.html", form=form, users=services.list_users()
        ), refused.status
    flash(f"{invited[0].name} is uitgenodigd via {invited[0].email}.", "success")
    return redirect(url_for("accounts.users"))


@bp.route("/beheer/gebruikers/<int:user_id>", methods=["GET", "POST"])
@admin_required
def edit_user(user_id: int) -> ResponseReturnValue:
    user = db.get_or_404(User, user_id)
    form = EditUserForm(obj=user)
    if request.method == "GET":
        form.version_id.data = str(user.version_id)
        return render_template("accounts/edit_user.html", form=form, user=user)
    if not form.validate_on_submit():
        return render_template("accounts/edit_user.html", form=form, user=user), 400
    refused = try_save(
        form,
        lambda: services.update_user(
            user, Role(form.role.data), form.active.data, current_user, form.expected_version
        ),
        user,
    )
    if refused is None:
        flash(f"Het account van {user.name} is opgeslagen.", "success")
        return redirect(url_for("accounts.users"))
    if refused.status == 409:
        # Show the account as a colleague just saved it; saving again overwrites it on purpose.
        form = EditUserForm(formdata=None, obj=user)
        form.version_id.data = str(user.version_id)
    return render_template("accounts/edit_user.html", form=form, user=user), refused.status
