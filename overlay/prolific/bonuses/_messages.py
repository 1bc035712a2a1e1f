"""The messages of a payment that stopped or was refused, and the advice they give (Python or command line).

Each says what was paid, what was not, and what to do next. The advice comes from an
:class:`Advice`: the library's names their arguments (``retry_unknown=[...]``), the command line's
give a whole command that works as printed (``prolific-client bonuses pay … --retry-unknown …``).
They are built here so the flow (:mod:`prolific.bonuses._flows`) reads as the steps it takes.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from .._errors import APIError, BonusOutcomeUnknown, BonusPaymentError, BonusRunInProgress
from ._files import BonusList
from ._journal import PAID, BonusJournal, Lease
from ._results import BonusBatch, BonusPayment, _money


@dataclass(frozen=True)
class Advice:
    """How messages say what to do: Python arguments (the default) or command lines.

    ``command``: the ``bonuses pay`` command of this run as words (no token), for the command
    line's advice; ``journal``: the journal path to name in the other commands.
    """

    command: tuple[str, ...] = ()
    journal: str | None = None

    @property
    def cli(self) -> bool:
        """Whether the advice is for the command line."""
        return bool(self.command)

    def _run(self, *extra: str) -> str:
        return f"`{shlex.join([*self.command, *extra])}`"

    def _other(self, action: str, *words: str) -> str:
        journal = ("--journal", self.journal) if self.journal else ()
        return f"`{shlex.join([self.command[0], 'bonuses', action, *words, *journal])}`"

    def rerun(self) -> str:
        """Running the same payment again."""
        return f"run the same command again ({self._run()})" if self.cli else "run the same payment again"

    def retry_unknown(self, bulk_ids: Sequence[str]) -> str:
        """Resending batches whose outcome is unknown."""
        if self.cli:
            flags = [word for bulk in bulk_ids for word in ("--retry-unknown", bulk)]
            return self._run(*flags)
        return f"retry_unknown=[{', '.join(repr(b) for b in bulk_ids)}]"

    def retry_option(self) -> str:
        """The name of the option that resends batches whose outcome is unknown."""
        return "--retry-unknown" if self.cli else "retry_unknown"

    def new_round(self) -> str:
        """Paying the same people a new bonus on purpose."""
        return "--new-round NAME (e.g. --new-round 2)" if self.cli else 'round="<name>" (e.g. round="2")'

    def take_over(self) -> str:
        """Taking a study's lease over deliberately."""
        return self._run("--take-over") if self.cli else "take_over=True"

    def wait(self) -> str:
        """Waiting for the lease."""
        return self._run("--wait") if self.cli else "wait_for_lease=True (or a number of seconds)"

    def reconcile(self, study_id: str, source: str | None) -> str:
        """Settling unknown outcomes from Prolific's record, without paying anything."""
        if self.cli:
            return self._other("reconcile", study_id, source or "FILE")
        return "client.bonuses.reconcile(study_id, bonuses, journal=...)"

    def settle(self, bulk_id: str) -> str:
        """Recording by hand what the user checked in the app."""
        if self.cli:
            return f"{self._other('settle', bulk_id, '--paid')} or {self._other('settle', bulk_id, '--not-paid')}"
        return f"client.bonuses.settle({bulk_id!r}, paid=True or False, journal=...)"

    def window(self) -> str:
        """Changing the settlement window."""
        return "--settlement-window MINUTES" if self.cli else "settlement_window= (seconds)"


PYTHON = Advice()


