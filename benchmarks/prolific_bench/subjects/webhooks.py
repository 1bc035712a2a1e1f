"""Webhooks (group ``webhooks``): ``prolific.webhooks.verify`` of a signed 2 KB event, and a burst of deliveries
into 4 gunicorn workers sharing one event log (each event handled once) against the same without a log."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..harness import Row, Run, interleaved, looped, per_call
from ..processes import child_env

_APP_DIR = Path(__file__).resolve().parents[1]  # webhook_app.py
_SECRET = "whsec-bench-burst-8e21c4"


def webhooks(run: Run) -> list[Row]:
    """The group: verifying one delivery (:func:`verify_row`), and a burst into 4 workers (:func:`burst_row`)."""
    return [verify_row(run), burst_row(run)]


def verify_row(run: Run) -> Row:
    """``prolific.webhooks.verify`` of a 2 KB event vs the bare HMAC + compare_digest + ``json.loads``."""
    from prolific.webhooks import signed_headers, verify

    calls, repeats, warmup = run.size.pick(2_000, 500, 1), run.size.pick(31, 7, 1), run.size.warmup(1)
    secret = "whsec-bench-5d1c2b"
    payload = {
        "event_type": "submission.status.change",
        "resource_id": "6540a1b2c3d4e5f607182930",
        "participant_id": "5e9b9c9b0f9c9a0001b0b1f4",
        "status": "APPROVED",
        "metadata": {"note": "x" * 1800},
    }
    body = json.dumps(payload).encode()
    headers = signed_headers(body, secret, event_id="ev-bench-1")
    key = secret.encode()

    def subject() -> object:
        return verify(body, headers, secret, tolerance=None)

    def bare() -> object:
        stamp = headers["X-Prolific-Request-Timestamp"]
        expected = base64.b64encode(hmac.new(key, stamp.encode() + body, hashlib.sha256).digest())
        if not hmac.compare_digest(expected, headers["X-Prolific-Request-Signature"].encode()):
            raise ValueError("bad signature")
        return json.loads(body)

    if verify(body, headers, secret, tolerance=None).payload != bare():
        raise SystemExit("benchmark bug: verify and the bare check disagree")
    s, b = interleaved(looped(subject, calls), looped(bare, calls), repeats=repeats, warmup=warmup)
    notes = f"{calls:,} verifications per sample, {repeats} pairs; body {len(body):,} bytes, 4 headers"
    return Row(
        "webhook-verify", "`prolific.webhooks.verify(body, headers, secret)` of a 2 KB event (typed event out)",
        "bare `hmac.new` + base64 + `hmac.compare_digest` + `json.loads` of the same body",
        per_call(s, calls), per_call(b, calls), notes=notes,
    )  # fmt: skip


# -- a burst into 4 workers ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _gunicorn(run: Run, name: str, workers: int, *, log: bool | str) -> Iterator[tuple[int, Path]]:
    """gunicorn serving ``webhook_app:app`` with ``workers`` pre-forked workers; yields (port, handlings file).

    ``log``: True for a SQLite event log in the run's folder, a ``postgresql://`` URL, or False for none.
    """
    out = run.tmp / f"{name}-handled.txt"
    location = log if isinstance(log, str) else str(run.tmp / f"{name}.sqlite3") if log else ""
    env = child_env(run.tmp, PYTHONPATH=str(_APP_DIR), BENCH_HOOK_SECRET=_SECRET, BENCH_HOOK_OUT=str(out),
                    BENCH_HOOK_LOG=location)  # fmt: skip
    if location:  # created before the workers start, so that they do not all create its tables at once
        from prolific.webhooks import open_event_log

        open_event_log(location).close()
    port = _free_port()
    argv = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
            "--backlog", "512", "--log-level", "warning", "webhook_app:app"]  # fmt: skip
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if child.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"benchmark bug: gunicorn ({name}) did not start") from None
                time.sleep(0.02)
        yield port, out
    finally:
        child.terminate()
        child.wait(timeout=60)


class _Burst:
    """Deliveries of new events each time it is called: ``unique`` events, then 30 % more deliveries of them.

    The extra ones are Prolific's retries (the same id, signed anew), exact copies and captures replayed under
    another id; each goes out once its original was sent (a replay: once it was answered), 16 at a time, on a
    fresh connection each, and a 503 (in flight in another worker) is sent again, as Prolific does.
    """

    def __init__(self, total: int) -> None:
        from prolific.webhooks import signed_headers

        self.signed_headers = signed_headers
        self.total, self.unique = total, int(total * 0.7)
        self.round = 0
        self.rng = random.Random(29)

    def __call__(self, port: int) -> None:
        self.round += 1
        rng, unique, stamp = self.rng, self.unique, int(time.time())
        bodies = [json.dumps({"event_type": "submission.status.change", "resource_id": f"r{self.round}-{n}",
                              "participant_id": "5e9b9c9b0f9c9a0001b0b1f4", "status": "APPROVED"}).encode()
                  for n in range(unique)]  # fmt: skip
        firsts = [self.signed_headers(b, _SECRET, timestamp=stamp, event_id=f"ev-{self.round}-{n}")
                  for n, b in enumerate(bodies)]  # fmt: skip
        sent = [threading.Event() for _ in range(unique)]
        answered = [threading.Event() for _ in range(unique)]
        order = rng.sample(range(unique), unique)
        plan: list[tuple[float, int, dict[str, str], threading.Event | None]] = [
            (float(i), n, firsts[n], None) for i, n in enumerate(order)
        ]
        for k in range(self.total - unique):
            i = rng.randrange(unique)
            n, later = order[i], i + rng.uniform(0.5, 40)
            if k % 3 == 0:
                retry = self.signed_headers(bodies[n], _SECRET, timestamp=stamp + 1, event_id=f"ev-{self.round}-{n}")
                plan.append((later, n, retry, sent[n]))
            elif k % 3 == 1:
                plan.append((later, n, firsts[n], sent[n]))
            else:
                plan.append((later, n, {**firsts[n], "X-Event-ID": f"ev-replay-{self.round}-{k}"}, answered[n]))
        plan.sort(key=lambda step: step[0])

        def send(step: tuple[float, int, dict[str, str], threading.Event | None]) -> None:
            _, n, headers, after = step
            if after is not None:
                after.wait()
            while True:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                try:
                    connection.request("POST", "/", bodies[n], headers)
                    if after is None:
                        sent[n].set()
                    response = connection.getresponse()
                    response.read()
                finally:
                    connection.close()
                if response.status == 200:
                    if after is None:
                        answered[n].set()
                    return
                if response.status != 503:
                    raise SystemExit(f"benchmark bug: a delivery was answered {response.status}")

        with ThreadPoolExecutor(16) as pool:
            list(pool.map(send, plan))


def _flush_rate(path: Path, commits: int) -> float:
    """Commits per second of a SQLite file in WAL mode with ``synchronous=FULL``: how fast this disk flushes."""
    import sqlite3

    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE IF NOT EXISTS t (n INTEGER)")
        start = time.perf_counter()
        for n in range(commits):
            db.execute("INSERT INTO t VALUES (?)", (n,))
        return commits / (time.perf_counter() - start)
    finally:
        db.close()


def burst_row(run: Run) -> Row:
    """2,000 deliveries (30 % again) into 4 gunicorn workers on one event log vs the same 4 workers with no log."""
    total, repeats, warmup = run.size.pick(2_000, 600, 40), run.size.pick(7, 3, 1), run.size.warmup(1)
    workers = 4
    flushes = _flush_rate(run.tmp / "flush-probe.sqlite3", run.size.pick(500, 100, 5))  # before any server runs
    with _gunicorn(run, "once", workers, log=True) as (once_port, once_out), \
            _gunicorn(run, "every", workers, log=False) as (every_port, every_out):  # fmt: skip
        once, every = _Burst(total), _Burst(total)
        once(once_port)
        every(every_port)
        handled_once = once_out.read_text().split()
        if len(handled_once) != once.unique or len(set(handled_once)) != once.unique:
            raise SystemExit(f"benchmark bug: {len(handled_once)} handlings of {once.unique} events with the log")
        if len(every_out.read_text().split()) != total:
            raise SystemExit("benchmark bug: without a log, every delivery is handled")
        s, b = interleaved(lambda: once(once_port), lambda: every(every_port), repeats=repeats, warmup=warmup)
        handled_once = once_out.read_text().split()
        if len(handled_once) != len(set(handled_once)) or len(handled_once) != once.unique * once.round:
            raise SystemExit("benchmark bug: an event was handled twice or not at all under the log")
    rate, base_rate = total / statistics.median(s), total / statistics.median(b)
    verdict = "met" if rate >= 800 else "MISSED"
    notes = (f"{total:,} deliveries ({once.unique:,} events) per sample, 16 senders, {repeats} pairs; "
             f"{rate:,.0f} deliveries/s with the log, {base_rate:,.0f} without; absolute: {rate:,.0f} deliveries/s "
             f"against issue 29's \u2265 800 with {workers} workers: {verdict}. This disk, same run: {flushes:,.0f} "
             "flushed SQLite commits/s (each handled event waits for one flush)")  # fmt: skip
    return Row(
        "webhook-burst",
        f"{total:,} deliveries, 30 % of them again (retries, copies, replays under another id), into gunicorn's "
        f"{workers} workers sharing one `EventLog`: each event handled once (503 while in flight, sent again)",
        f"the same deliveries into the same {workers} workers with no event log (every delivery handled)",
        s, b, notes=notes,
    )  # fmt: skip
