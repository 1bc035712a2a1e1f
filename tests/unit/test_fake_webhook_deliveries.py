"""FakeProlific's background webhook deliveries under ``serve()``: real POSTs, Prolific's retry schedule, disabling.

The schedule is asserted on what the deliverer computed and the waits it asked for (a manual clock
whose ``sleep`` advances it: the whole 24-hour schedule runs at once), never on elapsed time.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx
import pytest
from fake_checks import TOKEN

from prolific import Prolific
from prolific.testing import FakeProlific
from prolific.testing._delivery import DISABLE_AFTER, RETRIES, RETRY_WINDOW, Backoff
from prolific.webhooks import WebhookEvent, verify, wsgi_app
from prolific_api_client.models import StudyTransition

WS = "ws_deliveries"
OTHER = "5e9b9c9b0f9c9a0001b0b1f4"


class ManualClock:
    """``clock()`` and ``sleep(seconds)`` for the deliverer: sleeping advances the clock and is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Receiver:
    """The project's ``wsgi_app`` on 127.0.0.1; ``answer(n)`` picks the status of POST n (``None``: the app's)."""

    def __init__(self, secret: str, answer: Callable[[int], int | None] = lambda n: None) -> None:
        self.handled: list[WebhookEvent] = []
        self.posts: list[tuple[bytes, dict[str, str]]] = []
        self.answer = answer
        app = wsgi_app(self.handled.append, secret=secret)

        def recording(environ: dict[str, Any], start_response: Any) -> Any:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            headers = {k[5:].replace("_", "-").title(): v for k, v in environ.items() if k.startswith("HTTP_")}
            self.posts.append((body, headers))
            status = self.answer(len(self.posts))
            if status is not None:
                start_response(f"{status} Whatever", [("Content-Length", "0")])
                return [b""]
            environ["wsgi.input"] = _Bytes(body)
            return app(environ, start_response)

        self.server = make_server("127.0.0.1", 0, recording, handler_class=_Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = (self._data, b"") if size < 0 else (self._data[:size], self._data[size:])
        return data


@pytest.fixture
def served() -> Iterator[tuple[FakeProlific, Prolific]]:
    """A fake under serve(), and a client reaching it over HTTP."""
    fake = FakeProlific(token=TOKEN)
    with fake.serve() as url, Prolific(TOKEN, base_url=url) as client:
        yield fake, client


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def _deliverer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "FakeProlific-deliverer"]


def _status_change(fake: FakeProlific, status: str = "ACTIVE") -> str:
    study = fake.add_study(workspace_id=WS)
    fake._studies.set_study_status(study, status)
    return study


# -- delivered by itself, signed ----------------------------------------------------------------------


def test_a_served_fake_delivers_each_event_by_itself_signed_for_the_receiver(
    served: tuple[FakeProlific, Prolific],
) -> None:
    fake, client = served
    secret = client.webhooks.ensure_secret(WS)
    receiver = Receiver(secret)
    try:
        studies = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
        submissions = client.webhooks.subscribe(WS, "submission.status.change", receiver.url)
        study = fake.add_study(workspace_id=WS)
        pool = client.credentials.create_pool(workspace_id=WS, credentials="a,pw-1")
        client.credentials.attach(study, pool)
        client.studies.publish_study(study, body=StudyTransition(action="PUBLISH"))  # over HTTP: ACTIVE
        fake.redeem(study, OTHER)  # a submission ACTIVE, then the pool is empty: the study PAUSED
        delivered = fake.wait_for_deliveries()
        assert [(d.attempt, d.status, d.retry_in) for d in delivered] == [(1, 200, None)] * 3
        seen = [(e.event_type, e.resource_id, e.status) for e in receiver.handled]
        [submission] = fake.submissions[study]
        assert seen == [
            ("study.status.change", study, "ACTIVE"),
            ("submission.status.change", submission["id"], "ACTIVE"),
            ("study.status.change", study, "PAUSED"),
        ]
        for (body, headers), delivery in zip(receiver.posts, delivered, strict=True):
            event = verify(body, headers, secret)  # the receiver got what verifies with the workspace secret
            assert event.event_id == delivery.event_id == headers["X-Event-Id"]
            assert int(headers["X-Timestamp"]) <= int(headers["X-Prolific-Request-Timestamp"])
        events = [*client.webhooks.iter_events(studies.id), *client.webhooks.iter_events(submissions.id)]
        assert sorted(e.id for e in events) == sorted(d.event_id for d in delivered)
        for event in events:
            assert event.status == "SUCCEEDED" and event["next_attempt_at"] is None
            [attempt] = event["attempts"]
            assert attempt["attempt"] == 1 and attempt["status_code"] == 200 and attempt["error"] is None
        assert fake.deliver_pending() == []  # nothing waits
        shown = repr(fake.deliveries) + repr(fake.webhook_events) + str([e.to_dict() for e in events])
        assert secret not in shown
    finally:
        receiver.close()


