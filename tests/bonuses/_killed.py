"""The CLI run in a child process that SIGKILLs itself at its n-th request (for test_bonus_kill).

Its own small module so that the fork server preloads it (with the CLI and httpx): the children are
forked from that single-threaded process, never from a test worker whose threads (the fake's server)
may hold a lock at the moment of the fork, which would leave the child waiting on it for ever.
"""

from __future__ import annotations

import os
import signal

import httpx

from prolific.cli import main


def run(number: int, when: str, argv: list[str], env: dict[str, str]) -> None:
    """``main(argv)`` with ``env``, killed at request ``number``: ``"before"`` it is sent or ``"after"`` its answer."""
    try:
        sent = [0]
        send = httpx.HTTPTransport.handle_request

        def handle_request(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            sent[0] += 1
            if sent[0] == number and when == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            response = send(self, request)
            if sent[0] == number and when == "after":
                response.read()
                os.kill(os.getpid(), signal.SIGKILL)
            return response

        httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
        os.environ.update(env)
        main(argv)
    finally:
        os._exit(99)  # not killed: the test says so
