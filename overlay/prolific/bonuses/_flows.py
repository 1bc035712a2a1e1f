"""The flows of paying bonuses: price (``preview_flow``), pay each once (``pay_flow``), settle (``reconcile_flow``).

Prolific pays bonuses in two calls: ``create-bonus-payments`` sets up a bulk bonus (at most 200
ids a request recommended) and answers its cost in cents; ``pay-bonus-payments`` pays it, and is
**not idempotent**. "Exactly once" rests on four things, in this order:

1. **One run per study**: the run takes the study's lease in the journal before it sends anything
   (another run is refused, naming it, or waited for), and every journal transition checks it.
2. **One payee, one key**: every row of the file is mapped to the study's (participant,
   submission) pair (``get-submissions``); the batches name participants, so the same people by
   another id are the same batches; a participant is claimed once per round in the journal.
3. **Prolific's record is the truth**: before paying, what the study has paid in bonuses
   (``get-study-cost``) is compared with what this journal knows it paid; when Prolific shows more
   (another machine, journal or the web app), each payee's ``bonus_payments`` is read and those
   already paid a bonus the journal never sent are refused, unless a new round is named.
4. **The pay is never resent without evidence**: it is sent once (no retry on any answer), after
   its state is committed; an answer that may mean applied leaves the batch ``outcome unknown``,
   settled from Prolific's record (by this run at once, a rerun or ``reconcile``), resent only when
   the user names it once the settlement window has passed and the record still shows nothing.

A flow yields the calls it sends; the resource (:mod:`prolific.resources.bonuses`) drives it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from prolific_api_client.models import BulkBonus, CreateBonusPaymentsRequest, Project, Study, User, WorkspaceBalance
from prolific_api_client.operations.bonuses import CREATE_BONUS_PAYMENTS, PAY_BONUS_PAYMENTS
from prolific_api_client.operations.projects import GET_PROJECT
from prolific_api_client.operations.studies import GET_STUDY
from prolific_api_client.operations.users import GET_USER
from prolific_api_client.operations.workspaces import GET_WORKSPACE_BALANCE
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    BonusAlreadyPaidError,
    BonusCapError,
    BonusOutcomeUnknown,
    BonusPaymentError,
    InsufficientBalanceError,
    InvalidArgumentError,
)
from .._flow import Call, Flow, Pause
from .._retry import NEVER_RESEND
from ._batches import BATCH_SIZE, _bonuses, _cost, journal_batches, make_batches
from ._files import Bonus, BonusesInput, BonusList
from ._journal import (
    OUTCOME_UNKNOWN,
    PAID,
    PAY_SENT,
    SET_UP,
    SETTING_UP,
    BonusJournal,
    Payee,
)
from ._lease import Holder, this_process
from ._messages import (
    PYTHON,
    Advice,
    money,
    not_shown,
    outcome_unknown,
    refused,
    run_in_progress,
    shown_paid,
    stopped,
)
from ._record import Progress, extra_payments, map_rows, people_flow, records_flow, study_bonus_flow
from ._results import BonusBatch, BonusPayment, BonusPlan, _money, major_units

#: ``on_batch``: called with each batch once it is paid.
BatchCallback = Callable[[BonusBatch], object]
#: ``confirm``: called with the priced plan before anything is paid; False pays nothing.
Confirm = Callable[[BonusPlan], bool]
#: Seconds after a pay was sent during which Prolific's record may not show it yet: an hour.
#: Prolific pays "in the following minutes"; an hour is an order of magnitude more, so that a resend
#: (which pays twice if the first pay was applied) is allowed only when the record had ample time.
SETTLEMENT_WINDOW = 3600.0
#: Seconds between two looks at a study's lease when waiting for it.
LEASE_POLL = 2.0
_ROUND_MAX = 64


def _same(value: Any) -> Any:
    return value


# -- calls -----------------------------------------------------------------------------------------


def setup_call(study_id: str, batch: BonusBatch) -> Call[BulkBonus]:
    """The set-up of one batch (``create-bonus-payments``)."""
    body = CreateBonusPaymentsRequest(study_id=study_id, csv_bonuses=batch.csv_bonuses)
    return Call(CREATE_BONUS_PAYMENTS, {"body": body}, _bulk)


def _bulk(bulk: BulkBonus) -> BulkBonus:
    if not isinstance(bulk.id, str) or not bulk.id:
        raise ValueError("the set-up's answer has no bulk bonus id")
    return bulk


def pay_call(bulk_id: str) -> Call[Any]:
    """The payment of one set-up bulk bonus (``pay-bonus-payments``): NOT idempotent, never resent on any answer."""
    return Call(PAY_BONUS_PAYMENTS, {"id": bulk_id}, _same, retry_policy=NEVER_RESEND)


def may_have_paid(error: APIError) -> bool:
    """Whether a failed pay may have been applied: no answer, a 408/429/5xx (a gateway may answer them after the
    API paid), a 2xx of the wrong shape. Another 4xx is the API refusing it: certainly not applied."""
    if isinstance(error, APIConnectionError):
        return error.may_have_been_applied
    if isinstance(error, APIStatusError):
        return error.status_code in (408, 429) or error.status_code >= 500
    return True


def _priced(batch: BonusBatch, bulk: BulkBonus) -> BonusBatch:
    return replace(
        batch,
        bulk_id=bulk.id,
        amount=major_units(None if isinstance(bulk.amount, Unset) else bulk.amount),
        fees=major_units(None if isinstance(bulk.fees, Unset) else bulk.fees),
        vat=major_units(None if isinstance(bulk.vat, Unset) else bulk.vat),
        total=major_units(bulk.total_amount),
    )


def _workspace_flow(study: Study) -> Flow[tuple[str | None, str | None]]:
    """The study's workspace id (the study's project's workspace), or None and why it is not known."""
    direct = study.additional_properties.get("workspace") or study.additional_properties.get("workspace_id")
    if isinstance(direct, str) and direct:
        return direct, None
    if isinstance(study.project, Unset) or not study.project:
        return None, "the study names no project, so its workspace is not known"
    try:
        project: Project = yield Call(GET_PROJECT, {"project_id": study.project}, _same)
    except APIStatusError as error:
        return None, f"the study's project could not be read ({error})"
    if isinstance(project.workspace, Unset) or not project.workspace:
        return None, "the study's project names no workspace"
    return project.workspace, None


