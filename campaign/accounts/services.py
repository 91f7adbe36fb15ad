"""Creating users and the first admin."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import generate_password_hash

from campaign.accounts.models import Role, User
from campaign.errors import UserError
from campaign.extensions import db

MIN_PASSWORD_LENGTH = 12


def normalise_email(email: str) -> str:
    """Validate an address and return it in the form we store (lower case)."""
    try:
        result = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise UserError(f"Ongeldig e-mailadres: {email.strip()!r}.", field="email") from None
    return result.normalized.lower()


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            f"Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens lang zijn.",
            field="password",
        )


def create_user(
    email: str, name: str, role: Role, password: str, must_change_password: bool = False
) -> User:
    email = normalise_email(email)
    name = name.strip()
    if not name or len(name) > 120:
        raise UserError("Vul een naam in van hooguit 120 tekens.", field="name")
    check_password_strength(password)
    if db.session.scalar(select(User).where(User.email == email)) is not None:
        raise UserError(f"Er is al een account met het e-mailadres {email}.", field="email")
    user = User(
        email=email,
        name=name,
        role=role,
        password_hash=generate_password_hash(password),
        must_change_password=must_change_password,
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise UserError(f"Er is al een account met het e-mailadres {email}.") from None
    return user


@dataclass(frozen=True)
class FirstAdmin:
    email: str
    password: str


def ensure_first_admin(email: str, name: str) -> FirstAdmin | None:
    """Create an admin with a random one-time password when there is no user at all.

    The password is returned once, to be shown once; only its hash is stored, and the account
    must choose a new password at its first login.
    """
    if db.session.scalar(select(func.count()).select_from(User)):
        return None
    password = secrets.token_urlsafe(15)
    user = create_user(email, name, Role.ADMIN, password, must_change_password=True)
    return FirstAdmin(user.email, password)


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the account behind a session, if it still exists."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
