"""FakeProlific's study rules: cost, balance, filters and the eligible count, what a published study refuses,
the predicted recruitment time, reward recommendations, test studies, duplicates and deletes.

Every answer is checked against the merged spec (``check_spec``) and, for the operations the study
file's plan reads, parsed by the generated client too. Numbers are the fake's documented rules
(``prolific.testing._study_rules``, ``prolific.testing._filters``): computed here by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, TOKEN, call, check_spec, error_detail

from prolific import Prolific
from prolific.testing import FakeProlific
from prolific.testing._filters import CATALOGUE, POPULATION
from prolific_api_client.models import RequirementsCountRequest, StudyCostRequest

WS = "6540aa0000000000000000ws"
PEOPLE = [f"{n:024x}" for n in range(0xC00, 0xC40)]  # 64 participant ids


@pytest.fixture
def local(fake: FakeProlific) -> Iterator[httpx.Client]:
    """The in-process transport only: these rules do not depend on the way in (``api`` covers both)."""
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as client:
        yield client


def count(api: httpx.Client, filters: list[dict[str, Any]], workspace_id: str = WS) -> int:
    answer = call(api, "get-eligible-count", json={"filters": filters, "workspace_id": workspace_id})
    return int(check_spec("get-eligible-count", answer)["count"])


def draft(fake: FakeProlific, **fields: Any) -> str:
    return fake.add_study(workspace_id=WS, **fields)


def publish(api: httpx.Client, study_id: str) -> httpx.Response:
    return call(api, "publish-study", json={"action": "PUBLISH"}, id=study_id)


# -- cost and balance -----------------------------------------------------------------------------


def test_the_cost_is_rewards_plus_fees_plus_vat_in_cents(api: httpx.Client) -> None:
    answer = call(api, "calculate-study-cost", json={"reward": 150, "total_available_places": 100})
    # 150 x 100 = 15000; fees 33% = 4950; VAT 20% of the fees = 990
    assert check_spec("calculate-study-cost", answer) == {"total_cost": 15000 + 4950 + 990}
    odd = call(api, "calculate-study-cost", json={"reward": 133.3, "total_available_places": 3})
    assert odd.json() == {"total_cost": 400 + 132 + 26}  # 399.9 -> 400; 132; 26.4 -> 26
    refused = call(api, "calculate-study-cost", json={"reward": 100, "total_available_places": 0})
    assert "total_available_places" in error_detail("calculate-study-cost", refused, 400)


def test_balance_reserves_published_studies_and_publishing_over_it_is_refused(
    fake: FakeProlific, local: httpx.Client
) -> None:
    first = draft(fake, reward=100, total_available_places=50)  # 5000 + 1650 + 330 = 6980
    second = draft(fake, reward=100, total_available_places=50)
    fake.set_balance(WS, 10_000)
    balance = check_spec("get-workspace-balance", call(local, "get-workspace-balance", workspace_id=WS))
    assert (balance["total_balance"], balance["available_balance"], balance["currency_code"]) == (10_000, 10_000, "GBP")
    assert sum(balance["available_balance_breakdown"].values()) == 10_000

    assert publish(local, first).status_code == 200
    balance = call(local, "get-workspace-balance", workspace_id=WS).json()
    assert (balance["total_balance"], balance["available_balance"]) == (10_000, 10_000 - 6980)

    detail = error_detail("publish-study", publish(local, second), 400)
    assert "Insufficient funds" in detail and "£69.80" in detail and "£30.20" in detail
    assert fake.studies[second]["status"] == "UNPUBLISHED"
    assert [t["id"] for t in fake.transitions if t["kind"] == "study"] == [first]

    # Adding places to the published study needs the funds for the increase too.
    refused = call(local, "update-study", json={"total_available_places": 80}, id=first)
    assert "Insufficient funds" in error_detail("update-study", refused, 400)["total_available_places"][0]
    assert fake.studies[first]["total_available_places"] == 50
    assert call(local, "update-study", json={"total_available_places": 70}, id=first).status_code == 200  # 2792


def test_a_workspace_has_default_funds_and_an_unknown_one_is_404(fake: FakeProlific, local: httpx.Client) -> None:
    draft(fake)
    assert call(local, "get-workspace-balance", workspace_id=WS).json()["available_balance"] == 1_000_000
    assert error_detail("get-workspace-balance", call(local, "get-workspace-balance", workspace_id="nope"), 404)
    with pytest.raises(ValueError, match="cents"):
        fake.set_balance(WS, 10.5)  # type: ignore[arg-type]


def test_approved_rewards_leave_the_total_and_published_studies_hold_the_available(
    fake: FakeProlific, local: httpx.Client
) -> None:
    study_id = draft(fake, reward=100, total_available_places=10)  # 1000 + 330 + 66 = 1396
    assert publish(local, study_id).status_code == 200
    fake.add_submissions(study_id, 3, status="APPROVED")  # 300 + 99 + 20 = 419 paid out
    fake.add_submissions(study_id, 2, status="AWAITING REVIEW")
    balance = call(local, "get-workspace-balance", workspace_id=WS).json()
    assert (balance["total_balance"], balance["available_balance"]) == (1_000_000 - 419, 1_000_000 - 1396)


def test_bonuses_paid_leave_the_total_balance(fake: FakeProlific, local: httpx.Client) -> None:
    study_id = draft(fake)
    [submission] = fake.add_submissions(study_id, 1)
    bulk = local.post(
        "/api/v1/submissions/bonus-payments/", json={"study_id": study_id, "csv_bonuses": f"{submission},2.00"}
    )
    assert local.post(f"/api/v1/bulk-bonus-payments/{bulk.json()['id']}/pay/").status_code == 202
    balance = call(local, "get-workspace-balance", workspace_id=WS).json()
    # the bonus (200 + 66 + 13) and the approved submission's reward (100 + 33 + 7)
    assert balance["total_balance"] == 1_000_000 - (200 + 66 + 13) - (100 + 33 + 7)


# -- filters and the eligible count ---------------------------------------------------------------


def test_the_catalogue_parses_and_names_its_choices(fake: FakeProlific, api: httpx.Client) -> None:
    study_id = draft(fake, name="Wave 1")
    # Not check_spec: the spec's FilterListResult is a oneOf of four open object schemas, which any one
    # filter satisfies several of (Prolific's own answers too); the generated client parses it below.
    answer = call(api, "get-filters", params={"workspace_id": WS}).json()
    by_id = {f["filter_id"]: f for f in answer["results"]}
    assert set(by_id) == set(CATALOGUE) and answer["meta"]["count"] == len(CATALOGUE)
    assert by_id["sex"]["choices"] == {"0": "Male", "1": "Female"}
    assert (by_id["age"]["type"], by_id["age"]["min"], by_id["age"]["max"]) == ("range", 18, 100)
    assert by_id["previous_studies"]["choices"] == {study_id: "Wave 1"}
    assert all(not key.startswith("_") for f in answer["results"] for key in f)
    detailed = call(api, "get-filters", params={"detailed": "true"}).json()["results"]
    assert {"category", "tags"} <= set(detailed[0])
    groups = call(api, "get-filters", params={"filter_tag": "custom-group"}).json()["results"]
    assert [f["filter_id"] for f in groups] == ["participant_group_allowlist", "participant_group_blocklist"]


def test_the_eligible_count_is_a_deterministic_function_of_the_filters(fake: FakeProlific, local: httpx.Client) -> None:
    assert count(local, []) == POPULATION
    female = {"filter_id": "sex", "selected_values": ["1"]}
    uk_us = {"filter_id": "current-country-of-residence", "selected_values": ["0", "1"]}
    assert count(local, [female]) == 102_000  # 0.51
    assert count(local, [female, uk_us]) == 71_400  # 0.51 x 0.70
    young = {"filter_id": "age", "selected_range": {"lower": 18, "upper": 24}}
    assert count(local, [young]) == 44_000  # the 18-24 bucket: 0.22
    assert count(local, [{"filter_id": "age", "selected_range": {"lower": 25}}]) == 156_000  # 1 - 0.22
    either = {"filter_id": "or", "selected_filters": [female, young]}
    assert count(local, [either]) == round(POPULATION * (1 - 0.49 * 0.78))
    fluent = {"filter_id": "fluent-languages", "selected_values": ["1", "2"]}  # several held: 1 - 0.88 x 0.90
    assert count(local, [fluent]) == round(POPULATION * (1 - 0.88 * 0.90))
    assert count(local, [female, uk_us]) == count(local, [uk_us, female])  # the order of filters does not matter


def test_allow_lists_count_their_people_and_under_25_is_zero(fake: FakeProlific, local: httpx.Client) -> None:
    assert count(local, [{"filter_id": "custom_allowlist", "selected_values": PEOPLE[:30]}]) == 30
    assert count(local, [{"filter_id": "custom_allowlist", "selected_values": PEOPLE[:24]}]) == 0  # privacy
    assert count(local, [{"filter_id": "custom_blocklist", "selected_values": PEOPLE[:40]}]) == POPULATION - 40
    study_id = draft(fake)
    fake.add_submissions(study_id, 40)
    assert count(local, [{"filter_id": "previous_studies", "selected_values": [study_id]}]) == POPULATION - 40
    assert count(local, [{"filter_id": "previous_studies_allowlist", "selected_values": [study_id]}]) == 40


@pytest.mark.parametrize(
    ("item", "said"),
    [
        ({"filter_id": "sexx", "selected_values": ["1"]}, "Did you mean 'sex'?"),
        ({"filter_id": "sex", "selected_values": ["7"]}, "'7' not among the choices of sex: 0 (Male), 1 (Female)"),
        ({"filter_id": "sex", "selected_values": []}, "non-empty list"),
        ({"filter_id": "age", "selected_range": {"lower": 12}}, "age.lower 12 is outside 18..100"),
        ({"filter_id": "age", "selected_range": {"lower": 40, "upper": 30}}, "lower (40) is greater than upper (30)"),
        ({"filter_id": "age", "selected_range": {}}, "at least one of lower and upper"),
        ({"filter_id": "age", "selected_range": {"lower": "x"}}, "must be an integer"),
        ({"filter_id": "previous_studies", "selected_values": ["65a1b2c3d4e5f60718293a4b"]}, "not among the studies"),
        ({"filter_id": "custom_allowlist", "selected_values": ["bob"]}, "not participant ids"),
        ({"filter_id": "xor", "selected_filters": []}, "'and' or 'or'"),
    ],
)
def test_a_filter_prolific_refuses_is_named_by_position(local: httpx.Client, item: dict[str, Any], said: str) -> None:
    ok = {"filter_id": "sex", "selected_values": ["0"]}
    answer = call(local, "get-eligible-count", json={"filters": [ok, item], "workspace_id": WS})
    [message] = error_detail("get-eligible-count", answer, 400)["filters"]
    assert message.startswith("filters[2]") and said in message


def test_filter_sets_list_by_workspace_and_carry_their_count(fake: FakeProlific, api: httpx.Client) -> None:
    uk = [{"filter_id": "current-country-of-residence", "selected_values": ["0"]}]
    set_id = fake.add_filter_set(WS, "UK", uk)
    fake.add_filter_set("other-workspace", "Elsewhere", uk)
    listed = check_spec("get-filter-sets", call(api, "get-filter-sets", params={"workspace_id": WS}))
    assert [s["id"] for s in listed["results"]] == [set_id]
    one = check_spec("get-filter-set", call(api, "get-filter-set", id=set_id))
    assert (one["name"], one["version"], one["eligible_participant_count"]) == ("UK", 1, 72_000)
    assert error_detail("get-filter-set", call(api, "get-filter-set", id=set_id, params={"version_number": 2}), 404)
    assert error_detail("get-filter-sets", call(api, "get-filter-sets"), 400)
    with pytest.raises(ValueError, match=r"filters\[1\].*Did you mean 'sex'"):
        fake.add_filter_set(WS, "bad", [{"filter_id": "sexx", "selected_values": ["0"]}])


def test_create_and_update_check_filters_and_the_filter_set(fake: FakeProlific, local: httpx.Client) -> None:
    body = {
        "name": "n",
        "description": "d",
        "external_study_url": "https://example.org",
        "prolific_id_option": "not_required",
        "total_available_places": 5,
        "estimated_completion_time": 5,
        "reward": 100,
        "workspace_id": WS,
        "filters": [{"filter_id": "sex", "selected_values": ["3"]}],
    }
    refused = call(local, "create-study", json=body)
    assert "not among the choices of sex" in error_detail("create-study", refused, 400)["filters"][0]
    assert fake.studies == {}
    body["filters"] = [{"filter_id": "sex", "selected_values": ["1"]}]
    created = call(local, "create-study", json={**body, "filter_set_id": "65a1b2c3d4e5f60718293a4b"})
    assert "not found" in error_detail("create-study", created, 400)["filter_set_id"][0]
    set_id = fake.add_filter_set(WS, "UK", [])
    study = call(local, "create-study", json={**body, "filter_set_id": set_id, "filter_set_version": 1}).json()
    assert study["filter_set_id"] == set_id
    patched = call(
        local, "update-study", json={"filters": [{"filter_id": "age", "selected_range": {}}]}, id=study["id"]
    )
    assert "age" in error_detail("update-study", patched, 400)["filters"][0]


def test_a_projects_studies_in_order_and_in_pages(fake: FakeProlific, api: httpx.Client) -> None:
    project = "6540aa00000000000000pr01"
    fake.add_project(project, WS)
    ids = [fake.add_study(project=project, name=name) for name in ("b", "a", "c")]
    draft(fake)  # another project's
    every = check_spec("get-project-studies", call(api, "get-project-studies", project_id=project))
    assert [s["id"] for s in every["results"]] == ids
    by_name = call(api, "get-project-studies", project_id=project, params={"ordering": "-name"}).json()
    assert [s["name"] for s in by_name["results"]] == ["c", "b", "a"]
    second = call(api, "get-project-studies", project_id=project, params={"page": 2, "page_size": 2}).json()
    assert [s["id"] for s in second["results"]] == ids[2:]
    past = call(api, "get-project-studies", project_id=project, params={"page": 3, "page_size": 2})
    assert error_detail("get-project-studies", past, 404)
    bad = call(api, "get-project-studies", project_id=project, params={"ordering": "colour"})
    assert "colour" in error_detail("get-project-studies", bad, 400)["ordering"][0]
    assert error_detail("get-project-studies", call(api, "get-project-studies", project_id="nope"), 404)


# -- what a published study refuses ---------------------------------------------------------------


def test_a_published_study_changes_only_what_prolific_lists(fake: FakeProlific, local: httpx.Client) -> None:
    study_id = draft(fake, reward=100, total_available_places=5, name="Pilot")
    assert call(local, "update-study", json={"reward": 120, "name": "Pilot 2"}, id=study_id).status_code == 200
    assert publish(local, study_id).status_code == 200

    refused = call(local, "update-study", json={"reward": 200, "description": "new", "internal_name": "x"}, id=study_id)
    detail = error_detail("update-study", refused, 400)
    assert set(detail) == {"reward", "description"}
    assert "only internal_name, total_available_places" in detail["reward"][0]
    assert fake.studies[study_id]["reward"] == 120 and fake.studies[study_id]["internal_name"] is None

    lowered = call(local, "update-study", json={"total_available_places": 4}, id=study_id)
    assert "can only be increased" in error_detail("update-study", lowered, 400)["total_available_places"][0]
    same = call(local, "update-study", json={"reward": 120, "internal_name": "wave-1"}, id=study_id)
    assert same.status_code == 200 and same.json()["internal_name"] == "wave-1"  # an unchanged value is no change
    assert (
        call(local, "update-study", json={"total_available_places": 9}, id=study_id).json()["total_available_places"]
        == 9
    )


# -- before spending: recruitment time and reward recommendations ---------------------------------


def predicted(api: httpx.Client, **fields: Any) -> httpx.Response:
    body = {
        "filters": [],
        "workspace_id": WS,
        "reward": 150,
        "study_type": "SINGLE",
        "total_available_places": 100,
        "estimated_completion_time": 10,
        **fields,
    }
    return call(api, "post-study-predicted-recruitment-time", json=body)


def test_the_predicted_recruitment_time_follows_reach_places_and_rate(local: httpx.Client) -> None:
    base = check_spec("post-study-predicted-recruitment-time", predicted(local))
    # 100 places / (200000 x 0.002 x (900/900)) = 0.25 h
    assert base["precise_recruitment_time_hours"] == 0.25 and base["display_string"] == "less than 1 hour"
    narrow = predicted(local, filters=[{"filter_id": "custom_allowlist", "selected_values": PEOPLE[:30]}]).json()
    assert narrow["display_string"] == "72 hours+"  # 30 reachable, 100 places: never fills
    slower = predicted(local, reward=75).json()  # half the recommended rate: half the speed
    assert slower["precise_recruitment_time_hours"] == 0.5
    many = predicted(local, total_available_places=2000).json()
    assert many["display_string"] == "5 hours" and many["lower_bound_hours"] < 5 < many["upper_bound_hours"]
    refused = predicted(local, filters=[{"filter_id": "nope", "selected_values": ["1"]}])
    assert "not a valid filter id" in error_detail("post-study-predicted-recruitment-time", refused, 400)["filters"][0]


def test_a_stored_study_is_predicted_by_the_same_rule_and_a_set_prediction_answers_both(
    fake: FakeProlific, local: httpx.Client
) -> None:
    study_id = draft(fake, reward=150, total_available_places=2000, estimated_completion_time=10)
    stored = check_spec("get-study-predicted-recruitment-time", call(
        local, "get-study-predicted-recruitment-time", study_id=study_id))  # fmt: skip
    assert stored == predicted(local, total_available_places=2000).json()  # one rule for a body and a study
    fake.predicted_recruitment_hours = 3
    for answer in (
        predicted(local).json(),
        call(local, "get-study-predicted-recruitment-time", study_id=study_id).json(),
    ):
        assert (answer["precise_recruitment_time_hours"], answer["display_string"]) == (3, "3 hours")
    assert call(local, "get-study-predicted-recruitment-time", study_id="6540aa00000000000000dead").status_code == 404


def test_reward_recommendations_are_prolifics_hourly_rates(api: httpx.Client) -> None:
    answer = call(api, "calculate-reward-recommendations", params={"workspace_id": WS, "currency": "GBP"})
    assert check_spec("calculate-reward-recommendations", answer) == [
        {"currency": "GBP", "min_reward_per_hour": 600, "recommended_reward_per_hour": 900}
    ]
    usd = call(api, "calculate-reward-recommendations", params={"workspace_id": WS, "currency": "USD"}).json()
    assert usd[0]["min_reward_per_hour"] == 800
    bad = call(
        api,
        "calculate-reward-recommendations",
        params={"workspace_id": WS, "currency": "GBP", "screener_ids": "sex,nope"},
    )
    assert "nope" in error_detail("calculate-reward-recommendations", bad, 400)["screener_ids"][0]


# -- test studies, duplicates, deletes ------------------------------------------------------------


def test_a_test_study_is_made_from_a_draft_and_is_not_a_study(fake: FakeProlific, api: httpx.Client) -> None:
    study_id = draft(fake)
    answer = check_spec("create-test-study", call(api, "create-test-study", id=study_id))
    assert answer["study_url"].endswith(answer["study_id"]) and answer["study_id"] not in fake.studies
    assert fake.test_studies[answer["study_id"]]["source_study_id"] == study_id
    assert publish(api, study_id).status_code == 200
    assert "draft" in error_detail("create-test-study", call(api, "create-test-study", id=study_id), 400)


def test_a_duplicate_is_a_new_draft_blocking_the_original_participants(fake: FakeProlific, local: httpx.Client) -> None:
    pool = local.post("/api/v1/credentials/", json={"credentials": "a,pw-1", "workspace_id": WS}).json()
    study_id = draft(fake, name="Wave 1", reward=140, filters=[{"filter_id": "sex", "selected_values": ["1"]}])
    assert (
        call(local, "update-study", json={"credential_pool_id": pool["credential_pool_id"]}, id=study_id).status_code
        == 200
    )
    assert publish(local, study_id).status_code == 200
    copy = check_spec("duplicate-study", call(local, "duplicate-study", json={}, id=study_id))
    assert copy["id"] != study_id and copy["status"] == "UNPUBLISHED" and copy["published_at"] is None
    assert (copy["name"], copy["reward"], copy["project"]) == ("Wave 1", 140, fake.studies[study_id]["project"])
    assert copy["filters"] == [
        {"filter_id": "sex", "selected_values": ["1"]},
        {"filter_id": "previous_studies", "selected_values": [study_id]},
    ]
    assert copy["credential_pool_id"] is None and copy["has_credentials"] is False
    assert fake.studies[study_id]["filters"] == [{"filter_id": "sex", "selected_values": ["1"]}]  # original untouched
    open_copy = call(local, "duplicate-study", json={"block_previous_participants": False}, id=study_id).json()
    assert open_copy["filters"] == [{"filter_id": "sex", "selected_values": ["1"]}]


def test_only_a_draft_is_deleted(fake: FakeProlific, api: httpx.Client) -> None:
    kept, gone = draft(fake), draft(fake)
    assert check_spec("delete-study", call(api, "delete-study", id=gone)) == {}
    assert gone not in fake.studies
    assert error_detail("get-study", call(api, "get-study", id=gone), 404)
    assert publish(api, kept).status_code == 200
    assert "Published studies cannot be deleted" in error_detail(
        "delete-study", call(api, "delete-study", id=kept), 400
    )
    assert kept in fake.studies


# -- the generated client reads every answer the study file's plan uses ---------------------------


def test_the_generated_client_parses_the_plan_answers(fake: FakeProlific) -> None:
    draft(fake)
    with Prolific(token=TOKEN, http_client=httpx.Client(transport=fake.transport)) as client:
        assert (
            client.studies.calculate_study_cost(body=StudyCostRequest(reward=100, total_available_places=10)).total_cost
            == 1396
        )
        filters = client.filters.get_filters(workspace_id=WS).results
        assert len(filters) == len(CATALOGUE)
        assert client.filters.get_eligible_count(body=RequirementsCountRequest(filters=[])).count == POPULATION
        assert client.filter_sets.get_filter_sets(workspace_id=WS).results == []
        assert client.workspaces.get_workspace_balance(WS).available_balance == 1_000_000
        [rates] = client.reward_recommendations.calculate_reward_recommendations(workspace_id=WS, currency="GBP")
        assert rates.recommended_reward_per_hour == 900
