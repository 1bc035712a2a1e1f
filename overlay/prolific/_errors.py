"""The one exception hierarchy of the ``prolific`` package, defined in the order of its tree.

Everything the package raises on purpose derives from :class:`ProlificError`; mistakes in the
arguments or files a caller passes are also :class:`ValueError` subclasses, so ``except ValueError``
keeps working for code that does not know this package. Other builtin bases are in parentheses
(a test checks this tree against the classes)::

    ProlificError
    ├── ConfigurationError (ValueError)                 no token, bad base URL, ...
    ├── InvalidArgumentError (ValueError)               an argument fails a rule checked before any request
    ├── InputFileError (ValueError)                     a file (or text, pairs) the client reads: .problems
    │   ├── CredentialsFormatError                      credentials that cannot be sent as they are
    │   │   └── CredentialsFileNotFoundError (FileNotFoundError)
    │   ├── ReportFormatError                           a credentials report (CSV) without a column, a broken row
    │   ├── BonusFormatError                            a bonus file that cannot be paid as it is
    │   ├── ReviewsFormatError (InvalidArgumentError)   a reviews or ids file that cannot be used
    │   ├── StudyFileError (InvalidArgumentError)       a study file: every problem with file:line:column and key path
    │   └── JoinFileError                               a data file to join with an export: no column, a key twice
    ├── PartialFailure                                  a workflow stopped part way: done, total, remaining, resume
    │   ├── UploadError                                 a chunked credentials upload
    │   │   └── UploadInterrupted (KeyboardInterrupt)   Ctrl-C during one
    │   ├── MembershipError                             adding/removing participant-group members
    │   ├── ReviewError                                 approving, reviewing or messaging in batches
    │   └── BonusPaymentError                           paying bonuses (the failed batch certainly not paid)
    │       └── BonusAlreadyPaidError                   payees Prolific shows paid a bonus this journal never sent
    ├── BonusOutcomeUnknown                             a bonus payment that may or may not have been made
    ├── BonusRunInProgress                              another run is paying the study's bonuses (its lease)
    ├── BonusJournalError                               a bonus journal this version cannot use (a newer one)
    ├── BonusCapError                                   the bonuses' total is above max_total
    ├── InsufficientBalanceError                        the balance is below what would be spent (bonuses, a study)
    ├── SpendLimitError                                 what a study action would spend is over the cap
    ├── StudyStateError                                 the study's status does not allow it (attach to a non-draft)
    ├── WebhookVerificationError                        a webhook request that must not be trusted
    ├── WebhookSubscriptionError                        a webhook subscription created but not confirmed
    ├── StudyTokenError                                 a signed study link's token that must not be trusted
    ├── StateStoreError (OSError)                       the state store (SQLite file, PostgreSQL) cannot be used
    ├── DemographicsUnavailableError                    Prolific's demographic export: no access, or not ready
    └── APIError                                        anything that went wrong talking to the API
        ├── APIConnectionError                          no usable response (refused, reset, DNS, ...)
        │   └── APITimeoutError
        ├── APIResponseValidationError                  a 2xx whose body is not what the API documents
        └── APIStatusError                              a non-2xx status
            ├── BadRequestError                         400, 422
            ├── AuthenticationError                     401
            ├── PermissionDeniedError                   403
            ├── NotFoundError                           404
            ├── ConflictError                           409
            ├── RateLimitError                          429
            └── ServerError                             >= 500

An :class:`InputFileError` lists each :class:`InputProblem` of the input (file, line, field,
message). Messages never contain the API token, the body of a request (a credentials request body
holds passwords) or a password read from a file; response bodies are shown only through the
``detail`` Prolific puts in them. Only the classes live here; which error a response or an httpx
failure becomes is decided beside the send path, in :mod:`prolific._failures`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from decimal import Decimal

    import httpx

    from .bonuses._results import BonusBatch, BonusPayment
    from .credentials._types import Credential

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BonusAlreadyPaidError",
    "BonusCapError",
    "BonusFormatError",
    "BonusJournalError",
    "BonusOutcomeUnknown",
    "BonusPaymentError",
    "BonusRunInProgress",
    "ConfigurationError",
    "ConflictError",
    "CredentialsFileNotFoundError",
    "CredentialsFormatError",
    "DemographicsUnavailableError",
    "InputFileError",
    "InputProblem",
    "InsufficientBalanceError",
    "InvalidArgumentError",
    "JoinFileError",
    "MembershipError",
    "NotFoundError",
    "PartialFailure",
    "PermissionDeniedError",
    "ProlificError",
    "RateLimitError",
    "ReportFormatError",
    "ReviewError",
    "ReviewsFormatError",
    "ServerError",
    "SpendLimitError",
    "StateStoreError",
    "StudyFileError",
    "StudyStateError",
    "StudyTokenError",
    "UploadError",
    "UploadInterrupted",
    "WebhookSubscriptionError",
    "WebhookVerificationError",
]


class ProlificError(Exception):
    """Root of every exception this package raises on purpose."""


class ConfigurationError(ProlificError, ValueError):
    """The client cannot be configured as asked (missing token, unsafe base URL, ...)."""


class InvalidArgumentError(ProlificError, ValueError):
    """An argument breaks a rule that is checked before any request is sent."""


# -- input files ----------------------------------------------------------------------------------


class InputProblem:
    """One problem of an input the client reads: where (``file``, ``line``, ``field``) and the ``message``.

    ``line`` is the file's line, 1-based (an item number for pairs or a mapping: ``unit`` is then
    ``"item"``); ``field`` names the column (``"password"``, ``"amount"``, ``"submission_id"``...)
    or is ``None`` for a problem of the whole line or file. ``source`` and ``reason`` are the older
    names of ``file`` and ``message``. The message never contains a password.

    >>> str(InputProblem("write 1.50, without the currency sign", file="b.csv", line=3, field="amount"))
    'b.csv, line 3, amount: write 1.50, without the currency sign'
    """

    __slots__ = ("field", "file", "line", "message", "unit")

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        unit: str = "line",
        source: str | None = None,
    ) -> None:
        self.message = message
        self.file = file if file is not None else source
        self.line = line
        self.field = field
        self.unit = unit

    @property
    def source(self) -> str | None:
        """The older name of :attr:`file`."""
        return self.file

    @property
    def reason(self) -> str:
        """The older name of :attr:`message`."""
        return self.message

    def where(self, *, file: bool = True) -> str:
        """``b.csv, line 3, amount`` (without the file when ``file`` is false); empty when nothing is known."""
        line = f"{self.unit} {self.line}" if self.line is not None else None
        return ", ".join(part for part in (self.file if file else None, line, self.field) if part)

    def shown(self, *, file: bool = True) -> str:
        """The problem as one line, ``where: message`` (see :meth:`where`)."""
        where = self.where(file=file)
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self.shown()

    def __repr__(self) -> str:
        return f"InputProblem({str(self)!r})"


class InputFileError(ProlificError, ValueError):
    """An input the client reads (a file, CSV text, pairs, a mapping) cannot be used as it is.

    ``problems`` lists every :class:`InputProblem` found (at least one); ``source`` names the file
    when there is one. ``line``, ``field`` and ``reason`` are those of the first problem. Raised
    with a message (``reason``) and ``line=``/``field=``/``source=``, it holds that one problem;
    raised with a list of problems, its message lists them, each as ``file, line N, field: message``.

    >>> err = InputFileError([InputProblem("empty amount", file="b.csv", line=2, field="amount")] * 2, source="b.csv")
    >>> print(err)
    b.csv: 2 problems; nothing was sent
      b.csv, line 2, amount: empty amount
      b.csv, line 2, amount: empty amount
    """

    #: How many problems the message lists (``problems`` has them all).
    SHOWN: ClassVar[int] = 20
    # How a subclass has always worded its message: the suffix of a problem shown alone, whether
    # a list of one is still a list, and whether the list repeats the file on each line.
    _alone_suffix: ClassVar[str] = ""
    _list_one: ClassVar[bool] = False
    _repeat_file: ClassVar[bool] = True

    def __init__(
        self,
        problems: str | Sequence[InputProblem],
        *,
        line: int | None = None,
        field: str | None = None,
        source: str | None = None,
    ) -> None:
        listed = not isinstance(problems, str)
        if isinstance(problems, str):
            problems = [InputProblem(problems, file=source, line=line, field=field)]
        self.problems: list[InputProblem] = list(problems) or [InputProblem("the input cannot be used", file=source)]
        self.source = source
        first = self.problems[0]
        self.line, self.field, self.reason = first.line, first.field, first.message
        super().__init__(self._message(listed))

    @property
    def file(self) -> str | None:
        """The file the problems are in (the same as ``source``), when there is one."""
        return self.source

    def _message(self, listed: bool) -> str:
        if len(self.problems) == 1 and not (listed and self._list_one):
            return f"{self.problems[0]}{self._alone_suffix}"
        count = len(self.problems)
        head = f"{self.source}: " if self.source else ""
        lines = [f"{head}{count} problem{'' if count == 1 else 's'}; nothing was sent"]
        lines += [f"  {problem.shown(file=self._repeat_file)}" for problem in self.problems[: self.SHOWN]]
        if count > self.SHOWN:
            lines.append(f"  ... and {count - self.SHOWN} more (err.problems lists them all)")
        return "\n".join(lines)


class CredentialsFormatError(InputFileError):
    """Credentials (a CSV file, text or pairs) cannot be sent as they are.

    ``line`` is the 1-based line (or row/item number) of the offending entry, ``field`` is
    ``"username"``, ``"password"`` or ``None`` and ``source`` names the file when there is one.
    The message never contains a password.

    >>> err = CredentialsFormatError("empty password", line=3, field="password", source="a.csv")
    >>> str(err)
    'a.csv, line 3, password: empty password'
    """


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


class ReportFormatError(InputFileError):
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
        super().__init__(reason, source=source, line=line)
        self.missing = tuple(missing)
        self.columns = tuple(columns)


class BonusFormatError(InputFileError):
    """A bonus file (or pairs, a mapping) cannot be paid as it is; nothing was sent.

    ``problems`` lists every :class:`InputProblem` at once (a duplicate names both lines);
    ``source`` names the file when there is one. ``line``, ``field`` and ``reason`` are those of
    the first problem.
    """

    _alone_suffix = "; nothing was sent"


class ReviewsFormatError(InputFileError, InvalidArgumentError):
    """A reviews or ids file (``read_reviews``, ``read_ids``) cannot be used as it is.

    ``line`` (1-based), ``field`` (``"submission_id"``, ``"action"``, ``"category"``,
    ``"message"``...) and ``source`` (the file) say where; ``reason`` says what is wrong. Raised
    once per file with every problem in ``problems`` (each an :class:`InputProblem`).

    >>> str(ReviewsFormatError("message too short", line=2, field="message", source="r.csv"))
    'r.csv, line 2, message: message too short'
    """

    _list_one = True
    _repeat_file = False


class StudyFileError(InputFileError, InvalidArgumentError):
    """A study file (``studies check|plan|apply``) cannot be used as it is; nothing was sent.

    ``problems`` lists every problem at once, each a :class:`prolific.studies.StudyProblem` with
    ``file:line:column``, the key path (``field``, e.g. ``filters[0].filter_id``) and what to write
    instead; warnings are not among them (they do not stop a file).
    """

    _list_one = True


# -- workflows that stop part way -----------------------------------------------------------------


class JoinFileError(InputFileError):
    """A data file to join with a study's export (``export(join=(path, column))``) cannot be joined as it is.

    A missing join column, a key found on two lines, broken CSV quoting: ``problems`` names each
    (file, line, column); nothing was written.

    >>> str(JoinFileError("no column 'pid' (the header has: id, score)", source="data.csv", line=1))
    "data.csv, line 1: no column 'pid' (the header has: id, score); nothing was written"
    """

    _alone_suffix = "; nothing was written"


class PartialFailure(ProlificError):
    """A workflow of many requests stopped part way: some of its input went through, then one request failed.

    ``done``: how many items of the input the API confirmed (whole batches, in input order);
    ``total``: how many were asked for; ``remaining``: the items not confirmed, in input order, the
    failed batch included; ``resume``: how to carry on (the call to make, with ``err.remaining``).
    The message says the same, and whether the failed batch may have been applied. The API error
    that stopped it is ``__cause__``.

    >>> err = PartialFailure("stopped", done=2, total=5, remaining=["c", "d", "e"], resume="run(err.remaining)")
    >>> err.done, err.total, len(err.remaining), err.resume
    (2, 5, 3, 'run(err.remaining)')
    """

    def __init__(
        self, message: str, *, done: int, total: int, remaining: Sequence[object], resume: str, advice: str = ""
    ) -> None:
        super().__init__(f"{message} {advice}" if advice else message)
        self.done = done
        self.total = total
        self.remaining = remaining
        self.resume = resume
        self.summary = message
        self.advice = advice

    # ``summary``: what happened, with no advice in Python (what the command line prints, beside the command
    # that resumes); ``advice``: the Python call that resumes it, with its caveats (``str()`` is both).


class UploadError(PartialFailure):
    """A chunked credentials upload stopped part way.

    ``pool_id`` is the pool the confirmed batches went to (``None`` if the pool was never
    created), ``uploaded`` (``done``) how many credentials the API confirmed as stored, ``total``
    how many were asked for, ``remaining`` the credentials not confirmed (in input order: resume with
    ``upload(err.remaining, pool_id=err.pool_id)``; read from a file, they still know their lines).
    ``batch_lines`` is the first and last input line of the failed batch (``None`` for input not
    read from text), ``rejected`` maps the input lines (else 1-based positions in the input) of
    the credentials the API named as refused, e.g. already in the pool, to their usernames, and
    ``rejected_count`` counts them with those the API left unlisted ("and 40 more"). The API
    error that stopped the upload is ``__cause__``; its message names the input's lines too.
    """

    remaining: Sequence[Credential]

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
        resume = (
            f"client.credentials.upload(err.remaining, pool_id={pool_id!r})"
            if pool_id is not None
            else "client.credentials.upload(err.remaining, workspace_id=...) (no pool was created)"
        )
        super().__init__(message, done=uploaded, total=total, remaining=remaining, resume=resume)
        self.pool_id = pool_id
        self.batch_lines = batch_lines
        self.rejected: Mapping[int, str] = rejected if rejected is not None else {}
        self.rejected_count = rejected_count if rejected_count is not None else len(self.rejected)

    @property
    def uploaded(self) -> int:
        """How many credentials the API confirmed as stored (the same as ``done``)."""
        return self.done


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


class MembershipError(PartialFailure):
    """Adding participants to (or removing them from) a participant group stopped part way.

    ``group_id``; ``action``: ``"add"`` or ``"remove"``; ``done``: how many ids of the input the
    API confirmed (whole batches, in input order); ``total``; ``remaining``: the ids not
    confirmed, in input order — resume with ``add_participants(group_id, err.remaining)`` (or
    ``remove_participants``): both are idempotent, so the failed batch may be sent again. The API
    error that stopped it is ``__cause__``.
    """

    remaining: list[str]

    def __init__(
        self,
        message: str,
        *,
        group_id: str,
        action: str,
        done: int,
        total: int,
        remaining: Sequence[str],
        advice: str = "",
    ) -> None:
        method = "add_participants" if action == "add" else "remove_participants"
        resume = f"client.participant_groups.{method}({group_id!r}, err.remaining)"
        super().__init__(message, done=done, total=total, remaining=list(remaining), resume=resume, advice=advice)
        self.group_id = group_id
        self.action = action


# How to resume each ReviewError ``action``.
_REVIEW_RESUME = {
    "approve": "client.submissions.approve(err.remaining) (approve_participants(study_id, err.remaining) for ids "
    "of participants)",
    "apply": "client.submissions.apply(err.remaining)",
    "send_bulk": "client.messages.send_bulk(study_id, err.remaining, body) (the message says whether to skip the "
    "failed batch)",
}


class ReviewError(PartialFailure):
    """Approving, rejecting or messaging part way: some requests went through, then one failed.

    ``done``: how many items of the input the API confirmed (in input order: ids for a bulk
    approve or a message, reviews for ``apply``); ``total``; ``remaining``: the items not confirmed,
    the failed batch included — resume with the same method and ``err.remaining`` (a bulk approve
    and a transition are idempotent, so sending that batch again is safe; a message is not: the
    message says so). ``action`` names the method (``"approve"``, ``"apply"``, ``"send_bulk"``). The
    API error that stopped it is ``__cause__``.
    """

    # ids (str) or reviews, by ``action``: Any, so that ``err.remaining`` goes back to the same method.
    remaining: list[Any]

    def __init__(
        self, message: str, *, action: str, done: int, total: int, remaining: Sequence[Any], advice: str = ""
    ) -> None:
        resume = _REVIEW_RESUME.get(action, f"{action} again with err.remaining")
        super().__init__(message, done=done, total=total, remaining=list(remaining), resume=resume, advice=advice)
        self.action = action


class BonusPaymentError(PartialFailure):
    """Paying bonuses stopped part way, certainly without paying the batch it stopped at.

    ``paid``: the batches paid so far (in this run or before; ``done`` counts them); ``remaining``:
    those not paid; ``rejected``: input line (or item number) → id, for the ids the API (or the
    journal) refused. Running the same payment again with the same journal resumes: paid batches
    are skipped. The API error, if any, is ``__cause__``.
    """

    remaining: list[BonusBatch]

    def __init__(
        self,
        message: str,
        *,
        study_id: str,
        paid: Sequence[BonusBatch],
        remaining: Sequence[BonusBatch],
        rejected: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(
            message,
            done=len(paid),
            total=len(paid) + len(remaining),
            remaining=list(remaining),
            resume="client.bonuses.pay(study_id, bonuses, journal=journal) again: paid batches are skipped",
        )
        self.study_id = study_id
        self.paid = list(paid)
        self.rejected: Mapping[int, str] = dict(rejected or {})


class BonusAlreadyPaidError(BonusPaymentError):
    """Prolific's record shows some payees paid a bonus in this study that this journal never sent; nothing was paid.

    Another machine, another journal or the web app paid them (or this journal was lost).
    ``payees`` lists each as ``(line, id, paid, asked)``: the file's line and id, what the record
    shows paid (``Decimal`` major units, each bonus), what the file asks. To pay them a new bonus
    on purpose, name a new round (``round="..."``); or remove them from the file.
    """

    def __init__(
        self,
        message: str,
        *,
        study_id: str,
        payees: Sequence[tuple[int | None, str, tuple[Decimal, ...], Decimal]],
        remaining: Sequence[BonusBatch],
    ) -> None:
        super().__init__(
            message,
            study_id=study_id,
            paid=[],
            remaining=remaining,
            rejected={line or 0: bonus_id for line, bonus_id, _, _ in payees},
        )
        self.payees = list(payees)


# -- bonuses, studies, webhooks and study links ---------------------------------------------------


class BonusOutcomeUnknown(ProlificError):
    """A bonus payment may or may not have been made, so it is not sent again on its own.

    The pay request of each batch in ``batches`` (``bulk_id``, ``ids``, ``amount``) was sent but
    no answer said what it did (a dropped connection, a read timeout, a 429 or 5xx that a gateway
    may have answered after the payment, or the process died), and Prolific's record does not show
    it paid yet (payment is asynchronous). Prolific's pay call is not idempotent: sending it again
    could pay twice. Run the payment again (or ``client.bonuses.reconcile``) later: the batch is
    settled from Prolific's record when it shows the payment. When nothing shows after the
    settlement window, ``retry_unknown=[bulk_id]`` resends it (after reading the record once more);
    ``client.bonuses.settle(bulk_id, paid=...)`` records what you checked in the app.
    ``result`` is what the run did otherwise (a :class:`~prolific.BonusPayment`), when it got that far.
    """

    def __init__(
        self, message: str, *, study_id: str, batches: Sequence[BonusBatch], result: BonusPayment | None = None
    ) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.batches = list(batches)
        self.bulk_ids = [batch.bulk_id for batch in self.batches]
        self.result = result


class BonusRunInProgress(ProlificError):
    """Another run holds the study's lease in this journal: it may be paying now, so this one sent nothing.

    ``host``, ``pid`` and ``started`` (the holder process's start time, ISO text, or None) say
    which run; ``since`` when it took the lease and ``seen`` when it last wrote. A holder on this
    host whose process is gone is taken over on its own; one on another host never is: wait for it
    (``wait_for_lease=``), or take it over deliberately (``take_over=True``) once it is certainly
    stopped.
    """

    def __init__(
        self,
        message: str,
        *,
        study_id: str,
        host: str,
        pid: int,
        started: str | None,
        since: str,
        seen: str,
        journal: str,
    ) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.host = host
        self.pid = pid
        self.started = started
        self.since = since
        self.seen = seen
        self.journal = journal


class BonusJournalError(ProlificError):
    """A bonus journal this version of the client cannot use (written by a newer version); nothing was changed.

    ``path`` is the journal file.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class BonusCapError(ProlificError):
    """The bonuses to pay cost more than ``max_total`` allows; nothing was paid.

    ``total`` (fees and VAT included) and ``cap`` are ``Decimal`` in major units of ``currency``.
    """

    def __init__(self, message: str, *, total: Decimal, cap: Decimal, currency: str | None) -> None:
        super().__init__(message)
        self.total = total
        self.cap = cap
        self.currency = currency


class InsufficientBalanceError(ProlificError):
    """The workspace's available balance is below what would be spent (bonuses, publishing a study, adding
    places to it); nothing was paid or sent.

    ``balance`` and ``total`` are ``Decimal`` in major units of ``currency``.
    """

    def __init__(self, message: str, *, balance: Decimal, total: Decimal, currency: str | None) -> None:
        super().__init__(message)
        self.balance = balance
        self.total = total
        self.currency = currency


class SpendLimitError(ProlificError):
    """What a study action would spend (publishing it, adding places) is over the cap; nothing was sent.

    The cap is ``max_spend`` (CLI: ``--max-spend``), else the configured ``studies.max_spend``:
    ``source`` says which. ``cost`` and ``cap`` are ``Decimal`` in major units of ``currency``.
    """

    def __init__(self, message: str, *, cost: Decimal, cap: Decimal, currency: str | None, source: str) -> None:
        super().__init__(message)
        self.cost = cost
        self.cap = cap
        self.currency = currency
        self.source = source


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


class WebhookVerificationError(ProlificError):
    """A webhook request that must not be trusted: missing header, bad signature, stale timestamp, not JSON.

    ``code`` is one of ``missing_header``, ``bad_timestamp``, ``bad_signature``,
    ``outside_window``, ``not_json``; ``reason`` (and ``str(error)``) is the sentence. The message
    says why, never the secret or the signature that was expected (a receiver answers the sender
    with a bare 400/401, not with this text).

    >>> error = WebhookVerificationError("webhook refused: the body is not JSON", code="not_json")
    >>> error.code, error.reason
    ('not_json', 'webhook refused: the body is not JSON')
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code

    @property
    def reason(self) -> str:
        """Why, as a sentence (the same text as ``str(error)``); :attr:`code` is the value to branch on."""
        return str(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r})"


class WebhookSubscriptionError(ProlificError):
    """``client.webhooks.subscribe`` could not finish: the subscription was created but not confirmed.

    ``subscription_id`` names it (``None`` if the answer named none); the message says what to do.
    """

    def __init__(self, message: str, *, subscription_id: str | None) -> None:
        super().__init__(message)
        self.subscription_id = subscription_id


class StudyTokenError(ProlificError):
    """A ``prolific_token`` from a signed study link that must not be trusted (expired, wrong audience, ...).

    ``code``: ``malformed``, ``unknown_key``, ``bad_signature``, ``expired``, ``wrong_audience``,
    ``wrong_issuer``, ``missing_claim``, or ``keys_unavailable`` (the keys could not be fetched);
    ``reason`` (and ``str(error)``) is the sentence.
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code

    @property
    def reason(self) -> str:
        """Why, as a sentence (the same text as ``str(error)``); :attr:`code` is the value to branch on."""
        return str(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r})"


