"""What went wrong, as the package's typed error: a status, an httpx failure, a body not as documented.

The one place that reads a failed exchange and builds its :mod:`prolific._errors` exception, for
the send path (:mod:`prolific._call`) and for ``client.api``'s hook (:mod:`prolific._api_client`).
Nothing here raises; each function returns the error for its caller to raise.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from ._http import is_idempotent, parse_retry_after
from ._validation import path_id_hint

if TYPE_CHECKING:
    import httpx

    from prolific_api_client.operations import Operation

# Longest detail text we put into a message; a proxy's HTML page can be megabytes.
_MAX_DETAIL = 500

_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
    429: RateLimitError,
}

_REASONS = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 413: "Payload Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests",
    499: "Client Closed Request", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip


def _status_class(status: int) -> type[APIStatusError]:
    if status in _STATUS_CLASSES:
        return _STATUS_CLASSES[status]
    if status >= 500:
        return ServerError
    if 400 <= status < 500 and status not in (408,):
        return BadRequestError if status == 422 else APIStatusError
    return APIStatusError


def _render_detail(detail: object) -> str | None:
    """Prolific's ``detail`` is a string, a list of strings, or field -> messages."""
    if detail is None or detail == "" or detail == [] or detail == {}:
        return None
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        parts = [_render_detail(item) for item in detail]
        return "; ".join(p for p in parts if p)
    if isinstance(detail, dict):
        rendered = []
        for key, value in detail.items():
            text = _render_detail(value)
            rendered.append(f"{key}: {text}" if text else str(key))
        return "; ".join(rendered)
    return str(detail)


def error_detail(body: object) -> str | None:
    """Extract a readable explanation from a Prolific error body of any shape.

    >>> error_detail({"error": {"title": "Conflict", "detail": "username exists"}})
    'username exists'
    >>> error_detail({"error": {"detail": {"workspace_id": ["This field is required."]}}})
    'workspace_id: This field is required.'
    >>> error_detail({"detail": "Not found.", "message": "pool"}) is not None
    True
    >>> error_detail("<html>bad gateway</html>") is None
    True
    """
    if not isinstance(body, dict):
        return None
    inner = body.get("error")
    if isinstance(inner, dict):
        text = _render_detail(inner.get("detail")) or _render_detail(inner.get("title"))
        extra = inner.get("additional_information")
        if text and isinstance(extra, str) and extra.strip():
            text = f"{text} ({extra.strip()})"
        return text
    if isinstance(inner, str) and inner.strip():
        return inner
    detail = _render_detail(body.get("detail"))
    message = _render_detail(body.get("message"))
    if detail and message and message != detail:
        return f"{detail} ({message})"
    return detail or message


def unexpected_body(response: httpx.Response) -> str:
    """What a successful response's body is, when it is not what the API documents (for messages).

    A proxy's or login page's HTML is the usual cause: say so rather than name a parser error.
    """
    try:
        content = response.content
    except Exception:  # a stream that was never read or was cut off
        content = b""
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    head = content[:256].lstrip().lower()
    if "html" in kind or head.startswith((b"<!doctype html", b"<html")):
        return (
            "the server answered HTML, not JSON (a proxy, a login or captive portal, or a base URL that is not "
            "the API?)"
        )
    if not content:
        return "the response has no body"
    if not isinstance(_parse_body(response), dict | list):
        return f"the response body is not JSON ({kind or 'no content type'})"
    return "the response body is not what the API documents"


