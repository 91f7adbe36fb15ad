"""UserError carries a Dutch message; the HTML and JSON error handlers live here only."""

from __future__ import annotations

import contextlib
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from flask.globals import request_ctx
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, SecurityError

from campaign.extensions import db


class UserError(Exception):
    """A broken business rule; the message is Dutch and safe to show to the user."""

    status_code = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(UserError):
    """Someone else saved the record first; the caller shows what changed."""

    status_code = 409


DUTCH_MESSAGES = {
    400: "Het verzoek klopt niet.",
    403: "Je hebt geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet.",
    405: "Deze actie is hier niet toegestaan.",
    409: "Iemand anders heeft dit intussen gewijzigd.",
    413: "Het bestand is te groot.",
    429: "Te veel verzoeken. Probeer het over een minuut opnieuw.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    503: "De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.",
}

ERROR_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def json_error(status: int, message: str | None = None, **extra: Any) -> ResponseReturnValue:
    """The one shape of every JSON error: {"error": code, "message": Dutch text}."""
    body = {
        "error": ERROR_CODES.get(status, "error"),
        "message": message or DUTCH_MESSAGES.get(status, "Er ging iets mis."),
        **extra,
    }
    return jsonify(body), status


def error_response(status: int, message: str | None = None) -> ResponseReturnValue:
    """The Dutch error page or JSON error. Whatever the failed request left in the session is
    rolled back first, so the page itself (which reads the logged-in user) can still render."""
    with contextlib.suppress(SQLAlchemyError):
        db.session.rollback()
    text = message or DUTCH_MESSAGES.get(status, "Er ging iets mis.")
    if wants_json():
        return json_error(status, message)
    if _request_ctx_has_no_urls():
        # An untrusted Host header: the page cannot build links for it, so answer plainly.
        return Response(text, status=status, mimetype="text/plain")
    return render_template("errors/error.html", status=status, message=text), status


def _request_ctx_has_no_urls() -> bool:
    return request_ctx.url_adapter is None


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(UserError)
    def handle_user_error(error: UserError) -> ResponseReturnValue:
        return error_response(error.status_code, error.message)

    @app.errorhandler(CSRFError)
    def handle_csrf_error(error: CSRFError) -> ResponseReturnValue:
        return error_response(
            400,
            "Dit formulier is verlopen of onvolledig verstuurd. Laad de pagina opnieuw en "
            "probeer het nog eens.",
        )

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException) -> ResponseReturnValue:
        status = error.code or 500
        # Our abort(…, description=…) calls pass a Dutch message; Werkzeug's own are English.
        custom = error.description if error.description != type(error).description else None
        if status == 400 and isinstance(error, SecurityError):
            custom = "Dit adres hoort niet bij deze site."
        response = app.make_response(error_response(status, custom))
        # Headers the error carries belong on the answer, such as Allow on a 405.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(OperationalError)
    def handle_database_down(error: OperationalError) -> ResponseReturnValue:
        """The database is unreachable: say so with a 503; the pool reconnects by itself."""
        app.logger.error(
            "Database unavailable on %s %s: %s", request.method, request.path, error.orig
        )
        db.session.rollback()
        return error_response(503)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception) -> ResponseReturnValue:
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500)
