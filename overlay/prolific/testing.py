"""``FakeProlific``: a stateful in-memory Prolific for tests, in-process or over real HTTP.

It implements the four endpoints this package uses (create / add to a credential pool, create a
participant group, create invitations) the way Prolific documents them, keeps what they store
inspectable, records every request, and injects the faults real networks and proxies produce
(error statuses, dropped connections, stalls).

Two ways to reach it:

* in-process: ``fake.transport`` is an httpx transport for ``httpx.Client`` *and*
  ``httpx.AsyncClient``;
* over the network: ``with fake.serve() as url:`` runs a real HTTP/1.1 server on 127.0.0.1.

Only the standard library and httpx are used; the fake does not import the rest of the package.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import json
import socket
import socketserver
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

import httpx

__all__ = ["FakeProlific", "RecordedRequest"]

_POOLS = "/api/v1/credentials/"
_GROUPS = "/api/v1/participant-groups/"
_INVITATIONS = "/api/v1/invitations/"
_ROLES = frozenset({"WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR"})
_REDACTED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})
# Headers the fake computes itself; a fault may not set them (it would break the HTTP framing).
_RESERVED_HEADERS = frozenset({"content-length", "transfer-encoding", "connection"})
_NO_BODY_STATUSES = frozenset({204, 205, 304})
_JSON = ("Content-Type", "application/json")
_MAX_LINES_SHOWN = 10

# error_code values are the fake's own (Prolific does not document its codes).
_CODE_VALIDATION = 40001
_CODE_MALFORMED = 40002
_CODE_UNAUTHENTICATED = 40101
_CODE_NOT_FOUND = 40401
_CODE_POOL_NOT_FOUND = 40402
_CODE_METHOD = 40501
_CODE_DUPLICATE_IN_REQUEST = 40901
_CODE_DUPLICATE_IN_POOL = 40902
_CODE_INTERNAL = 50001
_CODE_INJECTED = 99999


def _reason(status: int) -> str:
    """Reason phrase / error title for any status, including non-standard ones (499, 520, 599)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        pass
    if status == 499:
        return "Client Closed Request"
    return {2: "Success", 3: "Redirection", 4: "Client Error", 5: "Server Error"}.get(status // 100, "Unknown")


def _error_payload(status: int, detail: Any, code: int) -> dict[str, Any]:
    return {"error": {"status": status, "error_code": code, "title": _reason(status), "detail": detail}}


@dataclass(frozen=True)
class _Answer:
    """What to send back: a status, headers (without Content-Length) and the body bytes."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    drop: bool = False


def _json_answer(status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()) -> _Answer:
    return _Answer(status, (_JSON, *headers), json.dumps(payload).encode())


def _error_answer(status: int, detail: Any, code: int, headers: tuple[tuple[str, str], ...] = ()) -> _Answer:
    return _json_answer(status, _error_payload(status, detail, code), headers)


_DROPPED = _Answer(0, drop=True)


@dataclass(frozen=True)
class RecordedRequest:
    r"""One request the fake received, as ``fake.requests`` lists them (in the order answered).

    ``method`` and ``path`` (no query string); ``status`` is what the client got (``None`` when the
    connection was dropped); ``headers`` has lower-case names and the real values; ``body`` is the
    parsed JSON body (``None`` if there was none or it was not JSON); ``fault`` describes the
    injected fault that applied (e.g. ``"fail_next(502, apply=True) after 201"``), else ``None``.

    ``repr``/``str`` redact the ``Authorization`` header and any ``credentials`` field, so a test
    can print requests without leaking the token or passwords:

    >>> r = RecordedRequest("POST", "/api/v1/credentials/", 201, {"authorization": "Token s3cret"},
    ...                     {"credentials": "alice,pw1\nbob,pw2", "workspace_id": "ws1"})
    >>> print(r)  # doctest: +NORMALIZE_WHITESPACE
    RecordedRequest(method='POST', path='/api/v1/credentials/', status=201,
        headers={'authorization': '<redacted>'},
        body={'credentials': '<redacted: 2 lines>', 'workspace_id': 'ws1'}, fault=None)
    """

    method: str
    path: str
    status: int | None
    headers: Mapping[str, str]
    body: Any
    fault: str | None = None

    def __repr__(self) -> str:
        headers = {k: ("<redacted>" if k.lower() in _REDACTED_HEADERS else v) for k, v in self.headers.items()}
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, status={self.status!r}, "
            f"headers={headers!r}, body={_redact_body(self.body)}, fault={self.fault!r})"
        )

    __str__ = __repr__


def _redact_body(body: Any) -> str:
    if body is None:
        return "None"
    if not isinstance(body, dict):
        # Not one of ours: it could hold anything, so show only its kind.
        return f"'<redacted {type(body).__name__}>'"
    shown = dict(body)
    if "credentials" in shown:
        text = shown["credentials"]
        lines = text.count("\n") + 1 if isinstance(text, str) and text else 0
        plural = "" if lines == 1 else "s"
        shown["credentials"] = f"<redacted: {lines} line{plural}>" if isinstance(text, str) else "<redacted>"
    return repr(shown)


@dataclass
class _Fault:
    kind: str  # "fail" | "drop" | "stall"
    remaining: int
    method: str | None
    path: str | None
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    apply: bool = False
    seconds: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.path is None or self.path == path or fnmatch.fnmatchcase(path, self.path)

    def describe(self) -> str:
        if self.kind == "stall":
            return f"stall_next({self.seconds:g})"
        args = f"{self.status}" if self.kind == "fail" else ""
        if self.apply:
            args += ", apply=True" if args else "apply=True"
        return f"{self.kind}_next({args})"


@dataclass(frozen=True)
class _Ticket:
    """Decided when a request arrives: is it authenticated, and which fault (if any) it consumed."""

    authorized: bool
    fault: _Fault | None

    @property
    def stall(self) -> float:
        return self.fault.seconds if self.fault is not None and self.fault.kind == "stall" else 0.0


class FakeProlific:
    r"""A stateful in-memory Prolific API: credential pools, participant groups, invitations.

    ``token``: the only token accepted (``None``: any non-empty one). Every request needs
    ``Authorization: Token <token>``, else 401 before anything else (faults included).

    State (plain attributes, safe to read once requests are answered): ``pools`` (pool id → list of
    ``(username, password)`` in insertion order), ``pool_workspaces`` (pool id → workspace id),
    ``participant_groups`` (group id → the response body), ``invitations`` (every invitation
    created), ``requests`` (every :class:`RecordedRequest`).

    Faults, queued in order and consumed one request at a time: :meth:`fail_next`,
    :meth:`drop_next`, :meth:`stall_next`. Use :attr:`transport` in-process or :meth:`serve` for a
    real loopback server. All of it is thread-safe.

    >>> import httpx
    >>> fake = FakeProlific()
    >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
    ...                       headers={"Authorization": "Token test-token"})
    >>> r = client.post("/api/v1/credentials/",
    ...                 json={"credentials": "alice,pw-1\nbob,pw-2", "workspace_id": "ws1"})
    >>> r.status_code
    201
    >>> pool_id = r.json()["credential_pool_id"]
    >>> fake.pools[pool_id]
    [('alice', 'pw-1'), ('bob', 'pw-2')]
    >>> client.patch(f"/api/v1/credentials/{pool_id}/", json={"credentials": "alice,pw-9"}).json()["error"]["title"]
    'Conflict'
    >>> fake.fail_next(503, retry_after=2)
    >>> r = client.patch(f"/api/v1/credentials/{pool_id}/", json={"credentials": "carol,pw-3"})
    >>> r.status_code, r.headers["Retry-After"]
    (503, '2')
    >>> with fake.serve() as url:  # the same fake over real HTTP on 127.0.0.1
    ...     r = httpx.patch(f"{url}/api/v1/credentials/{pool_id}/", json={"credentials": "carol,pw-3"},
    ...                     headers={"Authorization": "Token test-token"})
    >>> r.status_code, len(fake.pools[pool_id]), len(fake.requests)
    (200, 3, 4)
    """

    def __init__(self, token: str | None = None) -> None:
        """Create an empty fake accepting ``token`` only (``None``: any non-empty token)."""
        if token is not None and (not isinstance(token, str) or not token.strip()):
            raise ValueError("token must be a non-empty string or None")
        self.token = token
        self._lock = threading.Lock()
        self.pools: dict[str, list[tuple[str, str]]] = {}
        self.pool_workspaces: dict[str, str] = {}
        self.participant_groups: dict[str, dict[str, Any]] = {}
        self.invitations: list[dict[str, Any]] = []
        self.requests: list[RecordedRequest] = []
        self._usernames: dict[str, set[str]] = {}
        self._faults: list[_Fault] = []
        self.transport = _FakeTransport(self)
        """One httpx transport for both ``httpx.Client`` and ``httpx.AsyncClient``."""

    def __repr__(self) -> str:
        return (
            f"FakeProlific(pools={len(self.pools)}, participant_groups={len(self.participant_groups)}, "
            f"invitations={len(self.invitations)}, requests={len(self.requests)}, "
            f"pending_faults={self.pending_faults})"
        )

    # -- inspection -----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget all stored data, recorded requests and pending faults (the token stays)."""
        with self._lock:
            self.pools.clear()
            self.pool_workspaces.clear()
            self.participant_groups.clear()
            self.invitations.clear()
            self.requests.clear()
            self._usernames.clear()
            self._faults.clear()

    @property
    def pending_faults(self) -> int:
        """How many injected fault uses are still waiting for a matching request."""
        with self._lock:
            return sum(f.remaining for f in self._faults)

    # -- fault injection ------------------------------------------------------------------------

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: str | float | None = None,
        body: bytes | str | dict[str, Any] | list[Any] | None = None,
        headers: Mapping[str, str] | None = None,
        apply: bool = False,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` instead of the real answer.

        ``status``: any code from 200 to 999 (499, 520, 599 and 3xx included; add a ``Location``
        with ``headers``). ``body``: bytes or str are sent as they are, a dict or list as JSON;
        default: Prolific's error shape. ``retry_after`` is sent as the ``Retry-After`` header,
        as given. ``apply=True``: process the request normally first (its state changes happen),
        then send the fault instead of the real answer ("the write happened, the proxy said 502").
        ``method`` / ``path`` (``*`` wildcards allowed): only matching requests consume the
        fault; others pass through.

        >>> fake = FakeProlific()
        >>> fake.fail_next(502, apply=True, method="PATCH")
        >>> fake.fail_next(302, headers={"Location": "https://elsewhere.example/"})
        """
        if isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 999:
            raise ValueError(f"status must be an int from 200 to 999, not {status!r}")
        extra = _check_headers(headers)
        if retry_after is not None:
            extra = (*(h for h in extra if h[0].lower() != "retry-after"), ("Retry-After", str(retry_after)))
            _check_headers(dict(extra[-1:]))
        if body is None:
            payload = json.dumps(_error_payload(status, "Fault injected by FakeProlific.fail_next().", _CODE_INJECTED))
            content, kind = payload.encode(), "application/json"
        elif isinstance(body, bytes):
            content, kind = body, "application/octet-stream"
        elif isinstance(body, str):
            content = body.encode()
            kind = "text/html; charset=utf-8" if body.lstrip().startswith("<") else "text/plain; charset=utf-8"
        elif isinstance(body, dict | list):
            content, kind = json.dumps(body).encode(), "application/json"
        else:
            raise TypeError(f"body must be bytes, str, dict, list or None, not {type(body).__name__}")
        if not any(name.lower() == "content-type" for name, _ in extra):
            extra = (("Content-Type", kind), *extra)
        self._add(
            _Fault("fail", times, *_filters(method, path), status=status, headers=extra, body=content, apply=apply)
        )

    def drop_next(
        self, times: int = 1, *, apply: bool = False, method: str | None = None, path: str | None = None
    ) -> None:
        """Drop the connection without any response for the next ``times`` matching requests.

        Over :meth:`serve` the socket is closed after the request was read; through
        :attr:`transport` ``httpx.RemoteProtocolError`` is raised. ``apply``, ``method`` and
        ``path`` as for :meth:`fail_next`.

        >>> FakeProlific().drop_next(apply=True, path="/api/v1/credentials/*/")
        """
        self._add(_Fault("drop", times, *_filters(method, path), apply=apply))

    def stall_next(self, seconds: float, times: int = 1, *, method: str | None = None, path: str | None = None) -> None:
        """Wait ``seconds`` before handling the next ``times`` matching requests, then answer normally.

        The request is processed after the wait, so a client that gave up earlier changed nothing.
        Over :meth:`serve` the handler thread waits (cut short when ``serve()`` exits, and the
        connection is then dropped); the async transport uses ``asyncio.sleep`` (the event loop
        keeps running), the sync transport ``time.sleep``. In-process transports apply no
        timeouts: use :meth:`serve` to see an ``httpx.ReadTimeout``.

        >>> FakeProlific().stall_next(0.5, method="POST")
        """
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds >= 0:
            raise ValueError(f"seconds must be a number >= 0, not {seconds!r}")
        self._add(_Fault("stall", times, *_filters(method, path), seconds=float(seconds)))

    def _add(self, fault: _Fault) -> None:
        if isinstance(fault.remaining, bool) or not isinstance(fault.remaining, int) or fault.remaining < 1:
            raise ValueError(f"times must be an int >= 1, not {fault.remaining!r}")
        with self._lock:
            self._faults.append(fault)

    # -- request handling, shared by the transport and the server ----------------------------------

    def _authorized(self, value: str | None) -> bool:
        scheme, _, token = (value or "").strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "token" or not token:
            return False
        return self.token is None or token == self.token

    def _arrive(self, method: str, path: str, headers: Mapping[str, str]) -> _Ticket:
        """Step 1, when a request arrives: authenticate it and take the first fault it matches."""
        if not self._authorized(headers.get("authorization")):
            return _Ticket(False, None)
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        del self._faults[index]
                    return _Ticket(True, fault)
        return _Ticket(True, None)

    def _respond(self, method: str, path: str, headers: Mapping[str, str], raw: bytes, ticket: _Ticket) -> _Answer:
        """Step 2, after any stall: compute the answer (or a drop) and record the request."""
        ok, body = _parse_json(raw)
        fault = ticket.fault
        note = fault.describe() if fault is not None else None
        answer = _DROPPED  # replaced below unless a fault answers without processing
        try:
            if not ticket.authorized:
                given = "authorization" in headers
                detail = "Invalid token." if given else "Authentication credentials were not provided."
                answer = _error_answer(401, detail, _CODE_UNAUTHENTICATED, (("WWW-Authenticate", "Token"),))
            elif fault is None or fault.kind == "stall" or fault.apply:
                answer = self._route(method, path, body if ok or raw == b"" else _NOT_JSON)
                if fault is not None and fault.apply:
                    note = f"{note} after {answer.status}"
        except Exception:  # a bug in the fake must not hang or crash the client
            answer = _error_answer(500, "FakeProlific failed handling this request.", _CODE_INTERNAL)
        if fault is not None and fault.kind == "fail":
            answer = _Answer(fault.status, fault.headers, fault.body)
        elif fault is not None and fault.kind == "drop":
            answer = _DROPPED
        record = RecordedRequest(method, path, None if answer.drop else answer.status, dict(headers), body, note)
        with self._lock:
            self.requests.append(record)
        return answer

    def _cut_short(self, method: str, path: str, headers: Mapping[str, str], raw: bytes, ticket: _Ticket) -> _Answer:
        """A stalled request whose server is shutting down: record it, process nothing, drop it."""
        note = f"{ticket.fault.describe()} cut short by serve() exit" if ticket.fault is not None else None
        record = RecordedRequest(method, path, None, dict(headers), _parse_json(raw)[1], note)
        with self._lock:
            self.requests.append(record)
        return _DROPPED

    def _route(self, method: str, path: str, body: Any) -> _Answer:
        handler: Callable[[dict[str, Any]], _Answer]
        if path == _POOLS:
            allowed, handler = "POST", self._create_pool
        elif path == _GROUPS:
            allowed, handler = "POST", self._create_group
        elif path == _INVITATIONS:
            allowed, handler = "POST", self._invite
        elif path.startswith(_POOLS) and path.endswith("/") and _is_segment(path[len(_POOLS) : -1]):
            pool_id = unquote(path[len(_POOLS) : -1])
            allowed, handler = "PATCH", lambda b: self._update_pool(pool_id, b)
        else:
            return _error_answer(404, "Not found.", _CODE_NOT_FOUND)
        if method != allowed:
            return _error_answer(405, f'Method "{method}" not allowed.', _CODE_METHOD, (("Allow", allowed),))
        if body is _NOT_JSON:
            return _error_answer(400, "JSON parse error: the request body is not valid JSON.", _CODE_MALFORMED)
        if not isinstance(body, dict):
            return _error_answer(400, "The request body must be a JSON object.", _CODE_MALFORMED)
        return handler(body)

    # -- endpoints ------------------------------------------------------------------------------

    def _create_pool(self, body: dict[str, Any]) -> _Answer:
        errors: dict[str, list[str]] = {}
        workspace = _text_field(body, "workspace_id", errors)
        pairs = _credentials_field(body, errors)
        if errors or workspace is None or pairs is None:
            return _error_answer(400, errors, _CODE_VALIDATION)
        names = [username for username, _ in pairs]
        unique = set(names)
        if len(unique) != len(names):
            return _error_answer(409, _repeats_detail(names), _CODE_DUPLICATE_IN_REQUEST)
        pool_id = f"{workspace}_{uuid.uuid4().hex}"
        with self._lock:
            self.pools[pool_id] = pairs
            self.pool_workspaces[pool_id] = workspace
            self._usernames[pool_id] = unique
        return _json_answer(201, {"credential_pool_id": pool_id})

    def _update_pool(self, pool_id: str, body: dict[str, Any]) -> _Answer:
        if pool_id not in self.pools:
            return _error_answer(404, "Credential pool not found.", _CODE_POOL_NOT_FOUND)
        errors: dict[str, list[str]] = {}
        pairs = _credentials_field(body, errors)
        if errors or pairs is None:
            return _error_answer(400, errors, _CODE_VALIDATION)
        names = [username for username, _ in pairs]
        unique = set(names)
        if len(unique) != len(names):
            return _error_answer(409, _repeats_detail(names), _CODE_DUPLICATE_IN_REQUEST)
        with self._lock:  # check and store as one step: all or nothing
            existing = self._usernames.get(pool_id)
            if existing is None:
                return _error_answer(404, "Credential pool not found.", _CODE_POOL_NOT_FOUND)
            if not existing.isdisjoint(unique):
                lines = [n for n, name in enumerate(names, 1) if name in existing]
                detail = (
                    f"Duplicate credentials detected: {len(lines)} username(s) already exist in this "
                    f"credential pool ({_lines(lines)}). Nothing was stored."
                )
                return _error_answer(409, detail, _CODE_DUPLICATE_IN_POOL)
            existing |= unique
            self.pools[pool_id].extend(pairs)
        return _json_answer(200, {"credential_pool_id": pool_id})

    def _create_group(self, body: dict[str, Any]) -> _Answer:
        errors: dict[str, list[str]] = {}
        name = _text_field(body, "name", errors)
        if name is not None and not name.strip():
            errors["name"] = ["This field may not be blank."]
        workspace = _text_field(body, "workspace_id", errors, required=False)
        organisation = _text_field(body, "organisation_id", errors, required=False)
        description = body.get("description")
        if description is not None and not isinstance(description, str):
            errors["description"] = ["Not a valid string."]
        ids = body.get("participant_ids")
        if ids is None:
            ids = []
        elif not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
            errors["participant_ids"] = ["Expected a list of non-empty strings."]
        if errors:
            return _error_answer(400, errors, _CODE_VALIDATION)
        if (workspace is None) == (organisation is None):
            detail = "Either a workspace or organisation ID must be specified, not both."
            return _error_answer(400, detail, _CODE_VALIDATION)
        group: dict[str, Any] = {
            "id": uuid.uuid4().hex[:24],
            "name": name,
            "project_id": None,
            "workspace_id": workspace,
            "organisation_id": organisation,
            "description": description,
            "participant_count": len(ids),
            "is_deleted": False,
            "feeder_studies": [],
        }
        with self._lock:
            self.participant_groups[group["id"]] = group
        return _json_answer(201, group)

    def _invite(self, body: dict[str, Any]) -> _Answer:
        errors: dict[str, list[str]] = {}
        association = _text_field(body, "association", errors)
        emails = body.get("emails")
        if emails is None:
            errors["emails"] = ["This field is required."]
        elif not isinstance(emails, list) or not all(isinstance(e, str) and e for e in emails):
            errors["emails"] = ["Expected a list of email addresses."]
        elif not emails:
            errors["emails"] = ["This list may not be empty."]
        role = body.get("role")
        if role is None:
            errors["role"] = ["This field is required."]
        elif role not in _ROLES:
            shown = role if isinstance(role, str) else type(role).__name__
            errors["role"] = [f'"{shown}" is not a valid choice (WORKSPACE_ADMIN or WORKSPACE_COLLABORATOR).']
        if errors or association is None or not isinstance(emails, list):
            return _error_answer(400, errors, _CODE_VALIDATION)
        created = [
            {
                "association": association,
                "invitee": {"id": uuid.uuid4().hex[:24], "name": email.partition("@")[0], "email": email},
                "invited_by": "fake-admin",
                "status": "INVITED",
                "invite_link": f"https://app.prolific.com/invitations/{uuid.uuid4().hex}",
                "role": role,
            }
            for email in emails
        ]
        with self._lock:
            self.invitations.extend(created)
        return _json_answer(201, {"invitations": created})

    # -- the real server ------------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
        """Run a real HTTP/1.1 server for this fake in a daemon thread; yield its base URL.

        ``port=0`` picks a free port. On exit the server stops, open keep-alive connections are
        closed and stalled requests are cut short (their connections dropped). The token check
        stays on, but keep it on loopback: the fake is not meant to face a network.

        >>> import httpx
        >>> fake = FakeProlific()
        >>> with fake.serve() as url:
        ...     httpx.post(f"{url}/api/v1/invitations/", headers={"Authorization": "Token t"},
        ...                json={"association": "ws1", "emails": ["a@example.org"],
        ...                      "role": "WORKSPACE_ADMIN"}).status_code
        201
        """
        server = _Server(host, port, self)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, name="FakeProlific-server", daemon=True
        )
        thread.start()
        try:
            yield server.url
        finally:
            server.stop()
            thread.join(timeout=5)

    def serve_forever(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        ready: Callable[[str], object] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        """Serve over HTTP (see :meth:`serve`) until Ctrl-C or until ``stop`` is set, then return.

        ``ready(url)`` is called once the server listens (e.g. to print the URL). For a CLI::

            FakeProlific().serve_forever(8000, ready=lambda url: print(f"listening on {url}"))
        """
        stop = stop if stop is not None else threading.Event()
        with self.serve(port, host) as url:
            if ready is not None:
                ready(url)
            with contextlib.suppress(KeyboardInterrupt):
                stop.wait()


class _NotJSON:
    """Marker: the body was present but not JSON."""


_NOT_JSON = _NotJSON()


def _is_segment(text: str) -> bool:
    return bool(text) and "/" not in text


def _parse_json(raw: bytes) -> tuple[bool, Any]:
    if not raw:
        return False, None
    try:
        return True, json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return False, None


def _filters(method: str | None, path: str | None) -> tuple[str | None, str | None]:
    if method is not None and (not isinstance(method, str) or not method):
        raise ValueError("method must be a non-empty string or None")
    if path is not None and (not isinstance(path, str) or not path.startswith("/")):
        raise ValueError("path must start with '/' (e.g. '/api/v1/credentials/') or be None")
    return (method.upper() if method else None), path


def _check_headers(headers: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    out = []
    for name, value in (headers or {}).items():
        text = str(value)
        if not isinstance(name, str) or not name.isascii() or not name or any(c in name for c in ":\r\n \t"):
            raise ValueError(f"invalid header name {name!r}")
        if not text.isascii() or "\r" in text or "\n" in text:
            raise ValueError(f"header {name!r}: the value must be ASCII on one line")
        if name.lower() in _RESERVED_HEADERS:
            raise ValueError(f"header {name!r} is set by the fake itself")
        out.append((name, text))
    return tuple(out)


def _text_field(body: dict[str, Any], name: str, errors: dict[str, list[str]], *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            errors[name] = ["This field is required."]
        return None
    if not isinstance(value, str):
        errors[name] = ["Not a valid string."]
        return None
    if not value:
        errors[name] = ["This field may not be blank."]
        return None
    return value


def _credentials_field(body: dict[str, Any], errors: dict[str, list[str]]) -> list[tuple[str, str]] | None:
    """Split the CSV text strictly: every line exactly ``username,password``, both non-empty.

    Error messages name line numbers only, never line content (it may hold a password).
    """
    text = _text_field(body, "credentials", errors)
    if text is None:
        return None
    if "\r" in text:
        number = text[: text.index("\r")].count("\n") + 1
        errors["credentials"] = [f"Line {number}: carriage return found; lines must be separated by \\n only."]
        return None
    pairs: list[tuple[str, str]] = []
    append = pairs.append
    for number, line in enumerate(text.split("\n"), 1):
        username, _, password = line.partition(",")
        if not username or not password or "," in password:
            what = "is empty" if not line else "must be exactly two non-empty comma-separated fields"
            errors["credentials"] = [f"Line {number} {what} (expected username,password)."]
            return None
        append((username, password))
    return pairs


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:_MAX_LINES_SHOWN]))
    more = len(numbers) - _MAX_LINES_SHOWN
    return f"line{'s' if len(numbers) > 1 else ''} {shown}" + (f" and {more} more" if more > 0 else "")


def _repeats_detail(names: list[str]) -> str:
    seen: set[str] = set()
    lines = []
    for number, name in enumerate(names, 1):
        if name in seen:
            lines.append(number)
        seen.add(name)
    return (
        f"Duplicate credentials detected: {_lines(lines)} repeat a username given earlier in the "
        "request. Nothing was stored."
    )


class _FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """One transport for ``httpx.Client`` and ``httpx.AsyncClient``; only the stall's sleep differs.

    Closing a client does not close the fake: the transport can be reused by later clients.
    """

    def __init__(self, fake: FakeProlific) -> None:
        self._fake = fake

    def __repr__(self) -> str:
        return f"<FakeProlific transport: {self._fake!r}>"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in-process (sync clients)."""
        method, path, headers = _describe(request)
        raw = request.read()
        ticket = self._fake._arrive(method, path, headers)
        if ticket.stall:
            time.sleep(ticket.stall)
        return _to_response(request, self._fake._respond(method, path, headers, raw, ticket))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in-process (async clients); a stall does not block the event loop."""
        method, path, headers = _describe(request)
        raw = await request.aread()
        ticket = self._fake._arrive(method, path, headers)
        if ticket.stall:
            await asyncio.sleep(ticket.stall)
        return _to_response(request, self._fake._respond(method, path, headers, raw, ticket))


def _describe(request: httpx.Request) -> tuple[str, str, dict[str, str]]:
    path = request.url.raw_path.decode("ascii").partition("?")[0]
    return request.method, path, {k.lower(): v for k, v in request.headers.items()}


def _to_response(request: httpx.Request, answer: _Answer) -> httpx.Response:
    if answer.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    body = b"" if request.method == "HEAD" or answer.status in _NO_BODY_STATUSES else answer.body
    return httpx.Response(
        answer.status,
        headers=list(answer.headers),
        content=body,
        request=request,
        # "prolific_fake": the package's debug log says the answer came from here, not from Prolific.
        extensions={
            "http_version": b"HTTP/1.1",
            "reason_phrase": _reason(answer.status).encode(),
            "prolific_fake": True,
        },
    )


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer tuned for tests and benchmarks: no reverse DNS, big backlog, daemon threads."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024

    def __init__(self, host: str, port: int, fake: FakeProlific) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.fake = fake
        self.closing = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
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
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Silent: a client closing its connection is normal here; the fake's own bugs answer 500."""

    def stop(self) -> None:
        """Stop accepting, wake stalled handlers, close every open connection, free the port."""
        self.closing.set()
        self.shutdown()
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()


class _BadRequest(Exception):
    """The request's framing is broken (e.g. a non-numeric Content-Length)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every answer has a Content-Length
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: no stderr noise in tests or benchmarks."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by http.server itself (bad request line, unknown method) in Prolific's shape."""
        self.close_connection = True
        self._send(_error_answer(code, message or _reason(code), code * 100))

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
            self._send(_error_answer(400, str(exc), _CODE_MALFORMED))
            return
        fake = self.server.fake
        method, path = self.command, self.path.partition("?")[0]
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            ticket = fake._arrive(method, path, headers)
            if ticket.stall and self.server.closing.wait(ticket.stall):
                answer = fake._cut_short(method, path, headers, raw, ticket)  # serve() is exiting
            else:
                answer = fake._respond(method, path, headers, raw, ticket)
        except Exception:
            answer = _error_answer(500, "FakeProlific failed handling this request.", _CODE_INTERNAL)
        if answer.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(answer)

    def _send(self, answer: _Answer) -> None:
        status = answer.status
        head = [f"HTTP/1.1 {status} {_reason(status)}\r\n"]
        head += [f"{name}: {value}\r\n" for name, value in answer.headers]
        body = answer.body
        if status in _NO_BODY_STATUSES:
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

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _serve
