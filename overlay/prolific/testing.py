"""``FakeProlific``: a stateful in-memory Prolific for tests — in-process or over real HTTP.

It implements the four endpoints this package uses as Prolific documents them, keeps what they
store inspectable, and injects the faults real networks and proxies produce.

>>> import httpx
>>> from prolific import Prolific
>>> fake = FakeProlific()
>>> client = Prolific(token="any", http_client=httpx.Client(transport=fake.transport))
>>> pool_id = client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1")
>>> fake.pools[pool_id]
[('alice', 'pw-1')]
>>> fake.fail_next(409)
>>> with fake.serve() as url:                       # a real server on 127.0.0.1
...     Prolific(token="any", base_url=url).credentials.add(pool_id, credentials="bob,pw-2")
Traceback (most recent call last):
...
prolific._errors.ConflictError: 409 Conflict on PATCH /api/v1/credentials/.../: fault injected by FakeProlific
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

__all__ = ["FakeProlific", "RecordedRequest"]

_POOL_PATH = re.compile(r"^/api/v1/credentials/([^/]+)/$")
_TITLES = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip
_ROLES = ("WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR")


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received. ``repr`` redacts the token and any credentials text."""

    method: str
    path: str
    status: int
    headers: dict[str, str] = field(repr=False)
    body: Any = field(repr=False)

    def __repr__(self) -> str:
        body = self.body
        if isinstance(body, dict) and isinstance(body.get("credentials"), str):
            body = {**body, "credentials": f"<redacted: {body['credentials'].count(chr(10)) + 1} lines>"}
        auth = "<redacted>" if "authorization" in self.headers else "<none>"
        return f"RecordedRequest({self.method} {self.path} -> {self.status}, authorization={auth}, body={body!r})"

    __str__ = __repr__


@dataclass
class _Fault:
    kind: str  # "status" | "drop" | "stall"
    times: int
    method: str | None
    path: str | None
    status: int = 0
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    apply: bool = False
    seconds: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method.upper() == method) and (self.path is None or self.path == path)


class _Drop(Exception):
    """Internal: close the connection without answering."""


@dataclass
class _Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    stall: float = 0.0
    drop: bool = False


def _error(status: int, detail: Any, code: int = 0) -> tuple[int, Any]:
    title = _TITLES.get(status, "Error")
    return status, {"error": {"status": status, "error_code": code or status * 100, "title": title, "detail": detail}}


