"""``studies watch`` on a terminal: a view drawn in place, checked on the screen a terminal emulator shows.

The command runs in a child process whose stdout and stderr are a pseudo-terminal; the child serves the
scripted study over HTTP on 127.0.0.1 and gives the command's client the script's clock, so the story takes
no time. The bytes it draws go through ``pyte`` (a VT100 emulator): the test reads the screen, not the bytes.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

pyte = pytest.importorskip("pyte")

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import os, sys
sys.path.insert(0, {tests!r})
from studies.conftest import scripted_study
import prolific.cli._context as cli_context
from prolific import Prolific
from prolific.cli import main
from prolific.testing import FakeProlific

fake = FakeProlific()
script = scripted_study(fake)
with fake.serve() as url:
    def client(token, *, base_url=None, **kwargs):
        made = Prolific(token, base_url=url, **kwargs)
        made.sleep = script.sleep
        return made
    cli_context.Prolific = client
    os.environ["PROLIFIC_TOKEN"] = "researcher-token-0123"
    code = main(["studies", "watch", script.study_id, "--review-backlog", "10"])
sys.exit(code)
"""
COLUMNS, LINES = 160, 60


def test_the_view_is_drawn_in_place_and_ends_with_the_completed_study() -> None:
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": str(COLUMNS), "LINES": str(LINES), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(tests=str(ROOT / "tests"))],
        stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True,
    )  # fmt: skip
    os.close(secondary)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(primary)
    assert child.wait(timeout=60) == 0, drawn.decode(errors="replace")[-2000:]

    text = drawn.decode("utf-8", errors="replace")
    assert "\x1b[" in text  # drawn, not printed: cursor movements redraw the view in place
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.Stream(screen)
    stream.feed(text.replace("\n", "\r\n"))
    shown = [line.rstrip() for line in screen.display if line.strip()]
    view = shown[shown.index(next(line for line in shown if line.startswith("study "))) :]
    assert view[1:11] == [
        "status           COMPLETED",
        "places           20 of 20 taken",
        "submissions      approved 20, returned 5, timed-out 3",
        "returns          18% returned, 11% timed out",
        "median time      0.0 min (estimated 5 min)",
        "awaiting review  0",
        "credentials      2 left for 0 places left",
        "spent            27.92 GBP",
        "time to fill     full; Prolific predicted 1 hour",
        "alerts:",
    ]
    # The alerts, listed under the view once each, and printed above it (stderr) once each.
    listed = [line for line in view if line.startswith("  ! ")]
    above = [line for line in shown[: shown.index(view[0])] if line.startswith("alert: ")]
    assert [line[4:40] for line in listed] == [line[7:43] for line in above]
    assert [line.split(":")[0] for line in listed] == [
        "  ! high return rate",
        "  ! review piling up",
        "  ! credential pool about to run out",
        "  ! a participant went over the maximum allowed time of 30 minutes",
        "  ! study paused by itself",
    ]
    # One view: redrawn, not appended (the status label is on the final screen once).
    assert sum(1 for line in shown if line.startswith("status ")) == 1
    assert "researcher-token-0123" not in text
