"""The one exception hierarchy of the ``prolific`` package.

Everything the package raises on purpose derives from :class:`ProlificError`; mistakes in the
arguments a caller passes are also :class:`ValueError` subclasses, so ``except ValueError`` keeps
working for code that does not know this package.

::

    ProlificError
    ├── ConfigurationError (ValueError)       no token, bad base URL, ...
    ├── InvalidArgumentError (ValueError)     an argument fails a rule checked before any request
    ├── CredentialsFormatError (ValueError)   a credentials file or text is not acceptable
    ├── ReportFormatError (ValueError)        a credentials report (CSV) lacks a column or has a broken row
    ├── StudyStateError                       the study's status does not allow it (attach to a non-draft)
    ├── UploadError                           a chunked upload stopped part way
    ├── MembershipError                       adding/removing participant-group members stopped part way
    └── APIError                              anything that went wrong talking to the API
        ├── APIConnectionError                no usable response (refused, reset, DNS, ...)
        │   └── APITimeoutError
        ├── APIResponseValidationError        a 2xx whose body is not what the API documents
        └── APIStatusError                    a non-2xx status
            ├── BadRequestError               400, 422
            ├── AuthenticationError           401
            ├── PermissionDeniedError         403
            ├── NotFoundError                 404
            ├── ConflictError                 409
            ├── RateLimitError                429
            └── ServerError                   >= 500

Messages never contain the API token or the body of a request (a credentials request body holds
passwords); response bodies are shown only through the ``detail`` Prolific puts in them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._http import is_idempotent, parse_retry_after

if TYPE_CHECKING:
    import httpx

    from .credentials import Credential

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "CredentialsFileNotFoundError",
    "CredentialsFormatError",
    "InvalidArgumentError",
    "MembershipError",
    "NotFoundError",
    "PermissionDeniedError",
    "ProlificError",
    "RateLimitError",
    "ReportFormatError",
    "ServerError",
    "StudyStateError",
    "UploadError",
    "error_detail",
    "explain_not_found",
    "status_error",
    "unexpected_body",
]

# Longest detail text we put into a message; a proxy's HTML page can be megabytes.
_MAX_DETAIL = 500


class ProlificError(Exception):
    """Root of every exception this package raises on purpose."""


class ConfigurationError(ProlificError, ValueError):
    """The client cannot be configured as asked (missing token, unsafe base URL, ...)."""


class InvalidArgumentError(ProlificError, ValueError):
    """An argument breaks a rule that is checked before any request is sent."""


class CredentialsFormatError(ProlificError, ValueError):
    """Credentials (a CSV file, text or pairs) cannot be sent as they are.

    ``line`` is the 1-based line (or row/item number) of the offending entry, ``field`` is
    ``"username"``, ``"password"`` or ``None`` and ``source`` names the file when there is one.
    The message never contains a password.

    >>> err = CredentialsFormatError("empty password", line=3, field="password", source="a.csv")
    >>> str(err)
    'a.csv, line 3, password: empty password'
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int | None = None,
        field: str | None = None,
        source: str | None = None,
    ) -> None:
        self.reason = reason
        self.line = line
        self.field = field
        self.source = source
        where = [part for part in (source, f"line {line}" if line is not None else None, field) if part]
        super().__init__(f"{', '.join(where)}: {reason}" if where else reason)


class UploadError(ProlificError):
    """A chunked credentials upload stopped part way.

    ``pool_id`` is the pool the confirmed batches went to (``None`` if the pool was never
    created), ``uploaded`` how many credentials the API confirmed as stored, ``total`` how many
    were asked for, ``remaining`` the credentials not confirmed (in input order: resume with
    ``upload(err.remaining, pool_id=err.pool_id)``; read from a file, they still know their lines).
    ``batch_lines`` is the first and last input line of the failed batch (``None`` for input not
    read from text), ``rejected`` maps the input lines (else 1-based positions in the input) of
    the credentials the API named as refused, e.g. already in the pool, to their usernames, and
    ``rejected_count`` counts them with those the API left unlisted ("and 40 more"). The API
    error that stopped the upload is ``__cause__``; its message names the input's lines too.
    """

    def __init__(
        self,
        message: str,
        *,
        pool_id: str | None,
        uploaded: int,
        total: int,
        remaining: Sequence[Credential] = (),
        batch_lines: tuple[int, int] | None = None,
        rejected: Mapping[int, str] | None = None,
        rejected_count: int | None = None,
    ) -> None:
        super().__init__(message)
        self.pool_id = pool_id
        self.uploaded = uploaded
        self.total = total
        self.remaining = remaining
        self.batch_lines = batch_lines
        self.rejected: Mapping[int, str] = rejected if rejected is not None else {}
        self.rejected_count = rejected_count if rejected_count is not None else len(self.rejected)


