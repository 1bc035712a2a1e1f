"""PostgreSQL as the state store: connecting, errors, schema versions, and the few patterns the stores use.

psycopg 3 is imported here only, and only when a ``postgresql://`` URL is used: ``import prolific`` and
every SQLite user never load it. Without the ``[postgres]`` extra the user gets one line saying what to
install.

What the stores build on (each the way PostgreSQL's users expect, so that the same semantics hold as on
SQLite):

- :func:`connect`: autocommit connections (each statement its own transaction unless a
  :func:`transaction` block says otherwise); a failure to connect is a :class:`StateStoreError` naming the
  host and port and what to check, never the password.
- :func:`ensure_schema`: each part of the state (``component``: the journal, the event log, …) has a version
  in ``prolific_schema``; the tables are created on first use, an older version is migrated in one
  transaction, a newer one is refused naming both versions (the database is left as it is).
- :func:`transaction`: ``BEGIN ISOLATION LEVEL …`` … ``COMMIT``. A compare-and-set is one ``UPDATE … WHERE
  state = ANY(expected)``: under READ COMMITTED PostgreSQL re-checks the WHERE on the newest row version
  after waiting for a concurrent writer, so of two runs moving one row, exactly one moves it. A transaction
  that reads and then writes on what it read runs SERIALIZABLE and is retried on a serialization failure
  (:func:`run_serializable`).
- :func:`insert_if_absent`: ``INSERT … ON CONFLICT DO NOTHING``: a unique key decides, not a read before
  the write.
- :class:`AdvisoryLease`: a lease (one run per study, …) as a session-level advisory lock: held while the
  connection that took it lives, released on exit, and released by the server when its holder dies (a
  killed process closes its socket; a machine that vanished is noticed by the TCP keepalives the lease's
  session asks for). Who holds it (host, pid, start) is in ``prolific_leases``, written by the holder.
"""

from __future__ import annotations

import hashlib
import os
import socket
import struct
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .._config import __version__
from .._errors import ConfigurationError, StateStoreError
from .._process import process_start
from ._url import StateURL

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")

EXTRA = "pip install 'prolific-client[postgres]'"
#: Seconds to wait for a server to answer a connection (unless the URL says ``connect_timeout``).
CONNECT_TIMEOUT = 10
SCHEMA_TABLE = "prolific_schema"
LEASE_TABLE = "prolific_leases"
Isolation = Literal["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"]
# SQLSTATEs: https://www.postgresql.org/docs/current/errcodes-appendix.html
_BAD_PASSWORD = "28P01"
_BAD_LOGIN = "28000"
_NO_DATABASE = "3D000"
_SERIALIZATION_FAILURE = "40001"
_DEADLOCK = "40P01"
_LOCK_NOT_AVAILABLE = "55P03"
_INSUFFICIENT_PRIVILEGE = "42501"


def driver(url: StateURL) -> ModuleType:
    """``psycopg``, or a :class:`ConfigurationError` (one line) saying which extra to install."""
    try:
        import psycopg
    except ImportError:
        raise ConfigurationError(f"{url}: a postgresql:// state store needs the [postgres] extra: {EXTRA}") from None
    return psycopg


def connect(url: StateURL, *, purpose: str = "state") -> psycopg.Connection[Any]:
    """An autocommit connection to ``url``; a failure is a :class:`StateStoreError` naming the host, not the password.

    ``purpose`` ends up in the server's ``application_name`` (``pg_stat_activity`` shows who is connected).
    """
    pg = driver(url)
    conninfo = url.conninfo()
    given = _conninfo_keys(pg, url)
    extra: dict[str, Any] = {}
    if "connect_timeout" not in given:
        extra["connect_timeout"] = CONNECT_TIMEOUT
    if "application_name" not in given:
        extra["application_name"] = f"prolific-client {purpose}"[:63]
    try:
        conn: psycopg.Connection[Any] = pg.connect(conninfo, autocommit=True, **extra)
    except pg.Error as exc:
        raise connection_error(url, exc) from None
    return conn


def _conninfo_keys(psycopg: ModuleType, url: StateURL) -> dict[str, str]:
    try:
        keys: dict[str, str] = psycopg.conninfo.conninfo_to_dict(url.conninfo())
    except psycopg.ProgrammingError as exc:
        raise ConfigurationError(f"{url}: not a PostgreSQL URL libpq can read ({_scrub(str(exc), url)})") from None
    return keys