# -- Prolific's retry schedule ---------------------------------------------------------------------


def _expected_schedule(seed: int, first: float, scale: float) -> list[float]:
    """When retries 1 to 11 are due: each after a jittered delay, none later than 24 hours after the first try."""
    backoff, at, due = Backoff(seed), first, []
    for retry in range(1, RETRIES + 1):
        at = max(at, min(at + backoff.delay(retry) * scale, first + RETRY_WINDOW * scale))
        due.append(at)
    return due


def test_a_failing_receiver_sees_every_retry_on_prolifics_schedule(clock: ManualClock) -> None:
    fake = FakeProlific(token=TOKEN)
    fake.set_delivery_clock(clock, clock.sleep)
    scale = fake.delivery_time_scale
    assert scale == 1 / 1440
    with fake.serve() as url, Prolific(TOKEN, base_url=url) as client:
        secret = client.webhooks.ensure_secret(WS)
        receiver = Receiver(secret, answer=lambda n: 500)
        try:
            subscription = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
            study = _status_change(fake)
            made = fake.wait_for_deliveries()
            [event] = client.webhooks.iter_events(subscription.id)
        finally:
            receiver.close()
    assert len(receiver.posts) == 1 + RETRIES == 12 and receiver.handled == []
    assert {headers["X-Event-Id"] for _, headers in receiver.posts} == {event.id}
    assert len({headers["X-Timestamp"] for _, headers in receiver.posts}) == 1  # when it happened: one time
    for body, headers in receiver.posts:  # signed anew each time, the same event
        assert verify(body, headers, secret).resource_id == study
    assert [d.attempt for d in made] == list(range(1, 13)) and all(d.status == 500 for d in made)
    first = made[0].at
    due = _expected_schedule(0, first, scale)
    assert [d.at for d in made[1:]] == pytest.approx(due)
    assert [d.retry_in for d in made[:-1]] == pytest.approx([b - a for a, b in zip([first, *due], due, strict=False)])
    assert made[-1].retry_in is None
    assert clock.sleeps == pytest.approx([d.retry_in for d in made[:-1]])  # the waits asked for: the schedule
    for retry, delivery in enumerate(made[:-1], 1):
        assert 0 <= (delivery.retry_in or 0) <= Backoff.cap(retry) * scale
    assert made[-1].at - first <= RETRY_WINDOW * scale
    assert len(set(clock.sleeps)) == RETRIES  # jittered: no two waits alike
    assert event.status == "FAILED" and event["next_attempt_at"] is None
    assert [(a["attempt"], a["status_code"]) for a in event["attempts"]] == [(n, 500) for n in range(1, 13)]