class StateStoreError(ProlificError, OSError):
    """The store of the client's state (bonus journal, webhook event log) cannot be used.

    A PostgreSQL server that cannot be reached or refuses the login, or a schema newer than this client
    understands. The message names the store (its URL without the password) and what to do; the password
    never appears in it. An ``OSError``, as a state file that cannot be opened is.
    """


# -- the API --------------------------------------------------------------------------------------


class DemographicsUnavailableError(ProlificError):
    """Prolific's demographic export of a study cannot be had: the workspace has no access, or it was not ready in time.

    ``study_id`` names the study; ``code`` is ``"no_access"`` (Prolific answered 403: the feature
    is not enabled for the workspace), ``"limit"`` (the study's filter combinations are used up),
    ``"unreadable"`` or ``"timeout"`` (still being generated when the wait ended); ``reason`` (and
    ``str(error)``) is the sentence; ``cause`` is the API error, when there was one. Export without
    demographics, or ask Prolific's support.
    """

    def __init__(self, message: str, *, study_id: str, code: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.study_id = study_id
        self.code = code
        self.cause = cause

    @property
    def reason(self) -> str:
        """Why, as a sentence (the same text as ``str(error)``); :attr:`code` is the value to branch on."""
        return str(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r})"


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

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        method: str | None = None,
        url: str | None = None,
        may_have_been_applied: bool = False,
    ) -> None:
        super().__init__(message, method=method, url=url, may_have_been_applied=may_have_been_applied)
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
        method: str | None = None,
        url: str | None = None,
        may_have_been_applied: bool = False,
    ) -> None:
        super().__init__(message, method=method, url=url, may_have_been_applied=may_have_been_applied)
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
