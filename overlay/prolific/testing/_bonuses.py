"""Bonuses: bulk bonus set-up (priced in cents) and payment, every payment recorded so a double one shows.

``create-bonus-payments`` takes ``{study_id, csv_bonuses}`` (``<id>,<amount>`` lines, amounts in
major units) where each id is a participant or a submission of the study (``fake.add_submissions``,
``fake.redeem``): else a 400 listing the ids. It answers a ``BulkBonus`` priced in **cents** by the
fake's fee rule (Prolific's real rates depend on the account): **fees are 33% of the amount, VAT
is 20% of the fees**, each rounded half up to a whole cent; ``total_amount`` is their sum.

``pay-bonus-payments`` answers 202 and, as the real API warns, is not idempotent: every pay of a
bulk id pays again, and each is appended to ``fake.bonus_payments``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ._answers import CODE_VALIDATION, Answer, error_answer, field_errors, json_answer, not_found
from ._fields import REQUIRED, new_id, now
from ._routes import FakeRequest
from ._studies import Studies

FEE_RATE = Decimal("0.33")
VAT_RATE = Decimal("0.20")
_PAID_MESSAGE = "The bonuses will be paid to the participants in the next few minutes."


def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class BulkBonuses:
    """Bulk bonuses by id (their ``BulkBonus`` body and lines), and every payment made."""

    def __init__(self, lock: threading.RLock, studies: Studies) -> None:
        self._lock = lock
        self._studies = studies
        self.bulk_bonuses: dict[str, dict[str, Any]] = {}
        self.lines: dict[str, list[tuple[str, str]]] = {}  # bulk id -> (id, amount as sent)
        self.payments: list[dict[str, Any]] = []

    def clear(self) -> None:
        self.bulk_bonuses.clear()
        self.lines.clear()
        self.payments.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {"create-bonus-payments": self.create, "pay-bonus-payments": self.pay}

    def _known_ids(self, study_id: str) -> set[str]:
        known: set[str] = set()
        for submission in self._studies.submissions.get(study_id, ()):
            known.add(submission["id"])
            known.add(submission["participant_id"])
        return known

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
        known = self._known_ids(study_id)
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
        self.payments.append(
            {
                "bulk_id": bulk_id,
                "study_id": bulk["study"],
                "bonuses": list(self.lines[bulk_id]),
                "total_amount": bulk["total_amount"],
                "paid_at": now(),
            }
        )
        return json_answer(202, _PAID_MESSAGE)