def _balance_flow(workspace_id: str) -> Flow[tuple[Decimal | None, str | None, str | None]]:
    """The workspace's available balance and currency, or None and why it could not be read."""
    try:
        balance: WorkspaceBalance = yield Call(GET_WORKSPACE_BALANCE, {"workspace_id": workspace_id}, _same)
    except APIStatusError as error:  # 403 (not an admin), 404, 501: said, not skipped silently
        return None, None, f"the balance of workspace {workspace_id} could not be read ({error})"
    available = None if isinstance(balance.available_balance, Unset) else balance.available_balance
    currency = None if isinstance(balance.currency_code, Unset) else balance.currency_code
    if available is None:
        return None, currency, f"the answer for workspace {workspace_id} has no available balance"
    return major_units(available), currency, None


def _currency_flow() -> Flow[str | None]:
    """The account's currency (``/api/v1/users/me/``), or None when it cannot be read."""
    try:
        user: User = yield Call(GET_USER, {}, _same)
    except APIStatusError:  # the set-ups worked with this token: the amounts are shown without a currency
        return None
    code = user.additional_properties.get("currency_code") or user.additional_properties.get("currency")
    return code if isinstance(code, str) and code else None


# -- arguments -------------------------------------------------------------------------------------


def check_round(round: object) -> str:
    """A round name: ``""`` (the default round) or a short name of printable characters."""
    if not isinstance(round, str):
        raise InvalidArgumentError(f"round must be a str (a name for a new round of bonuses), got {round!r}")
    name = round.strip()
    if round and (not name or len(name) > _ROUND_MAX or not name.isprintable() or name != round):
        raise InvalidArgumentError(
            f"round {round!r}: name a round with 1 to {_ROUND_MAX} printable characters, without spaces around"
        )
    return name


def check_cap(max_total: object) -> Decimal | None:
    """``max_total`` as a positive Decimal (major units), or None."""
    if max_total is None:
        return None
    if isinstance(max_total, bool) or not isinstance(max_total, Decimal | int | float | str):
        raise InvalidArgumentError(f"max_total must be an amount in major units (e.g. 250.00), got {max_total!r}")
    try:
        cap = Decimal(repr(max_total)) if isinstance(max_total, float) else Decimal(max_total)
    except InvalidOperation:
        raise InvalidArgumentError(f"max_total {max_total!r} is not an amount (e.g. 250.00)") from None
    if not cap.is_finite() or cap <= 0:
        raise InvalidArgumentError(f"max_total must be more than 0, got {max_total!r}")
    return cap


