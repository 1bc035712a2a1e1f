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
