"""FakeProlific's bulk bonuses: set-up priced in cents, 400 naming ids not in the study, every pay recorded."""

from __future__ import annotations

import httpx
import pytest
from fake_checks import AUTH, BASE, call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific_api_client.models import BulkBonus


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
