"""Child processes of a run: their environment, FakeProlific's real server, commands timed as a row.

The servers run in a child process, as a real server would: their request handling does not
compete with the client for the benchmark process's GIL.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

#: The repository (read only: nothing is written into it).
ROOT = Path(__file__).resolve().parents[2]
#: The virtualenv's scripts (``prolific-client``, ``openapi-python-client``, ruff).
BIN = Path(sys.executable).parent


def child_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of the child interpreters: bytecode cached under ``tmp``.

    After their warm-up both sides of a row run from cached bytecode, whatever
    PYTHONDONTWRITEBYTECODE says and whether the checkout has ``__pycache__`` folders, and no
    cache is written into the repository.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    return {**env, "PYTHONPYCACHEPREFIX": str(tmp / "pycache"), **extra}


def command(argv: list[str], env: dict[str, str], *, quiet: bool = False) -> Callable[[], None]:
    """A side of a row that runs ``argv`` to completion (a failure stops the benchmark); ``quiet``: no output."""
    out = subprocess.DEVNULL if quiet else None

    def run() -> None:
        subprocess.run(argv, check=True, env=env, stdout=out, stderr=out)

    return run


@contextlib.contextmanager
def fake_server() -> Iterator[tuple[str, Callable[[], None]]]:
    """An empty FakeProlific's real HTTP/1.1 server (``FakeProlific.serve()``) in a child process.

    Yields ``(url, reset)``. ``reset()`` empties the fake (``FakeProlific.reset()``) so that it does
    not accumulate millions of credentials.
    """
    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "with fake.serve() as url:\n"
        "    print(url, flush=True)\n"
        "    for _ in sys.stdin:\n"
        "        fake.reset()\n"
        "        print('ok', flush=True)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    stdin, stdout = child.stdin, child.stdout
    assert stdin is not None and stdout is not None

    def reset() -> None:
        stdin.write("reset\n")
        stdin.flush()
        if stdout.readline().strip() != "ok":
            raise RuntimeError("the FakeProlific server process stopped answering")

    try:
        url = stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError("the FakeProlific server process did not start")
        yield url, reset
    finally:
        stdin.close()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


@contextlib.contextmanager
def submissions_server(items: int, *, awaiting_review: bool = False) -> Iterator[tuple[str, str, list[str]]]:
    """FakeProlific's real server in a child process, holding one study with ``items`` submissions.

    Yields ``(url, study_id, submission_ids)``. ``awaiting_review``: the submissions await review
    and stay so (a bulk approval is never applied), so every run sees the same ones.
    """
    status = ", status='AWAITING REVIEW'" if awaiting_review else ""
    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "study = fake.add_study(workspace_id='ws_bench')\n"
        f"ids = fake.add_submissions(study, {items}{status})\n"
        + ("fake.bulk_approve_lag = 10**9\n" if awaiting_review else "")
        + "with fake.serve() as url:\n"
        "    print(url, study, flush=True)\n"
        "    print(','.join(ids), flush=True)\n"
        "    sys.stdin.read()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    try:
        url, study = child.stdout.readline().split()
        ids = child.stdout.readline().strip().split(",")
        yield url, study, ids
    finally:
        child.stdin.close()
        child.wait(timeout=30)
