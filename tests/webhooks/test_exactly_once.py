"""Each event handled exactly once and none lost, against receiver processes on 127.0.0.1 (issue 29, item 6).

The handler of ``hook_app.py`` leaves a line in ``handled.log`` per handling that returned (one ``O_APPEND``
write, so several processes never mix their lines); ``started.log`` shows the handlings begun.
"""

from __future__ import annotations

import http.client
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from receivers import Reply, Server, body_for, gunicorn, headers_for, post, start_alone, wait_for

from prolific.webhooks import EventLog, EventState


def test_a_handler_that_fails_leaves_the_event_to_the_redelivery(alone: Server) -> None:
    body = body_for("sub-fails-once")
    alone.traces.order("fail-sub-fails-once")
    first = post(alone.port, body, headers_for(body, "ev-fail-1"))
    assert (first.status, first.body) == (500, b"handler failed\n")
    again = post(alone.port, body, headers_for(body, "ev-fail-1", stamp=int(time.time()) + 1))  # Prolific's retry
    assert (again.status, again.body) == (200, b"ok\n")
    third = post(alone.port, body, headers_for(body, "ev-fail-1", stamp=int(time.time()) + 2))
    assert (third.status, third.body) == (200, b"duplicate\n")
    assert len(alone.traces.started("sub-fails-once")) == 2
    assert [line[0] for line in alone.traces.handled("sub-fails-once")] == ["ev-fail-1"]


def test_a_receiver_killed_mid_handler_and_restarted_handles_the_redelivery_once(tmp_path: Path) -> None:
    log = tmp_path / "events.sqlite3"
    first = start_alone(tmp_path / "hooks", log)
    body = body_for("sub-killed")
    first.traces.order("block-sub-killed")  # the handler starts, then waits for an order that never comes
    answers: list[Reply | BaseException] = []

    def deliver() -> None:
        try:
            answers.append(post(first.port, body, headers_for(body, "ev-killed")))
        except OSError as error:  # the receiver died with the connection open
            answers.append(error)

    sender = threading.Thread(target=deliver)
    sender.start()
    try:
        wait_for(lambda: first.traces.started("sub-killed"), "the first handler started")
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
        sender.join(timeout=60)
        assert len(answers) == 1 and isinstance(answers[0], OSError)  # no answer: Prolific will retry
        with EventLog(log) as events:
            record = events.state("ev-killed")
            assert record is not None and record.state is EventState.IN_FLIGHT
            assert record.holder is not None and record.holder.pid == first.process.pid
        (tmp_path / "hooks" / "block-sub-killed").unlink()
        second = start_alone(tmp_path / "hooks", log)  # the same log, another process
        try:
            retry = post(second.port, body, headers_for(body, "ev-killed", stamp=int(time.time()) + 1))
            assert (retry.status, retry.body) == (200, b"ok\n")
            again = post(second.port, body, headers_for(body, "ev-killed", stamp=int(time.time()) + 2))
            assert (again.status, again.body) == (200, b"duplicate\n")
        finally:
            second.stop()
        assert [line[2] for line in second.traces.started("sub-killed")] == [
            str(first.process.pid),
            str(second.process.pid),
        ]
        assert [line[0] for line in second.traces.handled("sub-killed")] == ["ev-killed"]  # exactly once
        with EventLog(log) as events:
            record = events.state("ev-killed")
            assert record is not None and record.state is EventState.HANDLED and record.attempts == 2
    finally:
        first.stop()
        sender.join(timeout=60)


def test_a_redelivery_during_a_handling_that_then_fails_is_refused_and_the_next_one_handled(alone: Server) -> None:
    body = body_for("sub-slow-fail")
    alone.traces.order("block-sub-slow-fail")
    answers: list[Reply] = []
    sender = threading.Thread(target=lambda: answers.append(post(alone.port, body, headers_for(body, "ev-slow"))))
    sender.start()
    try:
        wait_for(lambda: alone.traces.started("sub-slow-fail"), "the first handler started")
        during = post(alone.port, body, headers_for(body, "ev-slow", stamp=int(time.time()) + 1))
        assert during.status == 503 and during.headers["retry-after"] == "30" and during.body == b"in flight\n"
        assert len(alone.traces.started("sub-slow-fail")) == 1  # the redelivery did not run the handler
        alone.traces.order("go-sub-slow-fail", "fail")
        sender.join(timeout=60)
        assert [answer.status for answer in answers] == [500]
    finally:
        alone.traces.order("go-sub-slow-fail", "fail")
        sender.join(timeout=60)
    (alone.traces.dir / "block-sub-slow-fail").unlink()
    after = post(alone.port, body, headers_for(body, "ev-slow", stamp=int(time.time()) + 2))
    assert (after.status, after.body) == (200, b"ok\n")
    assert len(alone.traces.started("sub-slow-fail")) == 2
    assert [line[0] for line in alone.traces.handled("sub-slow-fail")] == ["ev-slow"]


