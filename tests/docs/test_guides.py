"""The README and every guide run as a reader pastes them: block after block, against ``fake-server --seed``.

Each document starts with "Follow along without an account": a shell block that starts
``prolific-client fake-server --seed`` (in another terminal) and one that exports ``PROLIFIC_URL`` and
``PROLIFIC_TOKEN``. For each document this test starts that server, as shown (on a free port rather than
the one the guide names), in a real subprocess, and runs the document's code in ONE fresh Python
process (guide_runner.py) in a fresh, empty working directory, with those two variables and nothing
else of ours in its environment: Python blocks in that process, one namespace, in order; shell blocks
in one ``bash -e`` kept for the document, in the same order. Nothing runs that the reader does not
see: no set-up block, no name given to the code. A block that cannot run carries
``<!-- not run: <reason> -->`` on the line above it (the reason is required).

The guides' Python code also passes ``mypy --strict`` (each guide's blocks, concatenated, as one
module; one mypy run for all of them), and only the testing guide, which teaches FakeProlific, may
touch a fake from Python (``fake.``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guides").glob("*.md"))]
RUNNER = Path(__file__).with_name("guide_runner.py")
FORKER = Path(__file__).with_name("fake_server_fork.py")
CLI_FORKER = Path(__file__).with_name("cli_fork.py")
BIN = Path(sys.executable).parent
NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<reason>\S.*?)\s*-->\s*$")
NOT_RUN_ANY = re.compile(r"<!--\s*not run\b")
FENCE = re.compile(r"^```(?P<language>[\w+-]*)\s*$")
EXPORT = re.compile(r"^export (?P<name>[A-Z_]+)=(?P<value>\S+)(?:\s+#.*)?$")
SERVER = "prolific-client fake-server"
# What the reader is told to export, and nothing else: checked against each document's export block.
EXPORTED = ("PROLIFIC_URL", "PROLIFIC_TOKEN")
# The guide that teaches FakeProlific itself: the only one whose Python may hold a fake.
FAKE_IN_PYTHON = {"testing.md"}
DOCUMENT_TIMEOUT = 300


@dataclass
class Block:
    """One fenced code block: its language, code, and the document line of its first code line."""

    language: str
    code: str
    line: int
    not_run: str | None = None


@dataclass
class Document:
    path: Path
    blocks: list[Block]
    server: list[str] = field(default_factory=list)  # the fake-server arguments the guide shows
    port: str | None = None  # the port the guide names (its URL says the same)
    exports: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT)) if self.path.is_relative_to(ROOT) else self.path.name

    def runnable(self) -> list[Block]:
        """The blocks run in order: Python and shell, except the follow-along ones and those marked not run."""
        return [
            block
            for block in self.blocks
            if block.language in ("python", "bash") and block.not_run is None and not _follow_along(block)
        ]


def _follow_along(block: Block) -> bool:
    """The blocks this test does itself: start the server (in another terminal), export its URL and token."""
    starts = any(line.strip().startswith(SERVER) for line in block.code.splitlines())
    return block.language == "bash" and (starts or _exports(block) is not None)


def _exports(block: Block) -> dict[str, str] | None:
    """``{name: value}`` when every line of a shell block is an ``export NAME=VALUE`` of ours, else None."""
    lines = [line.strip() for line in block.code.splitlines() if line.strip()]
    matches = [EXPORT.match(line) for line in lines]
    if not lines or not all(matches) or not all(m["name"].startswith("PROLIFIC_") for m in matches if m):
        return None
    return {m["name"]: m["value"] for m in matches if m}


def parse(path: Path) -> Document:
    """The document's fenced blocks, each with the ``not run`` reason of the line above it, if any."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        if opened is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != "```":
            end += 1
        above = lines[index - 1] if index else ""
        if NOT_RUN_ANY.search(above) and not NOT_RUN.match(above):
            raise AssertionError(f"{path.name}:{index}: `not run` needs a reason: <!-- not run: why -->")
        marker = NOT_RUN.match(above)
        code = "\n".join(lines[index + 1 : end]) + "\n"
        blocks.append(Block(opened["language"], code, index + 2, marker["reason"] if marker else None))
        index = end + 1
    document = Document(path, blocks)
    for block in blocks:
        if block.language != "bash" or block.not_run is not None:
            continue
        for line in block.code.splitlines():
            if line.strip().startswith(SERVER) and not document.server:
                words = shlex.split(line.split("#", 1)[0])[2:]
                if "--port" in words:
                    at = words.index("--port")
                    document.port = words[at + 1]
                    del words[at : at + 2]
                document.server = words
        exports = _exports(block)
        if exports is not None and not document.exports:
            document.exports = exports
    return document


