"""The people who work in Motietracker: volunteers and admins."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

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
