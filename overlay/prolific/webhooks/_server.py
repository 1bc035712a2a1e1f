"""The development server behind ``prolific-client webhooks listen``: threaded, with read timeouts, chunked bodies.

``wsgiref.simple_server`` serves one connection at a time (one slow sender holds everyone up),
waits forever for a silent one, and hands a chunked body to the app undecoded. This server is the
same stdlib server with a thread per connection, a timeout on every read of a connection
(``read_timeout``), and chunked request bodies decoded (``wsgi.input_terminated`` set), so that
:func:`~prolific.webhooks.wsgi_app` reads them.
"""

from __future__ import annotations

import io
import logging
import re
import socketserver
from typing import Any, BinaryIO
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

logger = logging.getLogger("prolific")

#: Seconds a connection may stay silent (while sending its request line, headers or body).
READ_TIMEOUT = 10.0

_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")


class ChunkedBodyError(OSError):
    """A ``Transfer-Encoding: chunked`` body whose framing is broken (the app answers 400)."""


class Dechunked:
    """A file-like reader of a chunked request body: ``read(size)`` gives the data, ``b""`` at its end."""

    def __init__(self, raw: BinaryIO | io.BufferedIOBase) -> None:
        self._raw = raw
        self._left = 0  # bytes left in the current chunk
        self._done = False

    def _next_chunk(self) -> None:
        line = self._raw.readline(1026)
        size = line.split(b";", 1)[0].strip()
        if not line.endswith(b"\n") or not _SIZE.fullmatch(size):
            raise ChunkedBodyError("malformed chunk size line")
        self._left = int(size, 16)
        if self._left == 0:
            for _ in range(100):  # trailer fields, up to the blank line
                trailer = self._raw.readline(8192)
                if trailer in (b"\r\n", b"\n", b""):
                    break
            else:
                raise ChunkedBodyError("too many trailer fields")
            self._done = True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of the body (all of it for ``-1``); ``b""`` once it ended."""
        out: list[bytes] = []
        want = size if size is not None and size >= 0 else 1 << 62
        while want > 0 and not self._done:
            if self._left == 0:
                self._next_chunk()
                continue
            data = self._raw.read(min(self._left, want))
            if not data:
                raise ChunkedBodyError("the chunked body ended early")
            out.append(data)
            self._left -= len(data)
            want -= len(data)
            if self._left == 0 and self._raw.readline(3) not in (b"\r\n", b"\n"):
                raise ChunkedBodyError("a chunk is not followed by CRLF")
        return b"".join(out)


class _Handler(WSGIRequestHandler):
    """One connection: wsgiref's handler with a read timeout, decoded chunked bodies and no access log."""

    timeout = READ_TIMEOUT

    def handle(self) -> None:
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.send_error(414)
                return
            if not self.parse_request():
                return
            environ = self.get_environ()
            stdin: Any = self.rfile  # the connection's buffered reader (typeshed: BufferedIOBase)
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                stdin = Dechunked(self.rfile)
                environ["wsgi.input_terminated"] = True
                environ.pop("CONTENT_LENGTH", None)
            wfile: Any = self.wfile
            handler = ServerHandler(stdin, wfile, self.get_stderr(), environ, multithread=True)
            handler.request_handler = self  # type: ignore[attr-defined]  # wsgiref's back-pointer for logging
            handler.run(self.server.get_app())  # type: ignore[attr-defined]
        except (TimeoutError, ConnectionError):  # a silent or vanished sender: its connection is closed
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """wsgiref's server with a thread per connection (not joined on close: a stopped server drops them)."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # a burst of deliveries must not find the listen queue full (the stdlib's is 5)

    def handle_error(self, request: Any, client_address: Any) -> None:
        logger.debug("webhook receiver: connection from %s failed", client_address, exc_info=True)


def make_server(host: str, port: int, app: Any, *, read_timeout: float = READ_TIMEOUT) -> ThreadingWSGIServer:
    """A :class:`ThreadingWSGIServer` on ``host:port`` (0: a free port) serving the WSGI ``app``."""
    handler = type("Handler", (_Handler,), {"timeout": read_timeout})
    server = ThreadingWSGIServer((host, port), handler)
    server.set_app(app)
    return server


__all__ = ["READ_TIMEOUT", "ChunkedBodyError", "Dechunked", "ThreadingWSGIServer", "make_server"]
