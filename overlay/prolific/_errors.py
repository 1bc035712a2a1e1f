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

    from .credentials._types import Credential

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


# -- submission review and messages (issue 21) ------------------------------------------------------


class ReviewsFormatError(InvalidArgumentError):
    """A reviews or ids file (``read_reviews``, ``read_ids``) cannot be used as it is.

    ``line`` (1-based), ``field`` (``"submission_id"``, ``"action"``, ``"category"``,
    ``"message"``...) and ``source`` (the file) say where; ``reason`` says what is wrong. Raised
    once per file with every problem in ``problems`` (each a ``ReviewsFormatError`` itself).

    >>> str(ReviewsFormatError("message too short", line=2, field="message", source="r.csv"))
    'r.csv, line 2, message: message too short'
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int | None = None,
        field: str | None = None,
        source: str | None = None,
        problems: Sequence[ReviewsFormatError] = (),
    ) -> None:
        self.reason = reason
        self.line = line
        self.field = field
        self.source = source
        self.problems = list(problems)
        where = [part for part in (source, f"line {line}" if line is not None else None, field) if part]
        super().__init__(f"{', '.join(where)}: {reason}" if where else reason)


class ReviewError(ProlificError):
    """Approving, rejecting or messaging part way: some requests went through, then one failed.

    ``done``: how many items of the input the API confirmed (in input order: ids for a bulk
    approve or a message, reviews for ``apply``); ``total``; ``remaining``: the items not confirmed,
    the failed batch included — resume with the same method and ``err.remaining`` (a bulk approve
    and a transition are idempotent, so sending that batch again is safe; a message is not: the
    message says so). ``action`` names the method (``"approve"``, ``"apply"``, ``"send_bulk"``). The
    API error that stopped it is ``__cause__``.
    """

    def __init__(self, message: str, *, action: str, done: int, total: int, remaining: Sequence[Any]) -> None:
        super().__init__(message)
        self.action = action
        self.done = done
        self.total = total
        self.remaining = list(remaining)


# -- Bonuses (issue 20: reading a bonus file, paying it exactly once) ------------------------------

__all__ += ["BonusFormatError", "BonusOutcomeUnknown", "BonusPaymentError", "BonusProblem", "InsufficientBalanceError"]


class BonusProblem:
    """One problem of a bonus file: where (``source``, ``line``, ``field``) and ``reason``.

    ``line`` is the file's line (an item number, 1-based, for pairs or a mapping); ``field`` is
    ``"id"``, ``"amount"`` or ``None`` for a problem of the whole line or file.

    >>> str(BonusProblem("write 1.50, without the currency sign", source="b.csv", line=3, field="amount"))
    'b.csv, line 3, amount: write 1.50, without the currency sign'
    """

    __slots__ = ("field", "line", "reason", "source", "unit")

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
        unit: str = "line",
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.field = field
        self.unit = unit

    def __str__(self) -> str:
        where = [
            p for p in (self.source, f"{self.unit} {self.line}" if self.line is not None else None, self.field) if p
        ]
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def __repr__(self) -> str:
        return f"BonusProblem({str(self)!r})"


class BonusFormatError(ProlificError, ValueError):
    """A bonus file (or pairs, a mapping) cannot be paid as it is; nothing was sent.

    ``problems`` lists every :class:`BonusProblem` at once (a duplicate names both lines);
    ``source`` names the file when there is one. ``line``, ``field`` and ``reason`` are those of
    the first problem (as for :class:`CredentialsFormatError`).
    """

    def __init__(self, problems: Sequence[BonusProblem], *, source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        first = self.problems[0] if self.problems else BonusProblem("no bonuses")
        self.line, self.field, self.reason = first.line, first.field, first.reason
        if len(self.problems) == 1:
            message = f"{first}; nothing was sent"
        else:
            shown = [f"  {problem}" for problem in self.problems[:20]]
            if len(self.problems) > 20:
                shown.append(f"  ... and {len(self.problems) - 20} more (err.problems lists them all)")
            head = f"{source}: " if source else ""
            message = "\n".join([f"{head}{len(self.problems)} problems; nothing was sent", *shown])
        super().__init__(message)


class BonusOutcomeUnknown(ProlificError):
    """A bonus payment may or may not have been made, so it is not sent again on its own.

    The pay request of each batch in ``batches`` (``bulk_id``, ``ids``, ``amount``) was sent but
    no answer was recorded (a dropped connection, a read timeout, a 5xx, or the process died).
    Prolific's pay call is not idempotent: sending it again could pay twice. Check the study's
    bonus payments in the Prolific app (or ask Prolific support); to pay a batch again
    deliberately, pass ``retry_unknown=[bulk_id]`` (CLI: ``--retry-unknown BULK_ID``).
    ``result`` is what the run did otherwise (a :class:`~prolific.BonusPayment`), when it got that far.
    """

    def __init__(self, message: str, *, study_id: str, batches: Sequence[Any], result: Any = None) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.batches = list(batches)
        self.bulk_ids = [batch.bulk_id for batch in self.batches]
        self.result = result


class BonusPaymentError(ProlificError):
    """Paying bonuses stopped part way, certainly without paying the batch it stopped at.

    ``paid``: the batches paid so far (in this run or before); ``remaining``: those not paid;
    ``rejected``: input line (or item number) → id, for the ids the API (or the journal) refused.
    Running the same payment again with the same journal resumes: paid batches are skipped. The
    API error, if any, is ``__cause__``.
    """

    def __init__(
        self,
        message: str,
        *,
        study_id: str,
        paid: Sequence[Any],
        remaining: Sequence[Any],
        rejected: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.paid = list(paid)
        self.remaining = list(remaining)
        self.rejected: Mapping[int, str] = dict(rejected or {})


class InsufficientBalanceError(ProlificError):
    """The workspace's available balance is below the bonuses' total; nothing was paid.

    ``balance`` and ``total`` are ``Decimal`` in major units of ``currency``.
    """

    def __init__(self, message: str, *, balance: Any, total: Any, currency: str | None) -> None:
        super().__init__(message)
        self.balance = balance
        self.total = total
        self.currency = currency


# -- webhooks and signed study links (issue 22) ---------------------------------------------------


class WebhookVerificationError(ProlificError):
    """A webhook request that must not be trusted: missing header, bad signature, stale timestamp, not JSON.

    ``reason`` is one of ``missing_header``, ``bad_timestamp``, ``bad_signature``,
    ``outside_window``, ``not_json``. The message says why, never the secret or the signature
    that was expected (a receiver answers the sender with a bare 400/401, not with this text).
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __repr__(self) -> str:
        return f"WebhookVerificationError({str(self)!r}, reason={self.reason!r})"


