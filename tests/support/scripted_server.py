"""A real HTTP server on 127.0.0.1 that answers from a script, for retry and pagination tests.

Each request takes the next answer from the queue (status, JSON or text body, headers), or a
stall: the handler waits until the test ends, so the client's read timeout fires. Every request
is recorded (method, path, query). Nothing here measures time.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    stall: bool = False


@dataclass
class ScriptedServer:
    url: str = ""
    answers: list[Answer | Callable[[Seen], Answer]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def answer(self, status: int = 200, body: Any = None, **kwargs: Any) -> None:
        self.answers.append(Answer(status, body, **kwargs))

    def stall(self) -> None:
        self.answers.append(Answer(stall=True))

    def always(self, make: Callable[[Seen], Answer]) -> None:
        """Answer every further request with ``make(request)``."""
        self.answers.append(make)

    def requests(self, method: str | None = None) -> list[Seen]:
        return [s for s in self.seen if method is None or s.method == method]


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    state = ScriptedServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path, _, query = self.path.partition("?")
            seen = Seen(self.command, path, parse_qs(query), {k.lower(): v for k, v in self.headers.items()}, body)
            state.seen.append(seen)
            script = state.answers[0] if state.answers else Answer(500, {"error": {"detail": "script ran out"}})
            answer = script(seen) if callable(script) else state.answers.pop(0)
            if answer.stall:
                state.released.wait(30)
                self.close_connection = True
                return
            raw = b""
            if answer.body is not None:
                raw = answer.body.encode() if isinstance(answer.body, str) else json.dumps(answer.body).encode()
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if raw:
                self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    # A short poll: shutdown() waits up to one poll interval, at every teardown.
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        state.released.set()
        httpd.shutdown()
        httpd.server_close()
