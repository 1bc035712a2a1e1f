"""Start ``prolific-client fake-server`` processes cheaply: import and load its spec once, then fork one per request.

test_guides.py runs one ``fake-server`` per document. Each would import the fake and load the
API document for its request checks (about 2 s of CPU) before listening; this process does that
once and then, for each line ``{"argv", "env", "cwd", "stdout"}`` on stdin, forks a child that runs
the command line's ``main(argv)``, exactly as ``prolific-client fake-server ...`` would, with that
environment and directory, its stdout on the ``stdout`` path (a FIFO the test reads the url= line
from). It answers each request with the child's pid on a line. Children are reaped as they end.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys


def _reap(signum: int, frame: object) -> None:
    """Reap the servers that ended (so that their CPU time counts in this process's children's)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def main() -> int:
    from prolific.cli._main import main as cli_main
    from prolific.testing import FakeProlific
    from prolific.testing._validate import default_validator

    default_validator()  # cached: every child starts with the spec loaded
    FakeProlific().seed_demo()  # and with the rest of the fake imported
    signal.signal(signal.SIGCHLD, _reap)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: a fake-server of its own
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            null = os.open(os.devnull, os.O_RDWR)
            out = os.open(request["stdout"], os.O_WRONLY)
            os.dup2(null, 0)
            os.dup2(out, 1)
            os.dup2(null, 2)
            sys.stdout = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
            try:
                code = cli_main(request["argv"])
            except BaseException:  # the child must never return into this loop
                code = 70
            os._exit(code)
        print(pid, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
