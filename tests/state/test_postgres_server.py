"""The throwaway server itself: reachable, a database per test, password required."""

from __future__ import annotations

import postgres_server
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


def test_a_database_a_test_left_tables_and_a_held_lock_in_is_emptied_before_it_is_used_again(
    postgres: Server,
) -> None:
    url = postgres_server.create_database(postgres)
    left = psycopg.connect(url, autocommit=True)  # what a test leaves behind: never closed by it
    left.execute("CREATE TABLE leftover (n integer)")
    left.execute("CREATE SCHEMA elsewhere")
    left.execute("SELECT pg_advisory_lock(42)")
    postgres_server.empty_database(postgres, url)
    again = postgres_server.create_database(postgres)
    # The emptied database is used again (or, had emptying failed, dropped and another made): clean either way.
    with psycopg.connect(again) as conn:
        assert conn.execute("SELECT to_regclass('leftover'), to_regnamespace('elsewhere')").fetchone() == (None, None)
        # This database's advisory locks only: other tests running at the same time hold their own elsewhere.
        held = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        ).fetchone()
        assert held == (0,)
        conn.execute("CREATE TABLE fresh (n integer)")  # and the public schema is usable again
    left.close()  # its session was ended by the emptying
    postgres_server.empty_database(postgres, again)