def connection_error(url: StateURL, exc: BaseException) -> StateStoreError:
    """What a failed connection (or a connection lost mid-use) means, for a person: host, cause, what to check."""
    text = _scrub(str(exc), url)
    sqlstate = getattr(exc, "sqlstate", None)
    lowered = text.lower()
    user = url.user or "(libpq's default user)"
    if sqlstate == _BAD_PASSWORD or "password authentication failed" in lowered:
        why = f"the server refused the password of user {user} (check the URL, PGPASSWORD or ~/.pgpass)"
    elif "no password supplied" in lowered:
        why = f"the server asks user {user} for a password and none was given (in the URL, PGPASSWORD or ~/.pgpass)"
    elif sqlstate == _NO_DATABASE or ("database" in lowered and "does not exist" in lowered):
        why = "the database does not exist (create it: createdb NAME, or fix the URL's /database)"
    elif sqlstate == _BAD_LOGIN or "pg_hba.conf" in lowered or ("role" in lowered and "does not exist" in lowered):
        why = f"the server does not let user {user} in from here ({_first_line(text)})"
    elif "connection refused" in lowered:
        why = "nothing accepts connections there (is the server running, on that host and port?)"
    elif "timeout" in lowered or "timed out" in lowered:
        why = "no answer in time (a firewall, or the wrong host?)"
    else:
        why = _first_line(text)
    return StateStoreError(f"{url}: cannot use PostgreSQL at {url.where}: {why}")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"


def _scrub(text: str, url: StateURL) -> str:
    """``text`` without the URL's password, should a driver message ever quote it."""
    password = _password(url)
    return text.replace(password, "***") if password else text


def _password(url: StateURL) -> str:
    from urllib.parse import parse_qsl, unquote, urlsplit

    parts = urlsplit(url.conninfo())
    if parts.password:
        return unquote(parts.password)
    return dict(parse_qsl(parts.query)).get("password", "")


@contextmanager
def errors(url: StateURL) -> Iterator[None]:
    """Turn a lost connection (``OperationalError``) inside the block into a :class:`StateStoreError`."""
    import psycopg

    try:
        yield
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        if getattr(exc, "sqlstate", None) in (_SERIALIZATION_FAILURE, _DEADLOCK, _LOCK_NOT_AVAILABLE):
            raise
        raise connection_error(url, exc) from None


# -- transactions ---------------------------------------------------------------------------------------


@contextmanager
def transaction(conn: psycopg.Connection[Any], isolation: Isolation = "READ COMMITTED") -> Iterator[Any]:
    """``BEGIN ISOLATION LEVEL …`` … ``COMMIT``, ``ROLLBACK`` on an exception. Yields the connection."""
    import psycopg

    conn.isolation_level = getattr(psycopg.IsolationLevel, isolation.replace(" ", "_"))
    with conn.transaction():
        yield conn


def run_serializable(conn: psycopg.Connection[Any], work: Callable[[Any], T], *, attempts: int = 20) -> T:
    """``work(conn)`` in a SERIALIZABLE transaction, run again when PostgreSQL says another one got in the way.

    A serialization failure or a deadlock means nothing of ``work`` was committed; running it again is
    what PostgreSQL's documentation prescribes. ``work`` must only touch the database.
    """
    import psycopg

    for attempt in range(attempts):
        try:
            with transaction(conn, "SERIALIZABLE"):
                return work(conn)
        except psycopg.errors.SerializationFailure:
            pass
        except psycopg.errors.DeadlockDetected:
            pass
        # A short random back-off, so that the same two do not collide again at once.
        time.sleep(min(0.001 * 2**attempt, 0.05) * (0.5 + int.from_bytes(os.urandom(1), "big") / 255))
    raise StateStoreError(f"a transaction was interrupted by concurrent ones {attempts} times in a row")


def insert_if_absent(conn: psycopg.Connection[Any], table: str, values: Mapping[str, Any]) -> bool:
    """``INSERT … ON CONFLICT DO NOTHING``: ``True`` if the row went in, ``False`` if a unique key already had it."""
    from psycopg import sql

    names = list(values)
    query = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, names)),
        sql.SQL(", ").join(sql.Placeholder() * len(names)),
    )
    return conn.execute(query, [values[name] for name in names]).rowcount == 1


def compare_and_set(
    conn: psycopg.Connection[Any],
    table: str,
    *,
    key: Mapping[str, Any],
    column: str,
    expected: Sequence[Any],
    changes: Mapping[str, Any],
) -> bool:
    """``UPDATE table SET changes WHERE key AND column = ANY(expected)``: ``True`` if the row moved.

    Safe under READ COMMITTED: a concurrent writer of the same row makes this one wait, then the WHERE is
    checked again on what that writer committed.
    """
    from psycopg import sql

    query = sql.SQL("UPDATE {} SET {} WHERE {} AND {} = ANY(%s)").format(
        sql.Identifier(table),
        sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(name)) for name in changes),
        sql.SQL(" AND ").join(sql.SQL("{} = %s").format(sql.Identifier(name)) for name in key),
        sql.Identifier(column),
    )
    params = [*changes.values(), *key.values(), list(expected)]
    return conn.execute(query, params).rowcount == 1


