"""Who may open what: everything under /beheer needs a login, some of it an admin."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, redirect, request, url_for
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])


def admin_required(view: F) -> F:
    """Log in first; then a volunteer gets 403 where only admins may come."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        redirect_to_login = require_login_for_beheer()
        if redirect_to_login is not None:
            return redirect_to_login
        if not current_user.is_admin:
            abort(403, description="Alleen beheerders mogen dit doen.")
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def require_login_for_beheer() -> Any:
    """A before_request hook for /beheer blueprints: log in, and replace a one-time password."""
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    if current_user.must_change_password and request.endpoint != "accounts.change_password":
        return redirect(url_for("accounts.change_password"))
    return None


def volunteer_required(view: F) -> F:
    """For single /beheer views on a blueprint that also serves public pages."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return require_login_for_beheer() or view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
