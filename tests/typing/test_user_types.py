"""Type checkers see what users get: one mypy --strict run over the generated package and a user script.

The user script's ``reveal_type`` notes must match the ``# expect:`` comment on their line: a client
method returns the success model only (not a union with ``Error``, ``None`` or ``Any``), pagination
yields the item type, ``with_raw_response`` keeps the result's type. Any mypy error fails the test,
in the generated package (which the generator's own golden tests also check) or in the script.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("user_script.py")


@pytest.mark.slow
def test_mypy_strict_on_the_generated_package_and_a_user_script(tmp_path: Path) -> None:
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(ROOT / "overlay"), str(ROOT / "generated")])}
    command = [
        sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path),
        "--config-file", os.devnull, "--python-version", "3.11",
        str(ROOT / "generated" / "prolific_api_client"), str(SCRIPT),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    notes = {}
    errors = []
    for line in done.stdout.splitlines():
        match = re.match(r".*user_script\.py:(\d+): note: Revealed type is \"(.+)\"$", line)
        if match:
            notes[int(match.group(1))] = match.group(2)
        elif ": error:" in line:
            errors.append(line)
    assert not errors, "\n".join(errors[:30])
    expected = {
        number: line.split("# expect: ", 1)[1].strip()
        for number, line in enumerate(SCRIPT.read_text(encoding="utf-8").splitlines(), 1)
        if "# expect: " in line
    }
    assert len(expected) >= 12
    assert notes == expected
