"""A study's life through ``client.studies``: publish with its cost in view (refused over the cap or the balance
with no transition request), pause/start/stop, add places, test, duplicate, delete, list and show — against
FakeProlific, counting the requests that reach it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from prolific import (
    APIConnectionError,
    AsyncProlific,
    InsufficientBalanceError,
    InvalidArgumentError,
    Prolific,
    SpendLimitError,
    StudyStateError,
)
from prolific.studies import SpendCheck
from prolific.testing import FakeProlific

TOKEN = "tok-study-life-3c9a"
WS = "6540aa0000000000000000ws"


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def client(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[Prolific]:
    monkeypatch.delenv("PROLIFIC_STUDIES_MAX_SPEND", raising=False)
    with Prolific(token=TOKEN, http_client=httpx.Client(transport=fake.transport)) as opened:
        yield opened


def draft(fake: FakeProlific, **fields: Any) -> str:
    fields = {"reward": 150, "total_available_places": 20, "estimated_completion_time": 10, **fields}
    return fake.add_study(workspace_id=WS, **fields)


def sent(fake: FakeProlific, operation_id: str) -> int:
    return sum(1 for r in fake.requests if r.operation_id == operation_id)


# 20 places x 150 = 3000; fees 990; VAT 198: the fake's fee rule
COST = Decimal("41.88")


# -- publish --------------------------------------------------------------------------------------


def test_publish_shows_cost_and_balance_then_publishes_once(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    fake.set_balance(WS, 50_000)
    seen: list[SpendCheck] = []
    result = client.studies.publish(study_id, max_spend="£50", confirm=lambda c: seen.append(c) or True)
    assert result.published and result.status == "ACTIVE" and not result.confirmed_by_reading
    [check] = seen
    assert check is result.check
    assert (check.cost, check.balance, check.left, check.currency) == (
        COST,
        Decimal("500.00"),
        Decimal("458.12"),
        "GBP",
    )
    assert (check.places, check.reward, check.cap, check.cap_source) == (20, Decimal("1.50"), Decimal(50), "max_spend")
    assert check.refusal is None
    assert "cost:     GBP 41.88 (20 places x GBP 1.50, fees and VAT included)" in check.lines()
    assert "balance:  GBP 500.00 available, GBP 458.12 left after" in check.lines()
    assert sent(fake, "publish-study") == 1 and fake.studies[study_id]["status"] == "ACTIVE"


@pytest.mark.parametrize("cap", ["£41.87", "41.87 GBP", "GBP 41.87", Decimal("41.87")])
def test_publish_over_the_cap_sends_no_transition(fake: FakeProlific, client: Prolific, cap: Any) -> None:
    study_id = draft(fake)
    with pytest.raises(SpendLimitError) as caught:
        client.studies.publish(study_id, max_spend=cap, confirm=lambda c: pytest.fail("asked after a refusal"))
    assert (caught.value.cost, caught.value.cap, caught.value.source) == (COST, Decimal("41.87"), "max_spend")
    assert "GBP 41.88, over the cap of GBP 41.87" in str(caught.value) and "nothing was sent" in str(caught.value)
    assert sent(fake, "publish-study") == 0 and fake.studies[study_id]["status"] == "UNPUBLISHED"


def test_the_configured_cap_comes_from_the_settings(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> None:
    study_id = draft(fake)
    monkeypatch.setenv("PROLIFIC_STUDIES_MAX_SPEND", "10")  # studies.max_spend: major units, as the config file has it
    with Prolific(token=TOKEN, http_client=httpx.Client(transport=fake.transport)) as configured:
        with pytest.raises(
            SpendLimitError, match=r"cap of GBP 10.00 \(studies.max_spend, \$PROLIFIC_STUDIES"
        ) as caught:
            configured.studies.publish(study_id)
        assert caught.value.source == "studies.max_spend, $PROLIFIC_STUDIES_MAX_SPEND"
        assert configured.studies.publish(study_id, max_spend="£100").published  # the argument wins
    assert sent(fake, "publish-study") == 1


def test_publish_over_the_balance_sends_no_transition(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    fake.set_balance(WS, 4187)
    with pytest.raises(InsufficientBalanceError) as caught:
        client.studies.publish(study_id)
    assert (caught.value.balance, caught.value.total) == (Decimal("41.87"), COST)
    assert "GBP 41.87 available" in str(caught.value) and "nothing was sent" in str(caught.value)
    assert sent(fake, "publish-study") == 0 and fake.transitions == []


def test_publish_declined_or_of_a_published_study_sends_nothing(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    result = client.studies.publish(study_id, confirm=lambda check: False)
    assert result.cancelled and not result.published and result.status == "UNPUBLISHED"
    client.studies.publish(study_id)
    with pytest.raises(StudyStateError, match="is ACTIVE: publish applies to only a study that is UNPUBLISHED") as e:
        client.studies.publish(study_id)
    assert e.value.allowed == ("UNPUBLISHED", "SCHEDULED")
    assert sent(fake, "publish-study") == 1


@pytest.mark.parametrize(
    ("cap", "said"),
    [
        ("250", "has no currency"),
        (250, "an int or float does not say whether it is pounds or pence"),
        (2.5, "an int or float"),
        ("£abc", "is not an amount"),
        ("$300", "max_spend is in USD but the workspace's currency is GBP"),
        (Decimal("-1"), ">= 0"),
    ],
)
def test_a_cap_without_its_unit_is_refused(fake: FakeProlific, client: Prolific, cap: Any, said: str) -> None:
    study_id = draft(fake)
    with pytest.raises(InvalidArgumentError, match=said):
        client.studies.publish(study_id, max_spend=cap)
    assert sent(fake, "publish-study") == 0


def test_a_lost_publish_answer_is_settled_by_reading_the_study_not_by_sending_again(
    fake: FakeProlific, client: Prolific
) -> None:
    study_id = draft(fake)
    fake.drop_next(after_apply=True, operation="publish-study")
    result = client.studies.publish(study_id)
    assert result.published and result.confirmed_by_reading and result.status == "ACTIVE"
    assert sent(fake, "publish-study") == 1


def test_a_publish_lost_before_prolific_applied_it_is_not_sent_again(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    fake.drop_next(operation="publish-study")  # the connection dropped: the client cannot tell if it was applied
    with pytest.raises(APIConnectionError) as caught:
        client.studies.publish(study_id)
    assert any("still UNPUBLISHED: it was not published" in note for note in caught.value.__notes__)
    assert sent(fake, "publish-study") == 1 and fake.studies[study_id]["status"] == "UNPUBLISHED"


# -- pause, start, stop ---------------------------------------------------------------------------


def test_pause_start_stop_and_a_transition_the_status_does_not_allow(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    with pytest.raises(StudyStateError, match="is UNPUBLISHED: PAUSE applies to only a study that is ACTIVE"):
        client.studies.pause(study_id)
    assert sent(fake, "publish-study") == 0
    client.studies.publish(study_id)
    assert client.studies.pause(study_id).as_dict() == {
        "study_id": study_id,
        "action": "PAUSE",
        "before": "ACTIVE",
        "after": "PAUSED",
    }
    assert (client.studies.start(study_id).after, client.studies.stop(study_id).after) == ("ACTIVE", "COMPLETED")
    with pytest.raises(StudyStateError, match="ACTIVE or PAUSED"):
        client.studies.stop(study_id)
    assert sent(fake, "publish-study") == 4


def test_a_lost_pause_answer_is_read_back_not_resent(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    client.studies.publish(study_id)
    fake.drop_next(after_apply=True, operation="publish-study")
    moved = client.studies.pause(study_id)
    assert (moved.before, moved.after) == ("ACTIVE", "PAUSED") and sent(fake, "publish-study") == 2
    fake.drop_next(operation="publish-study")  # dropped before Prolific applied it: still PAUSED
    with pytest.raises(APIConnectionError) as caught:
        client.studies.start(study_id)
    assert any("still PAUSED: the request was not sent again" in note for note in caught.value.__notes__)
    assert sent(fake, "publish-study") == 3 and fake.studies[study_id]["status"] == "PAUSED"


# -- add places -----------------------------------------------------------------------------------


def test_add_places_shows_the_cost_of_the_increase_and_checks_it_when_published(
    fake: FakeProlific, client: Prolific
) -> None:
    study_id = draft(fake)
    on_draft = client.studies.add_places(study_id, 10, max_spend="£1")  # a draft spends nothing yet
    assert (on_draft.before, on_draft.after, on_draft.check.cost) == (20, 30, Decimal("20.94"))
    assert on_draft.check.cap is None
    client.studies.publish(study_id)  # 30 places: 62.82 reserved
    fake.set_balance(WS, 6282 + 2000)
    with pytest.raises(InsufficientBalanceError):
        client.studies.add_places(study_id, 10)
    with pytest.raises(SpendLimitError):
        client.studies.add_places(study_id, 1, max_spend="£2")
    declined = client.studies.add_places(study_id, 5, confirm=lambda check: False)
    assert declined.cancelled and declined.after == 30
    assert sent(fake, "update-study") == 1
    added = client.studies.add_places(study_id, 9)  # 1350 + 446 + 89 = 18.85
    assert (added.before, added.after, added.check.cost, added.check.left) == (
        30,
        39,
        Decimal("18.85"),
        Decimal("1.15"),
    )
    assert fake.studies[study_id]["total_available_places"] == 39
    with pytest.raises(InvalidArgumentError, match="places must be an int >= 1"):
        client.studies.add_places(study_id, 0)


# -- test, duplicate, delete ----------------------------------------------------------------------


def test_a_test_study_link_from_a_draft(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake)
    made = client.studies.test(study_id)
    assert made.study_id == study_id and made.url == fake.test_studies[made.test_study_id]["study_url"]
    client.studies.publish(study_id)
    with pytest.raises(StudyStateError, match="a test study is made from only a study that is UNPUBLISHED"):
        client.studies.test(study_id)
    assert sent(fake, "create-test-study") == 1


def test_duplicate_with_changes_and_an_unknown_field_refused_first(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake, name="Wave 1")
    copy = client.studies.duplicate(study_id, set={"name": "Wave 2", "total_available_places": 40})
    assert (copy.name, copy.total_available_places, str(copy.status)) == ("Wave 2", 40, "UNPUBLISHED")
    assert fake.studies[copy.id]["filters"] == [{"filter_id": "previous_studies", "selected_values": [study_id]}]
    with pytest.raises(InvalidArgumentError, match=r"'totl_available_places' \(did you mean 'total_available_places'"):
        client.studies.duplicate(study_id, set={"totl_available_places": 5})
    open_copy = client.studies.duplicate(study_id, block_previous_participants=False)
    assert fake.studies[open_copy.id]["filters"] == []
    assert sent(fake, "duplicate-study") == 2 and len(fake.studies) == 3


def test_delete_a_draft_and_refuse_a_published_one_before_the_request(fake: FakeProlific, client: Prolific) -> None:
    kept, gone = draft(fake), draft(fake, name="Scratch")
    assert client.studies.delete(gone).name == "Scratch" and gone not in fake.studies
    client.studies.publish(kept)
    with pytest.raises(StudyStateError, match="Prolific deletes only a study that is UNPUBLISHED"):
        client.studies.delete(kept)
    assert sent(fake, "delete-study") == 1


# -- list and show --------------------------------------------------------------------------------


def test_list_studies_with_places_reward_per_hour_and_cost_so_far(fake: FakeProlific, client: Prolific) -> None:
    fake.add_project("6540aa00000000000000pr01", WS)
    live = draft(fake, name="Live", reward=150, estimated_completion_time=10)
    other = fake.add_study(project="6540aa00000000000000pr01", name="Other", reward=200, estimated_completion_time=15)
    client.studies.publish(live)
    fake.add_submissions(live, 4, status="APPROVED")
    rows = {row.name: row for row in client.studies.list_studies()}
    assert rows["Live"].as_dict() == {
        "id": live,
        "name": "Live",
        "internal_name": None,
        "status": "ACTIVE",
        "places_taken": 4,
        "places": 20,
        "reward": "1.50",
        "reward_per_hour": "9.00",
        "estimated_completion_time": 10,
        "cost_so_far": "8.38",  # 4 x 1.50 = 6.00, fees 1.98, VAT 0.40
        "currency": "GBP",
    }
    assert (rows["Other"].cost_so_far, rows["Other"].reward_per_hour) == (Decimal(0), Decimal("8.00"))
    assert sent(fake, "get-study-cost") == 1  # drafts cost nothing so far: not asked
    assert [r.id for r in client.studies.list_studies(status="unpublished")] == [other]
    assert [r.id for r in client.studies.list_studies(project="6540aa00000000000000pr01")] == [other]
    assert client.studies.list_studies(project="6540aa00000000000000pr01", status="ACTIVE") == []
    with pytest.raises(InvalidArgumentError, match="'running' is not a study status"):
        client.studies.list_studies(status="running")


def test_show_a_study(fake: FakeProlific, client: Prolific) -> None:
    study_id = draft(fake, filters=[{"filter_id": "sex", "selected_values": ["1"]}])
    client.studies.publish(study_id)
    fake.add_submissions(study_id, 2, status="AWAITING REVIEW")
    details = client.studies.show(study_id)
    assert details.row.places_taken == 2 and details.projected_cost == COST
    assert details.filters == [{"filter_id": "sex", "selected_values": ["1"]}]
    assert details.submissions["AWAITING REVIEW"] == 2 and details.as_dict()["projected_cost"] == "41.88"


# -- the async twin -------------------------------------------------------------------------------


def test_the_async_client_shares_the_flows(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROLIFIC_STUDIES_MAX_SPEND", raising=False)
    study_id = draft(fake)

    async def main() -> None:
        async with AsyncProlific(token=TOKEN, http_client=httpx.AsyncClient(transport=fake.transport)) as client:
            with pytest.raises(SpendLimitError):
                await client.studies.publish(study_id, max_spend="£1")
            assert (await client.studies.publish(study_id)).published
            assert (await client.studies.add_places(study_id, 1)).after == 21
            assert (await client.studies.pause(study_id)).after == "PAUSED"
            assert [row.id for row in await client.studies.list_studies()] == [study_id]

    asyncio.run(main())
    assert sent(fake, "publish-study") == 2
