"""Type checkers see what users get: one mypy --strict run over the generated package and two user scripts.

The user script's ``reveal_type`` notes must match the ``# expect:`` comment on their line: a client
method returns the success model only (not a union with ``Error``, ``None`` or ``Any``), pagination
yields the item type, ``with_raw_response`` keeps the result's type. ``common_loop.py`` is the
common loop (create, publish, review, approve, pay, group, subscribe) with every value annotated
with the type a user expects, and none of what a user writes to get past a type that says less
than the API does (a cast, ``assert x is not None``, an ``isinstance`` check, a ``type: ignore``).
Any mypy error fails the test, in the generated package (which the generator's own golden tests
also check) or in a script.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("user_script.py")
LOOP = Path(__file__).with_name("common_loop.py")
# What user code writes when a type says less than the API does (the loop needs none of it): names
# read from the code's tokens (strings and comments aside), and `type: ignore` comments.
NARROWING_NAMES = frozenset({"cast", "assert", "isinstance", "Any", "Unset"})


@pytest.mark.slow
def test_mypy_strict_on_the_generated_package_and_a_user_script(tmp_path: Path) -> None:
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(ROOT / "overlay"), str(ROOT / "generated")])}
    command = [
        sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path),
        "--config-file", os.devnull, "--python-version", "3.11",
        str(ROOT / "generated" / "prolific_api_client"), str(SCRIPT), str(LOOP),
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


def test_the_common_loop_script_needs_no_cast_and_no_narrowing() -> None:
    text = LOOP.read_text(encoding="utf-8")
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    names = [t for t in tokens if t.type == tokenize.NAME]
    used = sorted({(t.string, t.start[0]) for t in names if t.string in NARROWING_NAMES})
    pairs = {("is", "None"), ("is", "not")}  # `x is None`, `x is not None`
    used += [
        (f"{a.string} {b.string}", a.start[0]) for a, b in itertools.pairwise(names) if (a.string, b.string) in pairs
    ]
    ignores = [t.start[0] for t in tokens if t.type == tokenize.COMMENT and "type:" in t.string]
    assert used == [] and ignores == []
    for step in (
        "create_study",
        "publish_study",
        "iter_awaiting_review",
        "approve",
        "preview",
        "pay",
        "add_participants",
    ):
        assert any(t.string == step for t in tokens), step
    assert {"subscribe", "iter_events", "list_subscriptions"} <= {t.string for t in tokens}
