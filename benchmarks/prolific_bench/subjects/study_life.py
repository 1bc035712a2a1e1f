"""A study's life over loopback (group ``study-life``): ``client.studies.publish`` with its cost in view, and the
requests of ``client.studies.plan`` of a study a file made."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx

from ..harness import Row, Run, interleaved
from ..processes import fake_server
from .clients import TOKEN, bare_headers

WORKSPACE = "6540aa0000000000000000ws"
#: What publishing a draft needs, and no more: read the study (its status, reward, places, project),
#: price it, find its workspace (its project's), read the balance, then the one transition.
PUBLISH_REQUESTS = ("get-study", "calculate-study-cost", "get-project", "get-workspace-balance", "publish-study")
_DRAFT = {
    "name": "Bench",
    "description": "d",
    "external_study_url": "https://example.org/s?PROLIFIC_PID={{%PROLIFIC_PID%}}",
    "prolific_id_option": "url_parameters",
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
    "workspace_id": WORKSPACE,
}


def _plan_requests(url: str, tmp: Path) -> tuple[int, list[str], int]:
    """``(requests of the second plan, their operations, the minimum)``: a study file applied, then planned twice
    (the first plan fills the caches: the filters list, the recommendations), its second plan counted."""
    from prolific import Prolific
    from prolific.studies import MINIMUM_PLAN_REQUESTS

    bare = httpx.Client(base_url=url, headers=bare_headers())
    workspace = bare.post("/api/v1/workspaces/", json={"title": "Lab"}).raise_for_status().json()["id"]
    project = bare.post(f"/api/v1/workspaces/{workspace}/projects/", json={"title": "Waves"}).json()["id"]
    bare.close()
    study = tmp / "study.json"
    fields = {key: value for key, value in _DRAFT.items() if key != "workspace_id"}  # the project says it
    study.write_text(json.dumps({**fields, "project": project, "completion_codes": [
        {"code": "DONE", "code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}],
        "filters": [{"filter_id": "handedness", "selected_values": ["0"]}]}))  # fmt: skip
    state = tmp / "studies.sqlite3"
    sent: list[str] = []
    counting = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
    operations: list[str] = []
    with Prolific(token=TOKEN, base_url=url, http_client=counting) as client:
        client.studies.apply(study, state=state)
        client.studies.plan(study, state=state)  # warms the caches
        del sent[:]
        plan = client.studies.plan(study, state=state)
        if plan.action != "none" or plan.spend is None:
            raise SystemExit(f"benchmark bug: the plan of the applied file is {plan.action}")
        operations = [path.rstrip("/").rsplit("/api/v1/", 1)[-1] for path in sent]
    counting.close()
    state.unlink(missing_ok=True)
    return len(sent), operations, len(MINIMUM_PLAN_REQUESTS)


def study_life(run: Run) -> list[Row]:
    """``publish`` of a draft (5 requests, checked) vs bare httpx sending the same 5, FakeProlific over loopback."""
    from prolific import Prolific

    repeats, warmup = run.size.pick(31, 5, 1), run.size.warmup(2)
    with fake_server() as (url, _):
        sent: list[str] = []
        counting = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
        client = Prolific(token=TOKEN, base_url=url, http_client=counting)
        bare = httpx.Client(base_url=url, headers=bare_headers())
        # One fresh draft per run of either side (publishing is once per study), made before the timing.
        runs = 2 * (repeats + warmup) + 2
        drafts = [bare.post("/api/v1/studies/", json=_DRAFT).raise_for_status().json()["id"] for _ in range(runs)]

        def publish() -> str:
            return str(client.studies.publish(drafts.pop()).status)

        def bare_publish() -> str:
            study_id = drafts.pop()
            study = bare.get(f"/api/v1/studies/{study_id}/").raise_for_status().json()
            if study["status"] != "UNPUBLISHED":
                raise SystemExit("benchmark bug: not a draft")
            places = {"reward": study["reward"], "total_available_places": study["total_available_places"]}
            cost = bare.post("/api/v1/study-cost-calculator/", json=places).raise_for_status().json()["total_cost"]
            project = bare.get(f"/api/v1/projects/{study['project']}/").raise_for_status().json()
            balance = bare.get(f"/api/v1/workspaces/{project['workspace']}/balance/").raise_for_status().json()
            if balance["available_balance"] < cost:
                raise SystemExit("benchmark bug: the fake's default funds ran out")
            answer = bare.post(f"/api/v1/studies/{study_id}/transition/", json={"action": "PUBLISH"})
            return str(answer.raise_for_status().json()["status"])

        del sent[:]
        if publish() != "ACTIVE" or len(sent) != len(PUBLISH_REQUESTS):
            raise SystemExit(f"benchmark bug: publish sent {len(sent)} requests, not {len(PUBLISH_REQUESTS)}")
        if bare_publish() != "ACTIVE":
            raise SystemExit("benchmark bug: the bare publish did not publish")
        timed: Callable[[], object] = publish
        s, b = interleaved(timed, bare_publish, repeats=repeats, warmup=warmup)
        bare.close()
        client.close()
        counting.close()
        planned, paths, minimum = _plan_requests(url, run.tmp)
    return [
        Row(
            "publish",
            f"`client.studies.publish` of a draft with its cost in view: {len(PUBLISH_REQUESTS)} requests, the "
            f"minimum ({', '.join(PUBLISH_REQUESTS)}; checked: the requests sent), FakeProlific over loopback",
            "bare httpx sending the same 5 requests and checking the balance", s, b,
            notes=f"{repeats} pairs; one fresh draft per run; the server in a child process",
        ),
        Row(
            "plan-requests",
            "`client.studies.plan(file, state=...)` of the study the file made (`apply`d), the filters list and "
            "the reward recommendations cached in the state file: requests sent",
            f"the minimum, {minimum}: get-study, get-workspace-balance, calculate-study-cost, get-eligible-count, "
            "post-study-predicted-recruitment-time", [planned], [minimum], unit="requests",
            notes=f"{planned} requests ({', '.join(paths)}); counted, not timed",
        ),
    ]  # fmt: skip
