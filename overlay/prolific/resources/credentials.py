"""``client.credentials``: the sync and async service classes for credential pools.

They check nothing and decide nothing themselves: the requests, the chunked upload and the
multi-request flows (attach, report, capacity, reconcile) are in :mod:`prolific.credentials`;
these classes send them (``self._send``) or hand them to the driver (``self._drive``).
"""

from __future__ import annotations

from prolific_api_client.models import Study
from prolific_api_client.operations.credentials import AsyncCredentialsOperations, CredentialsOperations

from .._batches import DEFAULT_BATCH_SIZE
from .._errors import APIError
from ..credentials._capacity import Capacity
from ..credentials._pools import (
    PoolSummary,
    attach_flow,
    capacity_flow,
    list_pools_call,
    reconcile_flow,
    report_flow,
)
from ..credentials._report import CredentialReport, Reconciliation
from ..credentials._types import CredentialsInput
from ..credentials._upload import (
    PoolCallback,
    ProgressCallback,
    Upload,
    UploadResult,
    add_call,
    create_call,
    naming_lines,
)
from ._base import AsyncResource, SyncResource


class Credentials(SyncResource, CredentialsOperations):
    """Credential pools (``client.credentials``): every generated operation of the tag, and the friendly methods."""

    def create_pool(self, *, workspace_id: str, credentials: CredentialsInput) -> str:
        """Create a credential pool in a workspace; return its id (``<workspace_id>_<uuid>``).

        ``credentials``: CSV text, a CSV file path (``os.PathLike``), ``(username, password)``
        pairs, :class:`~prolific.Credential` objects, or a ``{username: password}`` mapping.

        >>> client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1\\nbob,pw-2")  # doctest: +SKIP
        'ws1_4d6f...'
        """
        call, creds = create_call(workspace_id, credentials)
        try:
            return self._send(call)
        except APIError as error:
            naming_lines(error, creds)
            raise

    def add(self, pool_id: str, *, credentials: CredentialsInput) -> str:
        """Add credentials to an existing pool (additive; a username already there gives 409).

        A 409's message names the input lines (and usernames) the API refused.
        """
        call, creds = add_call(pool_id, credentials)
        try:
            return self._send(call)
        except APIError as error:
            naming_lines(error, creds)
            raise

    def upload(
        self,
        credentials: CredentialsInput,
        *,
        workspace_id: str | None = None,
        pool_id: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
        on_pool: PoolCallback | None = None,
    ) -> UploadResult:
        """Upload any number of credentials in batches of ``batch_size``.

        The first batch creates a pool in ``workspace_id`` (or pass ``pool_id`` to add to one);
        the rest are additive PATCHes; ``on_progress(uploaded, total)`` runs after each, and
        ``on_pool(pool_id)`` once, as soon as the pool exists (right after the first batch
        created it; at once for ``pool_id=``). The whole input is validated before the first
        request. On failure raises :class:`~prolific.UploadError` with ``pool_id``, ``uploaded``
        and ``remaining``; a Ctrl-C raises :class:`~prolific.UploadInterrupted` (a
        ``KeyboardInterrupt`` too) with the same, and ``in_flight``, the batch being sent.

        ``credentials`` is any form :func:`~prolific.coerce_credentials` takes: a ``str`` is CSV
        text, so pass a file as a ``pathlib.Path``:

        >>> try:  # doctest: +SKIP
        ...     result = client.credentials.upload(Path("creds.csv"), workspace_id="ws1")
        ... except prolific.UploadInterrupted as err:
        ...     print("resume:", err.pool_id, len(err.remaining), "left")
        ...     raise
        """
        upload = Upload(
            credentials,
            workspace_id=workspace_id,
            pool_id=pool_id,
            batch_size=batch_size,
            on_progress=on_progress,
            on_pool=on_pool,
        )
        with upload.interruptible():
            upload.start()
            while (call := upload.next_call()) is not None:
                with upload.sending():
                    stored_in = self._send(call)
                upload.confirm(stored_in)
        return upload.result()

    def list_pools(self, workspace_id: str) -> list[PoolSummary]:
        """The credential pools of a workspace: ``pool_id``, ``total``, ``available``, ``used`` each.

        >>> for pool in client.credentials.list_pools("ws1"):  # doctest: +SKIP
        ...     print(pool.pool_id, pool.available, "of", pool.total, "left")
        """
        return self._send(list_pools_call(workspace_id))

    def attach(self, study_id: str, pool_id: str) -> Study:
        """Attach a credential pool to a draft study (sets its ``credential_pool_id``); return the study.

        The study is read first: unless its status is ``UNPUBLISHED`` this raises
        :class:`~prolific.StudyStateError` naming the status, and sends no PATCH. The API checks
        the rest (the pool belongs to the study's workspace, has credentials left): a 400 then.
        """
        return self._drive(attach_flow(study_id, pool_id))

    def report(self, study_id: str) -> CredentialReport:
        """The study's credentials report: its ``.rows`` and the ``.used`` / ``.unused`` counts.

        Only for a study with a pool attached (else the API answers 400). A report whose
        columns cannot be found raises :class:`~prolific.ReportFormatError` naming them.
        """
        return self._drive(report_flow(study_id))

    def capacity(self, study_id: str) -> Capacity:
        """Places against credentials: whether the pool meets Prolific's 1.5× advice, and the shortfall.

        See :class:`~prolific.Capacity` for the rule. Two requests (the study, its report); one
        when no pool is attached (the shortfall is then the whole requirement).

        >>> c = client.credentials.capacity("6540...")  # doctest: +SKIP
        >>> if not c.meets_advice:  # doctest: +SKIP
        ...     client.credentials.add(c.pool_id, credentials=generate_credentials(c.shortfall, prefix="extra"))
        """
        return self._drive(capacity_flow(study_id))

    def reconcile(
        self, study_id: str, credentials: CredentialsInput, *, with_passwords: bool = False
    ) -> Reconciliation:
        """Join your own credentials (any form ``upload`` takes) with the study's report.

        Who got which login (``assigned``), which logins are ``unused``, which report usernames
        are ``not_in_file`` and which of yours are ``not_in_report``. The credentials are
        validated before the request. Their passwords are kept (``result.passwords``) only with
        ``with_passwords=True``; no repr shows them.
        """
        return self._drive(reconcile_flow(study_id, credentials, with_passwords))


