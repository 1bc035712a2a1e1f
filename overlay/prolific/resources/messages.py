"""``client.messages``: message one participant, many (in batches), or a participant group.

Sending a message is **not idempotent**: a batch sent twice messages its participants twice. So
no batch is sent again automatically (a dropped connection after sending raises
:class:`~prolific.ReviewError` saying that the batch may have been delivered), and what was
confirmed is in the error's ``done`` / ``remaining``. The requests and the batched flow are
:mod:`prolific.reviews._messages`.
"""

from __future__ import annotations

from collections.abc import Iterable

from prolific_api_client.operations.messages import AsyncMessagesOperations, MessagesOperations

from ..reviews._messages import DEFAULT_MESSAGE_BATCH_SIZE, ProgressCallback, bulk_flow, group_call, send_call
from ._base import AsyncResource, SyncResource


class Messages(SyncResource, MessagesOperations):
    """Messages (``client.messages``): the generated operations, and ``send``, ``send_bulk``, ``send_to_group``.

    >>> client.messages.send_bulk("6540...", participant_ids, "Thanks! Bonuses are on their way.")  # doctest: +SKIP
    2500
    """

    def send(self, participant_id: str, body: str, *, study_id: str) -> None:
        """Message one participant about a study."""
        self._send(send_call(participant_id, body, study_id))

    def send_bulk(
        self,
        study_id: str,
        participant_ids: Iterable[str],
        body: str,
        *,
        batch_size: int = DEFAULT_MESSAGE_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Message participants of a study, in batches of ``batch_size`` (see :data:`DEFAULT_MESSAGE_BATCH_SIZE`).

        Every id is checked first. A failure raises :class:`~prolific.ReviewError` (``done``,
        ``remaining``); a batch is never re-sent automatically (it would message people twice).
        """
        return self._drive(bulk_flow(study_id, participant_ids, body, batch_size, on_progress))

    def send_to_group(self, participant_group_id: str, body: str, *, study_id: str | None = None) -> None:
        """Message every member of a participant group (one request)."""
        self._send(group_call(participant_group_id, body, study_id))


class AsyncMessages(AsyncResource, AsyncMessagesOperations):
    """Async twin of :class:`Messages`."""

    async def send(self, participant_id: str, body: str, *, study_id: str) -> None:
        """Message one participant; see :meth:`Messages.send`."""
        await self._send(send_call(participant_id, body, study_id))

    async def send_bulk(
        self,
        study_id: str,
        participant_ids: Iterable[str],
        body: str,
        *,
        batch_size: int = DEFAULT_MESSAGE_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Message participants in batches; see :meth:`Messages.send_bulk`."""
        return await self._drive(bulk_flow(study_id, participant_ids, body, batch_size, on_progress))

    async def send_to_group(self, participant_group_id: str, body: str, *, study_id: str | None = None) -> None:
        """Message a participant group; see :meth:`Messages.send_to_group`."""
        await self._send(group_call(participant_group_id, body, study_id))
