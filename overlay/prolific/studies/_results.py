"""The result types of a study's life: what spending would cost (``SpendCheck``), what each action did, and a
study as ``studies list`` / ``studies show`` present it.

Money: Prolific answers amounts in cents (pence); here they are ``Decimal`` major units (pounds,
dollars) of ``currency``, converted in one place (:func:`prolific.bonuses._results.major_units`), as
bonuses are. A study's ``reward`` stays what the API calls it (per place, in cents) only in
``reward_cents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..bonuses._results import _money

__all__ = [
    "PlacesChange",
    "PublishResult",
    "SpendCheck",
    "StudyDetails",
    "StudyRow",
    "TestStudy",
    "Transition",
]


def money(value: Decimal | None, currency: str | None) -> str:
    """An amount as the command line shows it: ``GBP 12.50`` (``?`` when unknown)."""
    return _money(value, currency)


@dataclass(frozen=True)
class SpendCheck:
    """What an action that spends would cost, and whether it may go ahead, before anything is sent.

    ``action``: ``"publish"`` or ``"add N places"``; ``places`` the places paid for by it (all of a
    study's places for a publish, the added ones otherwise) at ``reward`` each (major units);
    ``cost``: Prolific's price of them with fees and VAT (``calculate-study-cost``); ``balance``:
    the workspace's available balance (None when it could not be read: Prolific still refuses a
    spend its balance does not cover); ``cap``: the most this may spend (``max_spend`` or
    the configured ``studies.max_spend``, named in ``cap_source``), or None. ``refusal`` says why it may not go
    ahead (over the cap, over the balance), or is None.
    """

    study_id: str
    name: str
    action: str
    places: int
    reward: Decimal
    cost: Decimal
    currency: str | None
    balance: Decimal | None
    cap: Decimal | None = None
    cap_source: str | None = None

    @property
    def left(self) -> Decimal | None:
        """The available balance after the spend (None when the balance is unknown)."""
        return None if self.balance is None else self.balance - self.cost

    @property
    def over_cap(self) -> bool:
        """The cost is above the cap."""
        return self.cap is not None and self.cost > self.cap

    @property
    def over_balance(self) -> bool:
        """The cost is above the available balance (False when the balance is unknown)."""
        return self.balance is not None and self.cost > self.balance

    @property
    def refusal(self) -> str | None:
        """Why this may not go ahead, or None."""
        if self.over_cap:
            return (
                f"{self.action} would cost {money(self.cost, self.currency)}, over the cap of "
                f"{money(self.cap, self.currency)} ({self.cap_source})"
            )
        if self.over_balance:
            return (
                f"{self.action} would cost {money(self.cost, self.currency)} and the workspace has "
                f"{money(self.balance, self.currency)} available: top up the workspace's balance first"
            )
        return None

    def lines(self) -> list[str]:
        """The check as a person reads it, one fact a line."""
        c = self.currency
        out = [
            f"study:    {self.name} ({self.study_id})",
            f"action:   {self.action}",
            f"cost:     {money(self.cost, c)} ({self.places} places x {money(self.reward, c)}, fees and VAT included)",
            "balance:  "
            + (
                "unknown (it could not be read; Prolific checks it)"
                if self.balance is None
                else f"{money(self.balance, c)} available, {money(self.left, c)} left after"
            ),
        ]
        if self.cap is not None:
            out.append(f"cap:      {money(self.cap, c)} ({self.cap_source})")
        return out

    def as_dict(self) -> dict[str, Any]:
        """The check as JSON-ready values (amounts as strings of major units)."""
        return {
            "study_id": self.study_id,
            "name": self.name,
            "action": self.action,
            "places": self.places,
            "reward": _text(self.reward),
            "cost": _text(self.cost),
            "currency": self.currency,
            "balance": _text(self.balance),
            "left": _text(self.left),
            "cap": _text(self.cap),
            "cap_source": self.cap_source,
            "refusal": self.refusal,
        }


@dataclass(frozen=True)
class PublishResult:
    """What ``publish`` did: the ``check`` it made, and ``status`` after (``published``), or ``cancelled``.

    ``confirmed_by_reading``: the publish request's answer was lost and the study, read again,
    showed it published (the request was not sent twice).
    """

    check: SpendCheck
    status: str
    published: bool
    cancelled: bool = False
    confirmed_by_reading: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            **self.check.as_dict(),
            "status": self.status,
            "published": self.published,
            "cancelled": self.cancelled,
            "confirmed_by_reading": self.confirmed_by_reading,
        }


@dataclass(frozen=True)
class PlacesChange:
    """What ``add_places`` did: places ``before`` and ``after``, the ``check`` of the increase, or ``cancelled``."""

    check: SpendCheck
    before: int
    after: int
    cancelled: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {**self.check.as_dict(), "before": self.before, "after": self.after, "cancelled": self.cancelled}


@dataclass(frozen=True)
class Transition:
    """A study moved by ``pause``, ``start`` or ``stop``: the ``action`` and its status ``before`` and ``after``."""

    study_id: str
    action: str
    before: str
    after: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {"study_id": self.study_id, "action": self.action, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class TestStudy:
    """A test study made from a draft (``create-test-study``): its id and the link to take it as a test participant."""

    __test__ = False  # not a test class (pytest collects names starting with "Test")

    study_id: str
    test_study_id: str
    url: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {"study_id": self.study_id, "test_study_id": self.test_study_id, "url": self.url}


@dataclass(frozen=True)
class StudyRow:
    """One study as ``studies list`` shows it.

    ``reward`` per place and ``reward_per_hour`` (from ``estimated_completion_time``) in major
    units; ``cost_so_far``: what Prolific counts spent on it so far (rewards of approved
    submissions, bonuses, fees and VAT; ``get-study-cost``), 0 for a draft, None if unreadable.
    """

    id: str
    name: str
    status: str
    places_taken: int | None
    places: int | None
    reward: Decimal | None
    minutes: int | None
    cost_so_far: Decimal | None
    currency: str | None
    internal_name: str | None = None

    @property
    def reward_per_hour(self) -> Decimal | None:
        """The reward for an hour of the estimated time, in major units (None when either is unknown)."""
        if self.reward is None or not self.minutes:
            return None
        return (self.reward * 60 / self.minutes).quantize(Decimal("0.01"))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values (amounts as strings of major units)."""
        return {
            "id": self.id,
            "name": self.name,
            "internal_name": self.internal_name,
            "status": self.status,
            "places_taken": self.places_taken,
            "places": self.places,
            "reward": _text(self.reward),
            "reward_per_hour": _text(self.reward_per_hour),
            "estimated_completion_time": self.minutes,
            "cost_so_far": _text(self.cost_so_far),
            "currency": self.currency,
        }


@dataclass(frozen=True)
class StudyDetails:
    """One study as ``studies show`` presents it: its :class:`StudyRow` and the rest of what a researcher checks.

    ``projected_cost``: what the study costs once every place is paid (``get-study-cost``
    projected), bonuses included; ``submissions``: how many submissions are in each status.
    """

    row: StudyRow
    description: str | None
    external_study_url: str | None
    project: str | None
    maximum_allowed_time: int | None
    filters: list[dict[str, Any]]
    credential_pool_id: str | None
    published_at: str | None
    date_created: str | None
    projected_cost: Decimal | None
    submissions: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            **self.row.as_dict(),
            "description": self.description,
            "external_study_url": self.external_study_url,
            "project": self.project,
            "maximum_allowed_time": self.maximum_allowed_time,
            "filters": self.filters,
            "credential_pool_id": self.credential_pool_id,
            "published_at": self.published_at,
            "date_created": self.date_created,
            "projected_cost": _text(self.projected_cost),
            "submissions": self.submissions,
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
