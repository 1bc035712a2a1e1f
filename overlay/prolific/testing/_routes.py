"""The route table: every operation of the generated registry, matched by method and path template.

Paths and methods come from ``prolific_api_client.operations.OPERATIONS`` (never written here), so
an operation added to the spec is routed (and answered from its documented schema until it has a
handler) without an edit. A template like ``/api/v1/studies/{id}/`` matches one non-empty path
segment per parameter; where two templates match a path, the one with more literal segments wins
(``/api/v1/studies/predicted-recruitment-time/`` over ``/api/v1/studies/{id}/``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias
from urllib.parse import parse_qsl, unquote

import httpx

from prolific_api_client.operations import Operation

from ._answers import JSON, NO_CONTENT, Answer, error_payload, json_answer
from ._recording import REDACTED_HEADERS, redact_body

# Leading literal segments used to index the templates (after "api", "v1": the resource name).
_INDEXED = 3
# Headers httpx computes for a Response that the fake computes itself when sending.
_FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding", "connection"})


@dataclass(frozen=True, slots=True)
class Incoming:
    """A request as the transport or the server received it, before routing."""

    method: str
    path: str  # raw (percent-encoded), without the query
    query: str  # raw
    headers: dict[str, str]  # lower-case names
    content: bytes
    url: str

    def query_params(self) -> dict[str, str]:
        """The query parameters (the last value of a repeated name)."""
        return dict(parse_qsl(self.query, keep_blank_values=True)) if self.query else {}


@dataclass(frozen=True, slots=True)
class FakeRequest:
    """A request as a route handler sees it (``fake.route(operation_id, handler)``).

    ``operation`` is the matched :class:`~prolific_api_client.operations.Operation` (its
    ``operation_id``, ``method``, ``path`` template, ...); ``path_params`` the template's
    parameters, URL-decoded (``{"id": "..."}``); ``query`` the query parameters (the last value of a
    repeated name); ``headers`` lower-case names; ``body`` the parsed JSON body (``None`` when there
    was none or it was not JSON: see ``content``); ``url`` the full request URL.

    Its ``repr`` hides the ``Authorization`` header and any ``credentials`` field.
    """

    operation: Operation[Any]
    method: str
    path: str
    path_params: Mapping[str, str]
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: Any
    content: bytes
    url: str

    def __repr__(self) -> str:
        headers = {k: ("<redacted>" if k in REDACTED_HEADERS else v) for k, v in self.headers.items()}
        return (
            f"FakeRequest(operation_id={self.operation.operation_id!r}, method={self.method!r}, "
            f"path={self.path!r}, path_params={dict(self.path_params)!r}, query={dict(self.query)!r}, "
            f"headers={headers!r}, body={redact_body(self.body)})"
        )


#: What a route handler returns: an ``httpx.Response`` (any status, headers, body), a dict or list
#: (sent as JSON with status 200), or ``None`` (204 No Content).
HandlerResult: TypeAlias = "httpx.Response | Mapping[str, Any] | list[Any] | None"
#: A route handler: ``handler(request: FakeRequest) -> httpx.Response | dict | list | None``.
Handler: TypeAlias = Callable[[FakeRequest], HandlerResult]


def error_response(status: int, detail: Any, *, error_code: int | None = None) -> httpx.Response:
    """An ``httpx.Response`` with Prolific's error body, for route handlers to return.

    ``detail``: a string, a list of strings or ``{"field": ["message", ...]}``.

    >>> r = error_response(404, "Workspace not found.")
    >>> r.status_code, r.json()["error"]["title"], r.json()["error"]["detail"]
    (404, 'Not Found', 'Workspace not found.')
    """
    code = error_code if error_code is not None else status * 100
    return httpx.Response(status, json=error_payload(status, detail, code))


def to_answer(result: object, operation_id: str) -> Answer:
    """A handler's result as what the fake sends; a result of another type raises ``TypeError``."""
    if isinstance(result, Answer):
        return result
    if result is None:
        return NO_CONTENT
    if isinstance(result, dict | list):
        return json_answer(200, result)
    if isinstance(result, Mapping):
        return json_answer(200, dict(result))
    if isinstance(result, httpx.Response):
        content = result.read()
        headers = tuple((k, v) for k, v in result.headers.multi_items() if k.lower() not in _FRAMING_HEADERS)
        if content and not any(k.lower() == "content-type" for k, _ in headers):
            headers = (JSON, *headers)
        return Answer(result.status_code, headers, content)
    raise TypeError(
        f"the handler for {operation_id} returned {type(result).__name__}; "
        "return an httpx.Response, a dict or list (JSON, status 200) or None (204)"
    )


@dataclass(frozen=True)
class _PathRoute:
    """One path template and the operations (one per method) it carries."""

    template: str
    segments: tuple[str | None, ...]  # None where the template has a parameter
    names: tuple[str, ...]  # the parameters, in path order
    literals: int
    methods: dict[str, Operation[Any]]

    def match(self, parts: list[str]) -> dict[str, str] | None:
        params: dict[str, str] | None = None
        names = iter(self.names)
        for expected, part in zip(self.segments, parts, strict=True):
            if expected is None:
                if not part:
                    return None
                if params is None:
                    params = {}
                params[next(names)] = unquote(part)
            elif expected != part:
                return None
        return params if params is not None else {}


@dataclass(frozen=True)
class Resolved:
    """The operation a request's method and path name, with the path's parameters."""

    operation: Operation[Any]
    params: dict[str, str]


@dataclass(frozen=True)
class NotAllowed:
    """The path is an API path, but not for this method."""

    allowed: tuple[str, ...]


class RouteTable:
    """Method + path → operation, for every operation given (normally the whole registry)."""

    def __init__(self, operations: Iterable[Operation[Any]]) -> None:
        by_template: dict[str, dict[str, Operation[Any]]] = {}
        for operation in operations:
            by_template.setdefault(operation.path, {})[operation.method.upper()] = operation
        self._index: dict[tuple[int, tuple[str, ...]], list[_PathRoute]] = {}
        for template, methods in by_template.items():
            parts = template.split("/")
            segments = tuple(None if _is_parameter(p) else p for p in parts)
            names = tuple(p[1:-1] for p in parts if _is_parameter(p))
            lead = 0
            while lead < _INDEXED and lead + 1 < len(segments) and segments[lead + 1] is not None:
                lead += 1
            key = (len(parts), tuple(parts[1 : 1 + lead]))
            route = _PathRoute(template, segments, names, len(parts) - len(names), methods)
            self._index.setdefault(key, []).append(route)
        for routes in self._index.values():
            routes.sort(key=lambda r: (-r.literals, r.template))

    def resolve(self, method: str, path: str) -> Resolved | NotAllowed | None:
        """The operation for ``method`` and ``path``; ``NotAllowed`` or ``None`` (no such path)."""
        parts = path.split("/")
        candidates: list[tuple[_PathRoute, dict[str, str]]] = []
        for lead in range(_INDEXED, -1, -1):
            for route in self._index.get((len(parts), tuple(parts[1 : 1 + lead])), ()):
                params = route.match(parts)
                if params is not None:
                    candidates.append((route, params))
        if not candidates:
            return None
        candidates.sort(key=lambda c: -c[0].literals)
        for route, params in candidates:
            operation = route.methods.get(method)
            if operation is not None:
                return Resolved(operation, params)
        return NotAllowed(tuple(sorted({m for route, _ in candidates for m in route.methods})))


def _is_parameter(segment: str) -> bool:
    return len(segment) > 2 and segment[0] == "{" and segment[-1] == "}"
