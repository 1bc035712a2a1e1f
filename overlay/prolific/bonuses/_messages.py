"""The messages of a payment that stopped: a refused set-up, a pay that may have been applied, a failed pay.

Each says what was paid, what was not, and how to resume; they are built here so the flow
(:mod:`prolific.bonuses._flows`) reads as the steps it takes.
"""

from __future__ import annotations

from .._errors import APIError, BonusOutcomeUnknown, BonusPaymentError
from ._files import BonusList
from ._journal import PAID, BonusJournal
from ._results import BonusBatch, BonusPayment


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
