"""``RecordedRequest``: what the fake received, with secrets hidden from repr/str."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

REDACTED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class RecordedRequest:
    r"""One request the fake received, as ``fake.requests`` lists them (in the order answered).

    ``method`` and ``path`` (no query string); ``status`` is what the client got (``None`` when the
    connection was dropped); ``headers`` has lower-case names and the real values; ``body`` is the
    parsed JSON body (``None`` if there was none or it was not JSON); ``fault`` describes the
    injected fault that applied (e.g. ``"fail_next(502, apply=True) after 201"``), else ``None``;
    ``query`` holds the query parameters (the last value of a repeated name); ``operation_id`` is
    the API operation the method and path matched (``None``: no operation has that path).

    ``repr``/``str`` redact the ``Authorization`` header and any ``credentials`` field, so a test
    can print requests without leaking the token or passwords:

    >>> r = RecordedRequest("POST", "/api/v1/credentials/", 201, {"authorization": "Token s3cret"},
    ...                     {"credentials": "alice,pw1\nbob,pw2", "workspace_id": "ws1"},
    ...                     operation_id="create-credential-pool")
    >>> print(r)  # doctest: +NORMALIZE_WHITESPACE
    RecordedRequest(method='POST', path='/api/v1/credentials/', status=201,
        headers={'authorization': '<redacted>'},
        body={'credentials': '<redacted: 2 lines>', 'workspace_id': 'ws1'}, fault=None,
        query={}, operation_id='create-credential-pool')
    """

    method: str
    path: str
    status: int | None
    headers: Mapping[str, str]
    body: Any
    fault: str | None = None
    query: Mapping[str, str] = field(default_factory=dict)
    operation_id: str | None = None

    def __repr__(self) -> str:
        headers = {k: ("<redacted>" if k.lower() in REDACTED_HEADERS else v) for k, v in self.headers.items()}
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, status={self.status!r}, "
            f"headers={headers!r}, body={redact_body(self.body)}, fault={self.fault!r}, "
            f"query={dict(self.query)!r}, operation_id={self.operation_id!r})"
        )

    __str__ = __repr__


def redact_body(body: Any) -> str:
    """The body's repr with any ``credentials`` text replaced by its line count."""
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
