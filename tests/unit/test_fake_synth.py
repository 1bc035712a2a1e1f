"""FakeProlific answers every operation: the ones it does not model with a documented answer it makes up.

Each answer is checked against the merged spec (JSON Schema 2020-12) and parsed by the generated
parser; two fakes with the same seed and the same world give the same bytes. Then what the made-up
answers take from the fake's state (get-user, a study's cost, ...), the 404 of a
resource the fake models but does not have, and that nothing reads the answers' schemas before an
unmodelled operation is called.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import uuid
from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, call, check_spec, error_detail, spec, url_of

from prolific.testing import FakeProlific, FakeRequest
from prolific.testing._synth import Synthesizer, _Builder, _getters, _shape
from prolific.testing._workspaces import OWNER
from prolific_api_client.operations import OPERATIONS

WORKSPACE, PROJECT, EMPTY_PROJECT = "6540a1b2c3d4e5f607182930", "6540a1b2c3d4e5f607182931", "6540a1b2c3d4e5f607182932"
OTHER_ID = "6540a1b2c3d4e5f6071829ff"  # any id the fake does not hold
UNMODELLED = sorted(set(OPERATIONS) - FakeProlific().handled_operations)


def _world(fake: FakeProlific) -> dict[str, str]:
    """A workspace with a project holding a study (with submissions), an empty project, a survey, a filter set.

    The made-up answers to operations under a path parameter are about these: the operation that reads
    the path's resource (``get-study`` for ``/studies/{id}/cost/``) names which one.
    """
    fake.add_project(PROJECT, WORKSPACE)
    fake.add_project(EMPTY_PROJECT, WORKSPACE)
    study_id = fake.add_study(project=PROJECT, name="Pilot", total_available_places=5, reward=150)
    [survey_id] = fake.add_surveys(OWNER, 1)
    filter_set = fake.add_filter_set(WORKSPACE, "Left-handed", [{"filter_id": "handedness", "selected_values": ["0"]}])
    return {
        "get-study": study_id,
        "get-workspace": WORKSPACE,
        "get-project": EMPTY_PROJECT,
        "get-survey": survey_id,
        "get-filter-set": filter_set,
    }


def _path_params(operation_id: str, world: dict[str, str]) -> dict[str, str]:
    """Each path parameter: the world's resource its reader reads, else an id (a uuid where the spec asks one)."""
    template = OPERATIONS[operation_id].path
    params = {}
    for match in re.finditer(r"\{([^}]+)\}", template):
        reader = _getters().get(_shape(template[: match.end()]))
        held = world.get(reader.operation_id) if reader is not None else None
        params[match.group(1)] = held or _parameter_value(operation_id, match.group(1))
    return params


def _parameter_value(operation_id: str, name: str) -> str:
    operation = OPERATIONS[operation_id]
    declared = spec()["paths"][operation.path][operation.method.lower()].get("parameters") or []
    schema = next((p.get("schema") or {} for p in declared if p.get("name") == name and p.get("in") == "path"), {})
    if schema.get("format") == "uuid":
        return "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    return "data.csv" if "filename" in name else OTHER_ID


def _body(operation_id: str) -> Any:
    """A request body the spec accepts (built by the same schema walker, from the request schema)."""
    operation = OPERATIONS[operation_id]
    entry = spec()["paths"][operation.path][operation.method.lower()]
    schema = (((entry.get("requestBody") or {}).get("content") or {}).get("application/json") or {}).get("schema")
    if schema is None:
        return None
    request = FakeRequest(operation, operation.method, operation.path, {}, {}, {}, None, b"", "")
    builder = _Builder(spec()["components"]["schemas"], random.Random(operation_id), "GBP", request)
    return builder.top(schema)


def _query(operation_id: str) -> dict[str, Any]:
    """The required query parameters, with values their schemas accept."""
    operation = OPERATIONS[operation_id]
    declared = spec()["paths"][operation.path][operation.method.lower()].get("parameters") or []
    request = FakeRequest(operation, operation.method, operation.path, {}, {}, {}, None, b"", "")
    builder = _Builder(spec()["components"]["schemas"], random.Random(operation_id), "GBP", request)
    required = [p for p in declared if p.get("in") == "query" and p.get("required")]
    return {p["name"]: builder.value(p.get("schema") or {}, p["name"], 1) for p in required}


def _answers(seed: int) -> dict[str, httpx.Response]:
    """Every unmodelled operation, asked once of a fresh fake with the same world (same ids) and ``seed``."""
    ids = random.Random(1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4))
        fake = FakeProlific(seed=seed)
        world = _world(fake)
    answers = {}
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as client:
        for operation_id in UNMODELLED:
            body = _body(operation_id)
            params = _query(operation_id)
            answers[operation_id] = call(
                client, operation_id, json=body, params=params, **_path_params(operation_id, world)
            )
    assert fake.exceptions == []
    return answers


