"""A study's life: `client.studies.publish` with its cost in view, over loopback (group ``study-life``)."""

from __future__ import annotations

from collections.abc import Callable

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
    return [
        Row(
            "publish",
            f"`client.studies.publish` of a draft with its cost in view: {len(PUBLISH_REQUESTS)} requests, the "
            f"minimum ({', '.join(PUBLISH_REQUESTS)}; checked: the requests sent), FakeProlific over loopback",
            "bare httpx sending the same 5 requests and checking the balance", s, b,
            notes=f"{repeats} pairs; one fresh draft per run; the server in a child process",
        ),
    ]  # fmt: skip
