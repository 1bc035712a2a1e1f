"""The throwaway server itself: reachable, a database per test, password required."""

from __future__ import annotations

import psycopg
import pytest
from postgres_server import Server


def test_each_test_gets_an_empty_database_of_its_own(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
        name = conn.execute("SELECT current_database()").fetchone()
    assert tables == (0,)
    assert name is not None and name[0].startswith("t_")


def test_a_wrong_password_is_refused(postgres: Server) -> None:
    url = postgres.admin_url.replace("@", "x@", 1)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(url, connect_timeout=5)


_LEFT_OPEN: list[psycopg.Connection[tuple[object, ...]]] = []


def test_a_test_that_leaves_tables_and_a_held_lock_behind(postgres_url: str) -> None:
    conn = psycopg.connect(postgres_url, autocommit=True)
    conn.execute("CREATE TABLE leftover (n integer)")
    conn.execute("CREATE SCHEMA elsewhere")
    conn.execute("SELECT pg_advisory_lock(42)")
    _LEFT_OPEN.append(conn)  # never closed by the test


def test_the_next_test_gets_its_database_emptied(postgres_url: str) -> None:
    # Runs after the one above, in the same process: the emptied database is used again.
    assert _LEFT_OPEN and _LEFT_OPEN[0].info.dbname == psycopg.conninfo.conninfo_to_dict(postgres_url)["dbname"]
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT to_regclass('leftover'), to_regnamespace('elsewhere')").fetchone() == (None, None)
        assert conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").fetchone() == (0,)
        conn.execute("CREATE TABLE fresh (n integer)")  # and the public schema is usable again
    _LEFT_OPEN.pop().close()  # its session was ended by the emptying