@pytest.fixture(scope="module")
def answers() -> dict[str, httpx.Response]:
    return _answers(seed=3)


def test_every_operation_is_answered_never_501() -> None:
    fake = FakeProlific()
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as client:
        for operation_id, operation in OPERATIONS.items():
            params = {name: OTHER_ID for name in operation.path_parameters}
            response = call(client, operation_id, json={} if operation.has_body else None, **params)
            assert response.status_code != 501, operation_id
            check_spec(operation_id, response)  # documented: a success, or an error the API also answers
    assert fake.exceptions == []


def test_every_unmodelled_operation_answers_its_documented_success(answers: dict[str, httpx.Response]) -> None:
    assert len(answers) > 50 and "get-user" in answers and "export-study" in answers
    for operation_id, response in answers.items():
        assert 200 <= response.status_code < 300, (operation_id, response.status_code, response.text[:300])
        check_spec(operation_id, response)
        OPERATIONS[operation_id].parse(response)  # the generated parser takes it


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(answers: dict[str, httpx.Response]) -> None:
    again = _answers(seed=3)
    assert {k: (r.status_code, r.content) for k, r in again.items()} == {
        k: (r.status_code, r.content) for k, r in answers.items()
    }
    other = _answers(seed=4)
    differing = [k for k in answers if other[k].content != answers[k].content]
    assert len(differing) > len(answers) // 2


def test_values_look_like_prolific(answers: dict[str, httpx.Response]) -> None:
    filter_set = answers["clone-filter-set"].json()
    assert re.fullmatch(r"[0-9a-f]{24}", filter_set["id"])
    assert filter_set["id"] != _world_ids()["get-filter-set"]  # a copy is another filter set
    assert re.fullmatch(r"[0-9a-f]{24}", filter_set["workspace_id"])
    batch = answers["get-task-builder-batch"].json()
    assert str(uuid.UUID(batch["id"])) == batch["id"]  # a uuid where the spec says so
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", batch["created_at"])
    user = answers["get-user"].json()
    assert user["id"] == OWNER and user["email"].endswith("@example.org") and user["currency_code"] == "GBP"
    export = answers["export-study"]
    assert export.headers["content-type"].startswith("text/csv")
    assert export.text.splitlines()[0].startswith("Submission id,Participant id,Status,Started at")


def _world_ids() -> dict[str, str]:
    ids = random.Random(1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4))
        return _world(FakeProlific())


def test_a_resource_read_twice_looks_the_same_and_lists_count_their_items(api: httpx.Client) -> None:
    batch, other = "3fa85f64-5717-4562-b3fc-2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afa7"
    first = call(api, "get-task-builder-batch", batch_id=batch)
    assert call(api, "get-task-builder-batch", batch_id=batch).content == first.content
    assert call(api, "get-task-builder-batch", batch_id=other).content != first.content
    listing = call(api, "get-task-builder-batches", params={"workspace_id": WORKSPACE}).json()
    assert listing["meta"]["count"] == len(listing["results"])


def test_a_resource_the_fake_models_but_does_not_have_is_404(api: httpx.Client, fake: FakeProlific) -> None:
    assert error_detail("get-study-cost", call(api, "get-study-cost", id=OTHER_ID), 404) == "Study not found."
    assert "not found" in error_detail(
        "get-workspace-balance", call(api, "get-workspace-balance", workspace_id="ws9"), 404
    )
    assert "not found" in error_detail("update-project", call(api, "update-project", json={}, project_id=OTHER_ID), 404)
    assert "not found" in error_detail("get-responses", call(api, "get-responses", survey_id=OTHER_ID), 404)
    fake.add_project(PROJECT, WORKSPACE)
    assert call(api, "get-workspace-balance", workspace_id=WORKSPACE).status_code == 200


def test_requests_are_checked_against_the_spec_first(api: httpx.Client) -> None:
    refused = call(api, "create-filter-set", json={"name": 7})
    detail = error_detail("create-filter-set", refused, 400)
    assert "name" in detail
    raw = api.post(url_of("create-filter-set"), content=b"{not json", headers={"Content-Type": "application/json"})
    assert raw.status_code == 400


def test_what_the_request_sent_comes_back(api: httpx.Client) -> None:
    body = {"workspace_id": WORKSPACE, "name": "Right-handed, UK", "filters": []}
    created = call(api, "create-filter-set", json=body)
    assert created.status_code == 201 and created.json()["name"] == "Right-handed, UK"
    assert created.json()["workspace_id"] == WORKSPACE


def test_an_answer_about_a_resource_the_fake_holds_shows_it(api: httpx.Client, fake: FakeProlific) -> None:
    world = fake.seed_demo()
    project = call(api, "update-project", json={"description": "New words"}, project_id=world["project_id"])
    check_spec("update-project", project)
    body = project.json()
    assert (body["id"], body["title"], body["workspace"]) == (
        world["project_id"],
        "Demo project",
        world["workspace_id"],
    )
    assert body["description"] == "New words"  # what the request sent, over what the fake holds