def _parse_body(response: httpx.Response) -> object:
    try:
        content = response.content
    except Exception:  # a stream that was never read or was cut off
        return None
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def status_error(
    response: httpx.Response, *, method: str, path: str, attempts: int = 1, template: str | None = None
) -> APIStatusError:
    """Build the right :class:`APIStatusError` subclass for a non-2xx ``response``.

    Never raises on odd bodies (HTML, truncated JSON, nothing at all) or non-standard codes.
    ``path`` is what goes in the message (no host, no query), e.g. ``/api/v1/credentials/``;
    ``attempts``: how many times the request was sent (the message says so when more than once);
    ``template``: the operation's path template, so that a 404 for an id that cannot be a Prolific
    id says so (a bare 404 for a mistyped id reads as "it does not exist").
    """
    status = response.status_code
    body = _parse_body(response)
    detail = error_detail(body)
    reason = _REASONS.get(status) or response.reason_phrase or "Error"
    message = f"{status} {reason} on {method} {path}"
    if detail:
        message += f": {_shorten(detail)}"
    elif 300 <= status < 400:
        location = response.headers.get("location")
        message += f": redirect to {location!r} not followed" if location else ": redirect not followed"
    if status == 404 and template is not None:
        hint = path_id_hint(template, path)
        if hint is not None:
            message += f" ({hint}: check the id)"
    cls = _status_class(status)
    # Only a write can have been half done; repeating a GET changes nothing. 501 Not Implemented and
    # 503 Unavailable: the server did not act on the request.
    may_apply = status >= 500 and status not in (501, 503) and not is_idempotent(method)
    if may_apply:
        message += " (the write may or may not have been applied: check before repeating it)"
    retry_after = None
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            message += f" (the API asks to wait {retry_after:.0f}s before retrying)"
    message += _after(attempts)
    error = cls(
        message,
        response=response,
        body=body,
        detail=detail,
        method=method,
        url=str(response.request.url) if _has_request(response) else None,
        may_have_been_applied=may_apply,
    )
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after
    return error


def _has_request(response: httpx.Response) -> bool:
    try:
        response.request  # noqa: B018 - property raises when unset
    except RuntimeError:
        return False
    return True


def _after(attempts: int) -> str:
    return f" [after {attempts} attempts]" if attempts > 1 else ""


def connection_error(exc: Exception, method: str, path: str, attempts: int = 1) -> APIError:
    """An httpx failure as our APIConnectionError family, saying whether a write may have happened.

    ``method``/``path`` name the request (the path, no host or query); ``attempts`` how many
    times it was sent.
    """
    import httpx

    from ._retry import NOT_SENT, is_unknown_host

    after = _after(attempts)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    if is_unknown_host(exc):  # not retried (the name will not resolve a second later): say which name
        try:
            host = exc.request.url.host if isinstance(exc, httpx.RequestError) else "the API host"
        except RuntimeError:  # an error raised without its request
            host = "the API host"
        return cls(
            f"could not send {method} {path}: the host name {host!r} does not resolve (DNS); check the base URL "
            f"(--base-url, $PROLIFIC_URL or base_url=) and your network; nothing was sent",
            method=method, url=None, may_have_been_applied=False,
        )  # fmt: skip
    if isinstance(exc, NOT_SENT):
        return cls(
            f"could not send {method} {path}: {type(exc).__name__} ({_safe(exc)}); nothing was sent{after}",
            method=method, url=None, may_have_been_applied=False,
        )  # fmt: skip
    what = "timed out waiting for the response" if cls is APITimeoutError else f"connection failed ({_safe(exc)})"
    if is_idempotent(method):
        return cls(f"{method} {path} {what}{after}", method=method, url=None, may_have_been_applied=False)
    return cls(
        f"{method} {path} {what} after the request was sent: the write may or may not have been "
        f"applied; check before repeating it{after}",
        method=method, url=None, may_have_been_applied=True,
    )  # fmt: skip


def _safe(exc: BaseException) -> str:
    # httpx messages name hosts and reasons, never headers or bodies; keep them short anyway.
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def invalid_body(operation: Operation[Any], response: httpx.Response, exc: BaseException) -> APIResponseValidationError:
    """The error for a successful status whose body is not what ``operation`` documents."""
    method = operation.method
    write = not is_idempotent(method)
    return APIResponseValidationError(
        f"{response.status_code} on {method} {response.request.url.path}: {unexpected_body(response)} "
        f"({type(exc).__name__})" + ("; the request may have been applied" if write else ""),
        response=response,
        method=method,
        url=str(response.request.url),
        may_have_been_applied=write,
    )
