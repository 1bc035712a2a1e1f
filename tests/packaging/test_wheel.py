"""The wheel as a user gets it: both packages typed, installable, and type-checked by mypy."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import Dist
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
USER_SCRIPT = HERE / "typed_user_script.py"
MYPY = Path(sys.executable).with_name("mypy")


def test_wheel_ships_a_py_typed_marker_for_each_package(dist: Dist) -> None:
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    assert {"prolific/py.typed", "prolific_api_client/py.typed"} <= names, sorted(n for n in names if "typed" in n)


def runtime_closure(distribution: str) -> list[importlib.metadata.Distribution]:
    """``distribution``'s runtime requirements, recursively, as installed in this interpreter (no extras)."""
    environment = {**default_environment(), "extra": ""}
    seen: dict[str, importlib.metadata.Distribution] = {}
    todo = [Requirement(text) for text in importlib.metadata.requires(distribution) or []]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        found = importlib.metadata.distribution(requirement.name)
        assert found.version in requirement.specifier, f"{requirement} but {found.version} is installed"
        seen[name] = found
        todo += [Requirement(text) for text in found.requires or []]
    return list(seen.values())


def make_venv(path: Path, wheel: Path) -> Path:
    """A fresh venv holding only the wheel and its runtime dependencies; returns its python.

    Offline: the wheel is installed with ``--no-index``, the dependencies are copied file by file
    (their RECORD) from this interpreter's site-packages, and ``pip check`` then proves the
    wheel's declared requirements are all met by them.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]
    subprocess.run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    target = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    source = Path(sysconfig.get_paths()["purelib"])
    for found in runtime_closure("prolific-client"):
        for file in found.files or []:
            origin = Path(found.locate_file(file))
            if origin.is_file() and source in origin.parents:
                destination = target / origin.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, destination)
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert check.returncode == 0, f"pip check in the new venv:\n{check.stdout}{check.stderr}"
    return python


def expected_reveals(script: Path) -> dict[int, str]:
    return {
        number: line.rpartition("#")[2].strip()
        for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1)
        if "reveal_type(" in line and not line.lstrip().startswith(("from ", "import "))
    }


@pytest.fixture(scope="module")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh venv holding the wheel and its runtime dependencies only (shared by this module)."""
    return make_venv(tmp_path_factory.mktemp("wheel") / "venv", dist.wheel)


def test_user_script_type_checks_strictly_against_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    python = installed
    where = subprocess.run(
        [str(python), "-c", "import prolific, prolific_api_client; print(prolific.__file__); print(prolific_api_client.__file__)"],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(python.parents[1]) for p in where), where  # the wheel, not this checkout

    work = tmp_path / "user"
    work.mkdir()
    script = work / "script.py"
    shutil.copy(USER_SCRIPT, script)
    config = work / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # not the project's [tool.mypy]: a user's own setup
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    result = subprocess.run(
        [str(MYPY), "--strict", "--config-file", str(config), "--cache-dir", str(work / "cache"),
         "--python-executable", str(python), "script.py"],
        cwd=work, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy --strict on a user script failed:\n{output}"
    revealed = {
        int(match[1]): match[2].replace("builtins.", "")
        for match in re.finditer(r'^script\.py:(\d+): note: Revealed type is "(.*)"$', output, re.MULTILINE)
    }
    assert revealed == expected_reveals(USER_SCRIPT), output


FAKE_SCRIPT = """
import sys, warnings
import httpx
warnings.simplefilter("ignore")  # no [testing] extra: the fake says once that it does not check requests
from prolific.testing import FakeProlific
fake = FakeProlific(seed=1)
world = fake.seed_demo()
client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
                      headers={"Authorization": "Token t"})
me = client.get("/api/v1/users/me/")
balance = client.get(f"/api/v1/workspaces/{world['workspace_id']}/balance/")
print("yaml" not in sys.modules, me.status_code, me.json()["currency_code"], balance.status_code)
"""


def test_the_fake_answers_unmodelled_operations_from_the_installed_wheel_without_yaml(installed: Path) -> None:
    # The answers' schemas travel as JSON in the generated package (operations/responses.json).
    done = subprocess.run([str(installed), "-c", FAKE_SCRIPT], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "200", "GBP", "200"]
