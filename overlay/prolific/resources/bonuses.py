"""``client.bonuses``: bonuses from a file, set up in batches, previewed, and paid exactly once.

Prolific pays bonuses in two calls: ``create-bonus-payments`` sets up a bulk bonus (at most 200
ids a request recommended) and answers its cost in cents; ``pay-bonus-payments`` pays it, and is
**not idempotent**. :meth:`Bonuses.pay` therefore

* checks the whole file first, then sets up *every* batch before paying any (a set-up refused for
  one id pays nothing);
* keeps a journal (:mod:`prolific._bonus_journal`, SQLite) where each batch's state is committed
  before each request is sent;
* never sends a pay that may already have been applied (dropped connection, read timeout, 5xx,
  a process killed after sending) again on its own: that raises
  :class:`~prolific.BonusOutcomeUnknown`, and only ``retry_unknown=[bulk_id]`` resends it;
* pays the batches one after the other (the retry policy retries a 429, never a pay that may
  have been applied).

The API's cents become ``Decimal`` major units in one place, :func:`major_units`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from prolific_api_client.models import BulkBonus, CreateBonusPaymentsRequest, Project, Study, User, WorkspaceBalance
from prolific_api_client.operations.bonuses import (
    CREATE_BONUS_PAYMENTS,
    PAY_BONUS_PAYMENTS,
    AsyncBonusesOperations,
    BonusesOperations,
)
from prolific_api_client.operations.projects import GET_PROJECT
from prolific_api_client.operations.studies import GET_STUDY
from prolific_api_client.operations.users import GET_USER
from prolific_api_client.operations.workspaces import GET_WORKSPACE_BALANCE
from prolific_api_client.types import Unset

from .. import _validation as check
from .._bonus_journal import (
    OUTCOME_UNKNOWN,
    PAID,
    PAY_SENT,
    SENT_STATES,
    SET_UP,
    SETTING_UP,
    BonusJournal,
    JournalEntry,
)
from .._call import Call
from .._errors import (
    APIError,
    APIStatusError,
    BonusOutcomeUnknown,
    BonusPaymentError,
    InsufficientBalanceError,
    InvalidArgumentError,
)
from ..bonuses import Bonus, BonusesInput, BonusList, bonuses_to_csv, read_bonuses
from ._base import AsyncResource, Flow, SyncResource

#: Ids per bulk bonus: Prolific recommends at most 200 participant or submission ids a request.
BATCH_SIZE = 200
_CENT = Decimal("0.01")

BatchCallback = Callable[["BonusBatch"], object]
Confirm = Callable[["BonusPlan"], bool]


def major_units(cents: float | int | None) -> Decimal | None:
    """An amount the API gives in cents (pence) as ``Decimal`` major units: ``150`` → ``Decimal('1.50')``.

    The one place where cents become pounds/dollars. A float is read by its repr, exactly.

    >>> major_units(150), major_units(49.5), major_units(None)
    (Decimal('1.50'), Decimal('0.495'), None)
    """
    if cents is None or isinstance(cents, Unset):
        return None
    value = Decimal(repr(cents)) if isinstance(cents, float) else Decimal(cents)
    return value.scaleb(-2).quantize(_CENT) if value == value.to_integral_value() else value.scaleb(-2)


def _money(value: Decimal | None, currency: str | None) -> str:
    if value is None:
        return "?"
    return f"{currency} {value:,.2f}" if currency else f"{value:,.2f}"


@dataclass(frozen=True)
class BonusBatch:
    """One bulk bonus: its ``bonuses`` (in file order), ``bulk_id`` once set up, cost, and journal ``state``.

    ``number`` counts batches from 1 in file order. ``amount``, ``fees``, ``vat`` and ``total``
    are ``Decimal`` major units from the set-up's answer (None before it); ``state`` is ``None``
    for a batch the journal has never seen, else ``set up``, ``pay sent``, ``paid`` or ``outcome
    unknown`` (``setting up``: the set-up was sent, no answer recorded). ``detail`` says why it is
    in that state when the journal knows (the error of the last attempt).
    """

    number: int
    bonuses: tuple[Bonus, ...]
    csv_bonuses: str
    fingerprint: str
    bulk_id: str | None = None
    state: str | None = None
    amount: Decimal | None = None
    fees: Decimal | None = None
    vat: Decimal | None = None
    total: Decimal | None = None
    detail: str | None = None

    @property
    def count(self) -> int:
        """How many bonuses the batch holds."""
        return len(self.bonuses)

    @property
    def ids(self) -> list[str]:
        """The participant or submission ids, in file order."""
        return [bonus.id for bonus in self.bonuses]

    @property
    def bonus_amount(self) -> Decimal:
        """What the file says the participants get (the sum of the amounts), in major units."""
        return sum((bonus.amount for bonus in self.bonuses), Decimal(0))

    @property
    def lines(self) -> tuple[int | None, int | None]:
        """The first and last line (or item number) of the batch in the input."""
        return self.bonuses[0].line, self.bonuses[-1].line

    def describe(self, currency: str | None = None) -> str:
        """``batch 2 (lines 202-401, 200 bonuses, GBP 300.00, bulk 65f0...)``: for messages."""
        first, last = self.lines
        where = f"lines {first}-{last}, " if first is not None else ""
        bulk = f", bulk {self.bulk_id}" if self.bulk_id else ""
        return f"batch {self.number} ({where}{self.count} bonuses, {_money(self.bonus_amount, currency)}{bulk})"


@dataclass(frozen=True)
class BonusPlan:
    """The set-up bulk bonuses of a study: the ``batches`` and their cost, ``Decimal`` in major units.

    ``count`` bonuses; ``amount`` (what participants get), ``fees``, ``vat`` and ``total`` (what
    the workspace pays) as the API priced them (None when it left one out); ``currency`` is the
    account's (from ``/api/v1/users/me/``), when known. Nothing is paid by setting up.
    """

    study_id: str
    batches: tuple[BonusBatch, ...]
    currency: str | None = None

    @property
    def count(self) -> int:
        """How many bonuses, over every batch."""
        return sum(batch.count for batch in self.batches)

    def _sum(self, name: str) -> Decimal | None:
        values = [getattr(batch, name) for batch in self.batches]
        return None if any(v is None for v in values) else sum(values, Decimal(0))

    @property
    def amount(self) -> Decimal | None:
        """What the participants get, as priced by the API."""
        return self._sum("amount")

    @property
    def fees(self) -> Decimal | None:
        """Prolific's fees."""
        return self._sum("fees")

    @property
    def vat(self) -> Decimal | None:
        """VAT on the fees."""
        return self._sum("vat")

    @property
    def total(self) -> Decimal | None:
        """What leaves the workspace's balance."""
        return self._sum("total")

    def summary(self) -> str:
        """One line: ``450 bonuses in 3 batches: amount GBP 675.00, fees ..., VAT ..., total GBP 1,012.50``."""
        c = self.currency
        return (
            f"{self.count} bonuses in {len(self.batches)} batch{'es' if len(self.batches) != 1 else ''}: amount "
            f"{_money(self.amount, c)}, fees {_money(self.fees, c)}, VAT {_money(self.vat, c)}, total "
            f"{_money(self.total, c)}"
        )


