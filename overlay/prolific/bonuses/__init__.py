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

**The journal** (a SQLite file) records each batch's state before each request is sent, so a
rerun resumes where the last one stopped and a pay that may have been applied is never resent on
its own (:class:`~prolific.BonusOutcomeUnknown`); ``client.bonuses.status`` reads it offline.

The modules: ``_types`` (``Bonus``, ``BonusList``), ``_files`` (reading and checking a file),
``_results`` (the result types, money), ``_journal`` (the journal), ``_batches`` (batches and what
the journal says of them), ``_flows`` (the requests of ``preview`` and ``pay``) and ``_messages``
(what a stopped payment says). The result types load on first use, with the generated package.

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