class StudyTokenError(ProlificError):
    """A ``prolific_token`` from a signed study link that must not be trusted (expired, wrong audience, ...).

    ``reason``: ``malformed``, ``unknown_key``, ``bad_signature``, ``expired``, ``wrong_audience``,
    ``wrong_issuer``, ``missing_claim``, or ``keys_unavailable`` (the keys could not be fetched).
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __repr__(self) -> str:
        return f"StudyTokenError({str(self)!r}, reason={self.reason!r})"


class WebhookSubscriptionError(ProlificError):
    """``client.webhooks.subscribe`` could not finish: the subscription was created but not confirmed.

    ``subscription_id`` names it (``None`` if the answer named none); the message says what to do.
    """

    def __init__(self, message: str, *, subscription_id: str | None) -> None:
        super().__init__(message)
        self.subscription_id = subscription_id


# -- Interrupted credentials upload (issue 24: a Ctrl-C in a script keeps the pool) -------------------


class UploadInterrupted(KeyboardInterrupt, UploadError):
    """Ctrl-C (a ``KeyboardInterrupt``) arrived during ``client.credentials.upload``.

    Both a ``KeyboardInterrupt`` (a script that does not catch it still stops, exit 130 for the
    interpreter) and an :class:`UploadError`: ``pool_id`` is the pool the stored batches went to
    (``None`` if the first batch had not come back), ``uploaded`` and ``total`` the counts,
    ``remaining`` the credentials not confirmed stored (resume with
    ``upload(err.remaining, pool_id=err.pool_id)``), and ``in_flight`` the batch that was being
    sent (it may or may not be stored: if resuming gives 409 Conflict it was, then resume with
    ``err.remaining[len(err.in_flight):]``), ``None`` when the interrupt came between batches.
    Being an ``UploadError`` it is also an ``Exception``: a bare ``except Exception`` catches it.

    >>> err = UploadInterrupted("interrupted", pool_id="ws_1", uploaded=2, total=5, remaining=[("c", "p")] * 3)
    >>> isinstance(err, KeyboardInterrupt), isinstance(err, UploadError), err.in_flight
    (True, True, None)
    """

    def __init__(
        self,
        message: str,
        *,
        pool_id: str | None,
        uploaded: int,
        total: int,
        remaining: Sequence[Credential] = (),
        in_flight: Sequence[Credential] | None = None,
    ) -> None:
        UploadError.__init__(self, message, pool_id=pool_id, uploaded=uploaded, total=total, remaining=remaining)
        self.in_flight = in_flight


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
