"""Schemathesis against ``prolific-client fake-server``, with the merged spec: the fake answers as documented.

Every operation of the document is run, in one bounded run (deterministic generation, the fuzzing
phase, valid and invalid requests): 3 examples for each operation the fake models from state, 1 for
each operation whose answer it makes up from the documented schema (``prolific.testing._synth``: one
code path answers all of those, and tests/unit/test_fake_synth.py checks each of them against the
spec). About 320 cases, as many as the modelled operations alone had at 6 examples each (the run
takes as long). Two things are left out, each for a reason the API shares:

* ``get-submissions``: the fake documents that it does not implement its date filters (it
  answers 501 naming them, so a test relying on them learns it at once);
* the ``positive_data_acceptance`` check: a request can fit the schemas and still be refused by the
  API's own rules (an empty name, a project that does not exist, a study without a pool): the fake
  answers those with the API's 400, as Prolific does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prolific.testing import FakeProlific
from prolific_api_client.operations import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "prolific.yaml"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
NOT_RUN = frozenset({"get-submissions"})
MODELLED_EXAMPLES, MADE_UP_EXAMPLES = 3, 1


@pytest.fixture(scope="module")
def fake_server() -> Iterator[str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "prolific", "fake-server"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert server.stdout is not None
    url = server.stdout.readline().strip().removeprefix("url=")
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_schemathesis_finds_no_failure_in_any_operation(fake_server: str, tmp_path: Path) -> None:
    if not SCHEMATHESIS.exists() and shutil.which("schemathesis") is None:
        if os.environ.get("CI"):
            pytest.fail("schemathesis is part of the dev extra: make install")
        pytest.skip("schemathesis is not installed (pip install -e '.[dev]')")
    operations = sorted(set(OPERATIONS) - NOT_RUN)
    made_up = sorted(set(operations) - FakeProlific().handled_operations)
    assert len(made_up) > 50  # what the fake answers from the document, not from state
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        f"[generation]\nmax-examples = {MODELLED_EXAMPLES}\ndeterministic = true\n\n"
        f"[[operations]]\ninclude-operation-id = {json.dumps(made_up)}\ngeneration.max-examples = {MADE_UP_EXAMPLES}\n",
        encoding="utf-8",
    )
    command = [
        str(SCHEMATHESIS), "--config-file", str(config), "run", str(SPEC), "--url", fake_server,
        "-H", "Authorization: Token fake-token",
        "--include-operation-id-regex", f"^({'|'.join(operations)})$",
        "--phases", "fuzzing", "--exclude-checks", "positive_data_acceptance", "--workers", "1",
        "--report", "junit", "--report-dir", str(tmp_path),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=tmp_path, check=False)
    tail = "\n".join(done.stdout.splitlines()[-80:])
    assert done.returncode == 0, f"schemathesis found failures:\n{tail}\n{done.stderr[-2000:]}"
    assert f"Selected: {len(operations)}/{len(OPERATIONS)}" in done.stdout
