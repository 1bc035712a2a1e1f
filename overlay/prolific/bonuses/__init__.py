"""Bonuses: read a bonus file, set it up in batches, and pay each batch exactly once.

**A bonus file** has one ``<participant or submission id>,<amount>`` line per bonus, the amount
in the study's currency in major units (``1.50`` pays £1.50). :func:`read_bonuses` reads it (or
CSV text, ``(id, amount)`` pairs, an ``{id: amount}`` mapping) and refuses it with every problem
at once (:class:`~prolific.BonusFormatError`); it sends nothing, and loads neither httpx nor the
generated package.

**Two calls** pay bonuses: ``create-bonus-payments`` sets up a bulk bonus (at most 200 ids a
request recommended) and answers its cost in cents; ``pay-bonus-payments`` pays it, and is not
idempotent. ``client.bonuses.preview`` sets up every batch and returns a :class:`BonusPlan`
(nothing paid); ``client.bonuses.pay`` pays and returns a :class:`BonusPayment`.

**Exactly once, as Prolific records it**: ``pay`` maps every row to the study's participant,
compares Prolific's record of the study's bonuses with its journal (and reads the payees' records
when Prolific shows more), holds the study's lease in the journal while it runs, and never resends a
pay on its own: an answer that may mean applied is settled from Prolific's record
(:class:`~prolific.BonusOutcomeUnknown` until it shows). **The journal** (a SQLite file) records
each batch's state before each request is sent, every change a compare-and-set;
``client.bonuses.status`` reads it offline, ``reconcile`` settles from the record, ``settle``
records what the user checked in the app.

The modules: ``_types`` (``Bonus``, ``BonusList``), ``_files`` (reading and checking a file),
``_results`` (the result types, money), ``_journal`` (the journal), ``_lease`` (who holds a study),
``_batches`` (batches and what the journal says of them), ``_record`` (the study's people and
Prolific's record of payments), ``_flows`` (the requests of ``preview``, ``pay`` and ``reconcile``)
and ``_messages`` (what a stopped payment says, and its advice). The result types load on first
use, with the generated package.

>>> bonuses = read_bonuses("participant_id,amount\\n5e9b9c9b0f9c9a0001b0b1f4,1.5\\n")
>>> bonuses_to_csv(bonuses)
'5e9b9c9b0f9c9a0001b0b1f4,1.50'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_loader
from ._files import Bonus, BonusAmountWarning, BonusesInput, BonusList, bonuses_to_csv, read_bonuses

if TYPE_CHECKING:
    from ._results import BonusBatch, BonusPayment, BonusPlan, major_units

# These import the generated package (``prolific_api_client``): loaded when first asked for, so
# that reading a bonus file (``prolific-client bonuses check``) stays free of httpx.
_LAZY = {
    "BonusBatch": "._results",
    "BonusPayment": "._results",
    "BonusPlan": "._results",
    "major_units": "._results",
}


__getattr__ = lazy_loader(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Bonus",
    "BonusAmountWarning",
    "BonusBatch",
    "BonusList",
    "BonusPayment",
    "BonusPlan",
    "BonusesInput",
    "bonuses_to_csv",
    "major_units",
    "read_bonuses",
]