def test_a_route_replaces_the_made_up_answer(api: httpx.Client, fake: FakeProlific) -> None:
    fake.route("get-user", lambda request: {"id": "5e9b9c9b0f9c9a0001b0b1f4", "email": "you@example.org"})
    assert call(api, "get-user").json() == {"id": "5e9b9c9b0f9c9a0001b0b1f4", "email": "you@example.org"}
    fake.route("get-user", None)
    assert call(api, "get-user").json()["id"] == OWNER


# -- answers that agree with the fake's state ---------------------------------------------------------


@pytest.fixture
def money(fake: FakeProlific, api: httpx.Client) -> dict[str, Any]:
    """A published study (10 places at 200 pence) with 4 approved submissions and one bonus of 1.50 paid."""
    fake.add_project(PROJECT, WORKSPACE)
    study_id = fake.add_study(project=PROJECT, total_available_places=10, reward=200)
    pool = call(api, "create-credential-pool", json={"credentials": "a,pw-a", "workspace_id": WORKSPACE}).json()
    call(api, "update-study", json={"credential_pool_id": pool["credential_pool_id"]}, id=study_id)
    assert call(api, "publish-study", json={"action": "PUBLISH"}, id=study_id).json()["status"] == "ACTIVE"
    submission_ids = fake.add_submissions(study_id, 4, status="APPROVED")
    bulk = call(api, "create-bonus-payments", json={"study_id": study_id, "csv_bonuses": f"{submission_ids[0]},1.50"})
    assert bulk.status_code == 201, bulk.text
    assert call(api, "pay-bonus-payments", id=bulk.json()["id"]).status_code == 202
    return {"study_id": study_id, "bulk": bulk.json()}


def test_the_study_cost_shows_the_rewards_and_the_bonuses_paid(api: httpx.Client, money: dict[str, Any]) -> None:
    cost = call(api, "get-study-cost", id=money["study_id"]).json()
    assert cost["rewards"]["rewards"] == {"amount": 800, "currency": "GBP"}
    assert cost["bonuses"]["rewards"]["amount"] == money["bulk"]["amount"] == 150
    assert cost["bonuses"]["fees"]["amount"] == money["bulk"]["fees"]
    projected = call(api, "get-study-cost", id=money["study_id"], params={"is_projected": "true"}).json()
    assert projected["rewards"]["rewards"]["amount"] == 10 * 200


def test_exports_and_lists_show_the_stored_submissions_studies_and_messages(
    api: httpx.Client, fake: FakeProlific
) -> None:
    fake.add_project(PROJECT, WORKSPACE)
    study_id = fake.add_study(project=PROJECT, name="Stored study")
    submission_ids = fake.add_submissions(study_id, 2, status="AWAITING REVIEW")
    rows = [line.split(",") for line in call(api, "export-study", id=study_id).text.splitlines()[1:]]
    assert [row[0] for row in rows] == submission_ids and {row[2] for row in rows} == {"AWAITING REVIEW"}
    studies = call(api, "get-project-studies", project_id=PROJECT)
    check_spec("get-project-studies", studies)
    assert [s["id"] for s in studies.json()["results"]] == [study_id]
    listed = call(api, "get-study-submissions", id=study_id)
    check_spec("get-study-submissions", listed)
    assert [s["id"] for s in listed.json()["results"]] == submission_ids
    participant = fake.submissions[study_id][0]["participant_id"]
    sent = call(api, "send-message", json={"recipient_id": participant, "body": "Thanks!", "study_id": study_id})
    assert sent.status_code == 204
    messages = call(api, "get-messages", params={"user_id": participant})
    check_spec("get-messages", messages)
    [message] = messages.json()["results"]
    assert message["body"] == "Thanks!" and message["sender_id"] == OWNER and message["data"] == {"study_id": study_id}


def test_a_synthesizer_without_a_world_answers_too() -> None:
    operation = OPERATIONS["get-user"]
    request = FakeRequest(operation, "GET", "/", {}, {}, {}, None, b"", "")
    answer = Synthesizer(seed=5).answer(request)
    assert answer.status == 200 and json.loads(answer.body)["currency_code"] == "GBP"
    with pytest.raises(TypeError, match="seed must be an int"):
        Synthesizer(seed="5")  # type: ignore[arg-type]


def test_the_schemas_are_read_on_the_first_unmodelled_operation_only() -> None:
    script = """
import httpx
from prolific.testing import FakeProlific
from prolific.testing._synth import response_table
fake = FakeProlific()
client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
                      headers={"Authorization": "Token t"})
client.post("/api/v1/credentials/", json={"credentials": "a,b", "workspace_id": "ws1"})
before = response_table.cache_info().currsize
client.get("/api/v1/users/me/")
print(before, response_table.cache_info().currsize)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["0", "1"]
