"""``client.bonuses``: bonuses from a file, set up in batches, previewed, and paid exactly once.

The thin sync and async service classes: each method builds a flow of :mod:`prolific.bonuses`
(reading the file, batches, the journal, the two calls) and hands it to the driver.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prolific_api_client.operations.bonuses import AsyncBonusesOperations, BonusesOperations

from ..bonuses._batches import status
from ..bonuses._files import BonusesInput
from ..bonuses._flows import BatchCallback, Confirm, pay_flow, preview_flow
from ..bonuses._journal import BonusJournal
from ..bonuses._results import BonusBatch, BonusPayment, BonusPlan
from ._base import AsyncResource, SyncResource


class Bonuses(SyncResource, BonusesOperations):
    """Bonus payments (``client.bonuses``): the generated operations, ``preview``, ``pay`` and ``status``."""

    def preview(self, study_id: str, bonuses: BonusesInput) -> BonusPlan:
        """Set up the bulk bonuses in batches of 200 (file order kept) and return their cost; nothing is paid.

        ``bonuses``: as :func:`~prolific.read_bonuses` takes them (a ``pathlib.Path``, CSV text,
        pairs, a mapping), checked in full first. One set-up request a batch, then the account's
        currency (``/api/v1/users/me/``).

        >>> plan = client.bonuses.preview("6540...", Path("bonuses.csv"))  # doctest: +SKIP
        >>> print(plan.summary())  # doctest: +SKIP
        450 bonuses in 3 batches: amount GBP 675.00, fees GBP 222.75, VAT GBP 44.55, total GBP 942.30
        """
        return self._drive(preview_flow(study_id, bonuses))

    def pay(
        self,
        study_id: str,
        bonuses: BonusesInput,
        *,
        journal: str | os.PathLike[str],
        retry_unknown: Iterable[str] = (),
        confirm: Confirm | None = None,
        on_batch: BatchCallback | None = None,
    ) -> BonusPayment:
        """Pay each batch of ``bonuses`` exactly once, recording every step in the SQLite ``journal`` file.

        Checks the file and that the study exists; sets up every batch not yet set up (a refused
        id: :class:`~prolific.BonusPaymentError` naming its line, nothing paid); refuses with
        :class:`~prolific.InsufficientBalanceError` when the workspace's balance is below the
        total; calls ``confirm(plan)`` (False: nothing paid, ``cancelled``); then pays the batches
        one after the other, calling ``on_batch(batch)`` after each. Run it again with the same
        study, rows and journal to resume: paid batches are skipped. A pay that may have been
        applied raises :class:`~prolific.BonusOutcomeUnknown` and is never resent unless its bulk
        id is in ``retry_unknown``.

        >>> result = client.bonuses.pay("6540...", Path("bonuses.csv"), journal="bonuses.sqlite3")  # doctest: +SKIP
        """
        with BonusJournal(journal) as opened:
            flow = pay_flow(study_id, bonuses, opened, retry_unknown=retry_unknown, confirm=confirm, on_batch=on_batch)
            return self._drive(flow)

    def status(self, study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str]) -> list[BonusBatch]:
        """What the journal says of each batch (sends nothing); see :func:`status`."""
        return status(study_id, bonuses, journal=journal)


class AsyncBonuses(AsyncResource, AsyncBonusesOperations):
    """Async twin of :class:`Bonuses` (the same flows; the journal's writes are short blocking SQLite commits)."""

    async def preview(self, study_id: str, bonuses: BonusesInput) -> BonusPlan:
        """See :meth:`Bonuses.preview`."""
        return await self._drive(preview_flow(study_id, bonuses))

    async def pay(
        self,
        study_id: str,
        bonuses: BonusesInput,
        *,
        journal: str | os.PathLike[str],
        retry_unknown: Iterable[str] = (),
        confirm: Confirm | None = None,
        on_batch: BatchCallback | None = None,
    ) -> BonusPayment:
        """See :meth:`Bonuses.pay`."""
        with BonusJournal(journal) as opened:
            flow = pay_flow(study_id, bonuses, opened, retry_unknown=retry_unknown, confirm=confirm, on_batch=on_batch)
            return await self._drive(flow)

    async def status(
        self, study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str]
    ) -> list[BonusBatch]:
        """What the journal says of each batch (sends nothing); see :meth:`Bonuses.status`.

        A coroutine like every other method of the async client, although it only reads the local
        journal: in async code every ``client.<group>`` method is awaited (CONTRIBUTING.md, "Naming rule").
        """
        return status(study_id, bonuses, journal=journal)
