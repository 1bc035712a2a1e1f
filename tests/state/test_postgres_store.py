"""The PostgreSQL building blocks against a real server: errors, schema versions, CAS, unique keys, leases.

Every test gets an empty database of its own (``postgres_url``, tests/conftest.py). Concurrency is real:
threads each with their own connection, or processes; the assertions are on what happened (rows, who got
the lease), never on time.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from postgres_server import Server

from prolific import StateStoreError
from prolific._store import _postgres as pg
from prolific._store import parse_state_url  # private: the building blocks are tested directly
from prolific._store._url import StateURL
from prolific.bonuses._lease import process_start


@pytest.fixture
def url(postgres_url: str) -> StateURL:
    return parse_state_url(postgres_url)


@pytest.fixture
def conn(url: StateURL) -> Iterator[psycopg.Connection[Any]]:
    with pg.connect(url) as connection:
        yield connection


def _with_password(admin_url: str, password: str) -> str:
    parts = urlsplit(admin_url)
    user = parts.username
    return urlunsplit(parts._replace(netloc=f"{user}:{password}@{parts.hostname}:{parts.port}"))


def _at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` in ``count`` threads released together; their results, in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    failures: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # handed to the test below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return results


# -- connecting ------------------------------------------------------------------------------------------


def test_a_wrong_password_names_the_host_and_user_never_the_password(postgres: Server) -> None:
    secret = "pw-WRONG-SECRET-93ab"
    url = parse_state_url(_with_password(postgres.admin_url, secret))
    with pytest.raises(StateStoreError) as caught:
        pg.connect(url)
    error = caught.value
    message = str(error)
    assert f"cannot use PostgreSQL at 127.0.0.1:{postgres.port}" in message
    assert "refused the password of user prolific_test" in message
    assert secret not in message and secret not in repr(error) and secret not in repr(error.args)
    assert error.__suppress_context__  # the driver's exception is not printed under it
    assert isinstance(error, OSError)


def test_a_closed_port_says_nothing_answers_there() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago, and nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = parse_state_url(f"postgresql://lab:pw-SECRET@127.0.0.1:{port}/prolific")
    with pytest.raises(StateStoreError) as caught:
        pg.connect(url)
    assert str(caught.value) == (
        f"postgresql://lab:***@127.0.0.1:{port}/prolific: cannot use PostgreSQL at 127.0.0.1:{port}: nothing "
        "accepts connections there (is the server running, on that host and port?)"
    )


def test_a_missing_database_says_so(postgres: Server) -> None:
    url = parse_state_url(postgres.url("no_such_database"))
    with pytest.raises(StateStoreError, match="the database does not exist"):
        pg.connect(url)


def test_connections_say_who_they_are(conn: psycopg.Connection[Any]) -> None:
    name = conn.execute("SELECT current_setting('application_name')").fetchone()
    assert name == ("prolific-client state",)
    assert conn.autocommit


# -- schema versions -------------------------------------------------------------------------------------

V1 = {1: ["CREATE TABLE notes (k text PRIMARY KEY, v text NOT NULL)"]}
V2 = {**V1, 2: ["ALTER TABLE notes ADD COLUMN at timestamptz"]}


def _version(conn: psycopg.Connection[Any], component: str) -> Any:
    return conn.execute("SELECT version FROM prolific_schema WHERE component = %s", (component,)).fetchone()


def test_the_schema_is_created_on_first_use_then_left_alone(conn: psycopg.Connection[Any], url: StateURL) -> None:
    assert pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1) == 0
    conn.execute("INSERT INTO notes VALUES ('a', 'b')")
    assert pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1) == 1
    assert conn.execute("SELECT v FROM notes").fetchall() == [("b",)]
    assert _version(conn, "notes") == (1,)


def test_an_older_schema_is_migrated_in_place(conn: psycopg.Connection[Any], url: StateURL) -> None:
    pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1)
    conn.execute("INSERT INTO notes VALUES ('a', 'b')")
    assert pg.ensure_schema(conn, url, component="notes", version=2, migrations=V2) == 1
    assert _version(conn, "notes") == (2,)
    assert conn.execute("SELECT k, v, at FROM notes").fetchall() == [("a", "b", None)]


def test_a_newer_schema_is_refused_naming_both_versions_and_left_unchanged(
    conn: psycopg.Connection[Any], url: StateURL
) -> None:
    pg.ensure_schema(conn, url, component="notes", version=2, migrations=V2)
    with pytest.raises(StateStoreError) as caught:
        pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1)
    message = str(caught.value)
    assert "notes tables are at schema version 2" in message
    assert "newer than this prolific-client understands (version 1)" in message
    assert "pip install -U prolific-client" in message and "nothing was changed" in message
    assert _version(conn, "notes") == (2,)


def test_clients_opening_a_new_database_at_once_create_it_once(url: StateURL) -> None:
    def open_it(_: int) -> int:
        with pg.connect(url) as conn:
            return pg.ensure_schema(conn, url, component="notes", version=2, migrations=V2)

    found = _at_once(8, open_it)
    assert sorted(found) == [0] + [2] * 7  # one created it, seven found it made


def test_a_user_who_may_not_create_tables_is_told_what_to_do(postgres: Server, postgres_url: str) -> None:
    database = urlsplit(postgres_url).path.lstrip("/")
    with psycopg.connect(postgres.admin_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS reader")
        admin.execute("CREATE ROLE reader LOGIN PASSWORD 'reader-pw'")
    reader = parse_state_url(f"postgresql://reader:reader-pw@127.0.0.1:{postgres.port}/{database}")
    try:
        with pg.connect(reader) as conn, pytest.raises(StateStoreError) as caught:
            pg.ensure_schema(conn, reader, component="notes", version=1, migrations=V1)
        assert "user reader may not create the notes tables" in str(caught.value)
        assert "reader-pw" not in str(caught.value)
    finally:
        with psycopg.connect(postgres.admin_url, autocommit=True) as admin:
            admin.execute("DROP ROLE reader")


# -- unique keys and compare-and-set ---------------------------------------------------------------------


def test_insert_if_absent_lets_exactly_one_of_many_in(conn: psycopg.Connection[Any], url: StateURL) -> None:
    pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1)

    def insert(i: int) -> bool:
        with pg.connect(url) as own:
            return pg.insert_if_absent(own, "notes", {"k": "event-1", "v": f"writer {i}"})

    assert sorted(_at_once(8, insert)) == [False] * 7 + [True]
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (1,)


def test_compare_and_set_moves_a_row_once_whoever_races(conn: psycopg.Connection[Any], url: StateURL) -> None:
    pg.ensure_schema(conn, url, component="notes", version=1, migrations=V1)
    pg.insert_if_absent(conn, "notes", {"k": "batch-1", "v": "set up"})

    def move(i: int) -> bool:
        with pg.connect(url) as own, pg.transaction(own):
            return pg.compare_and_set(
                own, "notes", key={"k": "batch-1"}, column="v", expected=["set up"], changes={"v": f"sent by {i}"}
            )

    moved = _at_once(8, move)
    assert moved.count(True) == 1
    winner = moved.index(True)
    assert conn.execute("SELECT v FROM notes").fetchall() == [(f"sent by {winner}",)]
    # from a state it is not expected in, nothing moves
    assert not pg.compare_and_set(
        conn, "notes", key={"k": "batch-1"}, column="v", expected=["set up"], changes={"v": "x"}
    )


def test_read_then_write_runs_serializable_and_loses_no_update(conn: psycopg.Connection[Any], url: StateURL) -> None:
    conn.execute("CREATE TABLE counter (n integer NOT NULL)")
    conn.execute("INSERT INTO counter VALUES (0)")

    def increment(_: int) -> None:
        with pg.connect(url) as own:
            for _ in range(10):

                def step(c: psycopg.Connection[Any]) -> None:
                    (n,) = c.execute("SELECT n FROM counter").fetchone()  # type: ignore[misc]
                    c.execute("UPDATE counter SET n = %s", (n + 1,))

                pg.run_serializable(own, step)

    _at_once(4, increment)
    assert conn.execute("SELECT n FROM counter").fetchone() == (40,)


def test_a_lost_connection_is_a_state_store_error(conn: psycopg.Connection[Any], url: StateURL) -> None:
    with pg.connect(url) as victim:
        (backend,) = victim.execute("SELECT pg_backend_pid()").fetchone()  # type: ignore[misc]
        conn.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pytest.raises(StateStoreError, match=f"cannot use PostgreSQL at 127.0.0.1:{url.port}"), pg.errors(url):
            victim.execute("SELECT 1")


# -- leases ----------------------------------------------------------------------------------------------


def test_a_lease_is_held_by_one_session_and_names_its_holder(url: StateURL) -> None:
    with pg.connect(url) as first, pg.connect(url) as second:
        mine = pg.AdvisoryLease(first, url, "study:abc", detail="bonuses pay")
        assert mine.acquire() is None
        assert mine.held()
        holder = pg.AdvisoryLease(second, url, "study:abc").acquire()
        assert holder is not None
        assert (holder.host, holder.pid, holder.detail) == (socket.gethostname(), os.getpid(), "bonuses pay")
        assert holder.process_started == process_start(os.getpid())  # seconds since the epoch
        assert f"host {socket.gethostname()}, pid {os.getpid()}, since " in holder.describe()
        # another study is another lease
        assert pg.AdvisoryLease(second, url, "study:other").acquire() is None
        mine.release()
        assert not mine.held()
        assert pg.AdvisoryLease(second, url, "study:abc").acquire() is None


def test_waiting_for_a_lease_gives_up_naming_the_holder(url: StateURL) -> None:
    with pg.connect(url) as first, pg.connect(url) as second:
        assert pg.AdvisoryLease(first, url, "study:abc").acquire() is None
        holder = pg.AdvisoryLease(second, url, "study:abc").acquire(wait=0.05)
        assert holder is not None and holder.pid == os.getpid()


def test_closing_the_connection_releases_the_lease(url: StateURL) -> None:
    with pg.connect(url) as second:
        with pg.connect(url) as first:
            assert pg.AdvisoryLease(first, url, "study:abc").acquire() is None
        assert pg.AdvisoryLease(second, url, "study:abc").acquire(wait=30) is None


def test_a_lease_lost_with_its_connection_is_known(conn: psycopg.Connection[Any], url: StateURL) -> None:
    with pg.connect(url) as holder_conn:
        lease = pg.AdvisoryLease(holder_conn, url, "study:abc")
        assert lease.acquire() is None
        (backend,) = holder_conn.execute("SELECT pg_backend_pid()").fetchone()  # type: ignore[misc]
        conn.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pytest.raises(StateStoreError):
            lease.held()
        assert pg.AdvisoryLease(conn, url, "study:abc").acquire(wait=30) is None


HOLD = """
import sys
from prolific._store import parse_state_url
from prolific._store import _postgres as pg
url = parse_state_url(sys.argv[1])
conn = pg.connect(url)
assert pg.AdvisoryLease(conn, url, "study:abc", detail="other machine").acquire() is None
print("held", flush=True)
sys.stdin.read()  # until killed
"""


def test_a_killed_holder_process_frees_the_lease_for_the_next_run(url: StateURL) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, url.conninfo()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder_process:
        try:
            assert holder_process.stdout is not None and holder_process.stdout.readline() == "held\n"
            with pg.connect(url) as conn:
                lease = pg.AdvisoryLease(conn, url, "study:abc")
                holder = lease.acquire()
                assert holder is not None
                assert (holder.pid, holder.detail) == (holder_process.pid, "other machine")
                holder_process.kill()
                holder_process.wait()
                assert lease.acquire(wait=30) is None  # the server ended the dead holder's session
                assert lease.held()
        finally:
            holder_process.kill()