@dataclass(frozen=True)
class BonusPayment:
    """What :meth:`Bonuses.pay` did: every batch with its final state, and which it paid in this run.

    ``paid``: batches paid by this run; ``skipped``: batches the journal already had as paid (no
    request sent); ``unknown``: batches whose outcome is unknown and were not resent;
    ``cancelled``: the ``confirm`` callback said no (nothing was paid); ``journal``: its path.
    """

    plan: BonusPlan
    journal: str
    paid: tuple[BonusBatch, ...] = ()
    skipped: tuple[BonusBatch, ...] = ()
    unknown: tuple[BonusBatch, ...] = ()
    cancelled: bool = False

    @property
    def study_id(self) -> str:
        """The study the bonuses are for."""
        return self.plan.study_id

    @property
    def total_paid(self) -> Decimal:
        """The total (cost included) of the batches paid by this run, major units."""
        return sum((batch.total or Decimal(0) for batch in self.paid), Decimal(0))


# -- batches and the journal -----------------------------------------------------------------------


def make_batches(study_id: str, bonuses: Sequence[Bonus], size: int = BATCH_SIZE) -> list[BonusBatch]:
    """``bonuses`` in batches of at most ``size``, file order kept; each with its ``csv_bonuses`` and fingerprint.

    The fingerprint (SHA-256 of the study id and the batch's text) is how a rerun with the same
    rows finds the batch in the journal.

    >>> from decimal import Decimal
    >>> rows = [Bonus(f"{n:024x}", Decimal("1.5"), n) for n in range(1, 451)]
    >>> [b.count for b in make_batches("s1", rows)], make_batches("s1", rows)[0].csv_bonuses[:29]
    ([200, 200, 50], '000000000000000000000001,1.50')
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise InvalidArgumentError(f"batch size must be a positive int, got {size!r}")
    batches = []
    for number, start in enumerate(range(0, len(bonuses), size), 1):
        chunk = tuple(bonuses[start : start + size])
        text = bonuses_to_csv(chunk)
        digest = hashlib.sha256(f"{study_id}\n{text}".encode()).hexdigest()[:32]
        batches.append(BonusBatch(number, chunk, text, digest))
    return batches


def _from_entry(batch: BonusBatch, entry: JournalEntry | None) -> BonusBatch:
    if entry is None:
        return batch

    def dec(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    return replace(
        batch,
        bulk_id=entry.bulk_id,
        state=entry.state,
        amount=dec(entry.amount),
        fees=dec(entry.fees),
        vat=dec(entry.vat),
        total=dec(entry.total),
        detail=entry.detail,
    )


def _cost(batch: BonusBatch) -> tuple[str | None, str | None, str | None, str | None]:
    return tuple(None if v is None else str(v) for v in (batch.amount, batch.fees, batch.vat, batch.total))  # type: ignore[return-value]


def _record(
    journal: BonusJournal, study_id: str, batch: BonusBatch, state: str, detail: str | None = None
) -> BonusBatch:
    """Commit ``batch`` in ``state`` to the journal (before the request it announces is sent)."""
    journal.record(
        study_id,
        batch.fingerprint,
        position=batch.number,
        csv_bonuses=batch.csv_bonuses,
        state=state,
        bulk_id=batch.bulk_id,
        cost=_cost(batch),
        detail=detail,
    )
    return replace(batch, state=state, detail=detail)


def journal_batches(journal: BonusJournal, study_id: str, bonuses: Sequence[Bonus]) -> list[BonusBatch]:
    """The batches of ``bonuses`` as the journal has them (state None: never seen). Sends nothing."""
    entries = journal.entries(study_id)
    return [_from_entry(batch, entries.get(batch.fingerprint)) for batch in make_batches(study_id, bonuses)]


def status(study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str]) -> list[BonusBatch]:
    """What the journal at ``journal`` says of each batch of ``bonuses`` for ``study_id`` (offline).

    >>> status("6540...", Path("bonuses.csv"), journal="bonuses.sqlite3")  # doctest: +SKIP
    [BonusBatch(number=1, ..., state='paid', ...), ...]
    """
    study_id = check.require_id(study_id, "study_id")
    items = _bonuses(bonuses)
    with BonusJournal(journal) as opened:
        return journal_batches(opened, study_id, items)


def _bonuses(bonuses: BonusesInput) -> BonusList:
    return bonuses if isinstance(bonuses, BonusList) else read_bonuses(bonuses)


def _already_sent(journal: BonusJournal, study_id: str, batches: Sequence[BonusBatch], items: BonusList) -> None:
    """Refuse ids that an earlier run, with other rows, sent for payment in this study (a changed file)."""
    fresh = {b.fingerprint for b in batches}
    sent: dict[str, JournalEntry] = {}
    for entry in journal.entries(study_id).values():
        if entry.fingerprint not in fresh and entry.state in SENT_STATES:
            for bonus_id in entry.ids():
                sent.setdefault(bonus_id, entry)
    clashes = [
        (bonus, sent[bonus.id])
        for batch in batches
        if batch.state is None or batch.state in (SETTING_UP, SET_UP)
        for bonus in batch.bonuses
        if bonus.id in sent
    ]
    if not clashes:
        return
    shown = "; ".join(
        f"{items.where(bonus)}: {bonus.id} ({entry.state}, bulk {entry.bulk_id}, {entry.updated_at})"
        for bonus, entry in clashes[:10]
    )
    more = f" and {len(clashes) - 10} more" if len(clashes) > 10 else ""
    raise BonusPaymentError(
        f"nothing was paid: {len(clashes)} of these ids were already sent for payment in study {study_id} by an "
        f"earlier run with other rows (the journal {journal.path} says so): {shown}{more}. Remove them from the "
        "file; to pay them again deliberately, use another journal file",
        study_id=study_id,
        paid=[],
        remaining=list(batches),
        rejected={bonus.line or 0: bonus.id for bonus, _ in clashes},
    )


# -- calls -----------------------------------------------------------------------------------------


def _same(value: Any) -> Any:
    return value


def setup_call(study_id: str, batch: BonusBatch) -> Call[BulkBonus]:
    """The set-up of one batch (``create-bonus-payments``)."""
    body = CreateBonusPaymentsRequest(study_id=study_id, csv_bonuses=batch.csv_bonuses)
    return Call(CREATE_BONUS_PAYMENTS, {"body": body}, _bulk)


def _bulk(bulk: BulkBonus) -> BulkBonus:
    if not isinstance(bulk.id, str) or not bulk.id:
        raise ValueError("the set-up's answer has no bulk bonus id")
    return bulk


def pay_call(bulk_id: str) -> Call[Any]:
    """The payment of one set-up bulk bonus (``pay-bonus-payments``): NOT idempotent."""
    return Call(PAY_BONUS_PAYMENTS, {"id": bulk_id}, _same)


def _priced(batch: BonusBatch, bulk: BulkBonus) -> BonusBatch:
    return replace(
        batch,
        bulk_id=bulk.id,
        amount=major_units(None if isinstance(bulk.amount, Unset) else bulk.amount),
        fees=major_units(None if isinstance(bulk.fees, Unset) else bulk.fees),
        vat=major_units(None if isinstance(bulk.vat, Unset) else bulk.vat),
        total=major_units(bulk.total_amount),
    )


def _refused(error: APIError, batch: BonusBatch, items: BonusList, study_id: str, done: int) -> BonusPaymentError:
    """A refused set-up, naming the ids (with their file lines) the API's message names."""
    text = " ".join(str(part) for part in (error, getattr(error, "body", "")) if part)
    named = {bonus.line or 0: bonus.id for bonus in batch.bonuses if bonus.id in text}
    shown = "; ".join(f"{items.where(b)}: {b.id}" for b in batch.bonuses if b.id in text)
    located = f" The API refused {shown}." if shown else ""
    return BonusPaymentError(
        f"setting up {batch.describe()} for study {study_id} failed: {error}.{located} Nothing was paid "
        f"({done} of the batches were set up, none sent for payment). Fix the cause and run the same payment "
        "again: batches already set up are reused",
        study_id=study_id,
        paid=[],
        remaining=[],
        rejected=named,
    )


