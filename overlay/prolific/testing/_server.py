"""The loopback HTTP/1.1 server behind ``FakeProlific.serve()``: keep-alive, chunked bodies, clean shutdown."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ._answers import CODE_INTERNAL, CODE_MALFORMED, NO_BODY_STATUSES, Answer, error_answer, reason
from ._dispatch import Dispatcher
from ._routes import Incoming


class Server(ThreadingHTTPServer):
    """ThreadingHTTPServer tuned for tests and benchmarks: no reverse DNS, big backlog, daemon threads."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024

    def __init__(self, host: str, port: int, dispatcher: Dispatcher) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.dispatcher = dispatcher
        self.closing = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._all_closed = threading.Condition(self._connections_lock)
        super().__init__((host, port), _Handler)
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.server_address[1]}"

    def server_bind(self) -> None:
        # HTTPServer.server_bind would call socket.getfqdn(): a reverse DNS lookup, slow on some hosts.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
            if not self._connections:
                self._all_closed.notify_all()
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Silent: a client closing its connection is normal here; the fake's own bugs answer 500."""

    def stop(self, wait: float = 5.0) -> None:
        """Stop accepting, wake stalled handlers, close every open connection, free the port.

        Then wait (up to ``wait`` seconds) for the handler threads to finish, so that every request
        whose bytes arrived is recorded (answered or cut short) by the time ``serve()`` returns: on a
        busy machine a woken handler may otherwise record its request after the caller looked.
        """
        self.closing.set()
        self.shutdown()
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()
        with self._all_closed:
            self._all_closed.wait_for(lambda: not self._connections, timeout=wait)


class _BadRequest(Exception):
    """The request's framing is broken (e.g. a non-numeric Content-Length)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every answer has a Content-Length
    disable_nagle_algorithm = True
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: no stderr noise in tests or benchmarks."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by http.server itself (bad request line, unknown method) in Prolific's shape."""
        self.close_connection = True
        self._send(error_answer(code, message or reason(code), code * 100))

    def _read_body(self) -> bytes:
        encoding = self.headers.get("Transfer-Encoding")
        if encoding is not None:
            if encoding.strip().lower() != "chunked":
                raise _BadRequest(f"Unsupported Transfer-Encoding {encoding!r}.")
            chunks: list[bytes] = []
            while True:
                size_line = self.rfile.readline(65537)
                try:
                    size = int(size_line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    raise _BadRequest("Malformed chunked body.") from None
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not length.strip().isdigit():
            raise _BadRequest("Invalid Content-Length header.")
        size = int(length)
        raw = self.rfile.read(size) if size else b""
        if len(raw) != size:
            raise ConnectionError("client closed the connection mid-body")
        return raw

    def _serve(self) -> None:
        try:
            raw = self._read_body()
        except _BadRequest as exc:
            self.close_connection = True
            self._send(error_answer(400, str(exc), CODE_MALFORMED))
            return
        dispatcher = self.server.dispatcher
        path, _, query = self.path.partition("?")
        headers = {k.lower(): v for k, v in self.headers.items()}
        incoming = Incoming(self.command, path, query, headers, raw, self.server.url + self.path)
        try:
            ticket = dispatcher.arrive(incoming)
            if ticket.stall and self.server.closing.wait(ticket.stall):
                answer = dispatcher.cut_short(incoming, ticket)  # serve() is exiting
            else:
                answer = dispatcher.respond(incoming, ticket)
        except Exception:
            answer = error_answer(500, "FakeProlific failed handling this request.", CODE_INTERNAL)
        if answer.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        status = answer.status
        head = [f"HTTP/1.1 {status} {reason(status)}\r\n"]
        head += [f"{name}: {value}\r\n" for name, value in answer.headers]
        body = answer.body
        if status in NO_BODY_STATUSES:
            body = b""
            if status == 205:
                head.append("Content-Length: 0\r\n")
        else:
            head.append(f"Content-Length: {len(body)}\r\n")
        if self.close_connection:
            head.append("Connection: close\r\n")
        head.append("\r\n")
        if self.command == "HEAD":
            body = b""
        with contextlib.suppress(OSError):
            self.wfile.write("".join(head).encode("latin-1") + body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _serve

    def __getattr__(self, name: str) -> Any:
        # Any other method (QUERY, PROPFIND, ...) is routed too: a known path answers 405 with Allow, as the API.
        if name.startswith("do_") and name[3:].isalpha() and name[3:].isupper():
            return self._serve
        raise AttributeError(name)