def _documents() -> list[Path]:
    return [path for path in DOCUMENTS if path.exists()]


# -- running a document ---------------------------------------------------------------------------


@dataclass
class Outcome:
    returncode: int
    output: str  # the runner's stdout: each block's output, after a --- line naming it
    errors: str  # its stderr: what the code wrote there (a server's request log, warnings)
    blocks: int
    seconds: float


def _reader_environment(home: Path, url: str, token: str, commands: Path | None = None) -> dict[str, str]:
    """A reader's shell: ``PATH`` with ``prolific-client``, their own home, and the two exported variables.

    ``commands``: a directory whose ``prolific-client`` runs the command line in a warm fork (cli_fork.py).
    """
    path = [str(BIN), "/usr/local/bin", "/usr/bin", "/bin"]
    environment = {
        "PATH": os.pathsep.join([str(commands), *path] if commands else path),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "TMPDIR": str(home),
        "LANG": "C.UTF-8",
        "PROLIFIC_URL": url,
        "PROLIFIC_TOKEN": token,
    }
    # How this test run keeps bytecode out of the tree (make test): not something a guide's code sees.
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        if name in os.environ:
            environment[name] = os.environ[name]
    return environment


class Servers:
    """Starts ``prolific-client fake-server`` processes: forks of one warm process (fake_server_fork.py).

    Each is its own process, running the command line's ``fake-server`` with the guide's arguments and
    the reader's environment; the fork only saves each one importing the fake and loading the API
    document again (about 2 s of CPU a document).
    """

    def __init__(self, home: Path) -> None:
        environment = _reader_environment(home, "", "")
        del environment["PROLIFIC_URL"], environment["PROLIFIC_TOKEN"]
        self.environment = environment
        self.lock = threading.Lock()
        self.pids: list[int] = []
        self.forker = subprocess.Popen(
            [sys.executable, str(FORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=environment,
            cwd=home,
        )  # fmt: skip

    def start(self, document: Document, home: Path) -> tuple[int, IO[str], str]:
        """``fake-server`` with the guide's arguments, on a free port: its pid, its stdout, and its URL."""
        fifo = home / "server-stdout"
        os.mkfifo(fifo)
        request = {
            "argv": ["fake-server", *document.server, "--port", "0"],
            "env": self.environment,
            "cwd": str(home),
            "stdout": str(fifo),
        }
        assert self.forker.stdin is not None and self.forker.stdout is not None
        with self.lock:
            self.forker.stdin.write(json.dumps(request) + "\n")
            self.forker.stdin.flush()
            pid = int(self.forker.stdout.readline())
            self.pids.append(pid)
        stdout = fifo.open(encoding="utf-8")  # the server opens it for writing: both go on together
        url = ""
        for line in stdout:  # url=..., token=..., then the seeded ids; the last is participant_ids=
            if line.startswith("url="):
                url = line.strip().split("=", 1)[1]
            if line.startswith("participant_ids=") or (url and "--seed" not in document.server):
                break
        if not url:
            stdout.close()
            raise AssertionError(f"{document.name}: `{SERVER} {' '.join(document.server)}` printed no url= line")
        return pid, stdout, url

    @staticmethod
    def stop(pid: int, stdout: IO[str]) -> None:
        """SIGTERM: the server stops as on Ctrl-C (its parent, the forker, reaps it)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        stdout.close()

    def close(self) -> None:
        assert self.forker.stdin is not None
        self.forker.stdin.close()
        self.forker.wait(timeout=30)
        for pid in self.pids:  # a server that did not stop on SIGTERM
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


class Commands:
    """``prolific-client`` for the guides' shell blocks: each command a fork of one warm process (cli_fork.py).

    Each command still runs in its own process with the reader's arguments, environment, directory
    and standard streams, and exits with its own status; the fork saves it importing the command line,
    httpx and the client again (about 0.4 s of CPU a command, some 60 commands).
    """

    def __init__(self, home: Path) -> None:
        self.directory = home / "bin"
        self.directory.mkdir()
        environment = _reader_environment(home, "", "")
        del environment["PROLIFIC_URL"], environment["PROLIFIC_TOKEN"]
        self.process = subprocess.Popen(
            [sys.executable, str(CLI_FORKER), str(home / "cli.sock"), str(self.directory)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, env=environment, cwd=home,
        )  # fmt: skip
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().strip()
        assert ready == "ready", f"cli_fork.py did not start: {ready!r}"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def run_document(document: Document, home: Path, servers: Servers, commands: Commands | None = None) -> Outcome:
    """Start the document's server, run its blocks in one fresh process; what happened."""
    started = time.monotonic()
    workdir, scratch = home / "work", home / "harness"
    workdir.mkdir()
    scratch.mkdir()
    blocks = [
        {"document": document.name, "line": block.line, "language": block.language, "code": block.code}
        for block in document.runnable()
    ]
    blocks_file = scratch / "blocks.json"
    blocks_file.write_text(json.dumps(blocks), encoding="utf-8")
    pid, server_stdout, url = servers.start(document, scratch)
    try:
        shims = commands.directory if commands else None
        environment = _reader_environment(home, url, document.exports["PROLIFIC_TOKEN"], shims)
        done = subprocess.run(
            [sys.executable, str(RUNNER), str(blocks_file)],
            cwd=workdir, env=environment, capture_output=True, text=True, timeout=DOCUMENT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        servers.stop(pid, server_stdout)
    return Outcome(done.returncode, done.stdout, done.stderr, len(blocks), time.monotonic() - started)


@pytest.fixture(scope="module")
def commands(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Commands]:
    started = Commands(tmp_path_factory.mktemp("commands"))
    yield started
    started.close()


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, commands: Commands
) -> Iterator[dict[Path, Outcome]]:
    """The selected documents run at once (a few at a time): each waits mostly on its server and its shell."""
    selected = {
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_document_runs_as_pasted" and hasattr(item, "callspec")
    }
    documents = [parse(path) for path in _documents() if path in selected]

    def run(document: Document) -> tuple[Path, Outcome]:
        if not document.server or "PROLIFIC_TOKEN" not in document.exports:
            missing = f"no `{SERVER} --seed` block and `export PROLIFIC_TOKEN=...` block to follow along with"
            return document.path, Outcome(1, f"FAILED {document.name}: {missing}", "", 0, 0.0)
        home = tmp_path_factory.mktemp(document.path.stem)
        return document.path, run_document(document, home, servers, commands)

    if not documents:
        yield {}
        return
    servers = Servers(tmp_path_factory.mktemp("servers"))
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            yield dict(pool.map(run, documents))
    finally:
        servers.close()


@pytest.mark.parametrize("path", _documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_document_runs_as_pasted(path: Path, outcomes: dict[Path, Outcome]) -> None:
    outcome = outcomes[path]
    failed = re.search(r"^FAILED (.+)$", outcome.output, re.MULTILINE)
    where = f" at {failed.group(1)}" if failed else ""
    assert outcome.returncode == 0, f"a block failed{where}:\n{outcome.output[-6000:]}\n{outcome.errors[-2000:]}"
    assert outcome.output.rstrip().endswith("ALL BLOCKS RAN")


# -- what every document holds --------------------------------------------------------------------


@pytest.mark.parametrize("path", _documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_document_says_how_to_follow_along(path: Path) -> None:
    """The server command and the two exports, exactly the lines the test uses; then code that runs."""
    document = parse(path)
    text = path.read_text(encoding="utf-8")
    assert "## Follow along without an account" in text or "### Follow along without an account" in text
    assert document.server[:1] == ["--seed"], f"no `{SERVER} --seed` block in {document.name}"
    assert sorted(document.exports) == sorted(EXPORTED), document.exports
    assert document.exports["PROLIFIC_URL"] == f"http://127.0.0.1:{document.port}", "the URL the server listens on"
    assert document.runnable(), f"no code block of {document.name} runs"


@pytest.mark.parametrize("path", _documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_hidden_setup_and_no_fake_in_user_guides(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "invisible-code-block" not in text, "a set-up block the reader does not see"
    assert "skip: next" not in text, "a skipped block: mark it <!-- not run: why --> instead"
    if path.name in FAKE_IN_PYTHON:
        return
    code = "\n".join(block.code for block in parse(path).blocks) + "\n".join(re.findall(r"`([^`\n]+)`", text))
    touching = sorted({line.strip() for line in code.splitlines() if re.search(r"\bfake\.", line)})
    assert not touching, f"test plumbing in a user guide (drive the server with `prolific-client fake …`): {touching}"


# -- the harness fails when a block does ----------------------------------------------------------


def _run_blocks(
    tmp_path: Path, blocks: list[dict[str, object]], commands: Commands | None = None
) -> subprocess.CompletedProcess[str]:
    blocks_file = tmp_path / "blocks.json"
    blocks_file.write_text(json.dumps(blocks))
    (tmp_path / "work").mkdir()
    environment = _reader_environment(tmp_path, "http://127.0.0.1:9", "t", commands.directory if commands else None)
    return subprocess.run(
        [sys.executable, str(RUNNER), str(blocks_file)],
        cwd=tmp_path / "work", env=environment, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_the_runner_keeps_state_between_blocks_and_names_the_failing_line(tmp_path: Path) -> None:
    done = _run_blocks(
        tmp_path,
        [
            {"document": "guide.md", "line": 3, "language": "python", "code": "x = 41\n"},
            {"document": "guide.md", "line": 7, "language": "bash", "code": "STUDY=abc\necho made > file.txt\n"},
            {"document": "guide.md", "line": 11, "language": "bash", "code": 'echo "study $STUDY"\n'},
            {
                "document": "guide.md",
                "line": 15,
                "language": "python",
                "code": "print(x + 1, open('file.txt').read())\n",
            },
            {"document": "guide.md", "line": 19, "language": "python", "code": "y = 1\nx.no_such_field\n"},
            {"document": "guide.md", "line": 23, "language": "python", "code": "print('never')\n"},
        ],
    )
    assert done.returncode == 1
    assert "study abc" in done.stdout and "42 made" in done.stdout
    assert 'File "guide.md", line 20' in done.stdout and "no_such_field" in done.stdout
    assert done.stdout.rstrip().endswith("FAILED guide.md:19")
    assert "never" not in done.stdout


def test_a_failing_shell_command_fails_its_block(tmp_path: Path) -> None:
    done = _run_blocks(
        tmp_path,
        [
            {"document": "g.md", "line": 5, "language": "bash", "code": "prolific-client credentials check no.csv\n"},
            {"document": "g.md", "line": 9, "language": "bash", "code": "echo never\n"},
        ],
    )
    assert done.returncode == 1
    assert "no.csv" in done.stdout and "(the shell exited 2)" in done.stdout
    assert done.stdout.rstrip().endswith("FAILED g.md:5") and "never" not in done.stdout


def test_a_warm_command_is_the_command(tmp_path: Path, commands: Commands) -> None:
    """Through cli_fork.py a command gets the shell's arguments, variables, directory and streams, and its status."""
    shell = (
        "echo 'username,password' > logins.csv\n"
        "export PROLIFIC_WORKSPACE_ID=6540a1b2c3d4e5f607182930\n"
        "prolific-client config show | grep -c 6540a1b2c3d4e5f607182930\n"
        'prolific-client credentials check < /dev/null - | cat || echo "exit $?"\n'
        'prolific-client credentials check logins.csv || echo "exit $?"\n'
        "printf 'alice,pw-alice-1\\n' | prolific-client credentials check -\n"
    )
    done = _run_blocks(tmp_path, [{"document": "g.md", "line": 3, "language": "bash", "code": shell}], commands)
    assert done.returncode == 0, done.stdout
    assert "\n1\n" in done.stdout  # config show saw the exported variable
    assert done.stdout.count("exit 2") == 2  # an empty stdin, an empty file: exit 2, each
    assert "logins.csv" in done.stdout  # its working directory
    assert "1 valid credential" in done.stdout  # its stdin
    assert done.stdout.rstrip().endswith("ALL BLOCKS RAN")


def test_a_not_run_marker_needs_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- not run: -->\n```bash\nmake\n```\n")
    with pytest.raises(AssertionError, match="needs a reason"):
        parse(page)
    page.write_text("<!-- not run: it builds the docs -->\n```bash\nmake\n```\n")
    assert parse(page).blocks[0].not_run == "it builds the docs"


# -- types ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_guides_python_passes_mypy_strict(tmp_path: Path) -> None:
    """Each document's Python blocks, in order, as one module; one mypy --strict run over all of them."""
    modules = tmp_path / "guides"
    modules.mkdir()
    where: dict[str, tuple[str, list[int]]] = {}  # module name -> document, the document line of each line
    for path in _documents():
        document = parse(path)
        lines: list[str] = []
        origin: list[int] = []
        for block in document.blocks:
            if block.language != "python" or block.not_run is not None:
                continue
            for offset, line in enumerate(block.code.splitlines()):
                lines.append(line)
                origin.append(block.line + offset)
        if lines:
            name = "guide_" + re.sub(r"\W", "_", path.stem.lower())
            (modules / f"{name}.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
            where[name] = (document.name, origin)
    # The project's own mypy settings (strict, its mypy_path) and cache: after `make lint`, only the
    # guides are checked afresh.
    command = [
        sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir",
        str(ROOT / ".mypy_cache"), "--no-error-summary", "--show-error-codes",
        *sorted(str(module) for module in modules.iterdir()),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    errors = []
    for line in done.stdout.splitlines():
        match = re.match(r".*?(guide_\w+)\.py:(\d+): (error|note): (.*)$", line)
        if match and match[1] in where:
            document, origin = where[match[1]]
            errors.append(f"{document}:{origin[int(match[2]) - 1]}: {match[3]}: {match[4]}")
        elif line.strip():
            errors.append(line)
    assert done.returncode == 0 and not errors, "\n".join(errors[:40]) or done.stderr[-2000:]
