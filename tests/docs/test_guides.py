"""The README's and the guides' code runs: Python blocks against FakeProlific, shell blocks against its server.

Sybil parses the markdown (fenced ``python`` blocks, ``<!-- invisible-code-block: python -->`` set-up
blocks, ``<!-- skip: next -->``); each document's examples run in order in one namespace, as a reader
would paste them. Before the first one, a fresh FakeProlific is served on 127.0.0.1 with a small demo
world (a workspace, a project, a draft study, submissions, a pool), ``PROLIFIC_TOKEN`` and
``PROLIFIC_URL`` point at it, and the namespace holds ``fake`` and ``world`` for invisible set-up blocks.

A ``bash`` block runs when one of its lines starts with ``prolific-client``: the whole block in
``bash -e`` from the repository root, with ``prolific-client`` on ``PATH`` and ``$WORKSPACE``,
``$PROJECT``, ``$STUDY`` and ``$POOL`` set from the world. A block that cannot run carries
``<!-- not run: <reason> -->`` on the line above it (the reason is required).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sybil import Document, Example, Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

from prolific import Prolific
from prolific.testing import FakeProlific

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guides").glob("*.md"))]
TOKEN = "guide-token-0123456789"
NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<reason>\S.*?)\s*-->\s*$")
BIN = Path(sys.executable).parent


@dataclass
class World:
    """What a guide's code finds on the fake: ids a real account would have."""

    url: str
    workspace_id: str
    project_id: str
    study_id: str
    pool_id: str
    submission_ids: list[str]

    def environment(self) -> dict[str, str]:
        return {
            "PROLIFIC_TOKEN": TOKEN,
            "PROLIFIC_URL": self.url,
            "WORKSPACE": self.workspace_id,
            "PROJECT": self.project_id,
            "STUDY": self.study_id,
            "POOL": self.pool_id,
        }


def _seed(fake: FakeProlific, url: str) -> World:
    workspace_id, project_id = "6540a1b2c3d4e5f607182930", "6540a1b2c3d4e5f607182931"
    fake.add_project(project_id, workspace_id)
    study_id = fake.add_study(project=project_id, name="Pilot", total_available_places=10)
    submission_ids = fake.add_submissions(study_id, 3)
    if "get-user" not in fake.handled_operations:
        fake.route("get-user", lambda request: {"id": "5e9b9c9b0f9c9a0001b0b1f4", "email": "you@example.org"})
    with Prolific(token=TOKEN, base_url=url) as client:
        pool_id = client.credentials.create_pool(workspace_id=workspace_id, credentials="seed-1,pw-seed-1")
    return World(url, workspace_id, project_id, study_id, pool_id, submission_ids)


class _Shell:
    """Sybil evaluator for ``bash`` blocks (see the module docstring)."""

    def __init__(self, world: World) -> None:
        self.world = world

    def __call__(self, example: Example) -> str | None:
        code: str = example.parsed
        if not any(line.lstrip().startswith("prolific-client") for line in code.splitlines()):
            return None  # a block about something else (make, export, pip)
        before = example.document.text[: example.region.start].rstrip().splitlines()
        if before and NOT_RUN.match(before[-1]):
            return None
        environment = {**os.environ, **self.world.environment(), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", code],
            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if result.returncode != 0:
            return (
                f"shell block exited {result.returncode}\n--- stdout\n{result.stdout[-2000:]}"
                f"\n--- stderr\n{result.stderr[-2000:]}"
            )
        return None


def _documents() -> list[Path]:
    return [path for path in DOCUMENTS if path.exists()]


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FakeProlific, World]]:
    fake = FakeProlific(token=TOKEN)
    with fake.serve() as url:
        world = _seed(fake, url)
        for name, value in world.environment().items():
            monkeypatch.setenv(name, value)
        yield fake, world


def _parse(path: Path, world: World) -> Document:
    sybil = Sybil(
        parsers=[PythonCodeBlockParser(), CodeBlockParser("bash", _Shell(world)), SkipParser()],
        path=str(ROOT),
    )
    return sybil.parse(path)


@pytest.mark.parametrize("path", _documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_document_code_runs(path: Path, world: tuple[FakeProlific, World], tmp_path: Path) -> None:
    fake, seeded = world
    document = _parse(path, seeded)
    document.namespace.update({"fake": fake, "world": seeded, "tmp_path": tmp_path})
    examples = list(document.examples())
    cwd = Path.cwd()
    os.chdir(ROOT)  # the guides' relative paths (examples/credentials.csv) are the repository's
    try:
        for example in examples:
            example.evaluate()
    finally:
        os.chdir(cwd)
        client: Any = document.namespace.get("client")
        if hasattr(client, "close"):
            client.close()


def test_every_guide_has_runnable_code() -> None:
    """A guide without a single checked block would drift unseen."""
    empty = []
    for path in _documents():
        fake_world = World("http://127.0.0.1:1", "w", "p", "s", "pool", [])
        blocks = list(_parse(path, fake_world).examples())
        if not blocks:
            empty.append(path.name)
    assert not empty, f"no runnable code block in {empty}"


def test_a_broken_snippet_fails(tmp_path: Path, world: tuple[FakeProlific, World]) -> None:
    """The harness is not a formality: a wrong attribute in a block fails the document."""
    fake, seeded = world
    page = tmp_path / "broken.md"
    page.write_text(
        "```python\nfrom prolific import Prolific\n"
        "with Prolific() as client:\n    client.studies.get_study(world.study_id).no_such_field\n```\n"
    )
    document = _parse(page, seeded)
    document.namespace.update({"fake": fake, "world": seeded})
    with pytest.raises(AttributeError, match="no_such_field"):
        for example in document.examples():
            example.evaluate()


def test_a_failing_shell_block_fails(tmp_path: Path, world: tuple[FakeProlific, World]) -> None:
    _, seeded = world
    page = tmp_path / "broken.md"
    page.write_text("```bash\nprolific-client credentials check no-such-file.csv\n```\n")
    document = _parse(page, seeded)
    with pytest.raises(Exception, match="shell block exited 2"):
        for example in document.examples():
            example.evaluate()


def test_unrun_shell_block_needs_a_reason() -> None:
    assert NOT_RUN.match("<!-- not run: needs a real account -->")
    assert not NOT_RUN.match("<!-- not run: -->")