def _workspace_flow(study: Study) -> Flow[str | None]:
    """The study's workspace id, when it can be known (the study's project's workspace)."""
    direct = study.additional_properties.get("workspace") or study.additional_properties.get("workspace_id")
    if isinstance(direct, str) and direct:
        return direct
    if isinstance(study.project, Unset) or not study.project:
        return None
    try:
        project: Project = yield Call(GET_PROJECT, {"project_id": study.project}, _same)
    except APIStatusError:  # not allowed to read the project, or unknown: the balance is not checked
        return None
    return None if isinstance(project.workspace, Unset) or not project.workspace else project.workspace


def _balance_flow(workspace_id: str | None) -> Flow[tuple[Decimal | None, str | None]]:
    if workspace_id is None:
        return None, None
    try:
        balance: WorkspaceBalance = yield Call(GET_WORKSPACE_BALANCE, {"workspace_id": workspace_id}, _same)
    except APIStatusError:  # e.g. not an admin of the workspace: the API checks the balance itself
        return None, None
    available = None if isinstance(balance.available_balance, Unset) else balance.available_balance
    currency = None if isinstance(balance.currency_code, Unset) else balance.currency_code
    return major_units(available), currency


def _currency_flow() -> Flow[str | None]:
    """The account's currency (``/api/v1/users/me/``), or None when it cannot be read."""
    try:
        user: User = yield Call(GET_USER, {}, _same)
    except APIStatusError:  # the set-ups worked with this token: the amounts are shown without a currency
        return None
    code = user.additional_properties.get("currency_code") or user.additional_properties.get("currency")
    return code if isinstance(code, str) and code else None


