"""The people who work in Motietracker: volunteers and admins."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime, str_enum
from campaign.extensions import Model


class Role(StrEnum):
    ADMIN = "admin"
    VRIJWILLIGER = "vrijwilliger"

    @property
    def label(self) -> str:
        return {"admin": "beheerder", "vrijwilliger": "vrijwilliger"}[self.value]


class User(UserMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    password_hash: Mapped[str] = mapped_column(String(255))
    # A generated first password must be replaced at the first login.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # The morning e-mail (`flask digest send`): on unless the volunteer switches it off, and
    # the day it last went out, so a second run that day sends nothing twice.
    wants_digest: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    digest_sent_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users.
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def display_name(self) -> str:
        return self.name

    # One object per account per database session: compare by identity, not by UserMixin's
    # get_id(), which only a logged-in user object has.
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and remember-me cookie: the token of this
        login, not the account id, so that ending the login (logout, a new password) ends
        every copy of the cookie too."""
        token = self.__dict__.get("login_token")
        if not token:
            raise RuntimeError("this user was not loaded for a login")
        return str(token)

    def attach_login(self, token: str) -> None:
        """Remember which login this object was loaded for (kept in memory, never stored)."""
        self.__dict__["login_token"] = token


class LoginSession(Model):
    """One login on one device. The cookie carries a random token; only its hash is stored.

    A login ends at logout, or for all of an account's devices at a password reset or when an
    admin deactivates it; a password change ends the others."""

    __tablename__ = "login_sessions"
    # Not campaign work, and the audit log must never hold (hashes of) session tokens.
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    user: Mapped[User] = relationship()
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
