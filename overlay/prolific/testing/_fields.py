"""Request checks shared by the handlers, with Prolific-style messages that never echo a secret."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

from ._answers import CODE_NOT_IMPLEMENTED, Answer, error_answer
from ._routes import FakeRequest

Errors = dict[str, list[str]]

MAX_SHOWN = 10
_PARTICIPANT_ID = re.compile(r"[0-9a-f]{24}")
REQUIRED = "This field is required."


def new_id() -> str:
    """A Prolific-style id: 24 hexadecimal characters."""
    return uuid.uuid4().hex[:24]


def now() -> str:
    """The current time in ISO 8601 (UTC), as the API writes it."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def text_field(body: dict[str, Any], name: str, errors: Errors, *, required: bool = True) -> str | None:
    """A non-empty string field (``None`` and an error in ``errors`` otherwise)."""
    value = body.get(name)
    if value is None:
        if required:
            errors[name] = [REQUIRED]
        return None
    if not isinstance(value, str):
        errors[name] = ["Not a valid string."]
        return None
    if not value:
        errors[name] = ["This field may not be blank."]
        return None
    return value


def name_field(body: dict[str, Any], name: str, errors: Errors, *, required: bool = True) -> str | None:
    """A text field that may not be blank or only spaces."""
    value = text_field(body, name, errors, required=required)
    if value is not None and not value.strip():
        errors[name] = ["This field may not be blank."]
        return None
    return value


def number_field(
    body: dict[str, Any], name: str, errors: Errors, *, integer: bool = False, required: bool = True
) -> int | float | None:
    """A number > 0 (an int when ``integer``)."""
    value = body.get(name)
    if value is None:
        if required:
            errors[name] = [REQUIRED]
        return None
    kinds = int if integer else int | float
    if isinstance(value, bool) or not isinstance(value, kinds):
        errors[name] = ["A valid integer is required." if integer else "A valid number is required."]
        return None
    if value <= 0:
        errors[name] = ["Ensure this value is greater than 0."]
        return None
    return value


def positions(numbers: list[int], noun: str) -> str:
    """``"line 3"``, ``"items 2, 5 and 7 more"``: at most ``MAX_SHOWN`` numbers."""
    shown = ", ".join(map(str, numbers[:MAX_SHOWN]))
    more = len(numbers) - MAX_SHOWN
    return f"{noun}{'s' if len(numbers) > 1 else ''} {shown}" + (f" and {more} more" if more > 0 else "")


def credentials_field(body: dict[str, Any], errors: Errors) -> list[tuple[str, str]] | None:
    """Split the CSV text strictly: every line exactly ``username,password``, both non-empty.

    Error messages name line numbers only, never line content (it may hold a password).
    """
    text = text_field(body, "credentials", errors)
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


def repeats_detail(names: list[str]) -> str:
    """The 409 detail for usernames repeated within one request (by line number)."""
    seen: set[str] = set()
    lines = []
    for number, name in enumerate(names, 1):
        if name in seen:
            lines.append(number)
        seen.add(name)
    return (
        f"Duplicate credentials detected: {positions(lines, 'line')} repeat a username given earlier in the "
        "request. Nothing was stored."
    )


def is_participant_id(value: object) -> bool:
    """A Prolific participant id: 24 lower-case hexadecimal characters."""
    return isinstance(value, str) and _PARTICIPANT_ID.fullmatch(value) is not None


def participant_ids_field(
    body: dict[str, Any], errors: Errors, *, required: bool = True, allow_empty: bool = False
) -> list[str] | None:
    """``participant_ids``: a list of participant ids; bad ones are named by position (1-based), not echoed."""
    value = body.get("participant_ids")
    if value is None:
        if required:
            errors["participant_ids"] = [REQUIRED]
        return None
    if not isinstance(value, list):
        errors["participant_ids"] = ["Expected a list of participant ids."]
        return None
    if not value and not allow_empty:
        errors["participant_ids"] = ["This list may not be empty."]
        return None
    bad = [number for number, item in enumerate(value, 1) if not is_participant_id(item)]
    if bad:
        errors["participant_ids"] = [
            f"{positions(bad, 'item').capitalize()} of the list {'are not' if len(bad) > 1 else 'is not a'} "
            f"participant id{'s' if len(bad) > 1 else ''} (24 hexadecimal characters expected)."
        ]
        return None
    return list(dict.fromkeys(value))  # in order, each once


def query_int(request: FakeRequest, name: str, default: int, errors: Errors, *, minimum: int) -> int:
    """An integer query parameter >= ``minimum``."""
    text = request.query.get(name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        errors[name] = [f"A valid integer >= {minimum} is required."]
        return default
    return value


def unsupported_query(request: FakeRequest, supported: frozenset[str]) -> Answer | None:
    """501 when the request uses a query parameter the operation declares but the fake does not apply.

    Ignoring such a filter would answer a test with data the real API would not return.
    """
    ignored = [name for name in request.operation.query_parameters if name in request.query and name not in supported]
    if not ignored:
        return None
    operation = request.operation
    names = ", ".join(ignored)
    return error_answer(
        501,
        f"{operation.operation_id}: FakeProlific does not implement the query parameter(s) {names}; "
        f"it supports {', '.join(sorted(supported)) or 'none'}. Register your own handler with "
        f'fake.route("{operation.operation_id}", handler).',
        CODE_NOT_IMPLEMENTED,
    )