# -- schema versions -------------------------------------------------------------------------------------


def lock_key(name: str) -> int:
    """A stable 64-bit advisory-lock key for ``name`` (the first 8 bytes of its SHA-256, signed as PostgreSQL's)."""
    digest = hashlib.sha256(f"prolific-client:{name}".encode()).digest()
    key: int = struct.unpack(">q", digest[:8])[0]
    return key


def ensure_schema(
    conn: psycopg.Connection[Any],
    url: StateURL,
    *,
    component: str,
    version: int,
    migrations: Mapping[int, Sequence[str]],
) -> int:
    """Bring ``component``'s tables to ``version`` (creating them on first use); the version found before.

    ``migrations[n]`` are the statements that take the component from version ``n - 1`` to ``n``
    (``migrations[1]`` creates it). They run in one transaction, under an advisory lock so that clients
    opening a new database at once do it once. A version above ``version`` (a newer client wrote it) is
    refused, naming both versions, and nothing is changed.
    """
    import psycopg

    missing = [n for n in range(1, version + 1) if n not in migrations]
    if missing:
        raise ValueError(f"{component}: no migration to version {missing[0]}")
    try:
        with transaction(conn):
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key("schema"),))
            # Checked before CREATE: a user allowed to read and write the tables but not to create any
            # (PostgreSQL 15 grants no CREATE on public by default) uses a schema an administrator made.
            if conn.execute("SELECT to_regclass(%s)", (SCHEMA_TABLE,)).fetchone() == (None,):
                conn.execute(
                    f"CREATE TABLE {SCHEMA_TABLE} (component text PRIMARY KEY, version integer NOT NULL, "
                    "written_by text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now())"
                )
            row = conn.execute(
                f"SELECT version, written_by FROM {SCHEMA_TABLE} WHERE component = %s", (component,)
            ).fetchone()
            found = 0 if row is None else int(row[0])
            if row is not None and found > version:
                raise StateStoreError(
                    f"{url}: the {component} tables are at schema version {found} (written by {row[1]}), newer "
                    f"than this prolific-client understands (version {version}): upgrade prolific-client "
                    "here (pip install -U prolific-client); nothing was changed"
                )
            for step in range(found + 1, version + 1):
                for statement in migrations[step]:
                    conn.execute(statement)
            if found != version:
                conn.execute(
                    f"INSERT INTO {SCHEMA_TABLE} (component, version, written_by) VALUES (%s, %s, %s) "
                    "ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, "
                    "written_by = EXCLUDED.written_by, changed_at = now()",
                    (component, version, f"prolific-client {__version__}"),
                )
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StateStoreError(
            f"{url}: user {url.user or '(default)'} may not create the {component} tables "
            f"({_first_line(_scrub(str(exc), url))}): run the first use once as a user who may "
            "(see 'Running on more than one machine' in the docs), or grant CREATE on the schema"
        ) from None
    except psycopg.OperationalError as exc:
        raise connection_error(url, exc) from None
    return found


# -- leases ------------------------------------------------------------------------------------------------

_LEASE_SCHEMA = {
    1: [
        f"CREATE TABLE {LEASE_TABLE} (name text PRIMARY KEY, host text NOT NULL, pid integer NOT NULL, "
        "process_started double precision, backend_pid integer NOT NULL, "
        "acquired_at timestamptz NOT NULL DEFAULT now(), detail text NOT NULL DEFAULT '')"
    ]
}


@dataclass(frozen=True)
class Holder:
    """Who holds a lease: the machine, the process (and when it started), since when, and its server session.

    ``host`` is ``None`` when the holder's session is known but it has not written its name yet (or never
    will: another program holding the same lock).
    """

    host: str | None
    pid: int | None
    process_started: float | None
    acquired_at: datetime | None
    backend_pid: int
    detail: str = ""

    def describe(self) -> str:
        """``host mac-lab-2, pid 4711, since 2026-12-07 10:02:03+00:00`` (or the server session when unknown)."""
        if self.host is None:
            return f"PostgreSQL session {self.backend_pid} (it has not said who it is)"
        since = f", since {self.acquired_at:%Y-%m-%d %H:%M:%S%z}" if self.acquired_at else ""
        return f"host {self.host}, pid {self.pid}{since}"


