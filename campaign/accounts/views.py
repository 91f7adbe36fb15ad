"""Logging in and out, changing and resetting a password."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required, login_user, logout_user

from campaign.accounts import bp, services
from campaign.accounts.forms import (
    AccountForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    LoginForm,
    ResetPasswordForm,
)
from campaign.accounts.logins import end_login, start_login
from campaign.errors import UserError
from campaign.extensions import limiter
from campaign.forms import show_error, try_save
from campaign.mailer import DeliveryError, build_message, send
from campaign.urls import safe_redirect_target, site_url_for


def _login_failed(response: object) -> bool:
    """Only failed attempts count towards the limit; a successful login redirects."""
    return getattr(response, "status_code", 200) != 302


def _login_email_key() -> str:
    return "login:" + request.form.get("email", "").strip().lower()[:254]


def _next_page() -> str:
    """Where to go after logging in: a `next` on this site, else the dashboard."""
    return safe_redirect_target(request.args.get("next"), url_for("dashboard.home"))


TOO_MANY_LOGINS = (
    "Te veel verzoeken: te vaak een verkeerd wachtwoord. Probeer het over tien minuten opnieuw."
)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    "20 per 10 minutes",
    methods=["POST"],
    deduct_when=_login_failed,
    error_message=TOO_MANY_LOGINS,
)
@limiter.limit(
    "5 per 10 minutes",
    methods=["POST"],
    key_func=_login_email_key,
    deduct_when=_login_failed,
    error_message=TOO_MANY_LOGINS,
)
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(_next_page())
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            start_login(user)
            login_user(user, remember=form.remember.data)
            current_app.logger.info("login user=%s", user.id)
            if user.must_change_password:
                flash("Kies eerst een eigen wachtwoord.", "info")
                return redirect(url_for("accounts.change_password"))
            return redirect(_next_page())
        flash("Dat e-mailadres en wachtwoord horen niet bij elkaar.", "error")
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        end_login(current_user)
    logout_user()
    flash("Je bent uitgelogd.", "success")
    return redirect(url_for("publiek.home"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account() -> ResponseReturnValue:
    """The volunteer's own settings: the morning e-mail, and a link to change the password."""
    form = AccountForm(obj=current_user)
    if request.method == "GET":
        form.version_id.data = str(current_user.version_id)
        return render_template("accounts/account.html", form=form)
    if not form.validate_on_submit():
        return render_template("accounts/account.html", form=form), 400
    refused = try_save(
        form,
        lambda: services.set_digest_preference(
            current_user, form.wants_digest.data, form.expected_version
        ),
        current_user,
    )
    if refused:
        return render_template("accounts/account.html", form=form), refused.status
    flash(
        "Je krijgt de ochtendmail." if current_user.wants_digest else "De ochtendmail staat uit.",
        "success",
    )
    return redirect(url_for("accounts.account"))


@bp.route("/account/wachtwoord", methods=["GET", "POST"])
@login_required
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, form.current_password.data or "", form.new_password.data or ""
            )
        except UserError as error:
            show_error(form, error)
        else:
            flash("Je wachtwoord is gewijzigd.", "success")
            return redirect(url_for("dashboard.home"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/change_password.html", form=form), status


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit(
    "5 per hour",
    methods=["POST"],
    error_message="Te veel verzoeken om een nieuw wachtwoord. Probeer het over een uur opnieuw.",
)
def forgot_password() -> ResponseReturnValue:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.find_active_user(form.email.data or "")
        if user is not None:
            link = site_url_for("accounts.reset_password", token=services.make_reset_token(user))
            message = build_message(
                user.email,
                "Nieuw wachtwoord voor Motietracker",
                render_template("accounts/reset_mail.txt", user=user, link=link),
            )
            try:
                send(message)
            except DeliveryError:
                current_app.logger.exception("password reset mail for user=%s failed", user.id)
        # The same answer whether or not the address exists.
        flash(
            "Als er een account is met dit adres, staat er nu een e-mail met een link klaar. "
            "De link werkt een uur.",
            "info",
        )
        return redirect(url_for("accounts.login"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/forgot_password.html", form=form), status


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> ResponseReturnValue:
    user = services.user_for_reset_token(token)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.new_password.data or "")
        flash("Je wachtwoord is ingesteld. Log in met je nieuwe wachtwoord.", "success")
        return redirect(url_for("accounts.login"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/reset_password.html", form=form), status
