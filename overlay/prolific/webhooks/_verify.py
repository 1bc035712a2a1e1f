"""Checking a webhook request: the HMAC-SHA256 signature over the raw body, the timestamp window, the JSON.

Prolific signs ``timestamp + body`` (the ``X-Prolific-Request-Timestamp`` header's text followed
directly by the body bytes) with the workspace secret (its UTF-8 bytes) and sends the base64 digest
as ``X-Prolific-Request-Signature``. Verification uses the bytes as received: re-encoding the parsed
JSON (as Prolific's own example does with ``json.dumps``) gives other bytes whenever the sender's
spacing or key order differs, and then a genuine event fails.
"""

from __future__ import annotations

import base64
import hmac
import json
import time
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from .._errors import InvalidArgumentError, WebhookVerificationError
from ._events import WebhookEvent

SIGNATURE_HEADER = "X-Prolific-Request-Signature"
TIMESTAMP_HEADER = "X-Prolific-Request-Timestamp"
EVENT_ID_HEADER = "X-Event-ID"
ORDER_HEADER = "X-Timestamp"
#: Seconds a signed timestamp may be away from now (either way). Prolific documents no window;
#: 300 s is Stripe's, long enough for clock skew and a queued retry, short enough against replays.
DEFAULT_TOLERANCE = 300

Headers: TypeAlias = Mapping[str, str] | Iterable[tuple[str | bytes, str | bytes]]


def _key(secret: str | bytes) -> bytes:
    if type(secret) is str:
        secret = secret.encode("utf-8")
    if not isinstance(secret, bytes) or not secret:
        raise InvalidArgumentError("secret must be the workspace's webhook secret (a non-empty str)")
    return secret


def sign(body: bytes, secret: str | bytes, timestamp: int | str) -> str:
    """The ``X-Prolific-Request-Signature`` value for ``body`` sent at ``timestamp`` (what Prolific computes).

    >>> sign(b'{"a": 1}', "s3cret-example", 1700000000)
    'XD/Z8XUb+RCU9YR86dGuRYVv/ry2+4Ut7iObNJJdsMw='
    """
    message = str(timestamp).encode("ascii") + body
    return base64.b64encode(hmac.digest(_key(secret), message, "sha256")).decode("ascii")