def _check_window(window: object) -> float:
    if isinstance(window, bool) or not isinstance(window, int | float) or window < 0 or window != window:
        raise InvalidArgumentError(f"settlement_window must be a number of seconds >= 0, got {window!r}")
    return float(window)


def _check_wait(wait: object) -> float | None:
    """Seconds to wait for the lease (0: not at all), None: as long as it takes."""
    if wait is True:
        return None
    if wait is False or wait is None:
        return 0.0
    if not isinstance(wait, int | float) or wait < 0 or wait != wait:
        raise InvalidArgumentError(f"wait_for_lease must be True, False or seconds >= 0, got {wait!r}")
    return float(wait)


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
            raise refused(error, batch, items, study_id, len(priced)) from error
        priced.append(_priced(batch, bulk))
    currency = yield from _currency_flow()
    return BonusPlan(study_id, tuple(priced), currency)


@dataclass
class _Run:
    """What one run knows: its study, round, journal and lease, the file, the study's people, the record."""

    study_id: str
    round: str
    journal: BonusJournal
    holder: Holder
    items: BonusList
    advice: Advice
    window: float
    clock: Callable[[], float]
    on_progress: Progress | None
    batches: list[BonusBatch] = field(default_factory=list)
    submission_of: dict[str, str] = field(default_factory=dict)
    #: Which rows the file named by submission id: all (True), none (False), or those lines.
    by_submission: bool | frozenset[int | None] = False
    #: Whether ``items`` was read by this run (not the caller's list): its rows may then be replaced in place.
    owns_items: bool = False
    #: participant -> the bonuses Prolific's record shows on them (cents), for those read.
    records: dict[str, list[int]] = field(default_factory=dict)
    #: participant -> the bonuses this journal sent them in this study (cents, every round).
    known: dict[str, list[int]] = field(default_factory=dict)
    settled: list[BonusBatch] = field(default_factory=list)
    record_note: str = ""

    def move(
        self, batch: BonusBatch, expect: Iterable[str], to: str, detail: str | None = None, **more: Any
    ) -> BonusBatch:
        """The batch moved to ``to`` in the journal (compare-and-set), or BonusPaymentError saying what is there."""
        moved = self.journal.transition(
            self.study_id, self.round, batch.fingerprint, expect=set(expect), to=to, holder=self.holder,
            bulk_id=batch.bulk_id, cost=_cost(batch), detail=detail, **more,
        )  # fmt: skip
        if not moved.moved:
            if moved.clashes:
                raise self.claimed_elsewhere(batch, moved.clashes)
            raise BonusPaymentError(
                f"{batch.describe()} is now {moved.found!r} in the journal {self.journal.path}, not "
                f"{' or '.join(sorted(expect))} as this run read it: another run is paying these bonuses (or took "
                "the study over); nothing more was sent by this run",
                study_id=self.study_id,
                paid=[b for b in self.batches if b.state == PAID],
                remaining=[b for b in self.batches if b.state != PAID],
            )
        new = replace(batch, state=to, detail=detail)
        self.batches[batch.number - 1] = new
        return new

    def claimed_elsewhere(self, batch: BonusBatch, clashes: Sequence[Payee]) -> BonusPaymentError:
        shown = "; ".join(
            f"{self.where(p.participant_id)}: {p.participant_id} (sent in another batch of this round)"
            for p in clashes[:10]
        )
        more = f" and {len(clashes) - 10} more" if len(clashes) > 10 else ""
        return BonusPaymentError(
            f"nothing more was paid: {len(clashes)} payees of {batch.describe()} were already sent a bonus in study "
            f"{self.study_id} by an earlier run with other rows (the journal {self.journal.path} says so): "
            f"{shown}{more}. Remove them from the file; to pay them a new bonus on purpose, name a new round: "
            f"{self.advice.new_round()}",
            study_id=self.study_id,
            paid=[b for b in self.batches if b.state == PAID],
            remaining=[b for b in self.batches if b.state != PAID],
            rejected={p.line or 0: p.participant_id for p in clashes},
        )

    def where(self, participant: str) -> str:
        """Where the file names ``participant`` (by either id), for messages."""
        for bonus in self.items:
            if bonus.id == participant:
                return self.items.where(bonus)
        return "not in this file"

    def file_id(self, bonus: Bonus) -> str:
        """The id the file gave for this participant's row (their submission id, or the participant id)."""
        named = self.by_submission
        by_submission = named if isinstance(named, bool) else bonus.line in named
        return self.submission_of.get(bonus.id, bonus.id) if by_submission else bonus.id

    def payees(self, batch: BonusBatch) -> list[Payee]:
        """The batch's payees as its pay claims them, each with the count of like bonuses known before."""
        out = []
        for bonus in batch.bonuses:
            cents = int(bonus.amount * 100)
            before = max(self.records.get(bonus.id, []).count(cents), self.known.get(bonus.id, []).count(cents))
            out.append(
                Payee(
                    self.study_id, self.round, bonus.id, self.submission_of.get(bonus.id), batch.fingerprint,
                    cents, bonus.line, before,
                )
            )  # fmt: skip
        return out

    def sent_at(self, batch: BonusBatch) -> float | None:
        entry = self.journal.batches(self.study_id, self.round).get(batch.fingerprint)
        if entry is None or entry.sent_at is None:
            return None
        return datetime.fromisoformat(entry.sent_at).timestamp()


