"""``prolific-client`` end to end: the real entry point against FakeProlific over loopback.

Every command, every exit code, ``--json``, stdin input, the resume-after-502 story, and the rule
that neither the token nor a password is ever printed (``credentials generate`` output excepted).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import prolific
import prolific.cli
import prolific.cli._context  # patched (the client a command builds): no public seam
import prolific.cli._output  # patched (Progress, to interrupt an upload part way): no public seam
import prolific.cli.credentials.files
from prolific.cli import main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-4b9e27c1d0"
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCRIPT = Path(sys.executable).parent / "prolific-client"


def password(i: int) -> str:
    return f"pw-SECRET-{i:03d}-Zq"


def csv_text(first: int, last: int, *, header: bool = False) -> str:
    rows = "".join(f"user{i:03d},{password(i)}\n" for i in range(first, last + 1))
    return ("username,password\n" if header else "") + rows


def pairs(first: int, last: int) -> list[tuple[str, str]]:
    return [(f"user{i:03d}", password(i)) for i in range(first, last + 1)]


def assert_no_secrets(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text
        assert "pw-SECRET" not in text
        for secret in ("Tr0ub4dor-3", "another-password", "pa55word-9", "Valid-Pa55", "Xk9-vQ2m!pLr"):
            assert secret not in text


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def url(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The fake over real HTTP on 127.0.0.1; the token comes from PROLIFIC_TOKEN, the URL from --base-url."""
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    with fake.serve() as base:
        yield base


