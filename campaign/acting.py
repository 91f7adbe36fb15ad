"""Who is acting: the user a request or command makes changes for (None: the system).

The audit log and the status history both attribute what they record to this actor.
"""

from __future__ import annotations

from flask import g, has_app_context


def act_as(user_id: int | None) -> None:
    """Attribute the changes of this request or command to a user (None: the system)."""
    g.audit_actor_id = user_id


def current_actor_id() -> int | None:
    return g.get("audit_actor_id") if has_app_context() else None