def _lease_flow(run: _Run, wait: float | None, take_over: bool) -> Flow[None]:
    """Take the study's lease, waiting (polling with Pause steps) when asked; else BonusRunInProgress."""
    waited = 0.0
    while True:
        blocking = run.journal.acquire(run.study_id, run.holder, take_over=take_over)
        if blocking is None:
            return
        if wait is None or waited < wait:
            yield Pause(LEASE_POLL)
            waited += LEASE_POLL
            continue
        raise run_in_progress(run.study_id, blocking, run.journal, run.advice)


def _people_flow(run: _Run, study_id: str) -> Flow[list[Bonus]]:
    """The file's rows mapped to the study's participants (refused locally with their lines otherwise)."""
    wanted = {bonus.id: bonus.id for bonus in run.items}
    wanted.update((p.participant_id, p.participant_id) for p in run.journal.payees(study_id) if p.submission_id is None)
    people = yield from people_flow(study_id, wanted)
    del wanted
    run.journal.map_payees(study_id, people.pair)  # rows migrated from a version 1 journal named either id
    rows, run.submission_of, run.by_submission = map_rows(study_id, run.items, people, in_place=run.owns_items)
    run.items = rows
    del people
    for payee in run.journal.payees(study_id):
        run.known.setdefault(payee.participant_id, []).append(payee.cents)
        if payee.submission_id is not None:
            run.submission_of.setdefault(payee.participant_id, payee.submission_id)
    return rows


def _record_flow(run: _Run, fresh: Sequence[BonusBatch], doubt: Sequence[BonusBatch]) -> Flow[bool]:
    """Compare Prolific's record with the journal; read the payees it takes. Whether the fresh payees were read."""
    paid, doubtful = run.journal.known_cents(run.study_id)
    shown, why = yield from study_bonus_flow(run.study_id)
    compare_all = shown is None or shown > paid + doubtful
    wanted: dict[str, None] = {}
    for batch in doubt:
        for payee in run.journal.payees(run.study_id, run.round, batch.fingerprint):
            wanted.setdefault(payee.participant_id)
    if compare_all:
        for batch in fresh:
            for bonus in batch.bonuses:
                wanted.setdefault(bonus.id)
    readable = [p for p in wanted if p in run.submission_of]
    if readable:
        submissions = [run.submission_of[p] for p in readable]
        read = yield from records_flow(submissions, on_progress=run.on_progress)
        run.records.update((p, read[s]) for p, s in zip(readable, submissions, strict=True))
    if shown is None:
        run.record_note = f"the study's bonus cost could not be read ({why}): {len(readable)} payees' records read"
    elif compare_all:
        run.record_note = (
            f"Prolific's record shows {_money(money(shown), None)} paid in bonuses in this study, this journal "
            f"knows of {_money(money(paid + doubtful), None)}: {len(readable)} payees' records read"
        )
    else:
        run.record_note = "agrees" + (f" ({len(readable)} payees' records read to settle)" if readable else "")
    return compare_all


