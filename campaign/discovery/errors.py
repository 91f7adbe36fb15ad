"""What can go wrong when asking Open Besluitvorming, as exceptions a nightly run can sort.

The API answers errors as `{"error": "<Dutch message>"}`, sometimes with `request_id` (a failed
search) or `hint` (a refused parameter), but without a machine-readable code. The client
therefore names each case itself from the status and the endpoint; a `code` in the body wins
should the API ever send one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Codes the client gives to API answers; see ApiError.code.
BAD_REQUEST = "bad_request"
NOT_FOUND = "not_found"
RATE_LIMITED = "rate_limited"
SEARCH_FAILED = "search_failed"
SERVER_ERROR = "server_error"
CLIENT_ERROR = "client_error"
MALFORMED_RESPONSE = "malformed_response"


class DiscoveryError(Exception):
    """Anything the Open Besluitvorming client raises on purpose."""


class ApiError(DiscoveryError):
    """The API answered, but not with what was asked for.

    `code` is stable and meant for code to branch on; `message` is the API's own (Dutch) text,
    kept for a log or a volunteer; `request_id` is what the API's maintainers ask to be quoted.
    """

    def __init__(
        self,
        code: str,
        message: str,
        status: int,
        *,
        request_id: str | None = None,
        hint: str | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{code} (HTTP {status}): {message}")
        self.code = code
        self.message = message
        self.status = status
        self.request_id = request_id
        self.hint = hint
        self.body = body


class MalformedResponse(ApiError):
    """A successful status with a body that is not JSON or not in the documented shape.

    Not retried: a body that parses badly once will parse badly again, and a wrong shape means
    the API changed, which a person has to look at.
    """

    def __init__(self, message: str, status: int, *, excerpt: str = "") -> None:
        super().__init__(MALFORMED_RESPONSE, message, status)
        self.excerpt = excerpt


class ApiUnavailable(DiscoveryError):
    """The API could not be reached, or only through a failing gateway, after every retry."""

    def __init__(self, message: str, *, attempts: int, last_status: int | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_status = last_status


def code_for(status: int, path: str) -> str:
    """The client's name for an error answer that carries no `code` of its own."""
    if status == 400:
        return BAD_REQUEST
    if status == 404:
        return NOT_FOUND
    if status == 429:
        return RATE_LIMITED
    if status >= 500:
        return SEARCH_FAILED if path == "/api/search" else SERVER_ERROR
    return CLIENT_ERROR


def error_body(body: Any) -> Mapping[str, Any] | None:
    """The body when it is the API's documented error object `{"error": "...", ...}`."""
    if isinstance(body, Mapping) and isinstance(body.get("error"), str):
        return body
    return None


def api_error(status: int, path: str, body: Any, text: str) -> ApiError:
    """An `ApiError` from an error answer, documented body or not."""
    data = error_body(body)
    if data is None:
        return ApiError(code_for(status, path), f"HTTP {status}: {text[:200]}", status)
    code = data.get("code")
    request_id, hint = data.get("request_id"), data.get("hint")
    return ApiError(
        code if isinstance(code, str) and code else code_for(status, path),
        data["error"],
        status,
        request_id=request_id if isinstance(request_id, str) else None,
        hint=hint if isinstance(hint, str) else None,
        body=data,
    )