class AsyncCredentials(AsyncResource, AsyncCredentialsOperations):
    """Async twin of :class:`Credentials`."""

    async def create_pool(self, *, workspace_id: str, credentials: CredentialsInput) -> str:
        """Create a credential pool; see :meth:`Credentials.create_pool`."""
        call, creds = create_call(workspace_id, credentials)
        try:
            return await self._send(call)
        except APIError as error:
            naming_lines(error, creds)
            raise

    async def add(self, pool_id: str, *, credentials: CredentialsInput) -> str:
        """Add credentials to a pool; see :meth:`Credentials.add`."""
        call, creds = add_call(pool_id, credentials)
        try:
            return await self._send(call)
        except APIError as error:
            naming_lines(error, creds)
            raise

    async def upload(
        self,
        credentials: CredentialsInput,
        *,
        workspace_id: str | None = None,
        pool_id: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
        on_pool: PoolCallback | None = None,
    ) -> UploadResult:
        """Upload in batches; see :meth:`Credentials.upload`.

        A ``KeyboardInterrupt`` raised inside the upload (a callback's) becomes
        :class:`~prolific.UploadInterrupted`; ``asyncio.run`` turns a Ctrl-C into the task's
        cancellation instead, which is left as it is (cancelling must stay cancelling).
        """
        upload = Upload(
            credentials,
            workspace_id=workspace_id,
            pool_id=pool_id,
            batch_size=batch_size,
            on_progress=on_progress,
            on_pool=on_pool,
        )
        with upload.interruptible():
            upload.start()
            while (call := upload.next_call()) is not None:
                with upload.sending():
                    stored_in = await self._send(call)
                upload.confirm(stored_in)
        return upload.result()

    async def list_pools(self, workspace_id: str) -> list[PoolSummary]:
        """The credential pools of a workspace; see :meth:`Credentials.list_pools`."""
        return await self._send(list_pools_call(workspace_id))

    async def attach(self, study_id: str, pool_id: str) -> Study:
        """Attach a pool to a draft study; see :meth:`Credentials.attach`."""
        return await self._drive(attach_flow(study_id, pool_id))

    async def report(self, study_id: str) -> CredentialReport:
        """The study's credentials report; see :meth:`Credentials.report`."""
        return await self._drive(report_flow(study_id))

    async def capacity(self, study_id: str) -> Capacity:
        """Places against credentials; see :meth:`Credentials.capacity`."""
        return await self._drive(capacity_flow(study_id))

    async def reconcile(
        self, study_id: str, credentials: CredentialsInput, *, with_passwords: bool = False
    ) -> Reconciliation:
        """Join your credentials with the study's report; see :meth:`Credentials.reconcile`."""
        return await self._drive(reconcile_flow(study_id, credentials, with_passwords))
