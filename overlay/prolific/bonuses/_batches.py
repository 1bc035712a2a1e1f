"""Bonuses in batches, and each batch as the journal has it: ``make_batches``, ``journal_batches``, ``status``.

A batch is found again in the journal (:mod:`prolific.bonuses._journal`) by its fingerprint, so a
rerun with the same rows resumes where the last one stopped. Nothing here sends a request.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from .. import _validation as check
from .._errors import InvalidArgumentError
from .._store._url import StateURL
from ._files import Bonus, BonusesInput, BonusList, bonuses_to_csv, read_bonuses
from ._journal import BonusJournal, JournalEntry
from ._results import BonusBatch

#: Ids per bulk bonus: Prolific recommends at most 200 participant or submission ids a request.
BATCH_SIZE = 200


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


def journal_batches(
    journal: BonusJournal, study_id: str, bonuses: Sequence[Bonus], round: str = ""
) -> list[BonusBatch]:
    """The batches of ``bonuses`` as the journal has them in ``round`` (state None: never seen). Sends nothing."""
    entries = journal.batches(study_id, round)
    return [_from_entry(batch, entries.get(batch.fingerprint)) for batch in make_batches(study_id, bonuses)]


def status(
    study_id: str, bonuses: BonusesInput, *, journal: str | os.PathLike[str] | StateURL, round: str = ""
) -> list[BonusBatch]:
    """What the journal at ``journal`` says of each batch of ``bonuses`` for ``study_id`` (offline).

    The journal keys batches by participant: a file of submission ids is matched through the
    payees the journal has recorded (the batches sent for payment), offline.

    >>> status("6540...", Path("bonuses.csv"), journal="bonuses.sqlite3")  # doctest: +SKIP
    [BonusBatch(number=1, ..., state='paid', ...), ...]
    """
    study_id = check.require_id(study_id, "study_id", "study id")
    items = _bonuses(bonuses)
    with BonusJournal(journal) as opened:
        known = {p.submission_id: p.participant_id for p in opened.payees(study_id) if p.submission_id}
        rows = [b if b.id not in known else Bonus(known[b.id], b.amount, b.line) for b in items]
        return journal_batches(opened, study_id, rows, round)


def _bonuses(bonuses: BonusesInput) -> BonusList:
    return bonuses if isinstance(bonuses, BonusList) else read_bonuses(bonuses)
