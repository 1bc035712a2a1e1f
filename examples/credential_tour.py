"""The credential-pool workflow from end to end, with the CLI, against a FakeProlific: no account needed.

create a pool → a draft study → attach → capacity short → top up → publish → participants redeem
→ report → reconcile, then a participant group of those participants. A tour ``make demo`` points to.

The fake runs in this process (served on 127.0.0.1) because participants redeeming credentials is
something only the fake can act out (``fake.redeem``, a Python call); every other step is the
``prolific-client`` command line, run as you would type it (here in-process, to keep it quick).

    .venv/bin/python examples/credential_tour.py [WORKDIR]

WORKDIR (default: a temporary directory, removed afterwards) receives the credential files, created
with mode 600. No password is printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from prolific.cli import main
from prolific.testing import FakeProlific

WORKSPACE = "demo-workspace"
PROJECT = "demo-project"
STUDY = {
    "name": "Pilot",
    "description": "A demo study whose participants log in with credentials from a pool",
    "external_study_url": "https://example.org/study",
    "prolific_id_option": "url_parameters",
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
    "project": PROJECT,
}
PARTICIPANTS = ["5e9b9c9b0f9c9a0001b0b1f4", "60a7d3e2c1f4b2a9e8d7c6b5", "612f0c4e8b1d2a3c4e5f6a7b"]


def title(text: str) -> None:
    print(f"\n== {text}", flush=True)


def run(*argv: str) -> int:
    """Run ``prolific-client ARGV`` (in this process), showing the command and, if not 0, its exit code."""
    print("$ prolific-client " + shlex.join(argv), flush=True)
    code = main(list(argv))
    sys.stderr.flush()
    if code:
        print(f"(exit code {code})", flush=True)
    return code


def captured(*argv: str, show: bool = True) -> str:
    """Run a command whose stdout the tour needs (an id): show the command (and its output), return the output."""
    print("$ prolific-client " + shlex.join(argv), flush=True)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(list(argv))
    sys.stderr.flush()
    if show:
        print(buffer.getvalue(), end="", flush=True)
    if code:
        raise SystemExit(f"the tour stopped: {shlex.join(argv)} exited with {code}")
    return buffer.getvalue()


@contextlib.contextmanager
def workdir(argument: str | None) -> Iterator[Path]:
    if argument is not None:
        yield Path(argument)
        return
    with tempfile.TemporaryDirectory(prefix="prolific-tour-") as name:
        yield Path(name)


def tour(here: Path) -> None:
    fake = FakeProlific()
    fake.add_project(PROJECT, WORKSPACE)  # what exists in a real account: a project in a workspace
    with fake.serve() as url:
        os.environ.update(PROLIFIC_URL=url, PROLIFIC_TOKEN="fake-token")
        os.chdir(here)
        print(f"FakeProlific is listening on {url}; files go to {here}")

        title("Ten logins for the study's participants (mode 600: the file holds passwords)")
        run("credentials", "generate", "10", "--prefix", "pilot", "-o", "logins.csv")
        title("Create a credential pool from them")
        pool_id = json.loads(captured("--json", "credentials", "create", "--workspace", WORKSPACE, "logins.csv"))[
            "credential_pool_id"
        ]
        run("credentials", "list", "--workspace", WORKSPACE)

        title("A draft study with 10 places")
        study = json.loads(captured("--json", "api", "create-study", "--body", json.dumps(STUDY), show=False))
        study_id = study["id"]
        places = study["total_available_places"]
        print(f"  (the answer: the Study, id {study_id}, status {study['status']}, {places} places)")

        title("Attach the pool to the draft")
        run("credentials", "attach", study_id, pool_id)

        title("Enough credentials? Prolific advises 1.5 per place: 15 for 10 places (exit 1: short)")
        run("credentials", "capacity", study_id)

        title("Top up: generate the 5 missing, save them (mode 600), add them to the pool")
        run("credentials", "capacity", study_id, "--top-up", "--prefix", "extra", "-o", "topup.csv")

        title("Publish")
        study = json.loads(
            captured("api", "publish-study", f"id={study_id}", "--body", '{"action": "PUBLISH"}', show=False)
        )
        print(f"  (the answer: the Study, status {study['status']})")

        title(f"{len(PARTICIPANTS)} participants start the study and take a login (the fake acts them out)")
        for participant in PARTICIPANTS:
            username, _ = fake.redeem(study_id, participant)
            print(f"  fake.redeem(study, {participant!r}) -> {username!r}")

        title("Who used which login: the study's credentials report")
        run("credentials", "report", study_id)

        title("Reconcile the report with your own file (no passwords printed)")
        run("credentials", "reconcile", study_id, "logins.csv")

        title("A published study's pool cannot change: the client says so before sending anything (exit 1)")
        run("credentials", "attach", study_id, pool_id)

        title("Put the participants who took part in a participant group")
        Path("participants.txt").write_text("# took part in the pilot\n" + "\n".join(PARTICIPANTS) + "\n")
        group = json.loads(
            captured("--json", "participant-groups", "create", "--name", "Pilot participants", "--workspace", WORKSPACE)
        )
        run("participant-groups", "add", group["id"], "--participants-file", "participants.txt")
        run("participant-groups", "members", group["id"])


def main_tour() -> int:
    with workdir(sys.argv[1] if len(sys.argv) > 1 else None) as here:
        here.mkdir(parents=True, exist_ok=True)
        previous = Path.cwd()
        try:
            tour(here.resolve())
        finally:
            os.chdir(previous)
    print("\nDone: the whole credential workflow, against a fake. Against the real API: export PROLIFIC_TOKEN=...")
    return 0


if __name__ == "__main__":
    sys.exit(main_tour())