# -- flows -----------------------------------------------------------------------------------------


def preview_flow(study_id: str, bonuses: BonusesInput, batch_size: int = BATCH_SIZE) -> Flow[BonusPlan]:
    """Set up every batch (nothing paid) and price it; the account's currency last."""
    study_id = check.require_id(study_id, "study_id")
    items = _bonuses(bonuses)
    batches = make_batches(study_id, items, batch_size)
    priced: list[BonusBatch] = []
    for batch in batches:
        try:
            bulk = yield setup_call(study_id, batch)
        except APIError as error:
            raise _refused(error, batch, items, study_id, len(priced)) from error
        priced.append(_priced(batch, bulk))
    currency = yield from _currency_flow()
    return BonusPlan(study_id, tuple(priced), currency)


def pay_flow(
    study_id: str,
    bonuses: BonusesInput,
    journal: BonusJournal,
    *,
    retry_unknown: Iterable[str] = (),
    confirm: Confirm | None = None,
    on_batch: BatchCallback | None = None,
) -> Flow[BonusPayment]:
    """Pay every batch of ``bonuses`` once; see :meth:`Bonuses.pay`."""
    study_id = check.require_id(study_id, "study_id")
    if isinstance(retry_unknown, str):
        raise InvalidArgumentError("retry_unknown must be a list of bulk ids, not a single str")
    retry = set(check.id_list(list(retry_unknown), "retry_unknown") or [])
    items = _bonuses(bonuses)
    study: Study = yield Call(GET_STUDY, {"id": study_id}, _same)  # the study exists (else NotFoundError)
    batches = journal_batches(journal, study_id, items)
    # A pay sent by a run that never recorded its answer (killed, crashed): it may have been applied.
    for index, batch in enumerate(batches):
        if batch.state == PAY_SENT:
            batches[index] = _record(
                journal, study_id, batch, OUTCOME_UNKNOWN, "the run that sent the pay request stopped before its answer"
            )
    in_doubt = {b.bulk_id for b in batches if b.state == OUTCOME_UNKNOWN}
    strangers = sorted(retry - in_doubt)
    if strangers:
        doubt = ", ".join(sorted(i for i in in_doubt if i)) or "none"
        raise InvalidArgumentError(
            f"retry_unknown: {', '.join(strangers)} is not a batch of these bonuses whose outcome is unknown "
            f"(those are: {doubt}); nothing was sent"
        )
    _already_sent(journal, study_id, batches, items)

    # Every batch is set up before any is paid: a refused id stops the run with nothing paid.
    for index, batch in enumerate(batches):
        if batch.state not in (None, SETTING_UP):
            continue
        batch = _record(journal, study_id, batch, SETTING_UP)
        try:
            bulk = yield setup_call(study_id, batch)
        except APIError as error:
            _record(journal, study_id, batch, SETTING_UP, str(error))
            done = sum(1 for b in batches if b.bulk_id)
            raise _refused(error, batch, items, study_id, done) from error
        batches[index] = _record(journal, study_id, _priced(batch, bulk), SET_UP)

    currency = yield from _currency_flow()
    to_pay = [b for b in batches if b.state == SET_UP or (b.state == OUTCOME_UNKNOWN and b.bulk_id in retry)]
    workspace_id = yield from _workspace_flow(study)
    available, balance_currency = yield from _balance_flow(workspace_id if to_pay else None)
    currency = currency or balance_currency
    plan = BonusPlan(study_id, tuple(batches), currency)
    due = sum((b.total or Decimal(0) for b in to_pay), Decimal(0))
    if available is not None and available < due:
        raise InsufficientBalanceError(
            f"nothing was paid: the workspace {workspace_id} has {_money(available, currency)} available, below the "
            f"{_money(due, currency)} these bonuses cost ({len(to_pay)} batches, fees and VAT included). Top up the "
            "workspace's balance, then run the same payment again (the batches set up are reused)",
            balance=available,
            total=due,
            currency=currency,
        )
    skipped = tuple(b for b in batches if b.state == PAID)
    if to_pay and confirm is not None and not confirm(plan):
        return BonusPayment(plan, str(journal.path), skipped=skipped, cancelled=True)

    paid: list[BonusBatch] = []
    for batch in to_pay:
        # Committed before the request leaves, and only from the state this run read: another run
        # paying the same rows with the same journal cannot send the same pay too.
        found = journal.record(
            study_id,
            batch.fingerprint,
            position=batch.number,
            csv_bonuses=batch.csv_bonuses,
            state=PAY_SENT,
            bulk_id=batch.bulk_id,
            cost=_cost(batch),
            expect=frozenset({batch.state or SET_UP}),
        )
        if found is not None:
            raise BonusPaymentError(
                f"{batch.describe(currency)} is now {found!r} in the journal {journal.path}: another run is paying "
                "these bonuses (or did meanwhile); nothing more was sent by this one. Run `status` to see it",
                study_id=study_id,
                paid=paid,
                remaining=[b for b in batches if b.state != PAID],
            )
        batch = replace(batch, state=PAY_SENT, detail=None)
        try:
            yield pay_call(batch.bulk_id or "")
        except APIError as error:
            if error.may_have_been_applied:
                unknown = _record(journal, study_id, batch, OUTCOME_UNKNOWN, str(error))
                _replace(batches, unknown)
                result = BonusPayment(
                    BonusPlan(study_id, tuple(batches), currency), str(journal.path), tuple(paid), skipped
                )
                raise _outcome_unknown(study_id, [unknown], journal, currency, result, error) from error
            _replace(batches, _record(journal, study_id, batch, SET_UP, str(error)))
            raise _stopped(study_id, batches, journal, error) from error
        batch = _record(journal, study_id, batch, PAID)
        _replace(batches, batch)
        paid.append(batch)
        if on_batch is not None:
            on_batch(batch)
    unknown_left = tuple(b for b in batches if b.state == OUTCOME_UNKNOWN)
    result = BonusPayment(
        BonusPlan(study_id, tuple(batches), currency), str(journal.path), tuple(paid), skipped, unknown_left
    )
    if unknown_left:
        raise _outcome_unknown(study_id, list(unknown_left), journal, currency, result, None)
    return result


