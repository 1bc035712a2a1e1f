"""FakeProlific answers the study-file tests need, until the fake gives them itself (Helper B: the fake's study rules).

Each is a ``fake.route(operation_id, handler)``, deterministic and as small as the checks need: a
filters catalogue (one select filter, one range filter), a filter set, a balance, the cost (reward
× places + a 33.3% fee + 20% VAT on the fee), an eligible count that is a function of the filters,
a predicted recruitment time, reward recommendations. The workspace and its project are made
through the API (``create-workspace``, ``create-project``), which the fake answers already.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-studies-5f1e2d"
BASE = "https://api.prolific.com"
FILTER_SET_ID = "644b9cace850cb37684f0892"  # the Go CLI templates' filter set

FILTERS = [
    {
        "filter_id": "handedness",
        "title": "Handedness",
        "type": "select",
        "question": "Are you left or right handed?",
        "choices": {"0": "Left-handed", "1": "Right-handed", "2": "Ambidextrous"},
        "data_type": "ChoiceID",
    },
    {
        "filter_id": "javascript",
        "title": "JavaScript enabled",
        "type": "select",
        "choices": {"0": "Yes", "1": "No"},
        "data_type": "ChoiceID",
    },
    # The choices of these two are the researcher's own groups and studies: the list gives none.
    {"filter_id": "participant_group_allowlist", "title": "Custom allowlist", "type": "select", "choices": {}},
    {
        "filter_id": "previous_studies_blocklist",
        "title": "Exclude participants from previous studies",
        "type": "select",
        "choices": {},
    },
    {
        "filter_id": "age",
        "title": "Age",
        "type": "range",
        "question": "What is your age?",
        "min": 18,
        "max": 100,
        "data_type": "integer",
    },
]
#: Participants the fake has (the eligible count of no filter).
POPULATION = 120_000


def cost_of(reward: float, places: int) -> float:
    """What the routes' ``calculate-study-cost`` answers (cents)."""
    amount = reward * places
    fee = round(amount * 0.333)
    return float(amount + fee + round(fee * 0.2))


def eligible_for(filters: list[dict[str, Any]]) -> int:
    """What ``get-eligible-count`` answers: the population narrowed by each filter (deterministic)."""
    count = POPULATION
    for item in filters:
        if "selected_values" in item:
            count = count * len(item["selected_values"]) // 3
        elif "selected_range" in item:
            low, high = item["selected_range"].get("lower", 18), item["selected_range"].get("upper", 100)
            count = count * max(0, int(high) - int(low) + 1) // 83
    return count


@dataclass
class Account:
    """The fake with a workspace (``workspace_id``, titled ``Lab``), its project ``Waves`` and the routes above."""

    fake: FakeProlific
    workspace_id: str
    project_id: str
    balance: int = 100_000
    currency: str = "GBP"
    filter_sets: tuple[str, ...] = (FILTER_SET_ID,)

    def count(self, operation: str) -> int:
        return sum(1 for r in self.fake.requests if r.operation_id == operation)

    def operations(self) -> list[str]:
        return [r.operation_id for r in self.fake.requests]

    def drafts(self) -> list[dict[str, Any]]:
        return [s for s in self.fake.studies.values() if s["status"] == "UNPUBLISHED"]


def install(fake: FakeProlific) -> Account:
    """Make the workspace and project, and route every operation the study-file checks and plans read."""
    with httpx.Client(transport=fake.transport, base_url=BASE, headers={"Authorization": f"Token {TOKEN}"}) as http:
        workspace = http.post("/api/v1/workspaces/", json={"title": "Lab"}).json()
        project = http.post(f"/api/v1/workspaces/{workspace['id']}/projects/", json={"title": "Waves"}).json()
    account = Account(fake, workspace["id"], project["id"])

    def balance(request: Any) -> dict[str, Any]:
        return {
            "currency_code": account.currency,
            "total_balance": account.balance,
            "available_balance": account.balance,
        }

    def cost(request: Any) -> dict[str, Any]:
        return {"total_cost": cost_of(request.body["reward"], request.body["total_available_places"])}

    def recruitment(request: Any) -> dict[str, Any]:
        hours = round(request.body["total_available_places"] / 40, 1)
        return {"precise_recruitment_time_hours": hours, "display_string": f"about {hours} hours"}

    fake.route("get-filters", lambda r: {"results": json.loads(json.dumps(FILTERS))})
    fake.route(
        "get-filter-set",
        lambda r: (
            {"id": r.path_params["id"], "version": 1, "name": "Right-handed", "eligible_participant_count": 4321}
            if r.path_params["id"] in account.filter_sets
            else httpx.Response(404, json={"error": {"detail": "Not found."}})
        ),
    )
    fake.route("get-workspace-balance", balance)
    fake.route("calculate-study-cost", cost)
    fake.route("get-eligible-count", lambda r: {"count": eligible_for(r.body["filters"])})
    fake.route("post-study-predicted-recruitment-time", recruitment)
    fake.route(
        "calculate-reward-recommendations",
        lambda r: [{"currency": r.query["currency"], "min_reward_per_hour": 600, "recommended_reward_per_hour": 900}],
    )
    return account