def _refuse_paid_elsewhere(run: _Run, fresh: Sequence[BonusBatch], currency: str | None) -> None:
    """Refuse the payees the record shows paid a bonus in this study that this journal never sent them."""
    found: list[tuple[int | None, str, tuple[Decimal, ...], Decimal]] = []
    for batch in fresh:
        for bonus in batch.bonuses:
            shown = run.records.get(bonus.id, [])
            if shown and extra_payments(shown, run.known.get(bonus.id, [])):
                found.append((bonus.line, bonus.id, tuple(money(v) for v in shown), bonus.amount))
    if found:
        found = [(line, run.file_id(Bonus(i, a, line)), paid, a) for line, i, paid, a in found]
    if not found:
        return
    listed = "; ".join(
        f"{run.items.where(Bonus(i, a, line))}: {i} — Prolific shows "
        f"{shown_paid([int(v * 100) for v in paid], currency)} paid, the file asks {_money(a, currency)}"
        for line, i, paid, a in found[:10]
    )
    more = f" and {len(found) - 10} more" if len(found) > 10 else ""
    raise BonusAlreadyPaidError(
        f"nothing was paid: Prolific's record shows {len(found)} of these payees already paid a bonus in study "
        f"{run.study_id} that this journal ({run.journal.path}) never sent — another machine, another journal or "
        f"the web app paid them, or the journal was lost: {listed}{more}. Remove them from the file; or, if this "
        f"is a new bonus for them on purpose, name a new round: {run.advice.new_round()}",
        study_id=run.study_id,
        payees=found,
        remaining=list(run.batches),
    )


#: What the record shows of a batch in doubt: all its payees paid, some, none.
SHOWN, PARTLY, NOT_SHOWN = "shown", "partly", "not shown"


def _settle(run: _Run, batch: BonusBatch, how: str) -> tuple[BonusBatch, str, str]:
    """Settle a batch in doubt from the record read: ``paid`` when it shows it; else it stays. Also what and why."""
    payees = run.journal.payees(run.study_id, run.round, batch.fingerprint)
    shows = [run.records[p.participant_id].count(p.cents) > p.prior for p in payees if p.participant_id in run.records]
    if payees and len(shows) == len(payees) and all(shows):
        moved = run.move(
            batch, {OUTCOME_UNKNOWN, PAY_SENT}, PAID, f"Prolific's record shows it paid (settled by {how})"
        )
        run.settled.append(moved)
        return moved, SHOWN, "Prolific's record shows it paid"
    if any(shows):
        return (
            batch,
            PARTLY,
            (
                f"Prolific's record shows {sum(shows)} of its {len(payees)} payees paid: still settling, or a partial "
                "payment; check the study's bonuses in the Prolific app"
            ),
        )
    return batch, NOT_SHOWN, not_shown(batch, run.sent_at(batch), run.window, run.clock())


def pay_flow(
    study_id: str,
    bonuses: BonusesInput,
    journal: BonusJournal,
    *,
    round: str = "",
    retry_unknown: Iterable[str] = (),
    confirm: Confirm | None = None,
    on_batch: BatchCallback | None = None,
    max_total: Decimal | int | str | None = None,
    wait_for_lease: bool | float = False,
    take_over: bool = False,
    settlement_window: float = SETTLEMENT_WINDOW,
    on_progress: Progress | None = None,
    advice: Advice = PYTHON,
    clock: Callable[[], float] = time.time,
) -> Flow[BonusPayment]:
    """Pay every batch of ``bonuses`` once; see :meth:`Bonuses.pay`."""
    study_id = check.require_id(study_id, "study_id", "study id")
    round = check_round(round)
    if isinstance(retry_unknown, str):
        raise InvalidArgumentError("retry_unknown must be a list of bulk ids, not a single str")
    retry = set(check.require_ids(retry_unknown, "retry_unknown", "bulk bonus id", allow_empty=True))
    cap = check_cap(max_total)
    wait = _check_wait(wait_for_lease)
    window = _check_window(settlement_window)
    run = _Run(study_id, round, journal, this_process(), _bonuses(bonuses), advice, window, clock, on_progress)
    run.owns_items = not isinstance(bonuses, BonusList)
    yield from _lease_flow(run, wait, take_over)
    try:
        return (yield from _pay(run, retry, confirm, on_batch, cap))
    finally:
        journal.release(study_id, run.holder)


