"""Bonuses: bulk bonus set-up (priced in cents) and payment, and Prolific's record of what was paid.

``create-bonus-payments`` takes ``{study_id, csv_bonuses}`` (``<id>,<amount>`` lines, amounts in
major units) where each id is a participant or a submission of the study (``fake.add_submissions``,
``fake.redeem``): else a 400 listing the ids. It answers a ``BulkBonus`` priced in **cents** by the
fake's fee rule (Prolific's real rates depend on the account): **fees are 33% of the amount, VAT
is 20% of the fees**, each rounded half up to a whole cent; ``total_amount`` is their sum.

``pay-bonus-payments`` answers 202 and, as the real API warns, is not idempotent: every pay of a
bulk id pays again, and each is appended to ``fake.bonus_payments``.

**Prolific's record** (what another machine, another journal or the web app would also see): once
a payment *settles*, each paid submission's ``get-submission`` lists the amount in
``bonus_payments`` (cents, one entry per bonus), and ``get-study-cost`` adds it to the study's
``bonuses`` (``rewards``: the amounts, ``fees``, ``tax``: the VAT; each ``{amount, currency}``, in
cents). Payment is asynchronous on Prolific ("in the following minutes"): a payment settles
``fake.bonus_settlement_delay`` seconds of the fake's clock after the pay (default 0: at once), when
``fake.advance()`` reaches that time.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ._answers import CODE_VALIDATION, Answer, error_answer, field_errors, json_answer, not_found
from ._clock import iso, parse_iso
from ._fields import REQUIRED, Errors, new_id, unsupported_query
from ._routes import FakeRequest
from ._studies import Studies

FEE_RATE = Decimal("0.33")
VAT_RATE = Decimal("0.20")
_PAID_MESSAGE = "The bonuses will be paid to the participants in the next few minutes."
#: The currency of every amount the fake answers (its workspaces have no other).
CURRENCY = "GBP"
_COST_FILTERS = frozenset({"is_projected"})
_TRUE, _FALSE = frozenset({"1", "true", "yes", "t"}), frozenset({"0", "false", "no", "f"})


def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class BulkBonuses:
    """Bulk bonuses by id (their ``BulkBonus`` body and lines), every payment made, and the record of the settled."""

    def __init__(self, lock: threading.RLock, studies: Studies) -> None:
        self._lock = lock
        self._studies = studies
        self.bulk_bonuses: dict[str, dict[str, Any]] = {}
        self.lines: dict[str, list[tuple[str, str]]] = {}  # bulk id -> (id, amount as sent)
        self.payments: list[dict[str, Any]] = []
        self.settlement_delay = 0.0  # seconds of the fake's clock between a pay and its record
        self.paid: dict[str, list[int]] = {}  # submission id -> each bonus paid on it (cents), settled
        self.study_bonuses: dict[str, list[int]] = {}  # study id -> [amount, fees, vat] settled (cents)
        # study id -> (how many submissions it had, participant or submission id -> submission id): rebuilt only
        # when the study gained submissions, so that a set-up of 200 ids in a study of 200,000 does not walk them all
        self._ids: dict[str, tuple[int, dict[str, str]]] = {}
        studies.clock.listeners.append(self.settle_due)

    def clear(self) -> None:
        self.bulk_bonuses.clear()
        self.lines.clear()
        self.payments.clear()
        self.paid.clear()
        self.study_bonuses.clear()
        self._ids.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {"create-bonus-payments": self.create, "pay-bonus-payments": self.pay, "get-study-cost": self.cost}

    def paid_on(self, submission_id: str) -> list[int]:
        """The bonuses the record shows paid on a submission (cents, in the order settled): ``bonus_payments``."""
        return list(self.paid.get(submission_id, ()))

    def _submission_of(self, study_id: str) -> dict[str, str]:
        """Each participant or submission id of the study -> its submission id (a participant's first)."""
        submissions = self._studies.submissions.get(study_id, [])
        cached = self._ids.get(study_id)
        if cached is not None and cached[0] == len(submissions):
            return cached[1]
        by_id: dict[str, str] = {}
        for submission in submissions:
            by_id[submission["id"]] = submission["id"]
            by_id.setdefault(submission["participant_id"], submission["id"])
        self._ids[study_id] = (len(submissions), by_id)
        return by_id

    def create(self, request: FakeRequest) -> Answer:
        """``create-bonus-payments``: a priced, unpaid ``BulkBonus`` (201), or 400 naming the bad lines or ids."""
        body = request.body
        study_id, text = body.get("study_id"), body.get("csv_bonuses")
        missing = {name: [REQUIRED] for name, value in (("study_id", study_id), ("csv_bonuses", text)) if not value}
        if missing:
            return field_errors(missing)
        if not isinstance(study_id, str) or not isinstance(text, str):
            return field_errors({"csv_bonuses": ["Not a valid string."]})
        if study_id not in self._studies.studies:
            return not_found("Study")
        rows: list[tuple[str, str]] = []
        malformed: list[str] = []
        total = Decimal(0)
        for number, line in enumerate(text.split("\n"), 1):
            if not line:
                continue
            bonus_id, comma, amount = line.partition(",")
            try:
                value = Decimal(amount) if comma else Decimal("NaN")
            except InvalidOperation:
                value = Decimal("NaN")
            if not value.is_finite() or value <= 0:
                malformed.append(f"line {number}: {line!r} is not <id>,<amount>")
                continue
            rows.append((bonus_id, amount))
            total += value
        if malformed:
            return field_errors({"csv_bonuses": malformed})
        if not rows:
            return field_errors({"csv_bonuses": ["No bonuses given."]})
        known = self._submission_of(study_id)
        unknown = [bonus_id for bonus_id, _ in rows if bonus_id not in known]
        if unknown:
            return error_answer(
                400,
                f"The following participant or submission IDs did not take part in this study: {', '.join(unknown)}",
                CODE_VALIDATION,
            )
        cents = _cents(total * 100)
        fees = _cents(cents * FEE_RATE)
        vat = _cents(fees * VAT_RATE)
        bulk_id = new_id()
        bulk: dict[str, Any] = {"id": bulk_id, "study": study_id, "amount": cents, "fees": fees, "vat": vat}
        bulk["total_amount"] = cents + fees + vat
        self.bulk_bonuses[bulk_id] = bulk
        self.lines[bulk_id] = rows
        return json_answer(201, bulk)

    def pay(self, request: FakeRequest) -> Answer:
        """``pay-bonus-payments``: 202, paying (again) every bonus of the bulk; recorded in ``bonus_payments``."""
        bulk_id = request.path_params["id"]
        bulk = self.bulk_bonuses.get(bulk_id)
        if bulk is None:
            return not_found("Bulk bonus payment")
        paid_at = self._studies.clock.now()
        payment: dict[str, Any] = {
            "bulk_id": bulk_id,
            "study_id": bulk["study"],
            "bonuses": list(self.lines[bulk_id]),
            "amount": bulk["amount"],
            "fees": bulk["fees"],
            "vat": bulk["vat"],
            "total_amount": bulk["total_amount"],
            "paid_at": iso(paid_at),
            "settles_at": iso(paid_at + timedelta(seconds=self.settlement_delay)),
            "settled_at": None,
        }
        self.payments.append(payment)
        if self.settlement_delay <= 0:
            self._settle(payment, paid_at)
        return json_answer(202, _PAID_MESSAGE)

    def settle_due(self, moment: datetime) -> None:
        """Record every payment whose settlement time has come (a listener of the fake's clock)."""
        with self._lock:
            for payment in self.payments:
                if payment["settled_at"] is None and parse_iso(payment["settles_at"]) <= moment:
                    self._settle(payment, moment)

    def _settle(self, payment: dict[str, Any], moment: datetime) -> None:
        """The payment shows in Prolific's record: on each submission, and in the study's bonus cost."""
        study_id = payment["study_id"]
        by_id = self._submission_of(study_id)
        for bonus_id, amount in payment["bonuses"]:
            submission_id = by_id.get(bonus_id)
            if submission_id is not None:  # set up against this study: always known, unless reset
                self.paid.setdefault(submission_id, []).append(_cents(Decimal(amount) * 100))
        totals = self.study_bonuses.setdefault(study_id, [0, 0, 0])
        for index, key in enumerate(("amount", "fees", "vat")):
            totals[index] += payment[key]
        payment["settled_at"] = iso(moment)

    def cost(self, request: FakeRequest) -> Answer:
        """``get-study-cost[?is_projected=]``: the ``StudyTotalCost`` (cents), its ``bonuses`` from the record.

        ``rewards``: the study's reward for each approved submission (projected: for every place),
        with fees and VAT by the fake's fee rule. ``bonuses``: the settled bonus payments (projected:
        with those still settling).
        """
        refused = unsupported_query(request, _COST_FILTERS)
        if refused is not None:
            return refused
        study = self._studies.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        errors: Errors = {}
        projected = _query_bool(request, "is_projected", errors)
        if errors:
            return field_errors(errors)
        reward = study.get("reward") or 0
        if projected:
            count = study.get("total_available_places") or 0
        else:
            count = sum(1 for s in self._studies.submissions.get(study["id"], ()) if s["status"] == "APPROVED")
        rewards = _cents(Decimal(str(reward)) * count)
        fees = _cents(rewards * FEE_RATE)
        bonus = list(self.study_bonuses.get(study["id"], (0, 0, 0)))
        if projected:
            for payment in self.payments:
                if payment["study_id"] == study["id"] and payment["settled_at"] is None:
                    bonus = [bonus[0] + payment["amount"], bonus[1] + payment["fees"], bonus[2] + payment["vat"]]
        body = {
            "rewards": _breakdown(rewards, fees, _cents(fees * VAT_RATE)),
            "bonuses": _breakdown(*bonus),
        }
        return json_answer(200, body)


def _breakdown(amount: int, fees: int, tax: int) -> dict[str, Any]:
    """A ``StudyCostBreakdown``: ``rewards`` (the amounts), ``fees``, ``tax``, each in cents with the currency."""
    parts = (("rewards", amount), ("fees", fees), ("tax", tax))
    return {name: {"amount": value, "currency": CURRENCY} for name, value in parts}


def _query_bool(request: FakeRequest, name: str, errors: Errors) -> bool:
    value = request.query.get(name)
    if value is None or value.lower() in _FALSE:
        return False
    if value.lower() in _TRUE:
        return True
    errors[name] = ["Must be a valid boolean (1/0, true/false, yes/no, t/f)."]
    return False


def check_delay(seconds: object) -> float:
    """A settlement delay (seconds >= 0), checked."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"bonus_settlement_delay must be a number of seconds >= 0, not {seconds!r}")
    return float(seconds)
