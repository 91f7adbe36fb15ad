"""Who is acting: the user a request or command makes changes for (None: the system).

The audit log and the status history both attribute what they record to this actor. When the
system writes, `origin` says which part of it: loading the seed data or an export of the public
register. Such writes are not the team's activity, and the audit log keeps them recognisable
(`actor_id` NULL and `origin` set).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from flask import g, has_app_context


class SystemOrigin(StrEnum):
    """What wrote a record when no person did."""

    SEED = "seed"  # `flask init` loading seed_data/
    REGISTER = "register"  # `flask register load`, an export of the public register


def act_as(user_id: int | None, origin: SystemOrigin | None = None) -> None:
    """Attribute the changes of this request or command to a user (None: the system)."""
    g.audit_actor_id = user_id
    g.audit_origin = origin


def current_actor_id() -> int | None:
    return g.get("audit_actor_id") if has_app_context() else None


def current_origin() -> SystemOrigin | None:
    return g.get("audit_origin") if has_app_context() else None


@contextmanager
def acting_as_system(origin: SystemOrigin) -> Iterator[None]:
    """Attribute the changes made inside the block to the system's `origin`, then restore."""
    before = (g.get("audit_actor_id"), g.get("audit_origin"))
    act_as(None, origin)
    try:
        yield
    finally:
        g.audit_actor_id, g.audit_origin = before
