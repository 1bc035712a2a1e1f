"""`make install` / `make generate` say what they are doing while .venv bootstraps (it takes ~20 s).

Run against a stand-in interpreter (PYTHON=stub, VENV in a temp dir) that records its arguments, so
the test needs no network and no real install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

STUB = """#!/usr/bin/env bash
if [ "$1" = "--version" ]; then echo "Python 3.99.0"; exit 0; fi
echo "STUB-PYTHON $*"
if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_bootstrap_announces_each_step_before_it_runs(tmp_path: Path) -> None:
    stub = tmp_path / "python-stub"
    stub.write_text(STUB, encoding="utf-8")
    stub.chmod(0o755)
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}

    def make(target: str) -> list[str]:
        result = subprocess.run(
            ["make", "--no-print-directory", "-C", str(ROOT), target, f"PYTHON={stub}", f"VENV={venv}"],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.splitlines()

    lines = make("generate")
    steps = [
        ("==> creating", "-m venv"),
        ("==> updating pip", "pip install --quiet --disable-pip-version-check --upgrade pip"),
        ("==> installing prolific-client", "pip install --quiet --disable-pip-version-check --no-compile -e .[dev]"),
    ]
    shown = "\n".join(lines)
    position = 0
    for message, command in steps:
        said = [i for i, line in enumerate(lines) if line.startswith(message)]
        ran = [i for i, line in enumerate(lines) if line.startswith("STUB-PYTHON") and command in line]
        assert said, f"make never printed {message!r}; it printed:\n{shown}"
        assert ran, f"make never ran {command!r}; it printed:\n{shown}"
        assert position <= said[0] < ran[0], f"{message!r} should come before {command!r}:\n{shown}"
        position = ran[0]
    assert any(line.startswith("==>") and "ready" in line for line in lines[position:])
    assert lines[-1] == "STUB-PYTHON -m prolific_spec generate"

    # Once bootstrapped, nothing more is said or installed.
    assert make("generate") == ["STUB-PYTHON -m prolific_spec generate"]


EXITING_STUB = """#!/usr/bin/env bash
if [ "$1" = "--version" ]; then echo "Python 3.99.0"; exit 0; fi
echo "STUB-PYTHON $*"
exit "${STUB_STATUS:-0}"
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(("diff_status", "make_fails"), [(0, False), (1, False), (2, True)])
def test_make_spec_diff_fails_only_when_the_diff_could_not_be_made(
    tmp_path: Path, diff_status: int, make_fails: bool
) -> None:
    # The diff command exits 1 for "the documents differ"; make must not print "Error 1" after a changelog.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    stub = venv / "bin" / "python"
    stub.write_text(EXITING_STUB, encoding="utf-8")
    stub.chmod(0o755)
    (venv / ".installed").touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")} | {"STUB_STATUS": str(diff_status)}
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "spec-diff", "OLD=a.yaml", "NEW=b.yaml",
         f"PYTHON={stub}", f"VENV={venv}"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert "STUB-PYTHON -m prolific_spec diff a.yaml b.yaml" in result.stdout, result.stdout + result.stderr
    assert (result.returncode != 0) is make_fails, result.stdout + result.stderr
