"""FakeProlific's bulk bonuses: set-up priced in cents, 400 naming ids not in the study, every pay recorded.

And Prolific's record of payments: ``bonus_payments`` on ``get-submission``, ``get-study-cost``'s ``bonuses``,
after an optional settlement delay on the fake's clock; gateway errors answered after the pay was applied.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific_api_client.models import (
    AmountAndCurrency,
    BulkBonus,
    StudyCostBreakdown,
    StudyTotalCost,
    SubmissionDetail,
)


@pytest.fixture
def setup() -> tuple[FakeProlific, httpx.Client, str, list[str]]:
    fake = FakeProlific()
    client = httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH)
    study_id = fake.add_study(workspace_id="ws1")
    submissions = fake.add_submissions(study_id, 3)
    participants = [s["participant_id"] for s in fake.submissions[study_id]]
    return fake, client, study_id, [*participants[:2], submissions[2]]


def test_set_up_is_priced_in_cents_and_pays_nothing(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    text = "\n".join(f"{i},{a}" for i, a in zip(ids, ("1.50", "2", "0.01"), strict=True))
    r = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": text})
    assert r.status_code == 201
    bulk = BulkBonus.from_dict(check_spec("create-bonus-payments", r))
    # 351 cents; fees 33% = 115.83 -> 116; VAT 20% of the fees = 23.2 -> 23.
    assert (bulk.amount, bulk.fees, bulk.vat, bulk.total_amount) == (351, 116, 23, 490)
    assert bulk.study == study_id and fake.bonus_payments == []


def test_ids_without_a_submission_in_the_study_are_listed(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    stranger = "5e9b9c9b0f9c9a0001b0b1f4"
    r = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},1\n{stranger},2"})
    detail = error_detail("create-bonus-payments", r, 400)
    assert stranger in detail and ids[0] not in detail and fake.bulk_bonuses == {}
    r = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},£1"})
    assert "line 1" in str(error_detail("create-bonus-payments", r, 400))
    r = call(client, "create-bonus-payments", json={"study_id": "6540aa00000000000000dead", "csv_bonuses": "x,1"})
    error_detail("create-bonus-payments", r, 404)


def test_paying_twice_pays_twice(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    bulk_id = call(
        client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},1.50"}
    ).json()["id"]
    for _ in range(2):
        r = call(client, "pay-bonus-payments", id=bulk_id)
        assert r.status_code == 202 and isinstance(check_spec("pay-bonus-payments", r), str)
    assert [p["bulk_id"] for p in fake.bonus_payments] == [bulk_id, bulk_id]
    assert fake.bonus_payments[0]["bonuses"] == [(ids[0], "1.50")]
    error_detail("pay-bonus-payments", call(client, "pay-bonus-payments", id="nope"), 404)
    fake.reset()
    assert fake.bonus_payments == [] and fake.bulk_bonuses == {}


def test_a_pay_applied_then_cut_off_is_recorded(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    bulk_id = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},1"}).json()[
        "id"
    ]
    fake.drop_next(apply=True, operation="pay-bonus-payments")
    with pytest.raises(httpx.RemoteProtocolError):
        call(client, "pay-bonus-payments", id=bulk_id)
    assert [p["bulk_id"] for p in fake.bonus_payments] == [bulk_id]  # applied, although no answer came back


# -- Prolific's record of payments ------------------------------------------------------------------


def pay(client: httpx.Client, study_id: str, lines: str) -> str:
    created = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": lines})
    bulk_id = str(check_spec("create-bonus-payments", created)["id"])
    assert call(client, "pay-bonus-payments", id=bulk_id).status_code == 202
    return bulk_id


def record_of(client: httpx.Client, submission_id: str) -> list[float]:
    detail = SubmissionDetail.from_dict(check_spec("get-submission", call(client, "get-submission", id=submission_id)))
    assert isinstance(detail.bonus_payments, list)
    return detail.bonus_payments


def bonus_cost(client: httpx.Client, study_id: str, **params: str) -> tuple[Any, Any, Any]:
    cost = StudyTotalCost.from_dict(
        check_spec("get-study-cost", call(client, "get-study-cost", params=params, id=study_id))
    )
    bonuses = cost.bonuses
    assert isinstance(bonuses, StudyCostBreakdown)
    parts = (bonuses.rewards, bonuses.fees, bonuses.tax)
    assert all(isinstance(p, AmountAndCurrency) and p.currency == "GBP" for p in parts)
    return tuple(p.amount for p in parts)  # type: ignore[union-attr,return-value]


def test_a_pay_shows_on_each_submission_and_in_the_study_cost(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    submissions = [s["id"] for s in fake.submissions[study_id]]
    assert [record_of(client, s) for s in submissions] == [[], [], []]
    assert bonus_cost(client, study_id) == (0, 0, 0)
    # by participant id (lines 1-2) and by submission id (line 3): each lands on the submission
    pay(client, study_id, f"{ids[0]},1.50\n{ids[1]},2\n{ids[2]},0.01")
    assert [record_of(client, s) for s in submissions] == [[150], [200], [1]]
    assert bonus_cost(client, study_id) == (351, 116, 23)  # the set-up's amount, fees and VAT
    pay(client, study_id, f"{ids[0]},1.50")  # paid again: Prolific's record shows it twice
    assert record_of(client, submissions[0]) == [150, 150]
    assert bonus_cost(client, study_id) == (501, 116 + 50, 23 + 10)
    assert fake.bonus_record == {submissions[0]: [150, 150], submissions[1]: [200], submissions[2]: [1]}
    assert all(p["settled_at"] == p["paid_at"] for p in fake.bonus_payments)


def test_with_a_settlement_delay_the_record_shows_a_pay_later(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    fake.bonus_settlement_delay = 300  # Prolific pays "in the following minutes"
    first = fake.submissions[study_id][0]["id"]
    bulk_id = pay(client, study_id, f"{ids[0]},1")
    assert fake.bonus_payments[0]["settled_at"] is None and record_of(client, first) == []
    assert bonus_cost(client, study_id) == (0, 0, 0)
    assert bonus_cost(client, study_id, is_projected="true")[0] == 100  # the projected cost counts it already
    fake.advance(299)
    assert record_of(client, first) == []
    fake.advance(1)
    assert record_of(client, first) == [100] and bonus_cost(client, study_id)[0] == 100
    assert fake.bonus_payments[0]["settled_at"] == fake.clock.iso() and fake.bonus_payments[0]["bulk_id"] == bulk_id
    with pytest.raises(ValueError, match="bonus_settlement_delay"):
        fake.bonus_settlement_delay = -1


def test_the_study_cost_of_rewards(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, _ = setup
    fake.studies[study_id]["reward"] = 150
    cost = check_spec("get-study-cost", call(client, "get-study-cost", id=study_id))
    # three approved submissions (setup) at 150 pence: 450, fees 33% -> 149 (148.5 rounded half up), VAT 20% -> 30
    assert cost["rewards"] == {
        "rewards": {"amount": 450, "currency": "GBP"},
        "fees": {"amount": 149, "currency": "GBP"},
        "tax": {"amount": 30, "currency": "GBP"},
    }
    projected = call(client, "get-study-cost", params={"is_projected": "true"}, id=study_id)
    places = fake.studies[study_id]["total_available_places"]
    assert check_spec("get-study-cost", projected)["rewards"]["rewards"]["amount"] == 150 * places
    error_detail("get-study-cost", call(client, "get-study-cost", id="6540aa00000000000000dead"), 404)


@pytest.mark.parametrize(("status", "retry_after"), [(503, None), (429, "2")])
def test_a_gateway_error_after_the_pay_was_applied(setup, status: int, retry_after: str | None) -> None:  # type: ignore[no-untyped-def]
    """A gateway in front of the API answers 503 or 429 although the API applied the pay: the record shows it."""
    fake, client, study_id, ids = setup
    created = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},1"})
    bulk_id = created.json()["id"]
    fake.fail_next(status, after_apply=True, retry_after=retry_after, operation="pay-bonus-payments")
    answer = call(client, "pay-bonus-payments", id=bulk_id)
    assert answer.status_code == status and answer.headers.get("Retry-After") == retry_after
    assert [p["bulk_id"] for p in fake.bonus_payments] == [bulk_id]
    assert record_of(client, fake.submissions[study_id][0]["id"]) == [100]
    assert fake.requests[-2].fault == f"fail_next({status}, after_apply=True) after 202"


def test_a_status_fault_before_applying_pays_nothing(setup) -> None:  # type: ignore[no-untyped-def]
    fake, client, study_id, ids = setup
    bulk_id = call(client, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{ids[0]},1"}).json()[
        "id"
    ]
    fake.fail_next(429, retry_after=5, operation="pay-bonus-payments")
    answer = call(client, "pay-bonus-payments", id=bulk_id)
    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "5")
    assert fake.bonus_payments == [] and fake.bonus_record == {}
    with pytest.raises(TypeError, match="after_apply must be True or False"):
        fake.fail_next(503, after_apply="yes")  # type: ignore[arg-type]
