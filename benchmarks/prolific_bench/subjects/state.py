"""State on PostgreSQL (group ``state``, issue 30): the same work with the state on a PostgreSQL server vs in SQLite.

The server is a throwaway one started here as the tests start theirs (``tests/support/postgres_server.py``:
Debian's ``postgresql`` package), but *durable*: every commit flushed to disk, as SQLite's are, so that the
ratio compares two stores that both keep what they said they kept. Both stores run on this machine: the
figures are loopback figures, without a network's round-trip time (a server on another host adds one per
statement: the notes say how many statements each piece of work costs).
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from ..harness import Row, Run, interleaved
from .webhooks import _Burst, _gunicorn

_SUPPORT = Path(__file__).resolve().parents[3] / "tests" / "support"


@contextlib.contextmanager
def _postgres() -> Iterator[str]:
    """A durable throwaway server; yields its administrator's URL (stopped at the end, or when this process dies).

    ``PROLIFIC_BENCH_POSTGRES_URL`` (an administrator's URL) uses that server instead: the smoke tests hand
    over the test run's (not durable: its figures mean nothing, as every smoke figure).
    """
    import os

    given = os.environ.get("PROLIFIC_BENCH_POSTGRES_URL", "").strip()
    if given:
        yield given
        return
    sys.path.insert(0, str(_SUPPORT))
    try:
        import postgres_server
    finally:
        sys.path.remove(str(_SUPPORT))
    try:
        info = postgres_server.start(os.getpid(), durable=True)
    except postgres_server.Unavailable as exc:
        raise SystemExit(f"the state group needs PostgreSQL (apt-get install postgresql): {exc}") from None
    try:
        yield str(info["admin_url"])
    finally:
        postgres_server.stop(info)


def _database(admin_url: str, name: str) -> str:
    import uuid

    import psycopg

    name = f"{name}_{uuid.uuid4().hex[:8]}"  # a server shared with other runs (the smoke tests) may have one
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]  # a name made here
    return admin_url.rsplit("/", 1)[0] + "/" + name


def state(run: Run) -> list[Row]:
    """The group: a burst of webhook deliveries into 4 workers, and a bonus payment, each PostgreSQL vs SQLite."""
    with _postgres() as admin_url:
        return [burst_row(run, admin_url), payment_row(run, admin_url)]


def burst_row(run: Run, admin_url: str) -> Row:
    """2,000 deliveries (30 % again) into 4 gunicorn workers: one PostgreSQL event log vs one SQLite event log."""
    total, repeats, warmup = run.size.pick(2_000, 600, 40), run.size.pick(7, 3, 1), run.size.warmup(1)
    workers = run.size.pick(4, 4, 1)  # the smoke run only checks that the row runs
    url = _database(admin_url, "bench_events")
    with _gunicorn(run, "pg", workers, log=url) as (pg_port, pg_out), \
            _gunicorn(run, "sqlite", workers, log=True) as (sqlite_port, sqlite_out):  # fmt: skip
        on_pg, on_sqlite = _Burst(total), _Burst(total)
        s, b = interleaved(lambda: on_pg(pg_port), lambda: on_sqlite(sqlite_port), repeats=repeats, warmup=warmup)
        for burst, out in ((on_pg, pg_out), (on_sqlite, sqlite_out)):
            handled = out.read_text().split()
            if len(handled) != len(set(handled)) or len(handled) != burst.unique * burst.round:
                raise SystemExit("benchmark bug: an event was handled twice or not at all")
    rate, base_rate = total / statistics.median(s), total / statistics.median(b)
    notes = (f"{total:,} deliveries ({int(total * 0.7):,} events) per sample, 16 senders, {repeats} pairs; "
             f"{rate:,.0f} deliveries/s on PostgreSQL, {base_rate:,.0f} on SQLite (the medians): {rate / base_rate:.2f}x "
             "of SQLite's (target \u2265 0.7x; the row's ratio is the median of the pairs' ratios). A new event is claimed in one statement (one round trip), marked "
             "handled in another")  # fmt: skip
    return Row(
        "webhook-burst-pg",
        f"{total:,} deliveries, 30 % of them again, into gunicorn's {workers} workers sharing one event log on "
        "PostgreSQL (durable commits, loopback): each event handled once",
        f"the same into {workers} workers sharing one SQLite event log",
        s, b, notes=notes,
    )  # fmt: skip


_SERVER = """
import sys
from prolific.testing import FakeProlific
fake = FakeProlific()
fake.route("get-workspace-balance", lambda request: {{"currency_code": "GBP", "available_balance": 10**12}})
studies = [fake.add_study(workspace_id="ws_bench") for _ in range({studies})]
for study in studies:
    fake.add_submissions(study, {rows})
with fake.serve() as url:
    print(url, flush=True)
    for study in studies:
        print(study, ",".join(s["participant_id"] for s in fake.submissions[study]), flush=True)
    sys.stdin.read()
"""


def payment_row(run: Run, admin_url: str) -> Row:
    """``client.bonuses.pay`` of N rows with the journal on PostgreSQL vs in SQLite (a fresh study each time)."""
    from prolific import Prolific

    from .clients import TOKEN

    rows, repeats, warmup = run.size.pick(1_000, 400, 20), run.size.pick(7, 3, 1), run.size.warmup(1)
    batches = -(-rows // 200)
    studies = 2 * (repeats + warmup)
    code = _SERVER.format(studies=studies, rows=rows)
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    try:
        url = child.stdout.readline().strip()
        files: list[tuple[str, Path]] = []
        for n in range(studies):
            study, people = child.stdout.readline().split()
            path = run.tmp / f"pay-{n}.csv"
            path.write_text("participant_id,amount\n" + "".join(f"{p},1.50\n" for p in people.split(",")))
            files.append((study, path))
        journal_url = _database(admin_url, "bench_journal")
        sqlite_journal = run.tmp / "bonuses.sqlite3"
        with Prolific(token=TOKEN, base_url=url) as client:

            def pay(journal: str | Path) -> None:
                study, path = files.pop()
                result = client.bonuses.pay(study, path, journal=journal)
                if len(result.paid) != batches:
                    raise SystemExit(f"benchmark bug: paid {len(result.paid)} batches of {batches}")

            s, b = interleaved(lambda: pay(journal_url), lambda: pay(sqlite_journal), repeats=repeats, warmup=warmup)
    finally:
        child.stdin.close()
        child.wait(timeout=60)
    transitions = 4 * batches  # setting up, set up, pay sent, paid
    extra = (statistics.median(s) - statistics.median(b)) / transitions
    notes = (f"{rows:,} rows, {batches} batches, {transitions} journal transitions (and {rows:,} payees claimed, "
             f"100 a statement) per payment, {repeats} pairs; the payment's HTTP requests are the same on both. "
             f"A journal transition on PostgreSQL costs {extra * 1000:+.2f} ms against SQLite's (the whole "
             "payment's difference over its transitions): a transition is one transaction of 4-6 statements, "
             "each a round trip to the server")  # fmt: skip
    return Row(
        "journal-pg",
        f"`client.bonuses.pay` of {rows:,} rows with the journal on PostgreSQL (durable commits, loopback)",
        "the same payment with the journal in a SQLite file",
        s, b, notes=notes,
    )  # fmt: skip