def signed_headers(
    body: bytes, secret: str | bytes, *, timestamp: int | None = None, event_id: str | None = None
) -> dict[str, str]:
    """The headers a genuine delivery of ``body`` carries (for tests, and FakeProlific's deliveries).

    >>> sorted(signed_headers(b"{}", "s3cret-example", timestamp=1, event_id="e1"))
    ['Content-Type', 'X-Event-ID', 'X-Prolific-Request-Signature', 'X-Prolific-Request-Timestamp', 'X-Timestamp']
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(stamp),
        SIGNATURE_HEADER: sign(body, secret, stamp),
        ORDER_HEADER: str(stamp),
    }
    if event_id is not None:
        headers[EVENT_ID_HEADER] = event_id
    return headers


_NAMES = (SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_ID_HEADER, ORDER_HEADER)
_LOWER = tuple(name.lower() for name in _NAMES)


def _read(headers: Headers) -> list[Any]:
    """The values of the four headers (``None`` where absent), names matched in any case.

    First by the names as Prolific spells them or in lower case (one ``get`` each: this runs on
    every request, and case-insensitive mappings such as ``httpx.Headers`` answer any case);
    a header still missing sends the lookup through every name.
    """
    if type(headers) is dict or isinstance(headers, Mapping):
        get = headers.get
        values = [get(SIGNATURE_HEADER), get(TIMESTAMP_HEADER), get(EVENT_ID_HEADER), get(ORDER_HEADER)]
        if None not in values:
            return values
        pairs: Iterable[tuple[Any, Any]] = headers.items()
    else:
        pairs = headers
    found: dict[str, Any] = {}
    for name, value in pairs:
        found[(name.decode("latin-1") if isinstance(name, bytes) else str(name)).lower()] = value
    return [found.get(name) for name in _LOWER]


def _text(value: Any) -> str:
    """A header value as text (bytes decoded as Latin-1, as HTTP/1.1 sends them)."""
    return value if type(value) is str else value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _missing(name: str) -> WebhookVerificationError:
    return WebhookVerificationError(f"webhook refused: the {name} header is missing", code="missing_header")


def verify(
    body: bytes,
    headers: Headers,
    secret: str | bytes,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """Check a webhook request as received and return its event; else :class:`~prolific.WebhookVerificationError`.

    ``body``: the raw request body (bytes, exactly as received: not re-encoded JSON). ``headers``:
    a mapping or ``(name, value)`` pairs (str or bytes), names in any case. ``secret``: the
    workspace secret (``client.webhooks.ensure_secret(workspace_id)``). ``tolerance``: how many
    seconds the signed timestamp may be from ``now`` (default: the clock), in the past or the
    future; ``None`` turns the window off (replaying an old request then passes).

    The error's ``code`` says which check failed: ``missing_header``, ``bad_timestamp``, ``bad_signature``,
    ``outside_window`` or ``not_json``. Its message never holds the secret or the expected signature.

    >>> body = b'{"event_type": "study.status.change", "resource_id": "s1", "status": "ACTIVE"}'
    >>> headers = signed_headers(body, "s3cret-example", timestamp=1700000000, event_id="ev-1")
    >>> event = verify(body, headers, "s3cret-example", now=1700000010)
    >>> event.event_type, event.resource_id, event.status, event.event_id
    (<EventType.STUDY_STATUS_CHANGE: 'study.status.change'>, 's1', 'ACTIVE', 'ev-1')
    >>> from prolific import WebhookVerificationError
    >>> try:
    ...     verify(body.replace(b"ACTIVE", b"PAUSED"), headers, "s3cret-example", now=1700000010)
    ... except WebhookVerificationError as error:
    ...     print(error.code, "-", error)
    bad_signature - webhook refused: the signature does not match the body
    """
    if type(body) is not bytes and not isinstance(body, bytearray | memoryview):
        raise InvalidArgumentError(f"body must be the raw request bytes, got {type(body).__name__}")
    key = _key(secret)
    signature, stamp, event_id, sent_at = _read(headers)
    if signature is None:
        raise _missing(SIGNATURE_HEADER)
    if stamp is None:
        raise _missing(TIMESTAMP_HEADER)
    stamp = _text(stamp).strip()
    if not stamp.isdigit() or not stamp.isascii():
        raise WebhookVerificationError(
            f"webhook refused: {TIMESTAMP_HEADER} is not UNIX seconds (digits only)", code="bad_timestamp"
        )
    raw = body if type(body) is bytes else bytes(body)
    expected = base64.b64encode(hmac.digest(key, stamp.encode("ascii") + raw, "sha256"))
    if not hmac.compare_digest(expected, _text(signature).strip().encode("utf-8", "replace")):
        raise WebhookVerificationError("webhook refused: the signature does not match the body", code="bad_signature")
    sent = int(stamp)
    if tolerance is not None:
        skew = (time.time() if now is None else now) - sent
        if skew > tolerance:
            raise WebhookVerificationError(
                f"webhook refused: signed {skew:.0f} s ago, more than the {tolerance:g} s allowed (a replay?)",
                code="outside_window",
            )
        if -skew > tolerance:
            raise WebhookVerificationError(
                f"webhook refused: signed {-skew:.0f} s in the future, more than the {tolerance:g} s allowed "
                "(check this machine's clock)",
                code="outside_window",
            )
    try:
        payload: Any = json.loads(raw)
    except (ValueError, RecursionError):
        raise WebhookVerificationError("webhook refused: the body is not JSON", code="not_json") from None
    if not isinstance(payload, dict):
        raise WebhookVerificationError("webhook refused: the body is not a JSON object", code="not_json")
    if event_id is not None:
        event_id = _text(event_id)
    if sent_at is not None:
        sent_at = _text(sent_at)
    return WebhookEvent(payload, event_id=event_id, timestamp=sent, sent_at=sent_at, signed=(stamp, raw))
