"""The request pipeline of a :class:`~prolific.testing.FakeProlific`: one object both ways in share.

The in-process transport (:mod:`._transport`) and the loopback HTTP server (:mod:`._server`) each
turn what arrived into an :class:`~._routes.Incoming` and hand it to the fake's
:class:`Dispatcher`:

1. :meth:`Dispatcher.arrive`: route it, authenticate it, take the first fault it matches (a
   :class:`Ticket`);
2. after any stall the transport or server waits out itself: :meth:`Dispatcher.respond` computes
   the answer (the store's handler, a handler given to ``fake.route``, the documented answer the
   :class:`~._synth.Synthesizer` builds for an operation no store models, or a fault) and records
   the request; or, when ``serve()`` exits during a stall, :meth:`Dispatcher.cut_short` records it
   and drops it.

It knows the fake's configuration and records (token, faults, handlers, ``requests``,
``exceptions``) but not the fake itself: nothing here imports ``_fake``, ``_transport`` or ``_server``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._answers import (
    CODE_INTERNAL,
    CODE_MALFORMED,
    CODE_METHOD,
    CODE_NOT_FOUND,
    CODE_UNAUTHENTICATED,
    DROPPED,
    Answer,
    error_answer,
)
from ._demo import ADMIN_PREFIX
from ._faults import Fault, FaultQueue
from ._recording import RecordedRequest
from ._routes import FakeRequest, Handler, Incoming, NotAllowed, Resolved, RouteTable, to_answer
from ._synth import Synthesizer
from ._validate import check_request


class _NotJSON:
    """Marker: the body was present but not JSON."""


_NOT_JSON = _NotJSON()


@dataclass(frozen=True)
class Ticket:
    """Decided when a request arrives: its route, whether it is authenticated, which fault it consumed."""

    authorized: bool
    fault: Fault | None
    route: Resolved | NotAllowed | None

    @property
    def stall(self) -> float:
        return self.fault.seconds if self.fault is not None and self.fault.kind == "stall" else 0.0

    @property
    def operation_id(self) -> str | None:
        return self.route.operation.operation_id if isinstance(self.route, Resolved) else None


class Dispatcher:
    """Answers one request at a time for a fake, in two steps (see the module docstring).

    ``routes``: the route table; ``token``: the only token accepted (None: any); ``faults``: the
    queue ``fail_next``/``drop_next``/``stall_next`` fill; ``builtin``/``custom``: operation id →
    handler (the stores', ``fake.route``'s); ``requests``/``exceptions``: where each request and
    each exception a handler raised are recorded. ``lock`` guards the stores' state.
    ``synthesizer`` answers the operations no handler answers (default: one with seed 0 that sees
    no state but ``builtin``).
    """

    def __init__(
        self,
        routes: RouteTable,
        *,
        token: str | None,
        public: frozenset[str] = frozenset(),
        admin: Callable[[Incoming, Any], Answer] | None = None,
        check_requests: bool = True,
        lock: threading.RLock,
        faults: FaultQueue,
        builtin: dict[str, Callable[[FakeRequest], Answer]],
        custom: dict[str, Handler],
        requests: list[RecordedRequest],
        exceptions: list[BaseException],
        synthesizer: Synthesizer | None = None,
    ) -> None:
        self.routes = routes
        self.token = token
        self.public = public  # operations the API answers without a token (the study JWKS)
        self.admin = admin  # the fake's own seeding paths (ADMIN_PREFIX): not an API operation
        self.check_requests = check_requests
        self.lock = lock
        self.faults = faults
        self.builtin = builtin
        self.custom = custom
        self.requests = requests
        self.exceptions = exceptions
        self.synthesizer = synthesizer if synthesizer is not None else Synthesizer(modelled=builtin)

    def _authorized(self, value: str | None) -> bool:
        scheme, _, token = (value or "").strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "token" or not token:
            return False
        return self.token is None or token == self.token

    def arrive(self, incoming: Incoming) -> Ticket:
        """Step 1, when a request arrives: route it, authenticate it, take the first fault it matches."""
        route = self.routes.resolve(incoming.method, incoming.path)
        public = isinstance(route, Resolved) and route.operation.operation_id in self.public
        if not public and not self._authorized(incoming.headers.get("authorization")):
            return Ticket(False, None, route)
        operation_id = route.operation.operation_id if isinstance(route, Resolved) else None
        return Ticket(True, self.faults.take(incoming.method, incoming.path, operation_id), route)

    def respond(self, incoming: Incoming, ticket: Ticket) -> Answer:
        """Step 2, after any stall: compute the answer (or a drop) and record the request."""
        ok, body = _parse_json(incoming.content)
        fault = ticket.fault
        note = fault.describe() if fault is not None else None
        answer = DROPPED  # replaced below unless a fault answers without processing
        try:
            if not ticket.authorized:
                given = "authorization" in incoming.headers
                detail = "Invalid token." if given else "Authentication credentials were not provided."
                answer = error_answer(401, detail, CODE_UNAUTHENTICATED, (("WWW-Authenticate", "Token"),))
            elif fault is None or fault.kind == "stall" or fault.apply:
                answer = self.route(ticket.route, incoming, body if ok or not incoming.content else _NOT_JSON)
                if fault is not None and fault.apply:
                    note = f"{note} after {answer.status}"
        except Exception as exc:  # a bug in the fake must not hang or crash the client
            self.exceptions.append(exc)
            answer = error_answer(500, "FakeProlific failed handling this request.", CODE_INTERNAL)
        if fault is not None and fault.kind == "fail":
            answer = Answer(fault.status, fault.headers, fault.body)
        elif fault is not None and fault.kind == "drop":
            answer = DROPPED
        self.record(incoming, None if answer.drop else answer.status, body, note, ticket)
        return answer

    def cut_short(self, incoming: Incoming, ticket: Ticket) -> Answer:
        """A stalled request whose server is shutting down: record it, process nothing, drop it."""
        note = f"{ticket.fault.describe()} cut short by serve() exit" if ticket.fault is not None else None
        self.record(incoming, None, _parse_json(incoming.content)[1], note, ticket)
        return DROPPED

    def record(self, incoming: Incoming, status: int | None, body: Any, note: str | None, ticket: Ticket) -> None:
        record = RecordedRequest(
            incoming.method,
            incoming.path,
            status,
            dict(incoming.headers),
            body,
            note,
            incoming.query_params(),
            ticket.operation_id,
        )
        with self.lock:
            self.requests.append(record)

    def route(self, route: Resolved | NotAllowed | None, incoming: Incoming, body: Any) -> Answer:
        """The answer of the operation the request names: its handler's or the synthesized one, or 404 / 405 / 400."""
        if route is None:
            if self.admin is not None and incoming.path.startswith(ADMIN_PREFIX):
                return self.admin(incoming, None if body is _NOT_JSON else body)
            return error_answer(404, f"Not found: no API operation has the path {incoming.path}.", CODE_NOT_FOUND)
        if isinstance(route, NotAllowed):
            allowed = ", ".join(route.allowed)
            return error_answer(
                405,
                f'Method "{incoming.method}" not allowed on {incoming.path} (allowed: {allowed}).',
                CODE_METHOD,
                (("Allow", allowed),),
            )
        operation = route.operation
        operation_id = operation.operation_id
        request = FakeRequest(
            operation,
            incoming.method,
            incoming.path,
            route.params,
            incoming.query_params(),
            incoming.headers,
            None if body is _NOT_JSON else body,
            incoming.content,
            incoming.url,
        )
        custom = self.custom.get(operation_id)
        if self.check_requests:
            refused = check_request(request, bool(incoming.content) and body is not _NOT_JSON)
            if refused is not None:
                return refused
        if custom is not None:
            try:
                return to_answer(custom(request), operation_id)
            except Exception as exc:  # the message could hold anything: keep it out of the answer
                self.exceptions.append(exc)
                return error_answer(
                    500,
                    f"The handler given to fake.route({operation_id!r}, ...) raised {type(exc).__name__}; "
                    "the exception is in fake.exceptions.",
                    CODE_INTERNAL,
                )
        handler = self.builtin.get(operation_id)
        if handler is None:  # no store models it: its documented success answer, made up (see _synth)
            if operation.has_body and body is _NOT_JSON:
                return error_answer(400, "JSON parse error: the request body is not valid JSON.", CODE_MALFORMED)
            with self.lock:
                return self.synthesizer.answer(request)
        if operation.has_body:
            if body is _NOT_JSON:
                return error_answer(400, "JSON parse error: the request body is not valid JSON.", CODE_MALFORMED)
            if not isinstance(body, dict):
                return error_answer(400, "The request body must be a JSON object.", CODE_MALFORMED)
        with self.lock:
            return handler(request)


def _parse_json(raw: bytes) -> tuple[bool, Any]:
    if not raw:
        return False, None
    try:
        return True, json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return False, None