class ReportFormatError(ProlificError, ValueError):
    """A credentials report (``Participant Id,Submission Id,Username,Status`` CSV) cannot be read.

    ``missing`` names the columns not found (``columns`` holds the header as found), or ``line``
    is the report line that is broken; ``source`` says which report.

    >>> str(ReportFormatError("no Status column", source="report.csv", line=1))
    'report.csv, line 1: no Status column'
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        missing: Sequence[str] = (),
        columns: Sequence[str] = (),
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.missing = tuple(missing)
        self.columns = tuple(columns)
        where = [part for part in (source, f"line {line}" if line is not None else None) if part]
        super().__init__(f"{', '.join(where)}: {reason}" if where else reason)


class StudyStateError(ProlificError):
    """The study's status does not allow what was asked (e.g. attaching a pool to a published study).

    Raised before the refused request is sent. ``study_id``, ``status`` (as the API gave it) and
    ``allowed`` (the statuses that would have worked).
    """

    def __init__(self, message: str, *, study_id: str, status: str, allowed: Sequence[str]) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.status = status
        self.allowed = tuple(allowed)


class MembershipError(ProlificError):
    """Adding participants to (or removing them from) a participant group stopped part way.

    ``group_id``; ``action``: ``"add"`` or ``"remove"``; ``done``: how many ids of the input the
    API confirmed (whole batches, in input order); ``total``; ``remaining``: the ids not
    confirmed, in input order — resume with ``add_participants(group_id, err.remaining)`` (or
    ``remove_participants``): both are idempotent, so the failed batch may be sent again. The API
    error that stopped it is ``__cause__``.
    """

    def __init__(
        self, message: str, *, group_id: str, action: str, done: int, total: int, remaining: Sequence[str]
    ) -> None:
        super().__init__(message)
        self.group_id = group_id
        self.action = action
        self.done = done
        self.total = total
        self.remaining = list(remaining)


class APIError(ProlificError):
    """Something went wrong talking to the Prolific API.

    ``method`` and ``url`` say which request; ``may_have_been_applied`` is True when the write
    might have reached the server (a read timeout, a connection dropped after sending, a 5xx
    other than 503): check before repeating it.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        may_have_been_applied: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url
        self.may_have_been_applied = may_have_been_applied


class APIConnectionError(APIError):
    """No usable HTTP response arrived (connection refused or reset, DNS failure, TLS, ...)."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(APIError):
    """A successful status came with a body that does not match what the API documents."""

    def __init__(self, message: str, *, response: httpx.Response, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a non-2xx status.

    ``status_code``, ``body`` (parsed JSON, else the text), ``detail`` (Prolific's readable
    explanation, or ``None``), ``method``, ``url`` and the raw ``response``.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        detail: str | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.detail = detail


class BadRequestError(APIStatusError):
    """400 or 422: the API refused the request's content."""


class AuthenticationError(APIStatusError):
    """401: the token is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the token's user may not do this (e.g. not a workspace admin)."""


class NotFoundError(APIStatusError):
    """404: the resource (e.g. a credential pool id) does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with what is stored (e.g. a username already in the pool)."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically up to ``max_retries``.

    ``retry_after`` holds the wait (seconds) the API asked for, when it gave one.
    """

    retry_after: float | None = None


class ServerError(APIStatusError):
    """5xx: the API or a proxy in front of it failed."""


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


def status_error(response: httpx.Response, *, method: str, path: str) -> APIStatusError:
    """Build the right :class:`APIStatusError` subclass for a non-2xx ``response``.

    Never raises on odd bodies (HTML, truncated JSON, nothing at all) or non-standard codes.
    ``path`` is what goes in the message (no host, no query), e.g. ``/api/v1/credentials/``.
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
    cls = _status_class(status)
    # Only a write can have been half done; repeating a GET changes nothing.
    # 501 Not Implemented and 503 Unavailable: the server did not act on the request.
    may_apply = status >= 500 and status not in (501, 503) and not is_idempotent(method)
    if may_apply:
        message += " (the write may or may not have been applied: check before repeating it)"
    retry_after = None
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            message += f" (the API asks to wait {retry_after:.0f}s before retrying)"
    attempts = response.extensions.get("prolific_attempts", 1)
    if isinstance(attempts, int) and attempts > 1:
        message += f" [after {attempts} attempts]"
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


# -- new-user fixes (issue 24): a missing input file -------------------------------------------


class CredentialsFileNotFoundError(CredentialsFormatError, FileNotFoundError):
    """A credentials file that does not exist: both a :class:`CredentialsFormatError` and a ``FileNotFoundError``.

    ``source`` (and ``filename``) is the path as given.

    >>> err = CredentialsFileNotFoundError("no such file", source="logins.csv")
    >>> str(err), isinstance(err, FileNotFoundError)
    ('logins.csv: no such file', True)
    """

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        super().__init__(reason, source=source)
        self.filename = source

    def __str__(self) -> str:
        # OSError would print "[Errno None] None: 'logins.csv'" once filename is set.
        return str(self.args[0])


def explain_not_found(error: NotFoundError, template: str) -> None:
    """Add to a 404's message that an id in its path is not a Prolific id (24 hex characters), when one is not."""
    from ._validation import path_id_hint  # _validation imports this module

    url = error.response.request.url.path if _has_request(error.response) else ""
    hint = path_id_hint(template, url)
    if hint is not None and "hexadecimal" not in error.message:
        error.message = f"{error.message} ({hint}: check the id)"
        error.args = (error.message, *error.args[1:])
