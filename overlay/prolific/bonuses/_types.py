"""The bonus types: ``Bonus`` (one line of a bonus file) and ``BonusList`` (checked, remembering where from).

A leaf of the package: it imports nothing of it, so the result types and the errors
(``BonusPaymentError.paid``, through :mod:`prolific.bonuses._results`) can name these types.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple, TypeAlias

__all__ = ["Bonus", "BonusList", "BonusesInput"]


class Bonus(NamedTuple):
    """One bonus: the participant or submission ``id``, the ``amount`` (``Decimal``, major units), its ``line``.

    ``line`` is the line of the file it was read from (or its item number for pairs and mappings).

    >>> Bonus("5e9b9c9b0f9c9a0001b0b1f4", Decimal("2.25"))
    Bonus(id='5e9b9c9b0f9c9a0001b0b1f4', amount=Decimal('2.25'), line=None)
    """

    id: str
    amount: Decimal
    line: int | None = None


class BonusList(list[Bonus]):
    """The validated bonuses, in input order, remembering the ``source`` they were read from (or None)."""

    __slots__ = ("source", "unit")

    def __init__(self, items: Iterable[Bonus] = (), *, source: str | None = None, unit: str = "line") -> None:
        super().__init__(items)
        #: The file (or e.g. ``"<stdin>"``) the bonuses were read from, if known.
        self.source = source
        #: What ``Bonus.line`` counts: ``"line"`` (of a text) or ``"item"`` (of pairs, a mapping).
        self.unit = unit

    def where(self, bonus: Bonus) -> str:
        """``"bonuses.csv, line 7"``: where a bonus came from, for messages."""
        unit = self.unit
        parts = [p for p in (self.source, f"{unit} {bonus.line}" if bonus.line is not None else None) if p]
        return ", ".join(parts) or "the input"


BonusesInput: TypeAlias = (
    "str | os.PathLike[str] | Iterable[Bonus] | Iterable[tuple[str, Decimal | str | int | float]] | "
    "Mapping[str, Decimal | str | int | float]"
)