def reconcile_flow(
    study_id: str,
    bonuses: BonusesInput,
    journal: BonusJournal,
    *,
    round: str = "",
    wait_for_lease: bool | float = False,
    settlement_window: float = SETTLEMENT_WINDOW,
    on_progress: Progress | None = None,
    advice: Advice = PYTHON,
    clock: Callable[[], float] = time.time,
) -> Flow[BonusPayment]:
    """Settle the batches in doubt from Prolific's record; pays nothing; see :meth:`Bonuses.reconcile`."""
    study_id = check.require_id(study_id, "study_id", "study id")
    round = check_round(round)
    wait = _check_wait(wait_for_lease)
    window = _check_window(settlement_window)
    run = _Run(study_id, round, journal, this_process(), _bonuses(bonuses), advice, window, clock, on_progress)
    run.owns_items = not isinstance(bonuses, BonusList)
    yield from _lease_flow(run, wait, False)
    try:
        yield Call(GET_STUDY, {"id": study_id}, _same)
        rows = yield from _people_flow(run, study_id)
        run.batches = journal_batches(journal, study_id, rows, round)
        _doubt_after_a_stopped_run(run)
        doubt = [b for b in run.batches if b.state == OUTCOME_UNKNOWN]
        yield from _record_flow(run, [], doubt)
        left = []
        for batch in doubt:
            batch, _, record = _settle(run, batch, "bonuses reconcile")
            if batch.state == OUTCOME_UNKNOWN:
                left.append((batch, record))
        plan = BonusPlan(study_id, tuple(run.batches), None, round=round)
        result = BonusPayment(
            plan, str(journal.path), skipped=tuple(b for b in run.batches if b.state == PAID and b not in run.settled),
            unknown=tuple(b for b, _ in left), settled=tuple(run.settled), record=run.record_note,
        )  # fmt: skip
        if left:
            raise outcome_unknown(study_id, left, journal, None, result, advice, run.items.source)
        return result
    finally:
        journal.release(study_id, run.holder)


def _doubt_after_a_stopped_run(run: _Run) -> None:
    """A pay sent by a run that is gone (this run holds the lease now): its outcome is unknown."""
    for batch in list(run.batches):
        if batch.state == PAY_SENT:
            run.move(batch, {PAY_SENT}, OUTCOME_UNKNOWN, "the run that sent the pay request stopped before its answer")


