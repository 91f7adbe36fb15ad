"""Logins that can be ended: each has a random token, stored as a hash, that the session and
remember-me cookies carry. A cookie whose login has ended no longer gets anyone in, wherever it
was copied to."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update

from campaign.accounts.models import LoginSession, User
from campaign.dates import utcnow
from campaign.extensions import db


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_login(user: User) -> None:
    """Record a new login for this account and attach its token to the user object."""
    token = secrets.token_urlsafe(32)
    db.session.add(LoginSession(user=user, token_hash=_hash(token)))
    db.session.commit()
    user.attach_login(token)


def user_for_login(token: str) -> User | None:
    """Flask-Login's user loader: the active account of a login that has not ended."""
    if not token or len(token) > 100:
        return None
    user = db.session.scalar(
        select(User)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.token_hash == _hash(token), LoginSession.ended_at.is_(None))
    )
    if user is None or not user.active:
        return None
    user.attach_login(token)
    return user


def end_login(user: User) -> None:
    """Log out: end the login this user object was loaded for."""
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == _hash(user.get_id()), LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    db.session.commit()


def end_logins(user: User, keep_current: bool = False) -> None:
    """End every login of an account (a password reset, a deactivated account), or every login
    but the one making the change (a password change). Part of the caller's transaction."""
    statement = (
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    if keep_current:
        statement = statement.where(LoginSession.token_hash != _hash(user.get_id()))
    db.session.execute(statement)