@pytest.fixture
def creds_file(tmp_path: Path) -> Path:
    path = tmp_path / "logins.csv"
    path.write_text(csv_text(1, 7, header=True))
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``main(argv)``; return (exit code, stdout, stderr), having checked that no secret leaked."""
    code = main(list(argv))
    captured = capsys.readouterr()
    assert_no_secrets(captured.out, captured.err)
    return code, captured.out, captured.err


def api(url: str, *argv: str) -> list[str]:
    return ["--base-url", url, *argv]


# -- credentials check (offline) ----------------------------------------------------------------


def test_check_reports_every_bad_line_of_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "credentials-with-mistakes.csv")
    code, out, err = cli(capsys, "credentials", "check", path)
    assert code == 2 and out == ""
    for line in (3, 4, 5, 6, 7, 8):
        assert f"{path}, line {line}" in err
    assert "lines 2 and 6" in err  # the duplicate names both lines
    assert "2 valid credentials, 6 problems" in err

    code, out, err = cli(capsys, "--json", "credentials", "check", path)
    report = json.loads(out)
    assert code == 2 and report["file"] == path and report["credentials"] == 2
    assert [p["line"] for p in report["problems"]] == [3, 4, 5, 6, 7, 8]
    assert [p["field"] for p in report["problems"]] == [
        None,
        "password",
        "password",
        "username",
        "username",
        "password",
    ]
    assert all(p["reason"] for p in report["problems"])


def test_check_good_files_and_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = cli(capsys, "credentials", "check", str(EXAMPLES / "credentials.csv"))
    assert code == 0 and out == "" and "12 valid credentials, 0 problems" in err
    assert cli(capsys, "credentials", "check", str(EXAMPLES / "more-credentials.csv"))[0] == 0

    monkeypatch.setattr("sys.stdin", io.StringIO(csv_text(1, 3, header=True)))
    code, out, err = cli(capsys, "credentials", "check", "-", "--json")  # global options after the command too
    assert code == 0 and json.loads(out) == {
        "file": "<stdin>",
        "credentials": 3,
        "header": "username,password",
        "problems": [],
    }


def test_check_custom_mistakes_all_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"a,{password(1)}\n"
        "\n"  # blank lines are fine and still counted
        f"b,{password(2)},\n"
        f"c, {password(3)}\n"
        f"a,{password(4)}\n"
        "d,\n"
        f"e,{password(5)}\t\n"
        f"f,{password(6)}\n"
    )
    code, out, _ = cli(capsys, "--json", "credentials", "check", str(bad))
    report = json.loads(out)
    assert code == 2 and report["credentials"] == 2
    assert [(p["line"], p["field"]) for p in report["problems"]] == [
        (3, None),
        (4, "password"),
        (5, "username"),
        (6, "password"),
        (7, "password"),
    ]


def test_check_not_utf8_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(b"ok,pw-SECRET-1\nj\xfcrgen,pw-SECRET-2\n")
    code, _, err = cli(capsys, "credentials", "check", str(latin))
    assert code == 2 and f"{latin}, line 2" in err and "UTF-8" in err
    code, _, err = cli(capsys, "credentials", "check", str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv" in err and "Traceback" not in err


def _stdin_bytes(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def test_no_byte_or_character_of_a_password_is_printed(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The undecodable byte 0xE9 and the control character U+0007 sit inside passwords: no command
    # may print them, as a byte value, a character or a code point, on any stream.
    data = {
        "latin1": b"alice,pw-SECRET-1\nbob,pw-SECRET-\xe9-2\n",
        "control": b"alice,pw-SECRET-1\nbob,pw-SECRET-\x07-2\n",
    }
    forbidden = {"latin1": ("0XE9", "\\XE9", "\xe9", "\u00c3\u00a9", "U+00E9"), "control": ("U+0007", "\\X07", "\x07")}
    for kind, raw in data.items():
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(raw)
        for argv in (
            ["credentials", "check", str(path)],
            ["--json", "credentials", "check", str(path)],
            api(url, "credentials", "create", "--workspace", "w", str(path)),
            api(url, "--json", "credentials", "add", "w_1", str(path)),
            api(url, "--debug", "credentials", "upload", "--workspace", "w", str(path)),
            ["credentials", "check", "-"],
            api(url, "credentials", "upload", "--workspace", "w", "-"),
        ):
            monkeypatch.setattr("sys.stdin", _stdin_bytes(raw))
            code, out, err = cli(capsys, *argv)
            assert code == 2, (argv, err)
            assert "line 2" in err or '"line": 2' in out, (argv, err)
            for text in (out, err):
                for shown in forbidden[kind]:
                    assert shown not in text.upper() and shown not in text, (kind, argv, text)
    assert fake.requests == []


def test_a_semicolon_separated_file_is_one_problem(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("username;password\n" + "".join(f"user{i:03d};{password(i)}\n" for i in range(1, 41)))
    code, out, err = cli(capsys, "credentials", "check", str(path))
    assert code == 2 and err.count("separates its fields with semicolons (;)") == 1 and "expected 2 fields" not in err
    assert "CSV UTF-8 (Comma delimited)" in err and "0 valid credentials" in err
    for command in (["create", "--workspace", "w"], ["add", "w_1"], ["upload", "--workspace", "w"]):
        code, out, err = cli(capsys, *api(url, "credentials", *command, str(path)))
        assert code == 2 and out == "" and err.count("semicolons (;)") == 1 and f"{path}, line 1" in err, err
    assert fake.requests == []


# -- credentials create / add ---------------------------------------------------------------------


def test_create_add_409_404(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text(csv_text(1, 4, header=True))
    code, out, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "ws1", str(first)))
    pool = out.strip()
    assert code == 0 and pool.startswith("ws1_") and "4 credentials" in err
    assert fake.pools[pool] == pairs(1, 4)

    more = tmp_path / "more.csv"
    more.write_text(csv_text(5, 6))
    code, out, _ = cli(capsys, *api(url, "--json", "credentials", "add", pool, str(more)))
    assert code == 0 and json.loads(out) == {"credential_pool_id": pool, "uploaded": 2, "total": 2}
    assert fake.pools[pool] == pairs(1, 6)

    code, out, err = cli(capsys, *api(url, "credentials", "add", pool, str(more)))  # same usernames again
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.startswith("error: 409 Conflict") and len(err.strip().splitlines()) == 1
    assert fake.pools[pool] == pairs(1, 6)

    code, out, err = cli(capsys, *api(url, "credentials", "add", "ws1_doesnotexist", str(more)))
    assert code == 1 and out == "" and err.startswith("error: 404 Not Found")


def test_create_from_stdin_with_json(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(csv_text(1, 3)))
    code, out, _ = cli(capsys, *api(url, "--json", "credentials", "create", "--workspace", "w", "-"))
    data = json.loads(out)
    assert code == 0 and data["uploaded"] == 3 and fake.pools[data["credential_pool_id"]] == pairs(1, 3)


def test_bad_input_is_exit_2_and_sends_nothing(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"a,{password(1)}\nb,{password(2)} \n")
    code, out, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(bad)))
    assert code == 2 and out == "" and f"{bad}, line 2, password" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"a,{password(1)}\na,{password(2)}\n"))
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "-"))
    assert code == 2 and "<stdin>, line 2, username" in err
    code, _, err = cli(capsys, *api(url, "credentials", "add", "w_1", str(tmp_path / "missing.csv")))
    assert code == 2 and "missing.csv" in err
    assert fake.requests == []


def test_create_add_upload_report_every_problem_bounded(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    few = tmp_path / "few.csv"
    few.write_text(f"a,{password(1)}\nb, {password(2)}\nc,{password(3)}\nd,\na,{password(4)}\n")
    for command in (["create", "--workspace", "w"], ["add", "w_1"], ["upload", "--workspace", "w"]):
        code, out, err = cli(capsys, *api(url, "credentials", *command, str(few)))
        assert code == 2 and out == ""
        assert f"{few}: 3 problems" in err and "nothing was sent" in err
        for line, field in ((2, "password"), (4, "password"), (5, "username")):
            assert f"{few}, line {line}, {field}" in err
    many = tmp_path / "many.csv"
    many.write_text("".join(f"user{i},\n" for i in range(1, 31)))  # 30 empty passwords
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", str(many)))
    assert code == 2 and f"{many}: 30 problems" in err
    assert f"{many}, line 20, password" in err and f"{many}, line 21," not in err
    assert "and 10 more" in err and f"credentials check {many}" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(few.read_text()))
    code, _, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", "-"))
    assert code == 2 and "<stdin>: 3 problems" in err and "<stdin>, line 5, username" in err
    assert fake.requests == []


def test_server_detail_echoing_a_password_is_redacted(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    fake.fail_next(400, body={"error": {"title": "Bad Request", "detail": f"rejected {password(3)} on line 3"}})
    code, _, err = cli(capsys, *api(url, "--debug", "credentials", "create", "--workspace", "w", str(creds_file)))
    assert code == 1 and f"rejected *** on {creds_file} line 4: 'user003'" in err  # request line 3, after a header


# -- credentials upload ---------------------------------------------------------------------------


def test_upload_batches_with_progress(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    code, out, err = cli(
        capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "3", str(creds_file))
    )
    pool = out.strip()
    assert code == 0 and fake.pools[pool] == pairs(1, 7)
    assert "uploaded 3 of 7" in err and "uploaded 6 of 7" in err and "uploaded 7 of 7" in err
    assert [r.method for r in fake.requests] == ["POST", "PATCH", "PATCH"]

    more = creds_file.with_name("more.csv")
    more.write_text(csv_text(8, 12))
    code, out, _ = cli(
        capsys, *api(url, "--json", "credentials", "upload", "--pool", pool, "--batch-size", "2", str(more))
    )
    assert code == 0 and json.loads(out) == {"credential_pool_id": pool, "uploaded": 5, "total": 5}
    assert fake.pools[pool] == pairs(1, 12)


def test_upload_retries_a_429_and_says_so(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    fake.fail_next(429, retry_after=0, method="PATCH")
    code, out, err = cli(
        capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "4", str(creds_file))
    )
    assert code == 0 and fake.pools[out.strip()] == pairs(1, 7)
    assert "retrying PATCH" in err and "429" in err


def _resume_argv(err: str) -> list[str]:
    line = next(line for line in err.splitlines() if line.startswith("resume with: "))
    words = shlex.split(line.removeprefix("resume with: "))
    assert words[0] == "prolific-client"
    return words[1:]


def test_502_mid_upload_prints_a_resume_command_that_completes_the_pool(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path
) -> None:
    path = tmp_path / "many logins.csv"  # a space: the command must be quoted for the shell
    path.write_text(csv_text(1, 25, header=True))
    fake.fail_next(502, method="PATCH")  # the first batch creates the pool, the second fails
    code, out, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "5", str(path)))
    [pool] = fake.pools
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"error: upload stopped after 5 of 25 credentials (pool {pool}): 502 Bad Gateway" in err
    assert "may or may not have been applied" in err  # the library's warning, relayed
    argv = _resume_argv(err)
    assert argv[argv.index("--pool") + 1] == pool and argv[argv.index("--skip") + 1] == "5"
    assert argv[-1] == str(path) and f"'{path}'" in err
    assert fake.pools[pool] == pairs(1, 5)

    code, out, err = cli(capsys, *argv)
    assert code == 0 and out.strip() == pool
    assert fake.pools == {pool: pairs(1, 25)}  # every credential exactly once, in order


def test_502_after_the_batch_was_stored_resumes_with_the_noted_skip(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path
) -> None:
    path = tmp_path / "logins.csv"
    path.write_text(csv_text(1, 12))
    fake.fail_next(502, method="PATCH", apply=True)  # stored, but the proxy said 502
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "4", str(path)))
    [pool] = fake.pools
    assert code == 1 and "upload stopped after 4 of 12" in err
    assert "resume with --skip 8 instead" in err
    argv = _resume_argv(err)
    code, _, err = cli(capsys, *argv)
    assert code == 1 and "409 Conflict" in err  # the batch in flight was stored after all
    argv[argv.index("--skip") + 1] = "8"
    assert cli(capsys, *argv)[0] == 0
    assert fake.pools == {pool: pairs(1, 12)}


def test_409_mid_upload_names_the_file_line_and_the_resume_stays_right(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path
) -> None:
    seed = tmp_path / "seed.csv"
    seed.write_text(f"user004,{password(0)}\n")
    _, out, _ = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(seed)))
    pool = out.strip()
    path = tmp_path / "logins.csv"
    path.write_text(csv_text(1, 6, header=True))  # user004 is on line 5
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--pool", pool, "--batch-size", "2", str(path)))
    assert code == 1 and f"({path} line 5: 'user004')" in err and "(line 2)" not in err
    assert "stays right" in err
    argv = _resume_argv(err)
    assert argv[argv.index("--skip") + 1] == "2"
    path.write_text(csv_text(1, 6, header=True).replace("user004,", "user004b,"))  # renamed, on the same line
    assert cli(capsys, *argv)[0] == 0
    assert [u for u, _ in fake.pools[pool]] == [
        "user004",
        "user001",
        "user002",
        "user003",
        "user004b",
        "user005",
        "user006",
    ]

    # Lines 2-3 already in the pool (a header above them): the request's "lines 1, 2" are the file's 2 and 3.
    again = tmp_path / "again.csv"
    again.write_text(csv_text(1, 2, header=True))
    code, _, err = cli(capsys, *api(url, "credentials", "add", pool, str(again)))
    assert code == 1 and "(lines 1, 2)" not in err and f"({again} lines 2, 3: 'user001', 'user002')" in err
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--pool", pool, "--batch-size", "2", str(again)))
    assert code == 1 and "every username of the failed batch (credentials 1-2, lines 2-3)" in err
    assert "resume with --skip 2 instead" in err


def test_upload_from_stdin_resume_says_to_pipe_again(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = csv_text(1, 9)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    fake.fail_next(500, method="PATCH", times=1)
    code, out, err = cli(
        capsys, *api(url, "--json", "credentials", "upload", "--workspace", "w", "--batch-size", "3", "-")
    )
    [pool] = fake.pools
    failure = json.loads(out)
    assert code == 1 and failure["credential_pool_id"] == pool and failure["uploaded"] == 3 and failure["total"] == 9
    assert "pipe the same input" in err
    argv = _resume_argv(err)
    assert argv[-1] == "-" and shlex.split(failure["resume"]["command"])[1:] == argv
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert cli(capsys, *argv)[0] == 0
    assert fake.pools == {pool: pairs(1, 9)}


def test_upload_first_batch_refused_creates_nothing(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    fake.fail_next(403, method="POST")
    code, _, err = cli(
        capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "3", str(creds_file))
    )
    assert code == 1 and "no pool was created" in err and "403 Forbidden" in err and "resume with" not in err
    assert fake.pools == {}


def test_upload_skip_bounds(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path) -> None:
    assert cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--skip", "8", str(creds_file)))[0] == 2
    assert cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--skip", "-1", str(creds_file)))[0] == 2
    assert (
        cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "0", str(creds_file)))[0]
        == 2
    )
    code, out, _ = cli(capsys, *api(url, "credentials", "upload", "--pool", "w_x", "--skip", "7", str(creds_file)))
    assert code == 0 and out.strip() == "w_x" and fake.requests == []


def test_ctrl_c_mid_upload_is_130_with_a_resume_command(
    capsys: pytest.CaptureFixture[str],
    url: str,
    fake: FakeProlific,
    creds_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = prolific.cli._output.Progress.__call__

    def interrupt_at_4(self: prolific.cli._output.Progress, done: int) -> None:
        real(self, done)
        if done == 4:
            raise KeyboardInterrupt

    monkeypatch.setattr(prolific.cli._output.Progress, "__call__", interrupt_at_4)
    code, out, err = cli(
        capsys, *api(url, "credentials", "upload", "--workspace", "w", "--batch-size", "2", str(creds_file))
    )
    [pool] = fake.pools
    assert code == 130 and out == "" and "Traceback" not in err
    assert "upload interrupted after 4 of 7" in err and err.rstrip().endswith("interrupted")
    monkeypatch.setattr(prolific.cli._output.Progress, "__call__", real)
    assert cli(capsys, *_resume_argv(err))[0] == 0
    assert fake.pools == {pool: pairs(1, 7)}


def test_ctrl_c_mid_upload_with_json_prints_the_error_and_resume(
    capsys: pytest.CaptureFixture[str], url: str, creds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = prolific.cli._output.Progress.__call__

    def interrupt_at_2(self: prolific.cli._output.Progress, done: int) -> None:
        real(self, done)
        if done == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(prolific.cli._output.Progress, "__call__", interrupt_at_2)
    code, out, _ = cli(capsys, *api(url, "--json", "credentials", "upload", "--workspace", "w", "--batch-size", "2",
                                    str(creds_file)))  # fmt: skip
    doc = json.loads(out)  # one document, though main() also handles the interrupt
    assert code == 130 and doc["error"] == {"type": "Interrupted", "status": None, "detail": doc["error"]["detail"]}
    assert doc["uploaded"] == 2 and doc["resume"]["skip"] == 2 and "may or may not" in doc["resume"]["note"]


def test_ctrl_c_anywhere_is_130(
    capsys: pytest.CaptureFixture[str], url: str, creds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(prolific.cli._context, "Prolific", interrupted)
    code, out, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(creds_file)))
    assert (code, out, err) == (130, "", "interrupted\n")
    monkeypatch.setattr(prolific.cli.credentials.files, "find_problems", interrupted)
    assert cli(capsys, "credentials", "check", str(creds_file))[0] == 130


# -- credentials generate -------------------------------------------------------------------------


def test_generate_to_file_and_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    code, out, err = cli(
        capsys, "credentials", "generate", "5", "--prefix", "pilot", "--length", "20", "-o", str(target)
    )
    assert code == 0 and out == "" and "wrote 5 credentials" in err
    assert target.stat().st_mode & 0o777 == 0o600
    lines = target.read_text().splitlines()
    assert [line.split(",")[0] for line in lines] == [f"pilot{i}" for i in range(1, 6)]
    assert all(len(line.split(",")[1]) == 20 for line in lines)
    for line in lines:  # no password in the messages
        assert line.split(",")[1] not in err
    assert cli(capsys, "credentials", "check", str(target))[0] == 0  # what it writes is valid input

    code, _, err = cli(capsys, "credentials", "generate", "3", "-o", str(target))
    assert code == 2 and "--force" in err and target.read_text().splitlines() == lines
    target.chmod(0o644)
    assert cli(capsys, "credentials", "generate", "3", "-o", str(target), "--force")[0] == 0
    assert len(target.read_text().splitlines()) == 3 and target.stat().st_mode & 0o777 == 0o600

    # To stdout: the passwords ARE the requested output (so no secret check here).
    assert main(["credentials", "generate", "4"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 4 and captured.err == ""
    assert main(["--json", "credentials", "generate", "2"]) == 0
    assert [c["username"] for c in json.loads(capsys.readouterr().out)] == ["participant1", "participant2"]

    assert cli(capsys, "credentials", "generate", "0")[0] == 2
    assert cli(capsys, "credentials", "generate", "3", "--length", "4")[0] == 2
    assert cli(capsys, "credentials", "generate", "3", "--prefix", "bad,prefix")[0] == 2


# -- participant groups and invitations -----------------------------------------------------------


def test_participant_groups(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("# pilot wave\n5e9b9c9b0f9c9a0001b0b1a1\n\n  5e9b9c9b0f9c9a0001b0b1a2  # the second\n")
    code, out, _ = cli(
        capsys,
        *api(url, "--json", "participant-groups", "create", "--name", "Pilot", "--workspace", "w"),
        *("--participant", "5e9b9c9b0f9c9a0001b0b1a0", "--participants-file", str(ids), "--description", "first wave"),
    )
    group = json.loads(out)
    assert code == 0 and group["name"] == "Pilot" and group["workspace_id"] == "w"
    assert group["participant_count"] == 3 and group["description"] == "first wave"
    assert fake.requests[-1].body["participant_ids"] == [
        "5e9b9c9b0f9c9a0001b0b1a0",
        "5e9b9c9b0f9c9a0001b0b1a1",
        "5e9b9c9b0f9c9a0001b0b1a2",
    ]

    code, out, err = cli(
        capsys, *api(url, "participant-groups", "create", "--name", "Org group", "--organisation", "o1")
    )
    assert code == 0 and "Org group" in err and fake.participant_groups[out.strip()]["organisation_id"] == "o1"

    both = ("--workspace", "w", "--organisation", "o")
    assert cli(capsys, *api(url, "participant-groups", "create", "--name", "G", *both))[0] == 2
    assert cli(capsys, *api(url, "participant-groups", "create", "--name", "G"))[0] == 2
    assert cli(capsys, *api(url, "participant-groups", "create", "--name", " ", "--workspace", "w"))[0] == 2
    missing = ("--participants-file", str(tmp_path / "none.txt"))
    assert cli(capsys, *api(url, "participant-groups", "create", "--name", "G", "--workspace", "w", *missing))[0] == 2


def test_invitations(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific) -> None:
    emails = ("ana@example.org", "ben@example.org")
    code, out, _ = cli(
        capsys, *api(url, "--json", "invitations", "create", "--workspace", "w", "--role", "admin", *emails)
    )
    data = json.loads(out)
    assert code == 0 and [i["invitee"]["email"] for i in data] == list(emails)
    assert {i["role"] for i in data} == {"WORKSPACE_ADMIN"}

    code, out, _ = cli(capsys, *api(url, "invitations", "create", "--workspace", "w", "cy@example.org"))
    assert code == 0 and out == "cy@example.org\tWORKSPACE_COLLABORATOR\tINVITED\n"

    code, _, err = cli(capsys, *api(url, "invitations", "create", "--workspace", "w", "not-an-email"))
    assert code == 2 and "not-an-email" in err
    assert cli(capsys, *api(url, "invitations", "create", "--workspace", "w", "--role", "owner", "a@b.org"))[0] == 2
    assert len(fake.invitations) == 3


# -- configuration, usage, errors -----------------------------------------------------------------


ERROR_KEYS = {"type", "status", "detail"}


def test_json_errors_have_one_shape_on_stdout(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(f"a,{password(1)}\nb, {password(2)}\nc,\n")
    pool = json.loads(cli(capsys, *api(url, "--json", "credentials", "create", "--workspace", "w", str(creds_file)))[1])
    pool_id = pool["credential_pool_id"]
    cases: list[tuple[list[str], int, str, int | None]] = [
        (api(url, "credentials", "add", "w_missing", str(creds_file)), 1, "NotFoundError", 404),
        (api(url, "credentials", "add", pool_id, str(creds_file)), 1, "ConflictError", 409),
        (api(url, "credentials", "create", "--workspace", "w", str(bad)), 2, "InputProblems", None),
        (api(url, "credentials", "create", "--workspace", "w", str(tmp_path / "none.csv")), 2, "UsageError", None),
        (api(url, "invitations", "create", "--workspace", "w", "not-an-email"), 2, "InvalidArgumentError", None),
        (api(url, "participant-groups", "create", "--name", "G", "--workspace", "w", "--bogus"), 2, "UsageError", None),
        (["--base-url", "http://example.org", "invitations", "create", "--workspace", "w", "a@b.org"], 2,
         "ConfigurationError", None),
    ]  # fmt: skip
    fake.fail_next(403, method="POST", path="/api/v1/participant-groups/")
    cases.append(
        (api(url, "participant-groups", "create", "--name", "G", "--workspace", "w"), 1, "PermissionDeniedError", 403)
    )
    for argv, code, kind, status in cases:
        got, out, err = cli(capsys, "--json", *argv)
        assert got == code, (argv, err)
        doc = json.loads(out)
        assert set(doc) == {"error"} and ERROR_KEYS <= set(doc["error"]) <= ERROR_KEYS | {"problems"}, doc
        assert doc["error"]["type"] == kind and doc["error"]["status"] == status, doc
        assert doc["error"]["detail"] and doc["error"]["detail"] in err, (doc, err)
        if kind == "InputProblems":
            assert [(p["line"], p["field"]) for p in doc["error"]["problems"]] == [(2, "password"), (3, "password")]

    # An upload that stops: the same error object, with how far it got and how to resume.
    fake.fail_next(502, method="PATCH")
    got, out, err = cli(capsys, *api(url, "--json", "credentials", "upload", "--workspace", "w", "--batch-size", "3",
                                     str(creds_file)))  # fmt: skip
    doc = json.loads(out)
    assert got == 1 and set(doc) == {"error", "credential_pool_id", "uploaded", "total", "resume"}
    assert set(doc["error"]) == ERROR_KEYS and doc["error"]["type"] == "ServerError" and doc["error"]["status"] == 502
    assert doc["uploaded"] == 3 and doc["total"] == 7
    assert set(doc["resume"]) == {"command", "skip", "note"} and doc["resume"]["skip"] == 3
    assert "--skip 3" in doc["resume"]["command"] and "may or may not have been stored" in doc["resume"]["note"]

    # Results: create, add and upload answer with the same keys.
    more = tmp_path / "more.csv"
    more.write_text(csv_text(20, 21))
    results = [pool]
    results.append(json.loads(cli(capsys, *api(url, "--json", "credentials", "add", pool_id, str(more)))[1]))
    more.write_text(csv_text(30, 31))
    results.append(
        json.loads(cli(capsys, *api(url, "--json", "credentials", "upload", "--pool", pool_id, str(more)))[1])
    )
    assert [set(r) for r in results] == [{"credential_pool_id", "uploaded", "total"}] * 3
    assert results[1] == {"credential_pool_id": pool_id, "uploaded": 2, "total": 2}


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        [],
        ["nonsense"],
        ["credentials"],
        ["credentials", "upload", "x.csv"],  # needs --workspace or --pool
        ["credentials", "upload", "--workspace", "w", "--pool", "p", "x.csv"],
        ["fake-server", "--port", "70000"],
        ["--json", "invitations", "create", "--workspace", "w"],
    ):
        code, out, err = cli(capsys, *argv)
        assert code == 2 and "error:" in err and "Traceback" not in err, argv
        assert out == "" if "--json" not in argv else json.loads(out)["error"]["type"] == "UsageError", argv
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "PROLIFIC_TOKEN" in out and "shell history" in " ".join(out.split())
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("prolific-client ")


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_every_command_and_argument_has_help() -> None:
    for path, parser in _parsers(prolific.cli.build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    assert choice.help, (path, choice.dest)
            else:
                assert action.help and action.help is not argparse.SUPPRESS, (
                    path,
                    action.option_strings or action.dest,
                )


def test_offline_commands_do_not_list_token_or_base_url() -> None:
    helps = {path: parser.format_help() for path, parser in _parsers(prolific.cli.build_parser())}
    for path in (("credentials", "check"), ("credentials", "generate"), ("fake-server",)):
        assert "--token" not in helps[path] and "--base-url" not in helps[path] and "--json" in helps[path], path
    for path in (("credentials", "create"), ("credentials", "upload"), ("invitations", "create")):
        assert "--token" in helps[path] and "--base-url" in helps[path], path


def test_an_unknown_flag_is_named(capsys: pytest.CaptureFixture[str], creds_file: Path) -> None:
    code, _, err = cli(capsys, "credentials", "upload", "--workspce", "w", str(creds_file))
    assert code == 2 and "--workspce" in err and "did you mean --workspace?" in err
    assert "usage: prolific-client credentials upload" in err
    code, _, err = cli(capsys, "credentials", "check", "--strict", str(creds_file))
    assert code == 2 and "unrecognized argument: --strict" in err and "usage: prolific-client credentials check" in err
    code, _, err = cli(capsys, "credentials", "check", str(creds_file), "--token", "x")  # check sends nothing
    assert code == 2 and "--token" in err


def test_messages_say_1_credential_not_1_credentials(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    one = tmp_path / "one.csv"
    one.write_text(f"solo,{password(1)}\n")
    _, _, err = cli(capsys, "credentials", "check", str(one))
    assert "1 valid credential, 0 problems" in err
    code, out, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(one)))
    assert code == 0 and "with 1 credential\n" in err
    code, _, err = cli(capsys, *api(url, "credentials", "add", out.strip(), str(one)))
    assert code == 1 and "1 credentials" not in err
    two = tmp_path / "two.csv"
    two.write_text(f"a,{password(1)}\nb,{password(2)}\n")
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", "--skip", "1", str(two)))
    assert code == 0 and "uploading 1 credential in batches" in err and "uploaded 1 credential to pool" in err
    assert "1 credentials" not in err
    code, _, err = cli(capsys, "credentials", "generate", "1", "-o", str(tmp_path / "new.csv"))
    assert code == 0 and "wrote 1 credential to" in err


def test_base_url_ending_in_api_v1_is_explained(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    code, _, err = cli(capsys, "--base-url", "https://api.prolific.com/api/v1/", "invitations", "create",
                       "--workspace", "w", "a@example.org")  # fmt: skip
    assert code == 2 and "/api/v1/api/v1/" in err and "https://api.prolific.com" in err


def test_401_says_to_check_the_token(
    capsys: pytest.CaptureFixture[str], url: str, creds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", "tok-wrong-123456")
    code, _, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(creds_file)))
    assert code == 1 and "401" in err and "PROLIFIC_TOKEN" in err
    code, _, err = cli(capsys, *api(url, "credentials", "upload", "--workspace", "w", str(creds_file)))
    assert code == 1 and "401" in err and "PROLIFIC_TOKEN" in err


def test_a_200_with_html_says_so(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    fake.fail_next(200, body="<!DOCTYPE html><html><body>Sign in</body></html>")
    code, _, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(creds_file)))
    assert code == 1 and "the server answered HTML, not JSON" in err


def test_the_in_process_fake_says_so_in_debug_logs(fake: FakeProlific, caplog: pytest.LogCaptureFixture) -> None:
    http = httpx.Client(transport=fake.transport)
    with caplog.at_level(logging.DEBUG, "prolific"), prolific.Prolific(token=TOKEN, http_client=http) as client:
        client.credentials.create_pool(workspace_id="w", credentials="a,pw-1")
    [line] = [r.getMessage() for r in caplog.records if "/api/v1/credentials/" in r.getMessage()]
    assert "FakeProlific" in line and "in-process" in line
    caplog.clear()
    with (
        caplog.at_level(logging.DEBUG, "prolific"),
        fake.serve() as url,
        prolific.Prolific(token=TOKEN, base_url=url) as client,
    ):
        client.credentials.create_pool(workspace_id="w", credentials="b,pw-1")
    [line] = [r.getMessage() for r in caplog.records if "/api/v1/credentials/" in r.getMessage()]
    assert "in-process" not in line  # a real HTTP exchange, if only with the loopback fake


def test_missing_token_names_the_variable(
    capsys: pytest.CaptureFixture[str], creds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROLIFIC_TOKEN", raising=False)
    code, out, err = cli(capsys, "credentials", "create", "--workspace", "w", str(creds_file))
    assert code == 2 and out == "" and "PROLIFIC_TOKEN" in err
    monkeypatch.setenv("PROLIFIC_TOKEN", " ")
    code, _, err = cli(capsys, "invitations", "create", "--workspace", "w", "a@example.org")
    assert code == 2 and "PROLIFIC_TOKEN" in err


def test_unsafe_base_url_is_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    code, _, err = cli(
        capsys, "--base-url", "http://api.example.org", "invitations", "create", "--workspace", "w", "a@b.org"
    )
    assert code == 2 and "api.example.org" in err
    monkeypatch.setenv("PROLIFIC_URL", "ftp://nowhere")
    assert cli(capsys, "invitations", "create", "--workspace", "w", "a@b.org")[0] == 2


def test_wrong_token_and_dropped_connection_are_exit_1(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    other = TOKEN + "-but-wrong"
    code, _, err = cli(
        capsys, *api(url, "--token", other, "credentials", "create", "--workspace", "w", str(creds_file))
    )
    assert code == 1 and "401" in err and other not in err
    fake.drop_next()
    code, _, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(creds_file)))
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


def test_pool_id_from_env_url_and_token_flag(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROLIFIC_TOKEN")
    monkeypatch.setenv("PROLIFIC_URL", url)
    code, out, _ = cli(capsys, "--token", TOKEN, "credentials", "create", "--workspace", "w", str(creds_file))
    assert code == 0 and fake.pools[out.strip()] == pairs(1, 7)
    code, out, _ = cli(capsys, "credentials", "create", "--workspace", "w2", str(creds_file), f"--token={TOKEN}")
    assert code == 0 and out.startswith("w2_")


def test_debug_logs_requests_and_tracebacks_but_no_secrets(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, creds_file: Path
) -> None:
    code, _, err = cli(capsys, *api(url, "--debug", "--token", TOKEN, "credentials", "upload", "--workspace", "w",
                                    "--batch-size", "3", str(creds_file)))  # fmt: skip
    assert code == 0 and "DEBUG prolific: POST /api/v1/credentials/ -> 201" in err
    assert "PATCH /api/v1/credentials/" in err
    fake.fail_next(409, method="POST")
    code, _, err = cli(capsys, *api(url, "credentials", "create", "--workspace", "w", str(creds_file), "--debug"))
    assert code == 1 and "Traceback (most recent call last)" in err and "ConflictError" in err
    fake.fail_next(502, method="PATCH")
    code, _, err = cli(capsys, *api(url, "--debug", "credentials", "upload", "--workspace", "w",
                                    "--batch-size", "3", str(creds_file)))  # fmt: skip
    assert code == 1 and "ServerError" in err and "resume with: " in err
    code, _, err = cli(capsys, "--debug", "credentials", "check", str(EXAMPLES / "credentials-with-mistakes.csv"))
    assert code == 2


# -- real processes -------------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROLIFIC_")}
    return {**env, "PROLIFIC_TOKEN": TOKEN, **extra}


def test_python_m_prolific_upload_from_stdin(url: str, fake: FakeProlific) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prolific", "--json", "credentials", "upload", "--workspace", "w", "--batch-size", "4", "-"],
        input=csv_text(1, 10, header=True), capture_output=True, text=True, env=_env(PROLIFIC_URL=url), timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["uploaded"] == 10 and fake.pools[data["credential_pool_id"]] == pairs(1, 10)
    assert "uploaded 4 of 10" in result.stderr
    assert_no_secrets(result.stdout, result.stderr)


def test_console_script_exit_codes(url: str, fake: FakeProlific, creds_file: Path) -> None:
    assert SCRIPT.exists(), "pip install -e . installs the prolific-client script"
    assert not (SCRIPT.parent / "prolific").exists()  # that name belongs to Prolific's own CLI
    base = [str(SCRIPT), "--base-url", url, "--debug"]
    runs = {
        0: [*base, "credentials", "create", "--workspace", "w", str(creds_file)],
        1: [*base, "credentials", "add", "w_missing", str(creds_file)],
        2: [*base, "credentials", "check", str(EXAMPLES / "credentials-with-mistakes.csv")],
    }
    for expected, argv in runs.items():
        result = subprocess.run(argv, capture_output=True, text=True, env=_env(), timeout=30)
        assert result.returncode == expected, result.stderr
        assert_no_secrets(result.stdout, result.stderr)
    assert len(fake.pools) == 1


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_fake_server_subprocess(stop: signal.Signals) -> None:
    # A shell that starts a job in the background (no job control) hands it SIGINT ignored, and Python
    # keeps an ignored SIGINT: as a user's Ctrl-C would, the server gets it with its default action.
    proc = subprocess.Popen(
        [str(SCRIPT), "fake-server", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        url_line, token_line = proc.stdout.readline(), proc.stdout.readline()
        assert url_line.startswith("url=http://127.0.0.1:") and token_line == "token=fake-token\n"
        server = url_line.strip().removeprefix("url=")
        response = httpx.post(
            f"{server}/api/v1/invitations/",
            json={"association": "w", "emails": ["a@example.org"], "role": "WORKSPACE_ADMIN"},
            headers={"Authorization": "Token fake-token"},
        )
        assert response.status_code == 201
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=120)  # generous: a loaded machine exits slowly (not a speed check)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert out == "" and "Traceback" not in err and "KeyboardInterrupt" not in err