def refused(error: APIError, batch: BonusBatch, items: BonusList, study_id: str, done: int) -> BonusPaymentError:
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


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def outcome_unknown(
    study_id: str,
    unknown: list[tuple[BonusBatch, str]],
    journal: BonusJournal,
    currency: str | None,
    result: BonusPayment,
    advice: Advice,
    source: str | None,
) -> BonusOutcomeUnknown:
    """Batches whose pay may or may not have been applied, each with what Prolific's record says of it."""
    described = []
    for batch, record in unknown:
        ids = ", ".join(batch.ids[:3]) + (f" and {batch.count - 3} more" if batch.count > 3 else "")
        described.append(
            f"bulk bonus {batch.bulk_id}: {batch.describe(currency)}, ids {ids} — outcome unknown "
            f"({batch.detail or 'its pay request was sent, no answer recorded'}); {record}"
        )
    bulk_ids = [str(b.bulk_id) for b, _ in unknown]
    paid_now = f"{len(result.paid)} batches paid in this run; " if result.paid else ""
    count = len(unknown)
    return BonusOutcomeUnknown(
        f"{paid_now}the payment of {count} batch{'es' if count != 1 else ''} may or may not have been made, and is "
        "NOT sent again on its own (paying twice would pay the participants twice): "
        + "; ".join(described)
        + ". Prolific pays in the following minutes: "
        + f"{advice.rerun()} or {advice.reconcile(study_id, source)} later, and each batch is settled from "
        + "Prolific's record once it shows the payment (the other batches resume as usual). If nothing shows after "
        + f"the settlement window, resend deliberately: {advice.retry_unknown(bulk_ids)} (it reads the record "
        + "first); or, after checking the study's bonuses in the Prolific app, record what you saw: "
        + f"{advice.settle(bulk_ids[0])}. Journal: {journal.path}",
        study_id=study_id,
        batches=[b for b, _ in unknown],
        result=result,
    )


def not_shown(batch: BonusBatch, sent: float | None, window: float, now: float) -> str:
    """What the record says of a batch that it does not show: still within the window, or past it."""
    if sent is None:
        return "Prolific's record does not show it paid"
    until = sent + window
    if now < until:
        return f"Prolific's record does not show it paid yet: it may still be settling until {_iso(until)}"
    return f"Prolific's record still does not show it paid, {(now - sent) / 60:.0f} minutes after it was sent"


def stopped(
    study_id: str, batches: list[BonusBatch], journal: BonusJournal, error: APIError, advice: Advice
) -> BonusPaymentError:
    """A pay refused by the API (certainly not applied): what is paid, and how to resume."""
    paid = [b for b in batches if b.state == PAID]
    remaining = [b for b in batches if b.state != PAID]
    return BonusPaymentError(
        f"paying bonuses for study {study_id} stopped: {error}. The failed pay request was certainly not applied. "
        f"{len(paid)} of {len(batches)} batches are paid; {advice.rerun()} to pay the other "
        f"{len(remaining)} (paid batches are skipped; journal: {journal.path})",
        study_id=study_id,
        paid=paid,
        remaining=remaining,
    )


def run_in_progress(study_id: str, lease: Lease, journal: BonusJournal, advice: Advice) -> BonusRunInProgress:
    """Another run holds the study: who, since when, and how to wait or take over."""
    holder = lease.holder
    started = None if holder.started is None else datetime.fromtimestamp(holder.started, UTC).isoformat()
    from ._lease import this_process

    here = holder.host == this_process().host
    how = (
        f"Its session is connected to the database server, so it is running: wait for it ({advice.wait()}), or "
        "stop it first. The server frees its lease when it ends, or within about a minute of its machine going "
        "away: no take-over is needed, and none is possible while it is connected."
        if lease.connected
        else f"It is still running on this host: wait for it ({advice.wait()}), or stop it first."
        if here
        else f"It runs on another host, so it is never presumed stopped: wait for it ({advice.wait()}); once you "
        f"are sure it has stopped (its machine is off, the command was interrupted), take the lease over: "
        f"{advice.take_over()}."
    )
    return BonusRunInProgress(
        f"another run is paying the bonuses of study {study_id} with the journal {journal.path}: "
        f"{holder.describe()}, holding it since {lease.started_at} (last seen {lease.heartbeat_at}). Nothing was "
        f"sent by this run. {how}",
        study_id=study_id,
        host=holder.host,
        pid=holder.pid,
        started=started,
        since=lease.started_at,
        seen=lease.heartbeat_at,
        journal=str(journal.path),
    )


def money(cents: int | float) -> Decimal:
    """Cents as ``Decimal`` major units (``150`` → ``Decimal('1.50')``)."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def shown_paid(values: Sequence[int], currency: str | None) -> str:
    """``GBP 1.50 + GBP 2.00`` (each bonus the record shows), or ``nothing``."""
    return " + ".join(_money(money(v), currency) for v in values) or "nothing"
