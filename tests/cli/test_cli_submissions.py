"""``prolific-client submissions`` and ``messages`` end to end, against FakeProlific over loopback HTTP.

The acceptance stories of issue 21: 2,500 approved in 3 bulk requests; a bad id or a bad rejection
refused (exit 2, file and line) before any request; a dropped connection in the second batch and
the resume command that finishes the run.
"""

from __future__ import annotations

import io
import json
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from prolific.cli import main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-review-8c2f"
BULK = "bulk-approve-submissions"
MESSAGE = "We could not use your answers: the attention checks in sections two and three were both failed. Sorry."


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def url(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    with fake.serve() as base:
        yield base


@pytest.fixture
def study(fake: FakeProlific) -> str:
    return fake.add_study(workspace_id="ws1", total_available_places=3000)


def cli(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--base-url", url, *argv])
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    return code, captured.out, captured.err


def statuses(fake: FakeProlific, study: str) -> dict[str, str]:
    return {s["id"]: s["status"] for s in fake.submissions[study]}


def bulk_requests(fake: FakeProlific) -> list[list[str]]:
    return [r.body["submission_ids"] for r in fake.requests if r.operation_id == BULK]


def test_approve_awaiting_review_in_three_batches(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    waiting = fake.add_submissions(study, 2500, status="AWAITING REVIEW")
    active = fake.add_submissions(study, 40, status="ACTIVE")
    code, out, err = cli(capsys, url, "--json", "submissions", "approve", study, "--awaiting-review", "--yes")
    assert code == 0, err
    assert json.loads(out) == {
        "study_id": study,
        "approved": 2500,
        "requests": 3,
        "confirmed": None,
        "return_requested": 0,
    }
    batches = bulk_requests(fake)
    assert [len(b) for b in batches] == [1000, 1000, 500]
    assert sorted(i for batch in batches for i in batch) == sorted(waiting)
    fake.settle()
    now = statuses(fake, study)
    assert {now[i] for i in waiting} == {"APPROVED"} and {now[i] for i in active} == {"ACTIVE"}
    assert "approved 2,500 of 2,500" in err


def test_approve_refuses_without_yes_off_a_terminal(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.add_submissions(study, 3, status="AWAITING REVIEW")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = cli(capsys, url, "submissions", "approve", study, "--awaiting-review")
    assert code == 2 and "approve 3 submissions of study" in err and "--yes" in err
    assert bulk_requests(fake) == []


def test_approve_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.add_submissions(study, 3, status="AWAITING REVIEW")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, _, err = cli(capsys, url, "submissions", "approve", study, "--awaiting-review")
    assert code == 1 and "approve 3 submissions of study" in err and "[y/N]" in err and bulk_requests(fake) == []
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert cli(capsys, url, "submissions", "approve", study, "--awaiting-review")[0] == 0
    assert len(bulk_requests(fake)) == 1


def test_a_bad_id_on_line_3_is_refused_before_any_request(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    ids = fake.add_submissions(study, 4, status="AWAITING REVIEW")
    path = tmp_path / "ids.txt"
    path.write_text(f"{ids[0]}\n{ids[1]}\n{ids[2][:-1]}\n{ids[3]}\n")
    code, out, err = cli(capsys, url, "submissions", "approve", study, "--file", str(path), "--yes")
    assert code == 2 and out == ""
    assert f"{path}: 1 problem; nothing was sent" in err and "\n  line 3: " in err
    assert "23" in err  # how many characters the bad id has
    assert fake.requests == []

    code, out, _ = cli(capsys, url, "--json", "submissions", "approve", study, "--file", str(path), "--yes")
    report = json.loads(out)
    assert code == 2 and report["file"] == str(path) and [p["line"] for p in report["problems"]] == [3]
    assert report["error"]["type"] == "ReviewsFormatError" and fake.requests == []


def test_rejections_file_with_two_problems_then_fixed(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    path = tmp_path / "rejections.csv"
    path.write_text(
        "submission_id,category,message\n"
        f"{ids[0]},TOO_QUICKLY,Too fast.\n"
        f'{ids[1]},TOO_FAST,"{MESSAGE}"\n'
        f'{ids[2]},FAILED_CHECK,"{MESSAGE}"\n'
    )
    code, out, err = cli(capsys, url, "submissions", "reject", "--file", str(path), "--yes")
    assert code == 2 and out == ""
    assert "line 2, message" in err and "at least 100 characters" in err
    assert "line 3, category" in err and "TOO_FAST" in err
    assert fake.requests == []

    fixed = path.read_text().replace("Too fast.", f'"{MESSAGE}"').replace("TOO_FAST", "LOW_EFFORT")
    path.write_text(fixed)
    code, out, err = cli(capsys, url, "--json", "submissions", "reject", "--file", str(path), "--yes")
    assert code == 0, err
    assert json.loads(out) == {"file": str(path), "sent": 3, "actions": {"REJECT": 3}}
    sent = [r.path for r in fake.requests if r.operation_id == "transition-submission"]
    assert len(sent) == 3 and len(set(sent)) == 3  # each rejection sent once
    assert set(statuses(fake, study).values()) == {"REJECTED"}


def test_dropped_connection_in_the_second_batch_then_resume(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    ids = fake.add_submissions(study, 2500, status="AWAITING REVIEW")
    path = tmp_path / "ids.txt"
    path.write_text("submission_id\n" + "\n".join(ids) + "\n")
    fake.stall_next(0, operation=BULK)  # the first batch passes ...
    fake.drop_next(3, apply=True, operation=BULK)  # ... the second is applied, its answer lost, each retry too
    code, out, err = cli(capsys, url, "--json", "submissions", "approve", study, "--file", str(path), "--yes")
    report = json.loads(out)
    assert code == 1
    assert report["done"] == 1000 and report["total"] == 2500
    assert report["error"]["type"] == "APIConnectionError"
    assert "sending it again is safe" in err
    resume = shlex.split(report["resume"])
    assert resume[resume.index("--skip") + 1] == "1000" and "--yes" in resume
    assert [len(b) for b in bulk_requests(fake)] == [1000, 1000, 1000, 1000]  # 1 + the failed one sent 3 times

    code, out, err = cli(capsys, url, *resume[1:])
    assert code == 0, err
    assert json.loads(out)["approved"] == 1500
    assert [len(b) for b in bulk_requests(fake)][4:] == [1000, 500]
    fake.settle()
    assert set(statuses(fake, study).values()) == {"APPROVED"}


def test_dropped_connection_with_awaiting_review_resumes_by_listing_again(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    fake.add_submissions(study, 1500, status="AWAITING REVIEW")
    fake.stall_next(0, operation=BULK)
    fake.drop_next(3, operation=BULK)  # not applied: nothing of the second batch arrives
    code, _, err = cli(capsys, url, "submissions", "approve", study, "--awaiting-review", "--yes")
    assert code == 1 and "1,000 of 1,500 submission ids sent" in err
    command = err.split("resume with: ")[1].split(" (")[0]
    assert "--awaiting-review" in command
    code, _, err = cli(capsys, url, *shlex.split(command)[1:])
    assert code == 0, err
    fake.settle()
    assert set(statuses(fake, study).values()) == {"APPROVED"}


def test_review_file_and_list(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    path = tmp_path / "reviews.csv"
    path.write_text(f'{ids[0]},APPROVE\n{ids[1]},REJECT,NO_CODE,"{MESSAGE}"\n{ids[2]},RETURN,,Withdrew consent\n')
    code, out, err = cli(capsys, url, "--json", "submissions", "review", "--file", str(path), "--yes")
    assert code == 0, err
    assert json.loads(out)["actions"] == {"APPROVE": 1, "REJECT": 1, "RETURN": 1}
    now = statuses(fake, study)
    assert [now[i] for i in ids] == ["APPROVED", "REJECTED", "AWAITING REVIEW"]
    assert fake.submissions[study][2]["return_requested"] is not None

    code, out, _ = cli(capsys, url, "submissions", "list", study, "--status", "approved", "--csv")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("id,participant_id,status") and len(lines) == 2 and ids[0] in lines[1]
    code, out, _ = cli(capsys, url, "--json", "submissions", "list", study)
    assert code == 0 and [row["id"] for row in json.loads(out)] == ids


def test_messages_send_in_batches(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    participants = [f"{n:024x}" for n in range(1, 1201)]
    path = tmp_path / "participants.txt"
    path.write_text("\n".join(participants) + "\n")
    body = tmp_path / "body.txt"
    body.write_text("Thank you! Your bonus is on its way.\n")
    code, out, err = cli(
        capsys,
        url,
        "--json",
        "messages",
        "send",
        study,
        "--participants-file",
        str(path),
        "--body",
        f"@{body}",
        "--yes",
    )
    assert code == 0, err
    assert json.loads(out) == {"study_id": study, "messaged": 1200}
    assert [len(r.body["ids"]) for r in fake.requests if r.operation_id == "bulk-message-participants"] == [
        500,
        500,
        200,
    ]
    assert [m["recipient_id"] for m in fake.messages] == participants
    assert fake.messages[0]["body"] == "Thank you! Your bonus is on its way.\n"

    path.write_text(f"{participants[0]}\nnot-an-id\n")
    fake.requests.clear()
    code, _, err = cli(
        capsys, url, "messages", "send", study, "--participants-file", str(path), "--body", "hi", "--yes"
    )
    assert code == 2 and "line 2" in err and fake.requests == []


def test_messages_to_a_group_and_a_stopped_bulk_message(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    participants = [f"{n:024x}" for n in range(1, 701)]
    group = main(["--base-url", url, "--json", "participant-groups", "create", "--name", "G", "--workspace", "ws1"])
    group_id = json.loads(capsys.readouterr().out)["id"] if group == 0 else ""
    fake.participant_group_members[group_id].update(dict.fromkeys(participants[:2], "2026-01-01T00:00:00Z"))
    code, out, _ = cli(capsys, url, "--json", "messages", "send", study, "--group", group_id, "--body", "Hi all")
    assert code == 0 and json.loads(out)["participant_group_id"] == group_id and len(fake.messages) == 2

    path = tmp_path / "participants.txt"
    path.write_text("\n".join(participants) + "\n")
    fake.stall_next(0, operation="bulk-message-participants")
    fake.drop_next(operation="bulk-message-participants")
    argv = ("messages", "send", study, "--participants-file", str(path), "--body", "Thanks", "--yes")
    code, out, err = cli(capsys, url, "--json", *argv)
    report = json.loads(out)
    assert code == 1 and report["done"] == 500 and "may have been delivered" in err
    assert len([r for r in fake.requests if r.operation_id == "bulk-message-participants"]) == 2  # not re-sent
    resume = shlex.split(report["resume"])
    assert resume[resume.index("--skip") + 1] == "500" and resume[resume.index("--base-url") + 1] == url
    assert cli(capsys, url, *resume[1:])[0] == 0
    assert [m["recipient_id"] for m in fake.messages[2:]] == participants


def test_approve_participants_from_a_file(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, tmp_path: Path
) -> None:
    fake.add_submissions(study, 3, status="AWAITING REVIEW")
    participants = [s["participant_id"] for s in fake.submissions[study]]
    path = tmp_path / "participants.txt"
    path.write_text("participant_id\n" + "\n".join(participants[:2]) + "\n")
    argv = ("--json", "submissions", "approve", study, "--file", str(path), "--participants", "--wait", "--yes")
    code, out, err = cli(capsys, url, *argv)
    assert code == 0, err
    assert json.loads(out)["confirmed"] is True
    bodies = [r.body for r in fake.requests if r.operation_id == BULK]
    assert bodies == [{"study_id": study, "participant_ids": participants[:2]}]
    assert [s["status"] for s in fake.submissions[study]] == ["APPROVED", "APPROVED", "AWAITING REVIEW"]


def test_approve_awaiting_review_leaves_out_a_return_requested(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    waiting = fake.add_submissions(study, 4, status="AWAITING REVIEW")
    code, out, err = cli(capsys, url, "submissions", "return", waiting[1], "--reason", "Withdrew consent", "--yes")
    assert code == 0, err
    assert "asked the participants of 1 submission to return them" in err
    code, out, err = cli(capsys, url, "--json", "submissions", "approve", study, "--awaiting-review", "--yes")
    assert code == 0, err
    assert json.loads(out)["approved"] == 3 and json.loads(out)["return_requested"] == 1
    assert "left out 1 submission awaiting review whose participant was asked to return it" in err
    assert sorted(i for batch in bulk_requests(fake) for i in batch) == sorted([waiting[0], *waiting[2:]])


def test_return_refuses_a_bad_id_before_any_request(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    code, _, err = cli(capsys, url, "submissions", "return", "not-an-id", "--reason", "x", "--yes")
    assert code == 2
    assert "'not-an-id' is not a submission id" in err
    assert [r for r in fake.requests if r.operation_id != "get-user"] == []


def test_return_stops_at_a_refused_id_and_prints_a_resume_that_works(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    waiting = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    unknown = "f" * 24
    code, _, err = cli(
        capsys, url, "submissions", "return", waiting[0], unknown, waiting[2], "--reason", "Withdrew consent", "--yes"
    )
    assert code == 1
    assert f"return of submission {unknown} refused" in err
    resume = next(line for line in err.splitlines() if "resume" in line).split("with: ", 1)[1]
    argv = shlex.split(resume)[1:]
    assert argv[argv.index("return") + 1 :][:2] == [unknown, waiting[2]]
    # the user drops the bad id from the printed command, which then finishes the run
    argv.remove(unknown)
    code, _, err = cli(capsys, url, *[a for a in argv if a not in ("--base-url", url)])
    assert code == 0, err
    returned = [r.path for r in fake.requests if r.operation_id == "request-submission-return" and r.status == 200]
    assert len(returned) == 2


def test_a_stopped_approve_gives_command_line_advice_not_python(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    fake.add_submissions(study, 1500, status="AWAITING REVIEW")
    fake.fail_next(400, operation=BULK, times=1)
    code, _, err = cli(capsys, url, "submissions", "approve", study, "--awaiting-review", "--yes")
    assert code == 1
    assert "client." not in err and "err.remaining" not in err
    assert "resume with: prolific-client submissions approve" in err