def test_the_jitter_is_seeded_and_recovery_connection_errors_and_timeouts_are_handled(clock: ManualClock) -> None:
    fake = FakeProlific(token=TOKEN)
    fake.set_delivery_clock(clock, clock.sleep)
    fake.delivery_seed = 42
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{closed.getsockname()[1]}/"  # nothing listens there once closed
    with fake.serve() as url, Prolific(TOKEN, base_url=url) as client:
        secret = client.webhooks.ensure_secret(WS)
        receiver = Receiver(secret, answer=lambda n: 503 if n <= 2 else None)
        try:
            recovers = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
            down = client.webhooks.subscribe(WS, "submission.status.change", refused)
            study = _status_change(fake)
            fake.wait_for_deliveries()
            fake.add_submissions(study, 1, status="ACTIVE")
            fake._studies.set_submission_status(study, fake.submissions[study][0]["id"], "AWAITING REVIEW")
            fake.wait_for_deliveries()
            [recovered] = client.webhooks.iter_events(recovers.id)
            [failed] = client.webhooks.iter_events(down.id)
        finally:
            receiver.close()
    assert [e.status for e in receiver.handled] == ["ACTIVE"]  # handled once, on the third attempt
    assert recovered.status == "SUCCEEDED"
    assert [a["status_code"] for a in recovered["attempts"]] == [503, 503, 200]
    assert failed.status == "FAILED" and len(failed["attempts"]) == 12
    assert all(a["status_code"] is None and "ConnectError" in a["error"] for a in failed["attempts"])
    # The jitter comes from the seed, consumed in the order attempts fail: 2 retries, then 11.
    backoff = Backoff(42)
    expected = [backoff.delay(n) * fake.delivery_time_scale for n in (1, 2)]
    retries = [d.retry_in for d in fake.deliveries if d.subscription_id == recovers.id]
    assert retries == pytest.approx([*expected, None])

    # A timeout is a failed attempt, retried as any other (the transport stands in for a silent receiver).
    def slow_then_fine(request: httpx.Request) -> httpx.Response:
        timeouts = sum(1 for d in fake.deliveries if d.error and "ReadTimeout" in d.error)
        if timeouts < 2:
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(204)

    fake._delivery.transport = httpx.MockTransport(slow_then_fine)
    fake.deliveries.clear()
    with fake.serve():
        _status_change(fake, "PAUSED")
        made = fake.wait_for_deliveries()
    assert [(d.status, (d.error or "").split(":")[0]) for d in made] == [
        (None, "ReadTimeout"), (None, "ReadTimeout"), (204, "")
    ]  # fmt: skip


# -- five days of failures disable the target URL for the event type ---------------------------------


def test_a_target_failing_for_five_scaled_days_is_disabled(clock: ManualClock) -> None:
    fake = FakeProlific(token=TOKEN)
    fake.set_delivery_clock(clock, clock.sleep)
    day = 86_400 * fake.delivery_time_scale
    with fake.serve() as url, Prolific(TOKEN, base_url=url) as client:
        secret = client.webhooks.ensure_secret(WS)
        failing, healthy = Receiver(secret, answer=lambda n: 500), Receiver(secret)
        try:
            broken = client.webhooks.subscribe(WS, "study.status.change", failing.url)
            fine = client.webhooks.subscribe(WS, "study.status.change", healthy.url)
            start = clock.now
            _status_change(fake)  # day 0: 12 attempts, all failed, within the day
            fake.wait_for_deliveries()
            clock.now = start + 2 * day
            _status_change(fake)  # day 2: failing still
            fake.wait_for_deliveries()
            assert fake.webhook_subscriptions[broken.id]["is_enabled"] is True
            clock.now = start + DISABLE_AFTER * fake.delivery_time_scale + 1
            _status_change(fake)  # past day 5: this first failure disables it
            fake.wait_for_deliveries()
            last = fake.deliveries[-1] if fake.deliveries[-1].subscription_id == broken.id else fake.deliveries[-2]
            assert last.disabled == (broken.id,) and last.attempt == 1 and last.retry_in is None
            assert client.webhooks.get_subscription(broken.id).is_enabled is False
            assert [s.id for s in client.webhooks.list_subscriptions(WS, is_enabled=False)] == [broken.id]
            assert [s.id for s in client.webhooks.list_subscriptions(WS)] == [fine.id]
            third = list(client.webhooks.iter_events(broken.id))[-1]
            assert third.status == "FAILED" and len(third["attempts"]) == 1 and third["next_attempt_at"] is None
            posts = len(failing.posts)
            _status_change(fake)  # disabled: no event for it, the healthy one still gets its own
            fake.wait_for_deliveries()
            assert len(failing.posts) == posts and len(list(client.webhooks.iter_events(broken.id))) == 3
            assert [e.status for e in healthy.handled] == ["ACTIVE"] * 4
        finally:
            failing.close()
            healthy.close()