class AdvisoryLease:
    """The lease ``name`` as a session-level advisory lock taken on ``conn``: held while ``conn`` lives.

    :meth:`acquire` returns ``None`` when this session now holds it, else the :class:`Holder` that does
    (``wait`` seconds: wait that long for it first). :meth:`release` gives it back; closing the connection,
    or the process dying, does too. :meth:`held` asks the server whether this session still holds it: a
    lost connection loses the lease, and work that needs the lease checks this before each step that
    must not happen twice.
    """

    def __init__(self, conn: psycopg.Connection[Any], url: StateURL, name: str, *, detail: str = "") -> None:
        self._conn = conn
        self._url = url
        self.name = name
        self.key = lock_key("lease:" + name)
        self.detail = detail
        self._held = False
        ensure_schema(conn, url, component="leases", version=1, migrations=_LEASE_SCHEMA)

    def acquire(self, *, wait: float | None = None) -> Holder | None:
        """Take the lease (``None``) or say who has it; ``wait``: seconds to wait for it to be released first."""
        import psycopg

        if self._held:
            return None
        with errors(self._url):
            # The server notices a holder whose machine vanished (no FIN) by its TCP keepalives: ask for
            # them on this session (the defaults wait two hours), so a dead holder's lease is freed in ~40 s.
            self._conn.execute(
                "SELECT set_config('tcp_keepalives_idle', '20', false), "
                "set_config('tcp_keepalives_interval', '5', false), set_config('tcp_keepalives_count', '4', false)"
            )
            got = False
            for _ in range(50):
                if wait:
                    try:
                        with transaction(self._conn):
                            self._conn.execute(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}")
                            self._conn.execute("SELECT pg_advisory_lock(%s)", (self.key,))
                        got = True
                    except psycopg.errors.LockNotAvailable:
                        got = False
                else:
                    row = self._conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
                    got = bool(row and row[0])
                if got:
                    break
                holder = self._holder()
                if holder is not None:
                    return holder
                # The lock is taken but its holder's row is not committed yet (it writes it right after
                # taking the lock): ask again in a moment.
                time.sleep(0.02)
            if not got:
                holder = self._holder(named_only=False)
                if holder is not None:
                    return holder
                return self.acquire(wait=wait)  # released in the meantime
            self._held = True
            # Only the lock's holder writes the row, so the upsert cannot overwrite a live holder's.
            self._conn.execute(
                f"INSERT INTO {LEASE_TABLE} (name, host, pid, process_started, backend_pid, detail) "
                "VALUES (%s, %s, %s, %s, pg_backend_pid(), %s) ON CONFLICT (name) DO UPDATE SET "
                "host = EXCLUDED.host, pid = EXCLUDED.pid, process_started = EXCLUDED.process_started, "
                "backend_pid = EXCLUDED.backend_pid, acquired_at = now(), detail = EXCLUDED.detail",
                (self.name, socket.gethostname(), os.getpid(), process_start(os.getpid()), self.detail),
            )
        return None

    def _holder(self, *, named_only: bool = True) -> Holder | None:
        """The live holder: the session holding the lock, with its row when the row is that session's."""
        locker = self._conn.execute(
            # An advisory lock belongs to one database: the same key in another database is another lease.
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = %s AND objid = %s "
            "AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            ((self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF),
        ).fetchone()
        if locker is None:
            return None
        row = self._conn.execute(
            f"SELECT host, pid, process_started, acquired_at, detail FROM {LEASE_TABLE} "
            "WHERE name = %s AND backend_pid = %s",
            (self.name, locker[0]),
        ).fetchone()
        if row is None:
            return None if named_only else Holder(None, None, None, None, int(locker[0]))
        return Holder(row[0], int(row[1]), row[2], row[3], int(locker[0]), row[4])

    def held(self) -> bool:
        """Whether this session holds the lease now (asked of the server)."""
        if not self._held:
            return False
        with errors(self._url):
            row = self._conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() "
                "AND classid = %s AND objid = %s AND objsubid = 1",
                ((self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF),
            ).fetchone()
        return bool(row and row[0])

    def release(self) -> None:
        """Give the lease back (its row is removed first, so that nobody reads a released holder)."""
        if not self._held:
            return
        self._held = False
        if self._conn.closed:
            return
        with errors(self._url):
            self._conn.execute(
                f"DELETE FROM {LEASE_TABLE} WHERE name = %s AND backend_pid = pg_backend_pid()", (self.name,)
            )
            self._conn.execute("SELECT pg_advisory_unlock(%s)", (self.key,))

    def __enter__(self) -> AdvisoryLease:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