def _pay(
    run: _Run, retry: set[str], confirm: Confirm | None, on_batch: BatchCallback | None, cap: Decimal | None
) -> Flow[BonusPayment]:
    study_id, journal, advice = run.study_id, run.journal, run.advice
    study: Study = yield Call(GET_STUDY, {"id": study_id}, _same)  # the study exists (else NotFoundError)
    rows = yield from _people_flow(run, study_id)
    run.batches = journal_batches(journal, study_id, rows, run.round)
    _doubt_after_a_stopped_run(run)
    in_doubt = {b.bulk_id for b in run.batches if b.state == OUTCOME_UNKNOWN}
    strangers = sorted(retry - in_doubt)
    if strangers:
        listed = ", ".join(sorted(i for i in in_doubt if i)) or "none"
        raise InvalidArgumentError(
            f"{advice.retry_option()}: {', '.join(strangers)} is not a batch of these bonuses whose outcome is "
            f"unknown (those are: {listed}); nothing was sent"
        )
    _claimed_by_other_batches(run)

    # Prolific's record, before anything is set up: settle what is in doubt, refuse what was paid elsewhere.
    fresh = [b for b in run.batches if b.state in (None, SETTING_UP, SET_UP)]
    doubt = [b for b in run.batches if b.state == OUTCOME_UNKNOWN]
    compared = yield from _record_flow(run, fresh, doubt)
    if compared and not run.round:
        _refuse_paid_elsewhere(run, fresh, None)
    unsettled: dict[str, tuple[str, str]] = {}
    for batch in doubt:
        batch, shown, record = _settle(run, batch, "a rerun")
        if batch.state == OUTCOME_UNKNOWN:
            unsettled[batch.fingerprint] = (shown, record)
    resend = []
    for batch in run.batches:
        if batch.state != OUTCOME_UNKNOWN or batch.bulk_id not in retry:
            continue
        sent = run.sent_at(batch)
        shown, why = unsettled[batch.fingerprint]
        if shown != NOT_SHOWN or (sent is not None and run.clock() < sent + run.window):
            raise BonusOutcomeUnknown(
                f"not resent: {batch.describe()} (bulk {batch.bulk_id}): {why}. Resending now could pay its "
                f"participants twice. {advice.rerun()} or {advice.reconcile(study_id, run.items.source)} later; "
                f"the window is {run.window / 60:.0f} minutes ({advice.window()}); or record what the Prolific app "
                f"shows: {advice.settle(str(batch.bulk_id))}. Nothing was sent",
                study_id=study_id,
                batches=[batch],
            )
        resend.append(batch)

    # Every batch is set up before any is paid: a refused id stops the run with nothing paid.
    for index, batch in enumerate(run.batches):
        if batch.state not in (None, SETTING_UP):
            continue
        if batch.state is None:
            if not journal.insert_batch(
                study_id, run.round, batch.fingerprint, position=batch.number, csv_bonuses=batch.csv_bonuses,
                holder=run.holder,
            ):  # fmt: skip
                batch = run.move(batch, {SETTING_UP}, SETTING_UP)  # there already (or the lease lost): says which
            batch = replace(batch, state=SETTING_UP)
            run.batches[index] = batch
        try:
            bulk = yield setup_call(study_id, batch)
        except APIError as error:
            run.move(batch, {SETTING_UP}, SETTING_UP, str(error))
            done = sum(1 for b in run.batches if b.bulk_id)
            raise refused(error, batch, run.items, study_id, done) from error
        run.move(_priced(batch, bulk), {SETTING_UP}, SET_UP)

    currency = yield from _currency_flow()
    to_pay = [b for b in run.batches if b.state == SET_UP] + resend
    to_pay.sort(key=lambda b: b.number)
    available = balance_currency = reason = None
    if to_pay:
        workspace_id, reason = yield from _workspace_flow(study)
        if workspace_id is not None:
            available, balance_currency, reason = yield from _balance_flow(workspace_id)
    currency = currency or balance_currency
    due = sum((b.total or Decimal(0) for b in to_pay), Decimal(0))
    plan = BonusPlan(
        study_id, tuple(run.batches), currency, balance=available, balance_checked=available is not None,
        balance_reason=None if available is not None else reason, round=run.round,
    )  # fmt: skip
    if cap is not None and due > cap:
        raise BonusCapError(
            f"nothing was paid: these bonuses cost {_money(due, currency)} ({len(to_pay)} batches, fees and VAT "
            f"included), above max_total {_money(cap, currency)}. Raise the cap if that is meant, or pay fewer",
            total=due,
            cap=cap,
            currency=currency,
        )
    if available is not None and available < due:
        raise InsufficientBalanceError(
            f"nothing was paid: the workspace has {_money(available, currency)} available, below the "
            f"{_money(due, currency)} these bonuses cost ({len(to_pay)} batches, fees and VAT included). Top up the "
            f"workspace's balance, then {advice.rerun()} (the batches set up are reused)",
            balance=available,
            total=due,
            currency=currency,
        )
    skipped = tuple(b for b in run.batches if b.state == PAID and b not in run.settled)
    if to_pay and confirm is not None and not confirm(plan):
        return BonusPayment(
            plan, str(journal.path), skipped=skipped, cancelled=True, settled=tuple(run.settled), record=run.record_note
        )

    paid: list[BonusBatch] = []

    def result(unknown: Sequence[BonusBatch] = ()) -> BonusPayment:
        return BonusPayment(
            replace(plan, batches=tuple(run.batches)), str(journal.path), tuple(paid), skipped, tuple(unknown),
            settled=tuple(run.settled), record=run.record_note,
        )  # fmt: skip

    for batch in to_pay:
        # Committed (with its payees claimed) before the request leaves, and only from the state this run read.
        claim = run.payees(batch)
        batch = run.move(batch, {batch.state or SET_UP}, PAY_SENT, claim=claim)
        try:
            yield pay_call(batch.bulk_id or "")
        except APIError as error:
            if not may_have_paid(error):
                run.move(batch, {PAY_SENT}, SET_UP, str(error))
                raise stopped(study_id, run.batches, journal, error, advice) from error
            batch = run.move(batch, {PAY_SENT}, OUTCOME_UNKNOWN, str(error))
            # The answer may have come after the payment (a gateway's 429 or 503): the record may show it already.
            readable = [p for p in batch.ids if p in run.submission_of]
            read = yield from records_flow([run.submission_of[p] for p in readable])
            run.records.update((p, read[run.submission_of[p]]) for p in readable)
            batch, _, record = _settle(run, batch, "this run, from the record after the answer was lost")
            if batch.state != PAID:
                unknown = [
                    (b, unsettled.get(b.fingerprint, ("", ""))[1]) for b in run.batches if b.state == OUTCOME_UNKNOWN
                ]
                unknown = [(b, record if b.fingerprint == batch.fingerprint else r) for b, r in unknown]
                raise outcome_unknown(
                    study_id, unknown, journal, currency, result([b for b, _ in unknown]), advice, run.items.source
                ) from error
            paid.append(batch)
            if on_batch is not None:
                on_batch(batch)
            continue
        batch = run.move(batch, {PAY_SENT}, PAID)
        paid.append(batch)
        if on_batch is not None:
            on_batch(batch)
    left = [(b, unsettled.get(b.fingerprint, ("", ""))[1]) for b in run.batches if b.state == OUTCOME_UNKNOWN]
    if left:
        raise outcome_unknown(study_id, left, journal, currency, result([b for b, _ in left]), advice, run.items.source)
    return result()


