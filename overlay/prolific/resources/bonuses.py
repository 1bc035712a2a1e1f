"""``client.bonuses``: bonuses from a file, set up in batches, previewed, and paid exactly once.

The thin sync and async service classes: each method builds a flow of :mod:`prolific.bonuses`
(reading the file, the study's people, Prolific's record, the journal, the two calls) and hands it
to the driver.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from prolific_api_client.operations.bonuses import AsyncBonusesOperations, BonusesOperations

from .._store._url import StateURL
from ..bonuses._batches import status
from ..bonuses._files import BonusesInput
from ..bonuses._flows import (
    SETTLEMENT_WINDOW,
    BatchCallback,
    Confirm,
    pay_flow,
    preview_flow,
    reconcile_flow,
    settle_by_hand,
)
from ..bonuses._journal import BonusJournal
from ..bonuses._messages import PYTHON, Advice
from ..bonuses._record import Progress
from ..bonuses._results import BonusBatch, BonusPayment, BonusPlan
from ._base import AsyncResource, SyncResource


class Bonuses(SyncResource, BonusesOperations):
    """Bonus payments (``client.bonuses``): the generated operations, ``preview``, ``pay``, ``reconcile``,
    ``settle`` and ``status``."""

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
        journal: str | os.PathLike[str] | StateURL,
        round: str = "",
        retry_unknown: Iterable[str] = (),
        confirm: Confirm | None = None,
        on_batch: BatchCallback | None = None,
        max_total: Decimal | int | str | None = None,
        wait_for_lease: bool | float = False,
        take_over: bool = False,
        settlement_window: float = SETTLEMENT_WINDOW,
        on_progress: Progress | None = None,
    ) -> BonusPayment:
        """Pay each bonus of ``bonuses`` exactly once as Prolific records it; every step in the ``journal``.

        ``journal``: a SQLite file, or a ``postgresql://`` URL that several machines share (one run pays
        a study at a time across all of them).

        In order: the file is checked; the study's lease is taken in the journal (another run
        paying it: :class:`~prolific.BonusRunInProgress`, or ``wait_for_lease=True`` / seconds;
        ``take_over=True`` takes it from a run on another host you know has stopped); the study
        must exist; every row is mapped to the study's participant (an id not in the study, or one
        person twice: :class:`~prolific.BonusFormatError` naming the lines, nothing sent).
        Prolific's record is compared with the journal (``get-study-cost``, one request when they
        agree); when it shows more, each payee's ``bonus_payments`` is read (``on_progress(done,
        total)``) and payees already paid a bonus this journal never sent are refused
        (:class:`~prolific.BonusAlreadyPaidError`) unless ``round`` names a new round. Batches in
        doubt are settled from the record. Every batch is then set up (a refused id:
        :class:`~prolific.BonusPaymentError` naming its line, nothing paid); the plan is refused
        above ``max_total`` (major units, fees and VAT included: :class:`~prolific.BonusCapError`)
        or the workspace's balance (:class:`~prolific.InsufficientBalanceError`);
        ``plan.balance_checked`` says whether the balance could be read. ``confirm(plan)`` (False:
        nothing paid, ``cancelled``); then the batches are paid one after the other, each pay sent
        once and never resent on any answer; ``on_batch(batch)`` after each.

        An answer that may mean applied (no answer, 408, 429, 5xx) is settled from Prolific's
        record at once; when the record does not show it yet, :class:`~prolific.BonusOutcomeUnknown`
        is raised, and a rerun (or :meth:`reconcile`) settles it later. ``retry_unknown=[bulk_id]``
        resends such a batch only when the record still shows nothing ``settlement_window``
        seconds (default an hour) after it was sent. Run it again with the same study, rows and
        journal to resume: paid batches are skipped.

        >>> result = client.bonuses.pay("6540...", Path("bonuses.csv"), journal="bonuses.sqlite3")  # doctest: +SKIP
        """
        return self._pay(study_id, bonuses, journal, PYTHON, **_pay_options(locals()))

    def _pay(
        self,
        study_id: str,
        bonuses: BonusesInput,
        journal: str | os.PathLike[str] | StateURL,
        advice: Advice,
        **options: Any,
    ) -> BonusPayment:
        with BonusJournal(journal) as opened:
            return self._drive(pay_flow(study_id, bonuses, opened, advice=advice, **options))

    def reconcile(
        self,
        study_id: str,
        bonuses: BonusesInput,
        *,
        journal: str | os.PathLike[str] | StateURL,
        round: str = "",
        wait_for_lease: bool | float = False,
        settlement_window: float = SETTLEMENT_WINDOW,
        on_progress: Progress | None = None,
    ) -> BonusPayment:
        """Settle the batches whose outcome is unknown from Prolific's record; pays nothing.

        Reads the payees of each such batch (``get-submission``'s ``bonus_payments``) and marks it
        ``paid`` when the record shows its payment (``result.settled``). Those it cannot settle
        raise :class:`~prolific.BonusOutcomeUnknown`, saying whether the settlement window has
        passed.

        >>> client.bonuses.reconcile("6540...", Path("bonuses.csv"), journal="bonuses.sqlite3")  # doctest: +SKIP
        """
        return self._reconcile(study_id, bonuses, journal, PYTHON, **_reconcile_options(locals()))

    def _reconcile(
        self,
        study_id: str,
        bonuses: BonusesInput,
        journal: str | os.PathLike[str] | StateURL,
        advice: Advice,
        **options: Any,
    ) -> BonusPayment:
        with BonusJournal(journal) as opened:
            return self._drive(reconcile_flow(study_id, bonuses, opened, advice=advice, **options))

    def settle(
        self, bulk_id: str, *, paid: bool, journal: str | os.PathLike[str] | StateURL, by: str | None = None
    ) -> BonusBatch:
        """Record what you checked in the Prolific app for a batch whose outcome is unknown (sends nothing).

        ``paid=True``: the batch is ``paid``; ``paid=False``: it goes back to ``set up`` and the
        next run pays it. ``by`` (default ``user@host``) and the time are kept in the journal's
        history. Refused while a run holds the batch's study.

        >>> client.bonuses.settle("65f0...", paid=True, journal="bonuses.sqlite3", by="me@lab.org")  # doctest: +SKIP
        """
        with BonusJournal(journal) as opened:
            return settle_by_hand(opened, bulk_id, paid=paid, by=by)

    def status(
        self, study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str] | StateURL, round: str = ""
    ) -> list[BonusBatch]:
        """What the journal says of each batch (sends nothing); see :func:`status`."""
        return status(study_id, bonuses, journal=journal, round=round)


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
        journal: str | os.PathLike[str] | StateURL,
        round: str = "",
        retry_unknown: Iterable[str] = (),
        confirm: Confirm | None = None,
        on_batch: BatchCallback | None = None,
        max_total: Decimal | int | str | None = None,
        wait_for_lease: bool | float = False,
        take_over: bool = False,
        settlement_window: float = SETTLEMENT_WINDOW,
        on_progress: Progress | None = None,
    ) -> BonusPayment:
        """See :meth:`Bonuses.pay`."""
        with BonusJournal(journal) as opened:
            return await self._drive(pay_flow(study_id, bonuses, opened, **_pay_options(locals())))

    async def reconcile(
        self,
        study_id: str,
        bonuses: BonusesInput,
        *,
        journal: str | os.PathLike[str] | StateURL,
        round: str = "",
        wait_for_lease: bool | float = False,
        settlement_window: float = SETTLEMENT_WINDOW,
        on_progress: Progress | None = None,
    ) -> BonusPayment:
        """See :meth:`Bonuses.reconcile`."""
        with BonusJournal(journal) as opened:
            return await self._drive(reconcile_flow(study_id, bonuses, opened, **_reconcile_options(locals())))

    async def settle(
        self, bulk_id: str, *, paid: bool, journal: str | os.PathLike[str] | StateURL, by: str | None = None
    ) -> BonusBatch:
        """See :meth:`Bonuses.settle` (a coroutine, although it only writes the local journal)."""
        with BonusJournal(journal) as opened:
            return settle_by_hand(opened, bulk_id, paid=paid, by=by)

    async def status(
        self, study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str] | StateURL, round: str = ""
    ) -> list[BonusBatch]:
        """What the journal says of each batch (sends nothing); see :meth:`Bonuses.status`.

        A coroutine like every other method of the async client, although it only reads the local
        journal: in async code every ``client.<group>`` method is awaited (CONTRIBUTING.md, "Naming rule").
        """
        return status(study_id, bonuses, journal=journal, round=round)


_PAY_OPTIONS = (
    "round", "retry_unknown", "confirm", "on_batch", "max_total", "wait_for_lease", "take_over", "settlement_window",
    "on_progress",
)  # fmt: skip
_RECONCILE_OPTIONS = ("round", "wait_for_lease", "settlement_window", "on_progress")


def _pay_options(arguments: dict[str, Any]) -> dict[str, Any]:
    """The options of a ``pay`` call (its ``locals()``), as the flow takes them: one list for both twins."""
    return {name: arguments[name] for name in _PAY_OPTIONS}


def _reconcile_options(arguments: dict[str, Any]) -> dict[str, Any]:
    return {name: arguments[name] for name in _RECONCILE_OPTIONS}
