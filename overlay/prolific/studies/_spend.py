"""The one spend check of a study: what an action would cost against the cap and the workspace's balance.

``studies plan`` shows it, ``publish`` and ``add_places`` act on it; all three build it here
(:func:`assess`) and nowhere else, so the plan says exactly what ``publish`` would refuse:

* the cap (:func:`resolve_cap`): ``max_spend`` (``--max-spend``) when given, else the configured
  ``studies.max_spend`` (the config file's profile or ``$PROLIFIC_STUDIES_MAX_SPEND``, through
  :class:`~prolific.Settings`), else none. An explicit cap is always written with its currency
  (:func:`parse_amount`: ``"£250"``, ``"250 GBP"``, or a ``Decimal`` of major units); the
  configured one is major units of the workspace's currency, as the config file states;
* the cost: Prolific's price of the places (``calculate-study-cost``: reward × places, fees and
  VAT), and the workspace's available balance (``get-workspace-balance``), both in cents on the
  wire and ``Decimal`` major units in the :class:`~prolific.studies.SpendCheck`;
* :func:`refuse`: over the cap → :class:`~prolific.SpendLimitError`, over the balance →
  :class:`~prolific.InsufficientBalanceError`, each raised before any request that spends.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from .._errors import InsufficientBalanceError, InvalidArgumentError, SpendLimitError
from ..bonuses._results import major_units
from ._results import SpendCheck

if TYPE_CHECKING:
    from .._settings import Settings

__all__ = ["NO_CAP", "Cap", "assess", "parse_amount", "refuse", "resolve_cap"]

_SYMBOLS = {"£": "GBP", "$": "USD"}
_AMOUNT = re.compile(
    r"^\s*(?:(?P<symbol>[£$])\s*(?P<a>\d[\d,]*(?:\.\d+)?)"
    r"|(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<code1>[A-Za-z]{3})"
    r"|(?P<code2>[A-Za-z]{3})\s*(?P<c>\d[\d,]*(?:\.\d+)?))\s*$"
)


class Cap(NamedTuple):
    """The most an action may spend: ``amount`` (major units), its ``currency`` (None: the workspace's), ``source``."""

    amount: Decimal | None
    currency: str | None
    source: str | None


NO_CAP = Cap(None, None, None)


def parse_amount(text: str, where: str) -> tuple[Decimal, str]:
    """``"£250"``, ``"250 GBP"``, ``"$300.50"`` → ``(Decimal major units, currency code)``.

    A bare number is refused: pounds or pence? The unit is always written.

    >>> parse_amount("£1,250.50", "max_spend")
    (Decimal('1250.50'), 'GBP')
    >>> parse_amount("250", "max_spend")
    Traceback (most recent call last):
    ...
    prolific._errors.InvalidArgumentError: max_spend: '250' has no currency: write it with one, e.g. '£250' ...
    """
    match = _AMOUNT.match(text) if isinstance(text, str) else None
    if match is None:
        if isinstance(text, str) and re.fullmatch(r"\s*\d[\d,]*(\.\d+)?\s*", text):
            raise InvalidArgumentError(
                f"{where}: {text!r} has no currency: write it with one, e.g. '£{text.strip()}' or "
                f"'{text.strip()} GBP' (pounds, dollars: not pence or cents)"
            )
        raise InvalidArgumentError(f"{where}: {text!r} is not an amount such as '£250', '250 GBP' or '$300'")
    number = match["a"] or match["b"] or match["c"]
    code = _SYMBOLS.get(match["symbol"] or "") or (match["code1"] or match["code2"]).upper()
    return Decimal(number.replace(",", "")), code


def resolve_cap(max_spend: Decimal | str | None, settings: Settings | None = None) -> Cap:
    """The cap: ``max_spend``, else the configured ``studies.max_spend`` of ``settings``, else :data:`NO_CAP`.

    ``max_spend``: a ``Decimal`` (major units of the workspace's currency) or a string with its
    currency (``"£250"``, ``"250 GBP"``). An int or float is refused: pence or pounds?

    >>> resolve_cap("£20")
    Cap(amount=Decimal('20'), currency='GBP', source='max_spend')
    >>> resolve_cap(None)
    Cap(amount=None, currency=None, source=None)
    """
    if max_spend is None:
        configured = None if settings is None else settings.max_spend
        if configured is None:
            return NO_CAP
        where = settings.sources.get("studies.max_spend") if settings is not None else None
        return Cap(configured, None, f"studies.max_spend, {where}" if where else "studies.max_spend")
    if isinstance(max_spend, Decimal):
        if not max_spend.is_finite() or max_spend < 0:
            raise InvalidArgumentError(f"max_spend must be a finite amount >= 0, not {max_spend!r}")
        return Cap(max_spend, None, "max_spend")
    if isinstance(max_spend, str):
        amount, code = parse_amount(max_spend, "max_spend")
        return Cap(amount, code, "max_spend")
    raise InvalidArgumentError(
        f"max_spend must be a Decimal (pounds/dollars, e.g. Decimal('250')) or a str with its currency "
        f"('£250', '250 GBP'), not {type(max_spend).__name__} {max_spend!r}: an int or float does not say "
        "whether it is pounds or pence"
    )


def assess(
    *,
    study_id: str,
    name: str,
    action: str,
    places: int,
    reward_cents: float,
    cost_cents: float,
    balance: Decimal | None,
    currency: str | None,
    cap: Cap,
) -> SpendCheck:
    """The :class:`~prolific.studies.SpendCheck` of ``action``: Prolific's price (cents) and the workspace's
    available ``balance`` (major units, None when it could not be read) against ``cap``.

    A cap written in another currency than the workspace's is refused (nothing is sent): it would
    compare pounds with dollars.

    >>> check = assess(study_id="6540...", name="Wave 1", action="publish", places=50, reward_cents=75,
    ...                cost_cents=5236, balance=Decimal("1000"), currency="GBP", cap=resolve_cap("£20"))
    >>> check.refusal
    'publish would cost GBP 52.36, over the cap of GBP 20.00 (max_spend)'
    """
    if cap.amount is not None and cap.currency and currency and cap.currency != currency:
        raise InvalidArgumentError(
            f"{cap.source} is in {cap.currency} but the workspace's currency is {currency}: give the cap in "
            f"{currency}; nothing was sent"
        )
    cost, reward = major_units(cost_cents), major_units(reward_cents)
    assert cost is not None and reward is not None
    return SpendCheck(
        study_id=study_id,
        name=name,
        action=action,
        places=places,
        reward=reward,
        cost=cost,
        currency=currency or cap.currency,
        balance=balance,
        cap=cap.amount,
        cap_source=cap.source,
    )


def refuse(spend: SpendCheck) -> None:
    """Raise what refuses the spend (the cap first, then the balance); nothing that spends has been sent."""
    if spend.over_cap:
        assert spend.cap is not None and spend.cap_source is not None
        raise SpendLimitError(
            f"{spend.refusal}; nothing was sent. Raise the cap or spend less",
            cost=spend.cost,
            cap=spend.cap,
            currency=spend.currency,
            source=spend.cap_source,
        )
    if spend.over_balance:
        assert spend.balance is not None
        raise InsufficientBalanceError(
            f"{spend.refusal}; nothing was sent", balance=spend.balance, total=spend.cost, currency=spend.currency
        )
