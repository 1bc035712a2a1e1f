"""The result types of paying bonuses (``BonusBatch``, ``BonusPlan``, ``BonusPayment``) and their money.

The API answers amounts in cents (pence); they become ``Decimal`` major units in one place,
:func:`major_units`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from prolific_api_client.types import Unset

from ._types import Bonus

_CENT = Decimal("0.01")


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

    ``count`` bonuses; ``total`` (what the workspace pays), always there: every batch of a plan is
    set up, and Prolific prices each set-up (``BulkBonus.total_amount``, a required field);
    ``amount`` (what participants get), ``fees`` and ``vat`` as the API priced them (None when it
    left one out: the document does not require them); ``currency`` is the account's (from
    ``/api/v1/users/me/``), when known. Nothing is paid by setting up. When paying,
    ``balance_checked`` says whether the workspace's balance was read (``balance``), and
    ``balance_reason`` why not.
    """

    study_id: str
    batches: tuple[BonusBatch, ...]
    currency: str | None = None
    #: The workspace's available balance (major units) when it was read, else None.
    balance: Decimal | None = None
    #: Whether the balance was read and compared with what is to be paid.
    balance_checked: bool = False
    #: Why the balance was not checked (None when it was): e.g. ``403 Forbidden on GET …``.
    balance_reason: str | None = None
    #: The round of these bonuses: ``""`` by default, a name for a new bonus to the same people on purpose.
    round: str = ""

    def __post_init__(self) -> None:
        # A plan is made of set-up batches only; one without a price would make ``total`` wrong.
        for batch in self.batches:
            if batch.total is None:
                raise ValueError(
                    f"{batch.describe(self.currency)} has no total cost: a bonus plan holds set-up batches, each "
                    "priced by Prolific's answer (total_amount); nothing was paid"
                )

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
    def total(self) -> Decimal:
        """What leaves the workspace's balance, fees and VAT included (every batch is priced)."""
        return sum((batch.total for batch in self.batches if batch.total is not None), Decimal(0))

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
    ``settled``: batches whose unknown outcome this run settled from Prolific's record (now
    ``paid``, never resent); ``cancelled``: the ``confirm`` callback said no (nothing was paid);
    ``journal``: its path; ``record``: how Prolific's record was compared with the journal
    (``"agrees"``: the study's bonus cost was read, 1 request; else how many payees were read).
    """

    plan: BonusPlan
    journal: str
    paid: tuple[BonusBatch, ...] = ()
    skipped: tuple[BonusBatch, ...] = ()
    unknown: tuple[BonusBatch, ...] = ()
    cancelled: bool = False
    settled: tuple[BonusBatch, ...] = ()
    record: str = ""

    @property
    def study_id(self) -> str:
        """The study the bonuses are for."""
        return self.plan.study_id

    @property
    def total_paid(self) -> Decimal:
        """The total (cost included) of the batches paid by this run, major units."""
        return sum((batch.total or Decimal(0) for batch in self.paid), Decimal(0))
