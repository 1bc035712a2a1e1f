"""Start the Prism mock server (pinned, installed by `make prism`) on loopback against our merged spec."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / ".prism" / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "openapi" / "prolific.yaml"


@dataclass
class PrismServer:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"contract tests must run in CI: {reason}")
    pytest.skip(f"CONTRACT TESTS SKIPPED: {reason} (run `make prism`, needs node + npm)")


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    if shutil.which("node") is None:
        _missing("node is not installed")
    if not PRISM.exists():
        _missing(f"{PRISM.relative_to(ROOT)} is missing")
    port = _free_port()
    log = tmp_path_factory.mktemp("prism") / "prism.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(SPEC)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    try:
        deadline = time.monotonic() + 60
        while "Prism is listening" not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prism did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        yield PrismServer(url=f"http://127.0.0.1:{port}", log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