def test_a_replay_with_another_or_no_event_id_is_not_handled_again(alone: Server) -> None:
    body = body_for("sub-replayed")
    captured = headers_for(body, "ev-genuine")
    assert post(alone.port, body, captured).body == b"ok\n"
    other_id = {**captured, "X-Event-ID": "ev-forged-by-a-replayer"}
    no_id = {k: v for k, v in captured.items() if k != "X-Event-ID"}
    assert [post(alone.port, body, h).body for h in (captured, other_id, no_id)] == [b"duplicate\n"] * 3
    # Prolific's own retry is signed anew (another digest, the same id); a replay of it is caught too.
    retry = headers_for(body, "ev-genuine", stamp=int(time.time()) + 1)
    assert post(alone.port, body, retry).body == b"duplicate\n"
    assert post(alone.port, body, {**retry, "X-Event-ID": "ev-other"}).body == b"duplicate\n"
    # A delivery without any X-Event-ID is keyed by its signed content.
    anonymous = body_for("sub-anonymous")
    bare = headers_for(anonymous, None)
    assert [post(alone.port, anonymous, bare).body for _ in range(2)] == [b"ok\n", b"duplicate\n"]
    assert post(alone.port, anonymous, {**bare, "X-Event-ID": "ev-late-id"}).body == b"duplicate\n"
    assert len(alone.traces.handled("sub-replayed")) == 1 and len(alone.traces.handled("sub-anonymous")) == 1


def test_a_burst_into_four_worker_processes_on_one_log_handles_each_event_once(tmp_path: Path) -> None:
    """2,000 deliveries, 30 % of them again, sent 16 at a time into gunicorn's 4 pre-forked workers sharing one
    event log: Prolific's retries (the same id, signed anew), exact copies, and captures replayed under another
    id. A copy goes out once its original was sent (a retry can overlap it: in flight, 503, retried as Prolific
    does); a replay under another id once its original was answered (it is a capture of it). Every event is
    handled exactly once; none is lost."""
    _burst([gunicorn(tmp_path / "hooks", tmp_path / "events.sqlite3", workers=4)])


def test_a_burst_into_two_hosts_of_four_workers_on_one_postgres_log_handles_each_event_once(
    tmp_path: Path, postgres_url: str
) -> None:
    """The same burst behind a load balancer: two "hosts" (two gunicorns of 4 workers, each in a working
    directory of its own) sharing one event log on PostgreSQL (issue 30); each delivery goes to either host."""
    hosts = [gunicorn(tmp_path / f"host-{n}", postgres_url, workers=4) for n in (1, 2)]  # type: ignore[arg-type]
    handled_by = _burst(hosts)
    assert len({host for host, _ in handled_by}) == 2, "one host handled everything: the log was not shared"


def _burst(servers: list[Server]) -> list[tuple[int, str]]:
    """Send the burst, each delivery to a server picked at random; check each event handled once. (host, worker)s."""
    rng = random.Random(29)
    unique, total, now = 1_400, 2_000, int(time.time())
    bodies = [body_for(f"burst-{n}") for n in range(unique)]
    originals = [headers_for(bodies[n], f"ev-burst-{n}", stamp=now) for n in range(unique)]
    sent = [threading.Event() for _ in range(unique)]
    answered = [threading.Event() for _ in range(unique)]
    # (key to sort on, event, headers, what to wait for); a copy sorts after its original.
    plan: list[tuple[float, int, dict[str, str], threading.Event | None]] = []
    order = rng.sample(range(unique), unique)
    for position, n in enumerate(order):
        plan.append((float(position), n, originals[n], None))
    for k in range(total - unique):
        position = rng.randrange(unique)
        n = order[position]
        later = position + rng.uniform(0.5, 40)
        if k % 3 == 0:  # Prolific's retry: the same id, signed anew
            plan.append((later, n, headers_for(bodies[n], f"ev-burst-{n}", stamp=now + 1 + k % 5), sent[n]))
        elif k % 3 == 1:  # the same request again
            plan.append((later, n, originals[n], sent[n]))
        else:  # a capture replayed under another id
            plan.append((later, n, {**originals[n], "X-Event-ID": f"ev-replay-{k}"}, answered[n]))
    plan.sort(key=lambda step: step[0])
    statuses: list[int] = []
    lock = threading.Lock()

    def send(step: tuple[float, int, dict[str, str], threading.Event | None]) -> None:
        _, n, headers, after = step
        if after is not None:
            assert after.wait(timeout=120), "an original was never sent"
        original = after is None
        while True:
            with lock:
                server = servers[rng.randrange(len(servers))]
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            try:
                connection.request("POST", "/", bodies[n], headers)
                if original:
                    sent[n].set()
                status = connection.getresponse().status
            finally:
                connection.close()
            with lock:
                statuses.append(status)
            if status != 503:
                if original:
                    answered[n].set()
                return

    try:
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(send, plan))
    finally:
        for server in servers:
            server.stop()
    assert set(statuses) <= {200, 503} and statuses.count(200) == total
    lines = [(host, line) for host, server in enumerate(servers) for line in server.traces.handled()]
    handled = [line[1] for _, line in lines]
    assert len(handled) == unique and set(handled) == {f"burst-{n}" for n in range(unique)}
    workers = {(host, line[2]) for host, line in lines}
    assert len(workers) > 1, "the deliveries all went to one worker: the test proves nothing about sharing a log"
    return sorted(workers)
