"""The flows of paying bonuses: set up every batch and price it (``preview_flow``), pay each once (``pay_flow``).

Prolific pays bonuses in two calls: ``create-bonus-payments`` sets up a bulk bonus (at most 200
ids a request recommended) and answers its cost in cents; ``pay-bonus-payments`` pays it, and is
**not idempotent**. ``pay_flow`` therefore

* checks the whole file first, then sets up *every* batch before paying any (a set-up refused for
  one id pays nothing);
* keeps a journal (:mod:`prolific.bonuses._journal`, SQLite) where each batch's state is committed
  before each request is sent;
* never sends a pay that may already have been applied (dropped connection, read timeout, 5xx,
  a process killed after sending) again on its own: that raises
  :class:`~prolific.BonusOutcomeUnknown`, and only ``retry_unknown=[bulk_id]`` resends it;
* pays the batches one after the other (the retry policy retries a 429, never a pay that may
  have been applied).

A flow yields the calls it sends; the resource (:mod:`prolific.resources.bonuses`) drives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from prolific_api_client.models import BulkBonus, CreateBonusPaymentsRequest, Project, Study, User, WorkspaceBalance
from prolific_api_client.operations.bonuses import CREATE_BONUS_PAYMENTS, PAY_BONUS_PAYMENTS
from prolific_api_client.operations.projects import GET_PROJECT
from prolific_api_client.operations.studies import GET_STUDY
from prolific_api_client.operations.users import GET_USER
from prolific_api_client.operations.workspaces import GET_WORKSPACE_BALANCE
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import APIError, APIStatusError, BonusPaymentError, InsufficientBalanceError, InvalidArgumentError
from .._flow import Call, Flow
from ._batches import BATCH_SIZE, _already_sent, _bonuses, _cost, _record, journal_batches, make_batches
from ._files import BonusesInput
from ._journal import OUTCOME_UNKNOWN, PAID, PAY_SENT, SET_UP, SETTING_UP, BonusJournal
from ._messages import _outcome_unknown, _refused, _stopped
from ._results import BonusBatch, BonusPayment, BonusPlan, _money, major_units

#: ``on_batch``: called with each batch once it is paid.
BatchCallback = Callable[[BonusBatch], object]
#: ``confirm``: called with the priced plan before anything is paid; False pays nothing.
Confirm = Callable[[BonusPlan], bool]


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
    study_id = check.require_id(study_id, "study_id", "study id")
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
    study_id = check.require_id(study_id, "study_id", "study id")
    if isinstance(retry_unknown, str):
        raise InvalidArgumentError("retry_unknown must be a list of bulk ids, not a single str")
    retry = set(check.require_ids(retry_unknown, "retry_unknown", "bulk bonus id", allow_empty=True))
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
