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
passwords); response bodies are shown only through the ``detail`` Prolific puts in them. Only the
classes live here; which error a response or an httpx failure becomes is decided beside the send
path, in :mod:`prolific._failures`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._credential_types import Credential

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
]


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
