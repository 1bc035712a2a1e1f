"""A scripted study on the fake's clock: it fills, has one return burst, its pool runs low, it pauses, it completes.

``ScriptedStudy.sleep`` is the watching client's clock (``client.sleep``): each wait moves the
fake's clock, and the steps of the script that fall due in it happen at their time. No test here
sleeps or reads a real clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from prolific.testing import FakeProlific

PLACES = 20
POOL = 27
REVIEW_BACKLOG = 10  # the test's threshold (the default is 20)


@dataclass
class ScriptedStudy:
    """A published study with a credential pool, and what happens to it when (seconds of the fake's clock)."""

    fake: FakeProlific
    study_id: str
    pool_id: str
    steps: list[tuple[float, str, Callable[[], object]]] = field(default_factory=list)
    now: float = 0.0
    waits: list[float] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    limit: float = 24 * 3600  # a watch that never ends fails the test instead of hanging it

    def sleep(self, seconds: float) -> None:
        """The watching client's clock: the script's steps due in this wait happen, then the clock stands after it."""
        self.waits.append(seconds)
        target = self.now + seconds
        while self.steps and self.steps[0][0] <= target:
            at, name, step = self.steps.pop(0)
            if at > self.now:
                self.fake.advance(at - self.now)
                self.now = at
            step()
            self.done.append(name)
        self.fake.advance(target - self.now)
        self.now = target
        if self.now > self.limit:
            raise AssertionError(f"the watch went on past {self.limit} s of the fake's clock; steps done: {self.done}")

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def _api(fake: FakeProlific) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport, base_url="https://api.prolific.com", headers={"Authorization": "Token researcher"}
    )


def scripted_study(fake: FakeProlific) -> ScriptedStudy:
    """The story every watch test follows (the numbers in the comments: credentials left, places left)."""
    api = _api(fake)
    fake.predicted_recruitment_hours = 1.0  # Prolific's prediction, as the view shows it
    pool = api.post(
        "/api/v1/credentials/",
        json={"workspace_id": "ws", "credentials": "\n".join(f"user{n},pw{n}" for n in range(POOL))},
    ).json()["credential_pool_id"]
    study_id = fake.add_study(
        workspace_id="ws", total_available_places=PLACES, maximum_allowed_time=30, estimated_completion_time=5
    )
    api.patch(f"/api/v1/studies/{study_id}/", json={"credential_pool_id": pool}).raise_for_status()
    api.post(f"/api/v1/studies/{study_id}/transition/", json={"action": "PUBLISH"}).raise_for_status()
    script = ScriptedStudy(fake, study_id, pool)
    late: list[str] = []

    def start_and_return(count: int) -> None:
        for _ in range(count):
            fake.return_submission(fake.start_submission(study_id))

    def start_and_stay(count: int) -> None:
        late.extend(fake.start_submission(study_id) for _ in range(count))

    def more_credentials() -> None:
        extra = "\n".join(f"extra{n},pw{n}" for n in range(3))
        api.patch(f"/api/v1/credentials/{pool}/", json={"credentials": extra}).raise_for_status()
        api.post(f"/api/v1/studies/{study_id}/transition/", json={"action": "START"}).raise_for_status()

    def approve_all() -> None:
        waiting = [s["id"] for s in fake.submissions[study_id] if s["status"] == "AWAITING REVIEW"]
        api.post("/api/v1/submissions/bulk-approve/", json={"submission_ids": waiting}).raise_for_status()
        fake.settle()

    script.steps = [
        (30, "8 take part", lambda: fake.take_part(study_id, 8)),  # 19 left, 12 places left
        (90, "return burst", lambda: start_and_return(4)),  # 4 of 12 returned: high return rate; 15, 12
        (150, "3 start and stay", lambda: start_and_stay(3)),  # 12, 9
        (200, "4 take part", lambda: fake.take_part(study_id, 4)),  # 12 await review: piling up; 8, 5
        (260, "2 take part", lambda: fake.take_part(study_id, 2)),  # 6, 3
        (320, "1 takes part", lambda: fake.take_part(study_id, 1)),  # 5 left: the pool runs low; 5, 2
        # 150 + 30 minutes: the three who stayed time out (over the maximum allowed time); 5, 5
        (2000, "4 take part", lambda: fake.take_part(study_id, 4)),  # 1, 1
        (2060, "1 starts and returns", lambda: start_and_return(1)),  # 0 left: the study pauses itself
        (2400, "3 credentials more, started", more_credentials),
        (2460, "1 takes part", lambda: fake.take_part(study_id, 1)),  # full: awaiting review
        (2600, "every submission approved", approve_all),  # completed
    ]
    return script


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific()


@pytest.fixture
def script(fake: FakeProlific) -> ScriptedStudy:
    return scripted_study(fake)


@pytest.fixture
def served(fake: FakeProlific) -> Iterator[str]:
    """The fake over HTTP on 127.0.0.1 (the watch's requests cross a real socket)."""
    with fake.serve() as url:
        yield url