def _replace(batches: list[BonusBatch], batch: BonusBatch) -> None:
    batches[batch.number - 1] = batch


def _outcome_unknown(
    study_id: str,
    unknown: list[BonusBatch],
    journal: BonusJournal,
    currency: str | None,
    result: BonusPayment,
    error: APIError | None,
) -> BonusOutcomeUnknown:
    described = []
    for batch in unknown:
        ids = ", ".join(batch.ids[:3]) + (f" and {batch.count - 3} more" if batch.count > 3 else "")
        described.append(
            f"bulk bonus {batch.bulk_id}: {batch.describe(currency)}, ids {ids} — outcome unknown "
            f"({batch.detail or error or 'its pay request was sent, no answer recorded'})"
        )
    bulk_ids = " ".join(str(b.bulk_id) for b in unknown)
    paid_now = f"{len(result.paid)} batches paid in this run; " if result.paid else ""
    return BonusOutcomeUnknown(
        f"{paid_now}the payment of {len(unknown)} batch{'es' if len(unknown) != 1 else ''} may or may not have been "
        f"made, and is NOT sent again on its own (paying twice would pay the participants twice): "
        + "; ".join(described)
        + f". Check the study's bonus payments in the Prolific app (or ask Prolific support) before anything else. "
        f"If it was not paid, resend it deliberately: retry_unknown=[{', '.join(repr(b.bulk_id) for b in unknown)}] "
        f"(CLI: --retry-unknown {bulk_ids}). Running the same payment again pays the other batches and skips "
        f"those already paid (journal: {journal.path})",
        study_id=study_id,
        batches=unknown,
        result=result,
    )


def _stopped(study_id: str, batches: list[BonusBatch], journal: BonusJournal, error: APIError) -> BonusPaymentError:
    paid = [b for b in batches if b.state == PAID]
    remaining = [b for b in batches if b.state != PAID]
    return BonusPaymentError(
        f"paying bonuses for study {study_id} stopped: {error}. The failed pay request was certainly not applied. "
        f"{len(paid)} of {len(batches)} batches are paid; run the same payment again to pay the other "
        f"{len(remaining)} (paid batches are skipped; journal: {journal.path})",
        study_id=study_id,
        paid=paid,
        remaining=remaining,
    )


# -- the resources -----------------------------------------------------------------------------------


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

    def status(self, study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str]) -> list[BonusBatch]:
        """See :func:`status` (no request, so not a coroutine)."""
        return status(study_id, bonuses, journal=journal)