def test_a_success_restarts_the_five_days(clock: ManualClock) -> None:
    fake = FakeProlific(token=TOKEN)
    fake.set_delivery_clock(clock, clock.sleep)
    day = 86_400 * fake.delivery_time_scale
    answers = {"status": 500}
    with fake.serve() as url, Prolific(TOKEN, base_url=url) as client:
        secret = client.webhooks.ensure_secret(WS)
        receiver = Receiver(secret, answer=lambda n: answers["status"])
        try:
            subscription = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
            start = clock.now
            for at, status in ((0, 500), (3, 200), (5.5, 500), (8.4, 500)):
                clock.now = max(clock.now, start + at * day)
                answers["status"] = status
                _status_change(fake)
                fake.wait_for_deliveries()
            assert fake.webhook_subscriptions[subscription.id]["is_enabled"] is True  # failing 2.9 days only
            clock.now = start + 10.6 * day
            _status_change(fake)
            fake.wait_for_deliveries()
            assert fake.webhook_subscriptions[subscription.id]["is_enabled"] is False  # 5.1 days since day 5.5
        finally:
            receiver.close()


# -- lifecycle: started and stopped with serve(); in-process stays explicit ---------------------------


def test_the_deliverer_runs_only_while_serving_and_in_process_delivery_stays_explicit() -> None:
    fake = FakeProlific(token=TOKEN)
    fake.delivery_time_scale = 1.0  # Prolific's real times: a retry would come after up to a minute
    with httpx.Client(transport=fake.transport) as http, Prolific(TOKEN, http_client=http) as client:
        secret = client.webhooks.ensure_secret(WS)
        receiver = Receiver(secret, answer=lambda n: 500 if n == 1 else None)
        try:
            subscription = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
            _status_change(fake)
            others = set(_deliverer_threads())  # other fakes' (another test's, still finishing a POST)
            assert receiver.posts == [] and not fake._delivery.worker.running  # in-process: nothing in the background
            with pytest.raises(RuntimeError, match="deliver_pending"):
                fake.wait_for_deliveries()
            with fake.serve(), fake.serve():
                [ours] = set(_deliverer_threads()) - others  # nested serve() calls share one
                # The background makes the first attempt (500) and schedules the retry a minute away;
                # deliver_pending() sends what waits at once (whoever took the event first).
                made = fake.deliver_pending()
                assert len(receiver.posts) == 2 and [e.status for e in receiver.handled] == ["ACTIVE"]
                assert fake.wait_for_deliveries(timeout=0) == fake.deliveries
                assert [d.status for d in fake.deliveries] == [500, 200] and made[-1].status == 200
            assert not ours.is_alive() and not fake._delivery.worker.running
            _status_change(fake, "PAUSED")  # after serve(): waits again for deliver_pending()
            assert len(receiver.posts) == 2
            assert [d.status for d in fake.deliver_pending()] == [200]
            assert [e.status for e in client.webhooks.iter_events(subscription.id)] == ["SUCCEEDED"] * 2
        finally:
            receiver.close()


def test_delivery_settings_are_checked() -> None:
    fake = FakeProlific()
    for wrong in (0, -1, 2, True, "fast"):
        with pytest.raises(ValueError, match="delivery_time_scale"):
            fake.delivery_time_scale = wrong  # type: ignore[assignment]
    with pytest.raises(ValueError, match="delivery_seed"):
        fake.delivery_seed = 1.5  # type: ignore[assignment]
    with pytest.raises(TypeError, match="callables"):
        fake.set_delivery_clock(1.0, print)  # type: ignore[arg-type]
    fake.delivery_time_scale = 1 / 60
    assert fake.delivery_time_scale == pytest.approx(1 / 60)
    assert fake.delivery_hosts == {"127.0.0.1", "localhost", "::1"}
