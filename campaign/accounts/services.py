"""Creating users and the first admin."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from campaign.accounts.logins import end_logins
from campaign.accounts.models import Role, User
from campaign.concurrency import check_version, saving
from campaign.dates import utcnow
from campaign.errors import UserError
from campaign.extensions import db
from campaign.mailer import DeliveryError

MIN_PASSWORD_LENGTH = 12


@cache
def dummy_hash() -> str:
    return generate_password_hash("no account has this password")


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
    user = _add_user(email, name, role, password, must_change_password)
    _commit_new_user(user)
    return user


def _commit_new_user(user: User) -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise UserError(f"Er is al een account met het e-mailadres {user.email}.") from None


def _add_user(email: str, name: str, role: Role, password: str, must_change_password: bool) -> User:
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


def authenticate(email: str, password: str) -> User | None:
    """The active user with this address and password, or None (without saying which was wrong)."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        # Spend the same time as a real check, so timing does not tell which addresses exist.
        check_password_hash(dummy_hash(), password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def set_password(user: User, password: str, keep_current_login: bool = False) -> None:
    """A new password ends the account's logins on every device (all but this one, when the
    user changes it while logged in), so a stolen session or cookie stops working."""
    check_password_strength(password)
    user.password_hash = generate_password_hash(password)
    user.must_change_password = False
    end_logins(user, keep_current=keep_current_login)
    db.session.commit()


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not check_password_hash(user.password_hash, current_password):
        raise UserError("Je huidige wachtwoord klopt niet.", field="current_password")
    if current_password == new_password:
        raise UserError("Kies een ander wachtwoord dan het huidige.", field="new_password")
    set_password(user, new_password, keep_current_login=True)


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def _password_fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User, invitation: bool = False) -> str:
    """A signed token for a link to set a password. It stops working once the password changes
    (it carries a fingerprint of the current hash) and after PASSWORD_RESET_MAX_AGE seconds,
    or INVITATION_MAX_AGE for an invitation."""
    payload = {"user": user.id, "hash": _password_fingerprint(user), "invite": invitation}
    return _reset_serializer().dumps(payload)


def user_for_reset_token(token: str) -> User:
    config = current_app.config
    longest = max(config["PASSWORD_RESET_MAX_AGE"], config["INVITATION_MAX_AGE"])
    try:
        data, signed_at = _reset_serializer().loads(token, max_age=longest, return_timestamp=True)
    except SignatureExpired:
        raise UserError("Deze link is verlopen. Vraag een nieuwe aan.") from None
    except BadSignature:
        raise UserError("Deze link is ongeldig.") from None
    if not isinstance(data, dict):
        raise UserError("Deze link is ongeldig.")
    max_age = config["INVITATION_MAX_AGE" if data.get("invite") else "PASSWORD_RESET_MAX_AGE"]
    if (utcnow() - signed_at).total_seconds() > max_age:
        raise UserError("Deze link is verlopen. Vraag een nieuwe aan.")
    user = db.session.get(User, data.get("user"))
    if user is None or not user.active or data.get("hash") != _password_fingerprint(user):
        raise UserError("Deze link is al gebruikt of ongeldig. Vraag een nieuwe aan.")
    return user


def find_active_user(email: str) -> User | None:
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    return user if user is not None and user.active else None


def invite_user(email: str, name: str, role: Role, send_invitation: Callable[[User], None]) -> User:
    """Create an account with an unusable random password; the invitee sets one via the link
    `send_invitation` mails. The account exists only if the invitation could be sent."""
    user = _add_user(email, name, role, secrets.token_urlsafe(32), must_change_password=False)
    db.session.flush()
    try:
        send_invitation(user)
    except DeliveryError as error:
        db.session.rollback()
        raise UserError(
            f"De uitnodiging aan {user.email} kon niet worden verstuurd ({error}); er is geen "
            "account aangemaakt. Probeer het later opnieuw."
        ) from None
    _commit_new_user(user)
    return user


def update_user(
    user: User, role: Role, active: bool, acting: User, expected_version: int | None
) -> None:
    with saving(f"Het account van {user.name}"):
        check_version(user, expected_version, f"Het account van {user.name}")
        loses_admin = user.role is Role.ADMIN and (role is not Role.ADMIN or not active)
        if loses_admin:
            admins = db.session.scalar(
                select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active)
            )
            if (admins or 0) <= 1:
                raise UserError("Er moet minstens één actieve beheerder blijven.")
        if user == acting and not active:
            raise UserError("Je kunt je eigen account niet uitschakelen.")
        user.role = role
        user.active = active
        if not active:
            end_logins(user)


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.active.desc(), User.name)))


def set_digest_preference(user: User, wants_digest: bool, expected_version: int | None) -> None:
    with saving(f"Het account van {user.name}"):
        check_version(user, expected_version, f"Het account van {user.name}")
        user.wants_digest = wants_digest
