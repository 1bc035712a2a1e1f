"""Run ``prolific-client`` commands as forks of one warm process: the guides' shell blocks, without ~0.4 s of imports each.

``python cli_fork.py SOCKET SHIM_DIR`` imports the command line and what its commands import
(httpx, the client, the generated operations), writes ``SHIM_DIR/prolific-client``, then serves
SOCKET. The shim is what a guide's shell block finds first on its ``PATH``: it sends its arguments,
environment, working directory and its stdin, stdout and stderr (the descriptors themselves) to this
process, which forks a child that runs the command line's ``main(argv)`` with them, exactly as the
installed ``prolific-client`` script would, and answers its exit status, which the shim exits with.
So each command still runs in a process of its own, with the reader's environment and files; only
the imports are shared. The first line this process prints is ``ready``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sys
from pathlib import Path

SHIM = """#!{python} -S
# prolific-client, run by a warm fork of the command line (tests/docs/cli_fork.py); exits as it exits
import json, os, socket, sys
connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
connection.connect({socket!r})
request = json.dumps({{"argv": sys.argv[1:], "env": dict(os.environ), "cwd": os.getcwd()}}).encode()
socket.send_fds(connection, [len(request).to_bytes(8, "big") + request], [0, 1, 2])
answer = b""
while chunk := connection.recv(64):
    answer += chunk
sys.exit(int(answer) if answer else 70)
"""


def _reap(signum: int, frame: object) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _receive(connection: socket.socket) -> tuple[dict[str, object], list[int]]:
    data, fds, _flags, _address = socket.recv_fds(connection, 1 << 16, 3)
    size = int.from_bytes(data[:8], "big")
    body = data[8:]
    while len(body) < size:
        chunk = connection.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    return json.loads(body), fds


def _child(connection: socket.socket, main: object) -> None:
    """In the fork: become the command the shim was asked to run, then answer its exit status."""
    code = 70
    try:
        request, fds = _receive(connection)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(str(request["cwd"]))
        os.environ.clear()
        os.environ.update(request["env"])  # type: ignore[arg-type]
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        try:
            code = main(list(request["argv"]))  # type: ignore[operator, call-overload]
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        with contextlib.suppress(OSError):
            connection.sendall(str(code).encode())
        os._exit(code)


def main() -> int:
    path, shim_dir = sys.argv[1], Path(sys.argv[2])
    # What the commands import inside their functions: loaded once, here.
    import httpx  # noqa: F401

    import prolific
    import prolific.studies
    import prolific_api_client.operations  # noqa: F401
    from prolific.cli._main import build_parser
    from prolific.cli._main import main as cli_main

    prolific.Prolific  # noqa: B018 - the lazy name, resolved
    build_parser()
    shim = shim_dir / "prolific-client"
    shim.write_text(SHIM.format(python=sys.executable, socket=path), encoding="utf-8")
    shim.chmod(0o755)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    signal.signal(signal.SIGCHLD, _reap)
    print("ready", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        while True:
            connection, _ = listener.accept()
            if os.fork() == 0:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _child(connection, cli_main)
            connection.close()
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    sys.exit(main())
