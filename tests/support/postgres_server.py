"""A throwaway PostgreSQL server for one test run, shared by every pytest-xdist worker.

Why a pytest plugin and not a script around pytest in the Makefile: the server is started only when a
test asks for it (``pytest tests/unit`` pays nothing), a developer running ``pytest tests/state`` by hand
gets one too, and it is the same code whether pytest runs with workers or without.

How one server serves the whole run:
- Every worker's base temporary directory is inside the controller's (``…/pytest-N/popen-gw0``), so the
  controller's directory is the run's meeting point. The first worker to need the server takes a file lock
  there, runs ``initdb`` and ``pg_ctl start``, and writes ``server.json``; the others wait on the lock and
  read it. A failure to start is written down too, so that the other workers skip (or fail, in CI) with the
  same reason instead of trying again.
- The controller stops the server in ``pytest_unconfigure`` (the end of the run, Ctrl-C included). A
  watchdog process started with the server stops it as well when the controller dies without cleaning up
  (SIGKILL, a crash), so that no postmaster outlives its run.

The server: Debian's binaries (``/usr/lib/postgresql/<version>/bin``, the newest version there; else
``initdb`` on PATH), a data directory in a fresh temporary folder, 127.0.0.1 on a free port, no Unix
socket, ``fsync=off`` (a crash of a throwaway server loses nothing anyone needs). PostgreSQL refuses to run
as root: as root (CI), the server runs as the ``postgres`` user the package creates, through ``runuser``.
Clients log in with a password (``scram-sha-256``), so that a wrong password is refused as on a real server.

Each test gets a database of its own (:func:`create_database`): no state leaks between tests.
``PROLIFIC_TEST_POSTGRES_URL`` (an administrator's URL) uses a server you run instead of starting one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pwd
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

#: An administrator's URL of a server to use instead of starting one.
URL_ENV = "PROLIFIC_TEST_POSTGRES_URL"
USER = "prolific_test"
DEBIAN_ROOT = Path("/usr/lib/postgresql")
STATE_DIR = "postgres"


@dataclass(frozen=True)
class Server:
    """A running server: its administrator's URL (with the password) and where it lives."""

    admin_url: str
    host: str
    port: int

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server, logged in as the administrator."""
        parts = urlsplit(self.admin_url)
        return urlunsplit(parts._replace(path="/" + database))


class Unavailable(Exception):
    """The server cannot be had here; the message says why and what to install."""


def find_bin() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: Debian's newest version, else the one on PATH."""
    versions = sorted(
        (p for p in DEBIAN_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parent.name.split(".")],
    )
    if versions:
        return versions[-1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise Unavailable(
        "PostgreSQL's initdb was not found (install Debian's postgresql package: apt-get install postgresql; "
        f"or set {URL_ENV} to a server's administrator URL)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that runs the server's programs unprivileged, and that user when it is not us."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise Unavailable("running as root and runuser(1) is missing (util-linux)")
    return [runuser, "-u", user.pw_name, "--"], user


def _run(cmd: list[str], log: Path) -> None:
    with log.open("ab") as out:
        done = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        raise Unavailable(f"{Path(cmd[-1] if cmd else '?').name}: {' '.join(cmd)} exited {done.returncode}:\n{tail}")


def start(owner_pid: int, *, durable: bool = False) -> dict[str, object]:
    """``initdb`` and start a server; a watchdog stops it when ``owner_pid`` exits. Returns ``server.json``.

    ``durable``: each commit flushed to disk as on a real server (the benchmarks compare it with SQLite's
    flushed commits); else nothing is flushed (the tests: a throwaway cluster).
    """
    bindir = find_bin()
    prefix, user = _as_server_user()
    home = Path(tempfile.mkdtemp(prefix="prolific-test-pg-"))
    if user is not None:
        os.chown(home, user.pw_uid, user.pw_gid)
    data, log, pwfile = home / "data", home / "server.log", home / "pw"
    password = secrets.token_hex(16)
    pwfile.write_text(password + "\n")
    if user is not None:
        os.chown(pwfile, user.pw_uid, user.pw_gid)
        log.touch()
        os.chown(log, user.pw_uid, user.pw_gid)
    # --no-sync: nothing is flushed to disk (a throwaway cluster); -E/--no-locale: the same on every machine.
    _run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={pwfile}", "--auth-local=trust",
         "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
        log,
    )  # fmt: skip
    pwfile.unlink()
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    # start_new_session: Ctrl-C in the terminal reaches pytest (which stops the server), not the server itself.
    with log.open("ab") as out:
        started = subprocess.run(
            [
                *prefix,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            check=False,
        )
    if started.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        shutil.rmtree(home, ignore_errors=True)
        raise Unavailable(f"pg_ctl start exited {started.returncode}:\n{tail}")
    info: dict[str, object] = {
        "admin_url": f"postgresql://{USER}:{quote(password)}@127.0.0.1:{port}/postgres",
        "host": "127.0.0.1",
        "port": port,
        "home": str(home),
        "stop": [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-m", "immediate", "stop"],
    }
    # The watchdog is told only where the server lives and how to stop it: not the password (ps shows argv).
    # posix_spawn, not Popen: nobody here waits for it (it outlives this worker), and a Popen never waited
    # for warns when collected.
    argv = [sys.executable, __file__, "watch", str(owner_pid), json.dumps({"home": info["home"], "stop": info["stop"]})]
    devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    os.posix_spawn(sys.executable, argv, dict(os.environ), file_actions=devnull, setsid=True)
    return info


def stop(info: dict[str, object]) -> None:
    """Stop the server ``info`` describes (``-m immediate``: nothing in it is kept) and remove its folder."""
    home = Path(str(info["home"]))
    if home.exists():
        stop_cmd = [str(x) for x in info["stop"]]  # type: ignore[attr-defined]
        subprocess.run(stop_cmd, stdin=subprocess.DEVNULL, capture_output=True, check=False)
        shutil.rmtree(home, ignore_errors=True)


def _watch(owner_pid: int, info: dict[str, object]) -> None:
    """Block until ``owner_pid`` exits (a pidfd: no polling on Linux), then stop the server."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        fd = os.pidfd_open(owner_pid)
    except (AttributeError, OSError):
        fd = -1
    if fd >= 0:
        select.select([fd], [], [])
    else:  # not Linux: ask every second whether the owner is still there
        while True:
            try:
                os.kill(owner_pid, 0)
            except ProcessLookupError:
                break
            time.sleep(1)
    stop(info)


# -- the run's shared server ------------------------------------------------------------------------------


def _run_dir(config: pytest.Config) -> Path:
    """The run's meeting point: the controller's base temporary directory (a worker's is inside it)."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return (base.parent if hasattr(config, "workerinput") else base) / STATE_DIR


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_server(config: pytest.Config) -> Server:
    """The run's server: the one named by ``PROLIFIC_TEST_POSTGRES_URL``, else started by the first asker."""
    given = os.environ.get(URL_ENV, "").strip()
    if given:
        parts = urlsplit(given)
        return Server(admin_url=given, host=parts.hostname or "localhost", port=parts.port or 5432)
    folder = _run_dir(config)
    with _locked(folder):
        record, failed = folder / "server.json", folder / "failed.txt"
        if failed.exists():
            raise Unavailable(failed.read_text())
        if not record.exists():
            owner = os.getppid() if hasattr(config, "workerinput") else os.getpid()
            try:
                info = start(owner)
            except Unavailable as exc:
                failed.write_text(str(exc))
                raise
            record.write_text(json.dumps(info))
        info = json.loads(record.read_text())
    return Server(admin_url=info["admin_url"], host=info["host"], port=int(info["port"]))


def stop_shared_server(config: pytest.Config) -> None:
    """At the end of the run, in the controller (or the only process): stop the server if one was started."""
    if hasattr(config, "workerinput") or not hasattr(config, "_tmp_path_factory"):
        return
    try:
        record = _run_dir(config) / "server.json"
    except OSError:
        return
    if record.exists():
        stop(json.loads(record.read_text()))
        record.unlink()


def unavailable(reason: str) -> None:
    """Skip with the reason, except in CI (``CI`` set), where a missing server fails the test."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI (.ci/run installs it): {reason}", pytrace=False)
    pytest.skip(f"POSTGRESQL TESTS SKIPPED: {reason}")


# Databases this process made and emptied, to be used again: CREATE DATABASE copies the template (about
# 0.25 s here), emptying one that a test used is ten times faster.
_EMPTIED: list[str] = []


def create_database(server: Server) -> str:
    """An empty database of the caller's own on ``server`` (a new one, or one a finished test emptied); its URL."""
    import psycopg

    if _EMPTIED:
        return server.url(_EMPTIED.pop())
    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]  # a name made here, not input
    return server.url(name)


def empty_database(server: Server, url: str) -> None:
    """End the sessions a test left on ``url``'s database and drop what it made, so the next test can use it.

    Sessions end first: their advisory locks (leases) go with them. A database this fails on is dropped.
    """
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    try:
        with psycopg.connect(server.admin_url, autocommit=True) as admin:
            # With a timeout, the call waits for each session to end (PostgreSQL 14+): without it, a session
            # told to end could still hold its advisory locks when the next test takes the database.
            admin.execute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
        with psycopg.connect(url, autocommit=True) as conn:
            schemas = conn.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
            ).fetchall()
            for (schema,) in schemas:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')  # type: ignore[arg-type]
            conn.execute("CREATE SCHEMA public AUTHORIZATION pg_database_owner")
            conn.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")
    except psycopg.Error:
        with psycopg.connect(server.admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
        return
    _EMPTIED.append(name)


if __name__ == "__main__" and sys.argv[1:2] == ["watch"]:
    _watch(int(sys.argv[2]), json.loads(sys.argv[3]))
