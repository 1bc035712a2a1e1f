"""One version, written once (overlay/prolific/_config.py), and every place that shows it agrees."""

from __future__ import annotations

import email.parser
import importlib.metadata
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from conftest import ROOT, Dist

import prolific
from prolific._config import USER_AGENT  # private: the constant built from the one written version is what is checked

CLI = Path(sys.executable).with_name("prolific-client")


def test_pyproject_takes_the_version_from_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"], "a static version in pyproject.toml is a second copy"
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "overlay/prolific/_config.py"


def metadata_version(text: str) -> str:
    return str(email.parser.Parser().parsestr(text)["Version"])


def test_built_wheel_and_sdist_carry_the_package_version(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        assert metadata_version(wheel.read(name).decode()) == prolific.__version__
    with tarfile.open(dist.sdist) as sdist:
        [member] = [m for m in sdist.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")]
        handle = sdist.extractfile(member)
        assert handle is not None
        assert metadata_version(handle.read().decode()) == prolific.__version__
    assert dist.wheel.name.startswith(f"prolific_client-{prolific.__version__}-")


def test_installed_metadata_cli_and_user_agent_agree() -> None:
    installed = importlib.metadata.version("prolific-client")
    assert installed == prolific.__version__, (
        f"installed metadata says {installed}, the package {prolific.__version__}: run `make install`"
    )
    for argv in ([str(CLI), "--version"], [sys.executable, "-m", "prolific", "--version"]):
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["prolific-client", prolific.__version__], result.stdout
    assert USER_AGENT.split("/") == ["prolific-client-python", prolific.__version__]
