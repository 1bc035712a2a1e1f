"""Sending credentials to a pool: create one, add to one, the chunked upload and its result.

The requests are :class:`~prolific._call.Call` descriptions, the upload a state machine both
clients drive (:mod:`prolific.resources.credentials`, which only sends); the steps after a pool
exists (listing, attaching, report, capacity, reconciliation) are flows in
:mod:`prolific.credentials._pools`.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prolific_api_client.models import CreateCredentialPoolRequest, CredentialPool, UpdateCredentialPoolRequest
from prolific_api_client.operations.credentials import CREATE_CREDENTIAL_POOL, UPDATE_CREDENTIAL_POOL
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import APIError, ConflictError, InvalidArgumentError, UploadError, UploadInterrupted
from .._flow import Call
from ._files import coerce_credentials
from ._rejections import relabel
from ._types import Credential, CredentialList, CredentialsInput

ProgressCallback = Callable[[int, int], object]
#: ``on_pool(pool_id)``: the pool an upload writes to, as soon as it exists.
PoolCallback = Callable[[str], object]


def _pool_id(pool: CredentialPool) -> str:
    if isinstance(pool.credential_pool_id, Unset) or not isinstance(pool.credential_pool_id, str):
        raise KeyError("credential_pool_id")
    if not pool.credential_pool_id:
        raise ValueError("empty credential_pool_id")
    return pool.credential_pool_id


def wire(credentials: list[Credential]) -> str:
    """Already-validated credentials in the API's text format (``u1,p1\\nu2,p2``).

    A :class:`~prolific.CredentialList` fresh from validation already holds that text.
    """
    text = credentials.wire() if isinstance(credentials, CredentialList) else None
    return text if text is not None else "\n".join(map(",".join, credentials))


def wire_length(credentials: list[Credential]) -> int:
    """``len(wire(credentials))`` without building the text: fields, a comma per row, newlines between."""
    # One concatenation is faster than a len() call per field.
    return len("".join(itertools.chain.from_iterable(credentials))) + 2 * len(credentials) - 1


def create_call(workspace_id: str, credentials: CredentialsInput) -> tuple[Call[str], CredentialList]:
    """Check the arguments and describe the creation of a pool holding ``credentials`` (returned validated)."""
    workspace_id = check.require_id(workspace_id, "workspace_id", "workspace id")
    creds = coerce_credentials(credentials)
    return _create(workspace_id, wire(creds)), creds


def add_call(pool_id: str, credentials: CredentialsInput) -> tuple[Call[str], CredentialList]:
    """Check the arguments and describe the additive PATCH of ``credentials`` to ``pool_id`` (returned validated)."""
    pool_id = check.require_id(pool_id, "pool_id", "credential pool id")
    creds = coerce_credentials(credentials)
    return _add(pool_id, wire(creds)), creds


def naming_lines(error: APIError, credentials: CredentialList) -> None:
    """``error`` on the request sending ``credentials``: make a message naming request lines name the input's.

    (Called from an inline ``except``: a context manager would cost more than the rest of a small call.)
    """
    relabel(error, credentials, start=0, count=len(credentials))


def _create(workspace_id: str, text: str) -> Call[str]:
    """Pool creation with validated credentials in wire ``text`` (see :func:`wire`)."""
    body = CreateCredentialPoolRequest(credentials=text, workspace_id=workspace_id)
    return Call(CREATE_CREDENTIAL_POOL, {"body": body}, _pool_id)


def _add(pool_id: str, text: str) -> Call[str]:
    """The additive PATCH of validated credentials in wire ``text`` to ``pool_id``."""
    body = UpdateCredentialPoolRequest(credentials=text)
    return Call(UPDATE_CREDENTIAL_POOL, {"credential_pool_id": pool_id, "body": body}, _pool_id)


@dataclass(frozen=True)
class UploadResult:
    """What :meth:`Credentials.upload` stored: the pool and how many credentials went into it."""

    pool_id: str
    uploaded: int


class Upload:
    """The state of one chunked upload; both clients drive it, only the sending differs.

    ``next_call()`` gives the next batch's request (None when done), ``sending()`` wraps its
    sending so that a failure becomes the :class:`UploadError` saying how to resume,
    ``confirm(pool_id)`` records a stored batch and reports progress, and ``interruptible()``
    wraps the whole run so that a Ctrl-C becomes :class:`UploadInterrupted` (pool, counts, the
    batch in flight).
    """

    def __init__(
        self,
        credentials: CredentialsInput,
        *,
        workspace_id: str | None,
        pool_id: str | None,
        batch_size: int,
        on_progress: ProgressCallback | None,
        on_pool: PoolCallback | None = None,
    ) -> None:
        owner, owner_id = check.exactly_one(workspace_id=workspace_id, pool_id=pool_id)
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise InvalidArgumentError(f"batch_size must be a positive int, got {batch_size!r}")
        if on_progress is not None and not callable(on_progress):
            raise InvalidArgumentError("on_progress must be a callable taking (uploaded, total)")
        if on_pool is not None and not callable(on_pool):
            raise InvalidArgumentError("on_pool must be a callable taking the pool id")
        # The whole input is validated before the first request.
        self.credentials = coerce_credentials(credentials)
        self.workspace_id = owner_id if owner == "workspace_id" else None
        self.pool_id = owner_id if owner == "pool_id" else None
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.on_pool = on_pool
        self._in_flight = False
        self.total = len(self.credentials)
        self.uploaded = 0
        self._batch = 0
        # Each batch's text is a slice of the whole input's validated wire text, which starts at
        # _offset for the first credential not yet stored: re-joining every batch would cost
        # more than validating the input did.
        self._whole = self.credentials.wire()
        self._offset = 0
        self._end = 0

    def _text(self, batch: list[Credential]) -> str:
        if self._whole is None or self.credentials.wire() is not self._whole:  # changed meanwhile
            self._whole = None
            return wire(batch)
        self._end = self._offset + wire_length(batch)
        return self._whole[self._offset : self._end]

    def next_call(self) -> Call[str] | None:
        """The request for the next batch, or None when everything is stored."""
        if self.uploaded >= self.total:
            return None
        batch = self.credentials[self.uploaded : self.uploaded + self.batch_size]
        self._batch = len(batch)
        text = self._text(batch)
        if self.pool_id is None:
            assert self.workspace_id is not None
            return _create(self.workspace_id, text)
        return _add(self.pool_id, text)

    def start(self) -> None:
        """Before the first batch: an existing pool is announced to ``on_pool`` at once."""
        if self.pool_id is not None and self.on_pool is not None and self.uploaded < self.total:
            self.on_pool(self.pool_id)

    def confirm(self, pool_id: str) -> None:
        """The last batch is stored in ``pool_id``."""
        created = self.pool_id is None
        if created:
            self.pool_id = pool_id
        self.uploaded += self._batch
        self._offset = self._end + 1  # past the batch's last line and its line break
        if created and self.on_pool is not None:
            self.on_pool(pool_id)
        if self.on_progress is not None:
            self.on_progress(self.uploaded, self.total)

    def result(self) -> UploadResult:
        """The finished upload."""
        assert self.pool_id is not None
        return UploadResult(pool_id=self.pool_id, uploaded=self.uploaded)

    @contextlib.contextmanager
    def sending(self) -> Iterator[None]:
        """Around sending the current batch: an :class:`APIError` becomes :meth:`failed`'s UploadError."""
        self._in_flight = True  # stays set if a Ctrl-C leaves: interrupted() then names the batch
        try:
            yield
        except APIError as error:
            self._in_flight = False
            raise self.failed(error) from error
        self._in_flight = False

    @contextlib.contextmanager
    def interruptible(self) -> Iterator[None]:
        """Around the whole upload: a ``KeyboardInterrupt`` becomes :meth:`interrupted`'s UploadInterrupted."""
        try:
            yield
        except UploadInterrupted:
            raise
        except KeyboardInterrupt as interrupt:
            raise self.interrupted() from interrupt

    def interrupted(self) -> UploadInterrupted:
        """The UploadInterrupted for a Ctrl-C now: what is stored, the batch in flight, how to resume."""
        in_flight = self.credentials.section(self.uploaded, self.uploaded + self._batch) if self._in_flight else None
        where = f"in pool {self.pool_id}" if self.pool_id else "(no pool was created yet)"
        lines = [f"credentials upload interrupted: {self.uploaded:,} of {self.total:,} stored {where}."]
        if self.pool_id:
            lines.append(f"Resume with client.credentials.upload(err.remaining, pool_id={self.pool_id!r}).")
        if in_flight is not None:
            first, last = self.uploaded + 1, self.uploaded + len(in_flight)
            if self.pool_id:
                lines.append(
                    f"The batch in flight (credentials {first}-{last}, err.in_flight) may or may not have been "
                    f"stored: if resuming gives 409 Conflict, it was; resume from credential {last + 1} "
                    f"(err.remaining[{len(in_flight)}:])."
                )
            else:
                lines.append(
                    "The pool may have been created anyway: check the workspace's credential pools before retrying."
                )
        return UploadInterrupted(
            " ".join(lines),
            pool_id=self.pool_id,
            uploaded=self.uploaded,
            total=self.total,
            remaining=self.credentials.section(self.uploaded),
            in_flight=in_flight,
        )

    def failed(self, error: APIError) -> UploadError:
        """The UploadError for ``error`` on the current batch, telling the user how to resume."""
        first, last = self.uploaded + 1, self.uploaded + self._batch
        located = relabel(error, self.credentials, start=self.uploaded, count=self._batch)
        where = f"in pool {self.pool_id}" if self.pool_id else "(no pool was created)"
        lines = [f"credentials upload stopped: {self.uploaded} of {self.total} stored {where}. Cause: {error}"]
        if self.pool_id:
            lines.append(
                f"Resume with client.credentials.upload(err.remaining, pool_id={self.pool_id!r}) "
                f"(err.remaining = credentials {first} to {self.total} of the input)."
            )
            if isinstance(error, ConflictError) and located is not None:
                if located.everything_named:
                    lines.append(
                        f"Every credential of the failed batch ({located.batch()}) is already in the pool (stored "
                        f"by an earlier attempt?): resume from credential {last + 1} (err.remaining[{self._batch}:])."
                    )
                else:
                    lines.append(
                        f"Nothing of the failed batch ({located.batch()}) was stored: remove or rename the "
                        "usernames the pool already has, then resume."
                    )
        else:
            lines.append("Nothing was stored; fix the cause and run the upload again.")
        if error.may_have_been_applied:
            if self.pool_id:
                lines.append(
                    f"The failed batch (credentials {first}-{last}) may or may not have been stored: if "
                    f"resuming gives 409 Conflict, they are already in the pool; resume from credential {last + 1}."
                )
            else:
                lines.append(
                    "The pool may have been created anyway: check the workspace's credential pools before retrying."
                )
        return UploadError(
            " ".join(lines),
            pool_id=self.pool_id,
            uploaded=self.uploaded,
            total=self.total,
            remaining=self.credentials.section(self.uploaded),
            batch_lines=located.batch_lines if located is not None and located.by_line else None,
            rejected=dict(located.named) if located is not None else {},
            rejected_count=len(located.named) + located.unlisted if located is not None else 0,
        )
