"""The CLI's shape: commands register themselves, imports go one way, --help and offline commands load no
httpx, ``create`` prints just the id, progress and tables (rich on a terminal, plain otherwise)."""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import prolific.cli

# Private on purpose: this file tests the CLI's own parts (command list, output, progress, redaction) directly.
from prolific.cli import _main, main
from prolific.cli._output import Output, Progress
from prolific.cli._redact import Redactor
from prolific.testing import FakeProlific

TOKEN = "tok-structure-7f3a9c21"
CLI_DIR = Path(prolific.cli.__file__).parent


class Terminal(io.StringIO):
    """A stream that says it is a terminal (rich then draws)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    with FakeProlific(token=TOKEN).serve() as base:
        yield base


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    return code, captured.out, captured.err


# -- what loads ------------------------------------------------------------------------------------

_LOADED = """
import contextlib, io, json, sys
from prolific.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded(*argv: str) -> tuple[int, set[str]]:
    """The exit code and the top-level modules loaded by running ``prolific-client ARGV`` in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, *argv], capture_output=True, text=True, check=True, timeout=60
    )
    data = json.loads(result.stdout)
    return data["code"], {name.partition(".")[0] for name in data["modules"]}


def test_help_and_offline_commands_import_no_httpx(tmp_path: Path) -> None:
    good = tmp_path / "logins.csv"
    good.write_text("alice,password-one\nbob,password-two\n")
    bonuses = tmp_path / "bonuses.csv"
    bonuses.write_text("participant_id,amount\n5e9b9c9b0f9c9a0001b0b1f4,1.50\n")
    for argv, expected in (
        (["--help"], 0),
        (["credentials", "--help"], 0),
        (["credentials", "upload", "--help"], 0),
        (["credentials", "check", str(good)], 0),
        (["credentials", "generate", "3"], 0),
        (["credentials", "generate", "3", "-o", str(tmp_path / "new.csv")], 0),
        (["bonuses", "check", str(bonuses)], 0),
        (["bonuses", "--help"], 0),
        (["submissions", "--help"], 0),
        (["webhooks", "--help"], 0),
    ):
        code, modules = loaded(*argv)
        assert code == expected, argv
        assert not modules & {"httpx", "prolific_api_client", "rich"}, (argv, modules & {"httpx", "rich"})


def test_an_online_command_does_load_httpx(tmp_path: Path) -> None:
    # The check above can fail: a command that sends does import it.
    good = tmp_path / "logins.csv"
    good.write_text("alice,password-one\n")
    _, modules = loaded("--base-url", "http://127.0.0.1:9", "--token", "x" * 10, "credentials", "add", "w_1", str(good))
    assert "httpx" in modules


# -- the modules' shape ----------------------------------------------------------------------------


def _cli_imports() -> dict[str, set[str]]:
    """``module -> cli modules it imports`` (TYPE_CHECKING imports included), from the source."""
    graph: dict[str, set[str]] = {}
    for path in sorted(CLI_DIR.rglob("*.py")):
        parts = path.relative_to(CLI_DIR).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        name = ".".join(parts) or "__init__"
        package = parts if path.name == "__init__.py" else parts[:-1]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = list(package)[: len(package) - (node.level - 1)] if node.level > 1 else list(package)
                if node.level - 1 > len(package):
                    continue  # above prolific.cli
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                edges.add(target or "__init__")
        graph[name] = {edge for edge in edges if edge != name}
    return graph


def test_imports_among_cli_modules_go_one_way() -> None:
    graph = _cli_imports()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 1:
            raise AssertionError("import cycle: " + " -> ".join([*path, node]))
        if state.get(node) == 2 or node not in graph:
            return
        state[node] = 1
        for edge in sorted(graph[node]):
            visit(edge, [*path, node])
        state[node] = 2

    for node in graph:
        visit(node, [])
    assert "_output" not in graph["_input"] and "_context" not in graph["_output"] | graph["_input"]
    assert graph["_redact"] == set() and "_errors" in graph["_output"]


def test_every_command_module_is_listed_and_registers_itself() -> None:
    found = {path.stem for path in CLI_DIR.glob("*.py") if not path.stem.startswith("_")}
    found |= {path.parent.name for path in CLI_DIR.glob("*/__init__.py")}
    assert set(_main.COMMANDS) == found
    parser = prolific.cli.build_parser()
    assert parser.parse_args(["credentials", "check", "x.csv"]).func.__module__.endswith("credentials.files")
    assert not (CLI_DIR / "_parser.py").exists() and not (CLI_DIR / "pools.py").exists()


# -- output for scripts ----------------------------------------------------------------------------


def test_every_create_prints_just_the_id(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "--base-url", url, "participant-groups", "create", "--name", "Pilot", "--workspace", "w"
    )
    group = out.strip()
    assert code == 0 and out == group + "\n" and "\t" not in out and "Pilot" in err
    code, out, _ = run(capsys, "--base-url", url, "participant-groups", "get", group)  # G=$(... create ...)
    assert code == 0 and out.startswith(group)
    code, out, _ = run(
        capsys, "--base-url", url, "--json", "participant-groups", "create", "--name", "P", "--workspace", "w"
    )
    assert code == 0 and json.loads(out)["name"] == "P"

    logins = tmp_path / "logins.csv"
    logins.write_text("alice,password-one\nbob,password-two\n")
    code, out, err = run(capsys, "--base-url", url, "credentials", "create", "--workspace", "w", str(logins))
    assert code == 0 and out.strip().startswith("w_") and out.count("\n") == 1 and "2 credentials" in err


def test_numbers_are_written_one_way() -> None:
    stream = io.StringIO()
    progress = Progress(stream, 20_000)
    for done in (5_000, 20_000):
        progress(done)
    assert stream.getvalue() == "uploaded 5,000 of 20,000 credentials\nuploaded 20,000 of 20,000 credentials\n"


def test_upload_progress_is_drawn_on_stderr_and_never_on_stdout(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = tmp_path / "logins.csv"
    logins.write_text("".join(f"user{n},password-{n:04d}\n" for n in range(1, 2_001)))
    stderr = Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    code = main(["--base-url", url, "credentials", "upload", "--workspace", "w", "--batch-size", "500", str(logins)])
    out = capsys.readouterr().out
    drawn = stderr.getvalue()
    assert code == 0 and out.strip().startswith("w_") and out.count("\n") == 1
    assert "2,000 of 2,000" in drawn and "/s" in drawn and "\x1b[" in drawn  # rich's bar: counts, rate, colours
    assert "uploaded 500 of" not in drawn  # not the plain lines


def test_tables_are_rich_on_a_terminal_and_plain_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    redact = Redactor()
    redact.add_passwords(["hunter2-secret"])
    out = Output(False, redact)
    rows = [["pool-a", 5_000, "hunter2-secret"], ["pool-b", 20, "x"]]
    plain = io.StringIO()
    monkeypatch.setattr("sys.stdout", plain)
    out.table(["POOL", "TOTAL", "NOTE"], rows, None)
    assert plain.getvalue().splitlines() == ["POOL    TOTAL  NOTE", "pool-a  5,000  ***", "pool-b     20  x"]
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    out.table(["POOL", "TOTAL", "NOTE"], rows, None)
    assert "5,000" in terminal.getvalue() and "\x1b[" in terminal.getvalue()
    assert "hunter2" not in terminal.getvalue() and "***" in terminal.getvalue()


# -- Ctrl-C during a send ----------------------------------------------------------------------------


def test_ctrl_c_during_a_send_is_130_with_the_exact_resume_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from prolific import Prolific

    fake = FakeProlific(token=TOKEN)

    class CtrlCAtThird(httpx.BaseTransport):
        seen = 0

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            self.seen += 1
            if self.seen == 3:
                raise KeyboardInterrupt  # as a Ctrl-C while the third batch is being sent
            return fake.transport.handle_request(request)

    transport: httpx.BaseTransport = CtrlCAtThird()
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setattr(
        prolific.cli._context,
        "Prolific",
        lambda token, base_url: Prolific(TOKEN, http_client=httpx.Client(transport=transport)),
    )
    logins = tmp_path / "logins.csv"
    logins.write_text("".join(f"user{n},password-{n:04d}\n" for n in range(1, 8)))
    code, out, err = run(capsys, "credentials", "upload", "--workspace", "w", "--batch-size", "2", str(logins))
    [pool] = fake.pools
    assert code == 130 and out == "" and "Traceback" not in err
    assert f"error: upload interrupted after 4 of 7 credentials (pool {pool})\n" in err
    assert f"resume with: prolific-client credentials upload --pool {pool} --skip 4 --batch-size 2 {logins}\n" in err
    assert "the batch in flight (credentials 5-6) may or may not have been stored" in err
    transport = fake.transport
    assert run(capsys, "credentials", "upload", "--pool", pool, "--skip", "4", "--batch-size", "2", str(logins))[0] == 0
    assert [u for u, _ in fake.pools[pool]] == [f"user{n}" for n in range(1, 8)]
