"""``BonusPlan.total`` is always there: every batch of a plan is set up and priced by Prolific."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prolific.bonuses import Bonus, BonusBatch, BonusPlan

ID = "5e9b9c9b0f9c9a0001b0b1f4"


def _batch(number: int, *, total: str | None, amount: str | None = "1.50") -> BonusBatch:
    return BonusBatch(
        number,
        (Bonus(ID, Decimal("1.50"), number + 1),),
        f"{ID},1.50",
        f"fingerprint-{number}",
        bulk_id=f"bulk-{number}",
        state="set up",
        amount=None if amount is None else Decimal(amount),
        total=None if total is None else Decimal(total),
    )


def test_the_total_is_a_decimal_and_an_amount_the_api_left_out_stays_unknown() -> None:
    plan = BonusPlan("s", (_batch(1, total="2.10"), _batch(2, total="2.10", amount=None)), "GBP")
    total: Decimal = plan.total  # typed Decimal, not Decimal | None
    assert total == Decimal("4.20")
    assert plan.amount is None  # not required in the set-up's answer: unknown, not guessed
    assert plan.summary().endswith("total GBP 4.20")


def test_a_plan_of_a_batch_without_a_price_is_refused_naming_the_batch() -> None:
    with pytest.raises(ValueError, match=r"batch 2 \(lines 3-3, 1 bonuses, 1\.50, bulk bulk-2\) has no total cost"):
        BonusPlan("s", (_batch(1, total="2.10"), _batch(2, total=None)))
