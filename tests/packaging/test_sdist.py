"""The sdist is the whole project: it regenerates its generated code and runs its own tests.

Running the whole suite from the sdist would add a minute to `make test`. In a git checkout the
sdist is compared with the checkout file by file, bytes included, so every test module and data file
the suite uses is there as the suite ran it. Then, from the extracted sdist alone: the drift check
(sources + config reproduce generated/), and a selection of tests that reads the data files, serves
the fake and calls the generated client (named by file: collecting all 2,500 tests again cost ~15 s).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from conftest import ROOT, Dist


def sdist_names(dist: Dist) -> set[str]:
    with tarfile.open(dist.sdist) as sdist:
        return {m.name.partition("/")[2] for m in sdist.getmembers() if m.isfile()}


def test_sdist_holds_every_file_of_the_checkout(dist: Dist) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist itself?): nothing to compare with")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split("\0")  # fmt: skip
    project = {name for name in listed if name and (ROOT / name).is_file()}
    names = sdist_names(dist)
    assert not project - names, f"missing from the sdist: {sorted(project - names)[:20]}"
    assert names - project == {"PKG-INFO"}, f"in the sdist but not the project: {sorted(names - project)}"
    with tarfile.open(dist.sdist) as sdist:
        differ = [
            name
            for member in sdist.getmembers()
            if member.isfile() and (name := member.name.partition("/")[2]) in project
            and (sdist.extractfile(member) or io.BytesIO()).read() != (ROOT / name).read_bytes()
        ]  # fmt: skip
    assert not differ, f"in the sdist with other bytes than the checkout's: {differ[:20]}"


# Tests run from the extracted sdist: the credentials corpus (data files), the fake's server, the
# generated client.
SELECTION = [
    "tests/faults/test_credential_files.py::test_corpus_file",
    "tests/unit/test_fake.py::test_server_endpoints",
    "tests/pipeline/test_spec_generated_client.py",
]


def test_sdist_regenerates_and_runs_its_tests(dist: Dist, tmp_path: Path) -> None:
    with tarfile.open(dist.sdist) as sdist:
        sdist.extractall(tmp_path, filter="data")
    [root] = tmp_path.iterdir()
    bin_dir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"  # the generator's ruff post-hook
    # The sdist's own code ahead of this checkout's editable install.
    sdist_env = {**env, "PYTHONPATH": os.pathsep.join(str(root / d) for d in ("overlay", "generated", "openapi"))}

    where = subprocess.run(
        [sys.executable, "-c", "import prolific, prolific_api_client, prolific_spec as s; print(prolific.__file__, prolific_api_client.__file__, s.__file__)"],
        env=sdist_env, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(root) for p in where), where

    check = subprocess.run(
        [sys.executable, "-m", "prolific_spec", "--root", str(root), "check"],
        cwd=root, env=sdist_env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, f"drift check in the sdist:\n{check.stdout[-2000:]}{check.stderr[-2000:]}"

    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SELECTION],
        cwd=root, env=sdist_env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    passed = re.fullmatch(r"(\d+) passed in .*", summary)  # nothing failed, skipped, errored
    assert passed and int(passed[1]) >= 30, summary  # the corpus's files, the server, the generated client