def _claimed_by_other_batches(run: _Run) -> None:
    """Refuse rows whose participant another batch of this round already sent for payment (a changed file)."""
    mine = {b.fingerprint for b in run.batches}
    claimed = {p.participant_id: p for p in run.journal.payees(run.study_id, run.round) if p.fingerprint not in mine}
    clashes = [
        claimed[bonus.id]
        for batch in run.batches
        if batch.state is None or batch.state in (SETTING_UP, SET_UP)
        for bonus in batch.bonuses
        if bonus.id in claimed
    ]
    if not clashes:
        return
    entries = run.journal.batches(run.study_id, run.round)

    def sent(payee: Payee) -> str:
        entry = entries.get(payee.fingerprint)
        return "sent" if entry is None else f"{entry.state}, bulk {entry.bulk_id}"

    shown = "; ".join(f"{run.where(p.participant_id)}: {p.participant_id} ({sent(p)})" for p in clashes[:10])
    more = f" and {len(clashes) - 10} more" if len(clashes) > 10 else ""
    raise BonusPaymentError(
        f"nothing was paid: {len(clashes)} of these payees were already sent for payment in study {run.study_id} by "
        f"an earlier run with other rows (the journal {run.journal.path} says so): {shown}{more}. Remove them from "
        f"the file; to pay them a new bonus on purpose, name a new round: {run.advice.new_round()}",
        study_id=run.study_id,
        paid=[],
        remaining=list(run.batches),
        rejected={p.line or 0: p.participant_id for p in clashes},
    )


def settle_by_hand(
    journal: BonusJournal, bulk_id: str, *, paid: bool, by: str | None = None, advice: Advice = PYTHON
) -> BonusBatch:
    """Record what the user checked in the Prolific app for a batch in doubt; see :meth:`Bonuses.settle`.

    Takes the batch's study's lease for the moment of the write (refused while a run holds it), and
    moves the batch from ``outcome unknown`` (or ``pay sent`` left by a run that is gone) to
    ``paid``, or back to ``set up`` (``paid=False``: the next run pays it), with who and when.
    """
    bulk_id = check.require_id(bulk_id, "bulk_id", "bulk bonus id")
    if not isinstance(paid, bool):
        raise InvalidArgumentError(f"paid must be True or False (what the Prolific app shows), got {paid!r}")
    who = by if by is not None else _who()
    if not isinstance(who, str) or not who.strip():
        raise InvalidArgumentError("by must name who checked (e.g. an email address)")
    entry = journal.by_bulk_id(bulk_id)
    if entry is None:
        raise InvalidArgumentError(f"bulk bonus {bulk_id} is not in the journal {journal.path}; nothing was changed")
    holder = this_process()
    blocking = journal.acquire(entry.study_id, holder)
    if blocking is not None:
        raise run_in_progress(entry.study_id, blocking, journal, advice)
    try:
        entry = journal.by_bulk_id(bulk_id) or entry
        if entry.state not in (OUTCOME_UNKNOWN, PAY_SENT):
            raise InvalidArgumentError(
                f"bulk bonus {bulk_id} is {entry.state!r} in the journal {journal.path}, not 'outcome unknown': only "
                "a batch whose outcome is unknown is settled by hand; nothing was changed"
            )
        to = PAID if paid else SET_UP
        detail = f"settled by hand: {'paid' if paid else 'not paid'}, as {who.strip()} checked in the Prolific app"
        moved = journal.transition(
            entry.study_id, entry.round, entry.fingerprint, expect={entry.state}, to=to, holder=holder,
            detail=detail, by=who.strip(),
        )  # fmt: skip
        if not moved.moved:
            raise InvalidArgumentError(f"bulk bonus {bulk_id} is now {moved.found!r}: nothing was changed")
    finally:
        journal.release(entry.study_id, holder)
    settled = journal.by_bulk_id(bulk_id) or entry
    bonuses = tuple(
        Bonus(i, Decimal(a), n) for n, (i, _, a) in enumerate((line.partition(",") for line in settled.ids_lines()), 1)
    )
    return BonusBatch(
        settled.position, bonuses, settled.csv_bonuses, settled.fingerprint, settled.bulk_id, settled.state,
        detail=settled.detail,
    )  # fmt: skip


def _who() -> str:
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown user"
    return f"{user}@{socket.gethostname()}"
