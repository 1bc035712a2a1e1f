"""The fault queue: injected statuses, dropped connections and stalls, consumed one request at a time.

A fault applies to API requests only: the fake's own admin paths (``/__fake__/...``) never consume
one, so a shell can queue a fault and then read the records without using it up.
"""

from __future__ import annotations

import fnmatch
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._answers import CODE_INJECTED, Headers, error_payload
from ._demo import ADMIN_PREFIX

# Headers the fake computes itself; a fault may not set them (it would break the HTTP framing).
_RESERVED_HEADERS = frozenset({"content-length", "transfer-encoding", "connection"})


@dataclass
class Fault:
    """One queued fault; ``remaining`` counts the requests it still applies to."""

    kind: str  # "fail" | "drop" | "stall"
    remaining: int
    method: str | None
    path: str | None
    operation: str | None = None
    status: int = 0
    headers: Headers = ()
    body: bytes = b""
    apply: bool = False
    seconds: float = 0.0

    def matches(self, method: str, path: str, operation_id: str | None) -> bool:
        """Whether a request with this method, path and operation consumes the fault."""
        if self.method is not None and self.method != method:
            return False
        if self.operation is not None and self.operation != operation_id:
            return False
        return self.path is None or self.path == path or fnmatch.fnmatchcase(path, self.path)

    def describe(self) -> str:
        """How the fault was asked for, e.g. ``fail_next(502, after_apply=True)``."""
        if self.kind == "stall":
            return f"stall_next({self.seconds:g})"
        args = f"{self.status}" if self.kind == "fail" else ""
        if self.apply:
            args += ", after_apply=True" if args else "after_apply=True"
        return f"{self.kind}_next({args})"

    def summary(self) -> dict[str, Any]:
        """The fault as JSON-ready data (what ``GET /__fake__/faults`` lists)."""
        retry_after = next((value for name, value in self.headers if name.lower() == "retry-after"), None)
        return {
            "kind": self.kind,
            "describe": self.describe(),
            "remaining": self.remaining,
            "status": self.status if self.kind == "fail" else None,
            "retry_after": retry_after,
            "after_apply": self.apply,
            "seconds": self.seconds if self.kind == "stall" else None,
            "method": self.method,
            "path": self.path,
            "operation": self.operation,
        }


class FaultQueue:
    """Faults in the order they were queued; each request takes the first one it matches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        """Queue ``fault`` (``times`` must be an int >= 1)."""
        if isinstance(fault.remaining, bool) or not isinstance(fault.remaining, int) or fault.remaining < 1:
            raise ValueError(f"times must be an int >= 1, not {fault.remaining!r}")
        with self._lock:
            self._faults.append(fault)

    def take(self, method: str, path: str, operation_id: str | None) -> Fault | None:
        """Consume one use of the first matching fault (never for the fake's admin paths)."""
        if not self._faults or path.startswith(ADMIN_PREFIX):  # the common case, without the lock
            return None
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.matches(method, path, operation_id):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        del self._faults[index]
                    return fault
        return None

    @property
    def pending(self) -> int:
        """How many fault uses are still waiting."""
        with self._lock:
            return sum(f.remaining for f in self._faults)

    def queued(self) -> list[Fault]:
        """The faults still waiting, in the order they apply."""
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        """Forget every queued fault."""
        with self._lock:
            self._faults.clear()


def fail_fault(
    status: int,
    times: int,
    *,
    retry_after: str | float | None,
    body: bytes | str | dict[str, Any] | list[Any] | None,
    headers: Mapping[str, str] | None,
    apply: bool,
    method: str | None,
    path: str | None,
    operation: str | None,
) -> Fault:
    """The fault ``FakeProlific.fail_next`` queues, its arguments checked."""
    if isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 999:
        raise ValueError(f"status must be an int from 200 to 999, not {status!r}")
    extra = check_headers(headers)
    if retry_after is not None:
        extra = (*(h for h in extra if h[0].lower() != "retry-after"), ("Retry-After", str(retry_after)))
        check_headers(dict(extra[-1:]))
    if body is None:
        payload = json.dumps(error_payload(status, "Fault injected by FakeProlific.fail_next().", CODE_INJECTED))
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
    return Fault(
        "fail", times, *filters(method, path), operation, status=status, headers=extra, body=content, apply=apply
    )


def filters(method: str | None, path: str | None) -> tuple[str | None, str | None]:
    """The ``method`` / ``path`` filters of a fault, checked (the method upper-cased)."""
    if method is not None and (not isinstance(method, str) or not method):
        raise ValueError("method must be a non-empty string or None")
    if path is not None and (not isinstance(path, str) or not path.startswith("/")):
        raise ValueError("path must start with '/' (e.g. '/api/v1/credentials/') or be None")
    return (method.upper() if method else None), path


def check_headers(headers: Mapping[str, str] | None) -> Headers:
    """Headers a fault may send: ASCII, one line each, none that the HTTP framing depends on."""
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
