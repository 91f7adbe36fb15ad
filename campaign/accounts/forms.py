"""Login, password and user management forms."""

from __future__ import annotations

from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from campaign.accounts.models import Role
from campaign.accounts.services import MIN_PASSWORD_LENGTH
from campaign.forms import DutchForm, VersionedForm, options, strip_text

ROLE_CHOICES = [(role.value, role.label) for role in Role]


class LoginForm(DutchForm):
    email = EmailField("E-mailadres", validators=[DataRequired()], filters=[strip_text])
    password = PasswordField("Wachtwoord", validators=[DataRequired()])
    remember = BooleanField("Ingelogd blijven op dit apparaat")


class NewPasswordMixin:
    new_password = PasswordField(
        "Nieuw wachtwoord",
        validators=[
            DataRequired(),
            Length(min=MIN_PASSWORD_LENGTH, max=200, message="Minstens 12 tekens."),
        ],
    )
    repeat_password = PasswordField(
        "Herhaal het nieuwe wachtwoord",
        validators=[
            DataRequired(),
            EqualTo("new_password", message="De wachtwoorden verschillen."),
        ],
    )


class ChangePasswordForm(DutchForm, NewPasswordMixin):
    current_password = PasswordField("Huidig wachtwoord", validators=[DataRequired()])


class ResetPasswordForm(DutchForm, NewPasswordMixin):
    pass


class ForgotPasswordForm(DutchForm):
    email = EmailField(
        "E-mailadres",
        validators=[DataRequired(), Email(check_deliverability=False)],
        filters=[strip_text],
    )


class UserForm(DutchForm):
    name = StringField("Naam", validators=[DataRequired(), Length(max=120)], filters=[strip_text])
    email = EmailField(
        "E-mailadres",
        validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)],
        filters=[strip_text],
    )
    role = SelectField("Rol", choices=options(ROLE_CHOICES))


class EditUserForm(VersionedForm):
    role = SelectField("Rol", choices=options(ROLE_CHOICES))
    active = BooleanField("Actief (kan inloggen)")


class AccountForm(VersionedForm):
    wants_digest = BooleanField(
        "Stuur mij elke ochtend een e-mail met wat er die dag op te volgen is",
        description="Alleen op dagen dat er iets te melden is.",
    )