class FakeProlific:
    """In-memory Prolific: credential pools, participant groups, invitations.

    ``token``: accept only this token (``None``: any non-empty one). State: ``pools``
    (pool id → list of ``(username, password)``), ``pool_workspaces``, ``participant_groups``,
    ``invitations``, ``requests`` (every :class:`RecordedRequest`). Faults: :meth:`fail_next`,
    :meth:`drop_next`, :meth:`stall_next`. Use :attr:`transport` in-process or :meth:`serve` for
    a real loopback server.
    """

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self.pools: dict[str, list[tuple[str, str]]] = {}
        self.pool_workspaces: dict[str, str] = {}
        self._usernames: dict[str, set[str]] = {}
        self.participant_groups: dict[str, dict[str, Any]] = {}
        self.invitations: list[dict[str, Any]] = []
        self.requests: list[RecordedRequest] = []
        self._faults: list[_Fault] = []
        self.transport = _FakeTransport(self)

    # -- inspection and faults ------------------------------------------------------------

    def reset(self) -> None:
        """Forget all state, recorded requests and pending faults."""
        with self._lock:
            self.pools.clear()
            self.pool_workspaces.clear()
            self._usernames.clear()
            self.participant_groups.clear()
            self.invitations.clear()
            self.requests.clear()
            self._faults.clear()

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: str | float | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        apply: bool = False,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next matching request(s) with ``status``.

        ``body``: bytes/str sent as-is, dict/list as JSON, default Prolific's error shape.
        ``apply=True``: process the request first (state changes), then answer the fault — the
        write happened but the client sees a failure (a 502 from a proxy, say).
        """
        extra = dict(headers or {})
        if retry_after is not None:
            extra["Retry-After"] = str(retry_after)
        self._add(_Fault("status", times, method, path, status=status, body=body, headers=extra, apply=apply))

    def drop_next(
        self, times: int = 1, *, apply: bool = False, method: str | None = None, path: str | None = None
    ) -> None:
        """Close the connection without a response (``apply=True``: after processing the request)."""
        self._add(_Fault("drop", times, method, path, apply=apply))

    def stall_next(self, seconds: float, times: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        """Wait ``seconds`` before answering the next matching request(s) normally."""
        self._add(_Fault("stall", times, method, path, seconds=seconds))

    def _add(self, fault: _Fault) -> None:
        if fault.times < 1:
            raise ValueError("times must be >= 1")
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        for fault in self._faults:
            if fault.matches(method, path):
                fault.times -= 1
                if fault.times == 0:
                    self._faults.remove(fault)
                return fault
        return None

    # -- request handling (shared by the transport and the server) ----------------------------

    def handle(self, method: str, path: str, headers: dict[str, str], raw: bytes) -> _Answer:
        """Compute the answer to one request; thread-safe."""
        with self._lock:
            fault = self._take_fault(method, path)
            body = _json_or_none(raw)
            stall = fault.seconds if fault is not None and fault.kind == "stall" else 0.0
            if fault is None or fault.kind == "stall" or fault.apply:
                status, payload = self._route(method, path, headers, body, raw)
            if fault is not None and fault.kind == "drop":
                self.requests.append(RecordedRequest(method, path, 0, headers, body))
                return _Answer(0, b"", {}, drop=True)
            extra: dict[str, str] = {}
            if fault is not None and fault.kind == "status":
                status = fault.status
                payload = fault.body if fault.body is not None else _error(status, "fault injected by FakeProlific")[1]
                extra = fault.headers
            self.requests.append(RecordedRequest(method, path, status, headers, body))
        if isinstance(payload, bytes):
            content, kind = payload, "application/octet-stream"
        elif isinstance(payload, str):
            content, kind = payload.encode(), "text/html; charset=utf-8"
        elif payload is None:
            content, kind = b"", ""
        else:
            content, kind = json.dumps(payload).encode(), "application/json"
        out = {"Content-Type": kind} if kind else {}
        return _Answer(status, content, {**out, **extra}, stall=stall)

    def _route(self, method: str, path: str, headers: dict[str, str], body: Any, raw: bytes) -> tuple[int, Any]:
        auth = headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme != "Token" or not token.strip() or (self.token is not None and token != self.token):
            return _error(401, "Authentication credentials were not provided or are invalid.")
        handlers = {
            "/api/v1/credentials/": ("POST", self._create_pool),
            "/api/v1/participant-groups/": ("POST", self._create_group),
            "/api/v1/invitations/": ("POST", self._invite),
        }
        match = _POOL_PATH.match(path)
        if path not in handlers and match is None:
            return _error(404, "Not found.")
        allowed = handlers[path][0] if path in handlers else "PATCH"
        if method != allowed:
            return _error(405, f'Method "{method}" not allowed.')
        if not isinstance(body, dict):
            return _error(400, "JSON parse error: the body must be a JSON object.")
        if match is not None:
            return self._update_pool(match.group(1), body)
        return handlers[path][1](body)

    @staticmethod
    def _parse_csv(text: Any) -> list[tuple[str, str]] | tuple[int, Any]:
        if not isinstance(text, str) or not text:
            return _error(400, {"credentials": ["This field is required."]})
        out = []
        for number, line in enumerate(text.split("\n"), 1):
            username, comma, password = line.partition(",")
            if not comma or not username or not password or "," in password:
                return _error(400, {"credentials": [f"Line {number}: expected username,password."]})
            out.append((username, password))
        return out

    def _create_pool(self, body: dict[str, Any]) -> tuple[int, Any]:
        workspace = body.get("workspace_id")
        if not isinstance(workspace, str) or not workspace:
            return _error(400, {"workspace_id": ["This field is required."]})
        parsed = self._parse_csv(body.get("credentials"))
        if isinstance(parsed, tuple):
            return parsed
        names = [u for u, _ in parsed]
        if len(set(names)) != len(names):
            return _error(409, "Duplicate usernames in the credentials.")
        pool_id = f"{workspace}_{uuid.uuid4().hex}"
        self.pools[pool_id] = parsed
        self.pool_workspaces[pool_id] = workspace
        self._usernames[pool_id] = set(names)
        return 201, {"credential_pool_id": pool_id}

    def _update_pool(self, pool_id: str, body: dict[str, Any]) -> tuple[int, Any]:
        if pool_id not in self.pools:
            return _error(404, "Credential pool not found.")
        parsed = self._parse_csv(body.get("credentials"))
        if isinstance(parsed, tuple):
            return parsed
        existing = self._usernames[pool_id]
        names = [u for u, _ in parsed]
        clash = [u for u in names if u in existing]
        if clash or len(set(names)) != len(names):
            count = len(clash) or len(names) - len(set(names))
            return _error(409, f"{count} username(s) already exist in the pool or repeat in the request.")
        self.pools[pool_id].extend(parsed)
        existing.update(names)
        return 200, {"credential_pool_id": pool_id}

    def _create_group(self, body: dict[str, Any]) -> tuple[int, Any]:
        name, workspace, org = body.get("name"), body.get("workspace_id"), body.get("organisation_id")
        if not isinstance(name, str) or not name.strip():
            return _error(400, {"name": ["This field is required."]})
        if (workspace is None) == (org is None):
            return _error(400, "Either a workspace or organisation ID must be specified, not both.")
        ids = body.get("participant_ids") or []
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return _error(400, {"participant_ids": ["Expected a list of strings."]})
        group: dict[str, Any] = {
            "id": uuid.uuid4().hex[:24],
            "name": name,
            "project_id": None,
            "workspace_id": workspace,
            "organisation_id": org,
            "description": body.get("description"),
            "participant_count": len(set(ids)),
            "is_deleted": False,
            "feeder_studies": [],
        }
        self.participant_groups[group["id"]] = group
        return 201, group

    def _invite(self, body: dict[str, Any]) -> tuple[int, Any]:
        association, emails, role = body.get("association"), body.get("emails"), body.get("role")
        if not isinstance(association, str) or not association:
            return _error(400, {"association": ["This field is required."]})
        if not isinstance(emails, list) or not emails or not all(isinstance(e, str) for e in emails):
            return _error(400, {"emails": ["Provide a non-empty list of email addresses."]})
        if role not in _ROLES:
            return _error(400, {"role": [f'"{role}" is not a valid choice.']})
        created = [
            {
                "association": association,
                "invitee": {"id": uuid.uuid4().hex[:24], "name": email.split("@")[0], "email": email},
                "invited_by": "fake-admin",
                "status": "INVITED",
                "invite_link": f"https://app.prolific.com/invite/{uuid.uuid4().hex[:24]}",
                "role": role,
            }
            for email in emails
        ]
        self.invitations.extend(created)
        return 201, {"invitations": created}

    # -- the real server ---------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
        """Run a real HTTP/1.1 server on loopback in a thread; yield its base URL."""
        server = _Server((host, port), _Handler)
        server.fake = self
        self._closing.clear()
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield f"http://{host}:{server.server_address[1]}"
        finally:
            self._closing.set()  # cut stalls short
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    def serve_forever(self, port: int = 0, host: str = "127.0.0.1", *, ready: Any = None) -> None:
        """Serve until interrupted (Ctrl-C); ``ready(url)`` is called once listening."""
        with self.serve(port, host) as url:
            if ready is not None:
                ready(url)
            threading.Event().wait()

    def _sleep(self, seconds: float) -> None:
        self._closing.wait(seconds)


def _json_or_none(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


class _FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """One object usable by both ``httpx.Client`` and ``httpx.AsyncClient``."""

    def __init__(self, fake: FakeProlific) -> None:
        self._fake = fake

    def _answer(self, request: httpx.Request, content: bytes) -> _Answer:
        headers = {k.lower(): v for k, v in request.headers.items()}
        return self._fake.handle(request.method, request.url.path, headers, content)

    @staticmethod
    def _response(answer: _Answer, request: httpx.Request) -> httpx.Response:
        if answer.drop:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(answer.status, content=answer.body, headers=answer.headers, request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self._answer(request, request.read())
        if answer.stall:
            time.sleep(answer.stall)
        return self._response(answer, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        answer = self._answer(request, await request.aread())
        if answer.stall:
            await asyncio.sleep(answer.stall)
        return self._response(answer, request)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    fake: FakeProlific

    def server_bind(self) -> None:
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # Skip HTTPServer.server_bind's getfqdn(), a reverse DNS lookup.
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: tests print nothing, and request lines could carry ids users do not want logged."""

    def _handle(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            answer = fake.handle(self.command, self.path.split("?", 1)[0], headers, raw)
        except Exception:  # never hang the client on a bug in the fake
            status, payload = _error(500, "FakeProlific failed handling this request.")
            answer = _Answer(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})
        if answer.stall:
            fake._sleep(answer.stall)
        if answer.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle
