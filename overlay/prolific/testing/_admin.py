"""The fake's admin surface over HTTP: what a test does in Python with ``fake.…``, a shell does under ``/__fake__/``.

Each path is a thin wrapper over one public method of :class:`~prolific.testing.FakeProlific` (the
fault queue, the clock and the stores stay where they are; this module only reads JSON and answers
JSON). The paths answer on loopback only, with the usual ``Authorization: Token …``; nothing of it
exists on the real API, and none of it ever consumes an injected fault. ``GET /__fake__/`` lists them:

=======  ==================================  ==========================================================
method   path (under ``/__fake__/``)         what it does (the Python it wraps)
=======  ==================================  ==========================================================
GET      ``""``                              this list
POST     ``seed``                            a demo world: ``{"participants": 3}`` (``seed_demo``)
POST     ``reset``                           forget everything (``reset``)
POST     ``submissions``                     participants take part: ``{"study_id", "participants": 3
                                             or [ids], "submit": true}`` (``take_part``); ``"submit":
                                             false`` leaves them ``ACTIVE``
POST     ``submissions/{id}/complete``       the participant submits, ``{"code": …}`` optional
POST     ``submissions/{id}/return``         the participant returns it (frees the place)
POST     ``submissions/{id}/time-out``       it times out (frees the place)
GET      ``clock``                           ``{"now", "advanced"}`` (``clock``)
POST     ``clock``                           ``{"advance": seconds}``: time-outs and bonus settlements
                                             that fall due happen (``advance``)
GET      ``faults``                          the queued faults
POST     ``faults``                          queue one: ``{"kind": "fail", "status": 503,
                                             "after_apply": true, "retry_after": 2, "times": 1,
                                             "operation": …, "method": …, "path": …}``;
                                             ``"kind": "drop"`` (``after_apply`` too); ``"kind":
                                             "delay", "seconds": 5`` (``fail_next``, ``drop_next``,
                                             ``stall_next``)
DELETE   ``faults``                          forget the queued faults
GET      ``settings``                        ``{"bonus_settlement_delay", "bulk_approve_lag"}``
POST     ``settings``                        change either of them
GET      ``records``                         everything recorded: ``payments``, ``transitions``,
                                             ``messages``, ``requests``
GET      ``records/{kind}``                  one of them; ``?since=N`` skips the first N
=======  ==================================  ==========================================================

``requests`` lists API requests only (not these paths), without headers and with secrets taken out
of the bodies (credential passwords, webhook secrets, tokens).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from ._answers import CODE_METHOD, CODE_NOT_FOUND, CODE_VALIDATION, Answer, error_answer, json_answer
from ._demo import ADMIN_PREFIX, DEMO_PARTICIPANTS

if TYPE_CHECKING:
    from ._clock import FakeClock
    from ._recording import RecordedRequest
    from ._routes import Incoming

_LOOPBACK = ("127.0.0.1", "::1", "localhost")
#: What ``GET /__fake__/records/{kind}`` knows.
RECORD_KINDS = ("payments", "transitions", "messages", "requests")
SUBMISSION_ACTIONS = ("complete", "return", "time-out")
# Body fields whose values are secrets: never answered back.
_SECRET_FIELDS = frozenset({"credentials", "secret", "password", "token"})
_FAULT_KINDS = ("fail", "drop", "delay")
_FILTERS = ("times", "method", "path", "operation")
_FAIL_FIELDS = ("kind", "status", "after_apply", "retry_after", "body", "headers", *_FILTERS)
_DROP_FIELDS = ("kind", "after_apply", *_FILTERS)
_DELAY_FIELDS = ("kind", "seconds", *_FILTERS)


class Fake(Protocol):
    """What the admin surface uses of :class:`~prolific.testing.FakeProlific`: its public Python API, nothing else."""

    clock: FakeClock
    requests: list[RecordedRequest]
    bonus_settlement_delay: float
    bulk_approve_lag: int

    @property
    def transitions(self) -> list[dict[str, Any]]: ...
    @property
    def bonus_payments(self) -> list[dict[str, Any]]: ...
    @property
    def messages(self) -> list[dict[str, Any]]: ...
    @property
    def queued_faults(self) -> list[dict[str, Any]]: ...
    @property
    def pending_faults(self) -> int: ...
    def seed_demo(self, participants: int = ...) -> dict[str, Any]: ...
    def reset(self) -> None: ...
    def take_part(
        self, study_id: str, participants: int | list[str] = ..., *, submit: bool = ...
    ) -> list[dict[str, str | None]]: ...
    def complete_submission(self, submission_id: str, *, code: str | None = ...) -> dict[str, Any]: ...
    def return_submission(self, submission_id: str) -> dict[str, Any]: ...
    def time_out_submission(self, submission_id: str) -> dict[str, Any]: ...
    def advance(self, seconds: float) -> datetime: ...
    def fail_next(
        self,
        status: int,
        times: int = ...,
        *,
        retry_after: str | float | None = ...,
        body: bytes | str | dict[str, Any] | list[Any] | None = ...,
        headers: Mapping[str, str] | None = ...,
        after_apply: bool = ...,
        method: str | None = ...,
        path: str | None = ...,
        operation: str | None = ...,
    ) -> None: ...
    def drop_next(
        self,
        times: int = ...,
        *,
        after_apply: bool = ...,
        method: str | None = ...,
        path: str | None = ...,
        operation: str | None = ...,
    ) -> None: ...
    def stall_next(
        self, seconds: float, times: int = ..., *, method: str | None = ..., path: str | None = ...,
        operation: str | None = ...,
    ) -> None: ...  # fmt: skip
    def clear_faults(self) -> int: ...


class AdminError(Exception):
    """A request to the admin surface that cannot be done: its status and what to say."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail


Handler = Callable[[dict[str, Any], dict[str, str], list[str]], Answer]


class Admin:
    """Answers the requests under :data:`~prolific.testing._demo.ADMIN_PREFIX` for one fake."""

    def __init__(self, fake: Fake, lock: threading.RLock) -> None:
        self._fake = fake
        self._lock = lock  # the fake's: one admin request sees (and changes) the state at one moment
        # (method, path; a {name} word matches any one segment) -> handler(body, query, the words {name} matched)
        self._routes: dict[tuple[str, str], Handler] = {
            ("GET", ""): self._index,
            ("POST", "seed"): self._seed,
            ("POST", "reset"): self._reset,
            ("POST", "submissions"): self._take_part,
            ("POST", "submissions/{id}/{action}"): self._advance_submission,
            ("GET", "clock"): self._clock,
            ("POST", "clock"): self._advance_clock,
            ("GET", "faults"): self._faults,
            ("POST", "faults"): self._add_fault,
            ("DELETE", "faults"): self._clear_faults,
            ("GET", "settings"): self._settings,
            ("POST", "settings"): self._change_settings,
            ("GET", "records"): self._records,
            ("GET", "records/{kind}"): self._records,
        }

    # -- the request ------------------------------------------------------------------------------

    def answer(self, incoming: Incoming, body: Any) -> Answer:
        """The answer to one request under the admin prefix (``body``: the parsed JSON, or None)."""
        host = urlsplit(incoming.url).hostname or ""
        if host not in _LOOPBACK:
            return error_answer(404, f"Not found: {incoming.path} (the fake's admin paths answer on loopback only).",
                                CODE_NOT_FOUND)  # fmt: skip
        if incoming.content and body is None:
            return error_answer(400, "The request body is not JSON.", CODE_VALIDATION)
        if body is None:
            body = {}
        if not isinstance(body, dict):
            return error_answer(400, "The request body must be a JSON object.", CODE_VALIDATION)
        words = [w for w in incoming.path[len(ADMIN_PREFIX) :].split("/") if w]
        shapes = {(m, p) for m, p in self._routes if _matches(p, words)}
        if not shapes:
            paths = ", ".join(sorted({f"{ADMIN_PREFIX}{p}" for _, p in self._routes}))
            return error_answer(404, f"Not found: {incoming.path}; the admin paths are {paths} "
                                f"(GET {ADMIN_PREFIX} lists them).", CODE_NOT_FOUND)  # fmt: skip
        shape = next((s for s in shapes if s[0] == incoming.method), None)
        if shape is None:
            allowed = ", ".join(sorted(m for m, _ in shapes))
            return error_answer(405, f'Method "{incoming.method}" not allowed on {incoming.path} (allowed: '
                                f"{allowed}).", CODE_METHOD, (("Allow", allowed),))  # fmt: skip
        handler = self._routes[shape]
        parameters = [w for w, p in zip(words, _pattern(shape[1]), strict=True) if p.startswith("{")]
        query = dict(parse_qsl(incoming.query, keep_blank_values=True))
        try:
            with self._lock:
                return handler(body, query, parameters)
        except AdminError as exc:
            return error_answer(exc.status, exc.detail, CODE_VALIDATION if exc.status == 400 else CODE_NOT_FOUND)
        except (ValueError, TypeError) as exc:  # the fake's own checks say what is wrong
            return error_answer(400, str(exc), CODE_VALIDATION)

    # -- the world --------------------------------------------------------------------------------

    def _index(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        paths = [{"method": method, "path": ADMIN_PREFIX + path} for method, path in self._routes]
        kinds = {"submission_actions": SUBMISSION_ACTIONS, "record_kinds": RECORD_KINDS, "fault_kinds": _FAULT_KINDS}
        return json_answer(200, {"paths": paths, **{name: list(values) for name, values in kinds.items()}})

    def _seed(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        _only(body, "participants")
        return json_answer(201, self._fake.seed_demo(body.get("participants", DEMO_PARTICIPANTS)))

    def _reset(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        _only(body)
        self._fake.reset()
        return json_answer(200, {"reset": True})

    def _take_part(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        _only(body, "study_id", "participants", "submit")
        study_id = body.get("study_id")
        if not isinstance(study_id, str) or not study_id:
            raise AdminError(400, {"study_id": ["This field is required (the study's id)."]})
        participants = body.get("participants", 1)
        if isinstance(participants, bool) or not (
            (isinstance(participants, int) and participants >= 1)
            or (isinstance(participants, list) and participants and all(isinstance(p, str) for p in participants))
        ):
            raise AdminError(400, {"participants": ["A count >= 1 or a non-empty list of participant ids."]})
        submit = body.get("submit", True)
        if not isinstance(submit, bool):
            raise AdminError(400, {"submit": ["Must be true (they submit) or false (they stay ACTIVE)."]})
        return json_answer(201, {"submissions": self._fake.take_part(study_id, participants, submit=submit)})

    def _advance_submission(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        submission_id, action = parameters
        if action not in SUBMISSION_ACTIONS:
            known = ", ".join(SUBMISSION_ACTIONS)
            raise AdminError(404, f"Not found: no submission action {action!r} (one of {known}).")
        if action == "complete":
            _only(body, "code")
            code = body.get("code")
            if code is not None and (not isinstance(code, str) or not code):
                raise AdminError(400, {"code": ["A non-empty completion code, or leave it out."]})
            return json_answer(200, self._fake.complete_submission(submission_id, code=code))
        _only(body)
        if action == "return":
            return json_answer(200, self._fake.return_submission(submission_id))
        return json_answer(200, self._fake.time_out_submission(submission_id))

    # -- time ---------------------------------------------------------------------------------------

    def _now(self) -> dict[str, Any]:
        clock = self._fake.clock
        return {"now": clock.iso(), "advanced": clock.advanced}

    def _clock(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        return json_answer(200, self._now())

    def _advance_clock(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        _only(body, "advance")
        seconds = body.get("advance")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            raise AdminError(400, {"advance": ["How many seconds to move the clock forward: a number >= 0."]})
        transitions, payments = len(self._fake.transitions), self._fake.bonus_payments
        settled_before = {id(p) for p in payments if p["settled_at"] is not None}
        self._fake.advance(seconds)
        timed_out = [t["id"] for t in self._fake.transitions[transitions:] if t["to"] == "TIMED-OUT"]
        settled = [p["bulk_id"] for p in payments if p["settled_at"] is not None and id(p) not in settled_before]
        return json_answer(200, {**self._now(), "timed_out": timed_out, "settled": settled})

    # -- faults -------------------------------------------------------------------------------------

    def _faults(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        return json_answer(200, {"faults": self._fake.queued_faults})

    def _add_fault(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        kind = body.get("kind", "fail")
        if kind not in _FAULT_KINDS:
            raise AdminError(400, {"kind": [f"One of {', '.join(_FAULT_KINDS)} (default fail)."]})
        fields = {"fail": _FAIL_FIELDS, "drop": _DROP_FIELDS, "delay": _DELAY_FIELDS}[kind]
        _only(body, *fields)
        method, path, operation = (_text(body, name) for name in ("method", "path", "operation"))
        times = int(_number(body, "times", 1, integer=True, minimum=1))
        if kind == "fail":
            status = body.get("status")
            if isinstance(status, bool) or not isinstance(status, int):
                raise AdminError(400, {"status": ["The HTTP status to answer, e.g. 503 or 429."]})
            headers = body.get("headers")
            if headers is not None and not (
                isinstance(headers, dict) and all(isinstance(v, str) for v in headers.values())
            ):
                raise AdminError(400, {"headers": ["An object of header names and values (strings)."]})
            retry_after = body.get("retry_after")
            if isinstance(retry_after, bool) or not isinstance(retry_after, str | int | float | None):
                raise AdminError(400, {"retry_after": ["Seconds (a number) or an HTTP date (a string)."]})
            self._fake.fail_next(
                status,
                times,
                retry_after=retry_after,
                body=body.get("body"),
                headers=headers,
                after_apply=_flag(body, "after_apply"),
                method=method,
                path=path,
                operation=operation,
            )
        elif kind == "drop":
            after_apply = _flag(body, "after_apply")
            self._fake.drop_next(times, after_apply=after_apply, method=method, path=path, operation=operation)
        else:
            if "seconds" not in body:
                raise AdminError(400, {"seconds": ["How long to wait before answering: a number of seconds."]})
            seconds = _number(body, "seconds", 0)
            self._fake.stall_next(seconds, times, method=method, path=path, operation=operation)
        queued = self._fake.queued_faults
        return json_answer(201, {"fault": queued[-1], "pending": self._fake.pending_faults})

    def _clear_faults(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        return json_answer(200, {"cleared": self._fake.clear_faults()})

    # -- settings -----------------------------------------------------------------------------------

    def _current(self) -> dict[str, Any]:
        return {
            "bonus_settlement_delay": self._fake.bonus_settlement_delay,
            "bulk_approve_lag": self._fake.bulk_approve_lag,
        }

    def _settings(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        return json_answer(200, self._current())

    def _change_settings(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        _only(body, "bonus_settlement_delay", "bulk_approve_lag")
        if "bonus_settlement_delay" in body:
            self._fake.bonus_settlement_delay = _number(body, "bonus_settlement_delay", 0)
        if "bulk_approve_lag" in body:
            self._fake.bulk_approve_lag = int(_number(body, "bulk_approve_lag", 1, integer=True, minimum=0))
        return json_answer(200, self._current())

    # -- records ------------------------------------------------------------------------------------

    def _records(self, body: dict[str, Any], query: dict[str, str], parameters: list[str]) -> Answer:
        kinds = parameters or list(RECORD_KINDS)
        unknown = [k for k in kinds if k not in RECORD_KINDS]
        if unknown:
            raise AdminError(404, f"Not found: no record {unknown[0]!r} (one of {', '.join(RECORD_KINDS)}).")
        since = query.get("since", "0")
        if not parameters and "since" in query:
            raise AdminError(400, {"since": ["Give it with one kind: records/{kind}?since=N."]})
        if not since.isdigit():
            raise AdminError(400, {"since": ["A whole number >= 0: how many records to skip."]})
        return json_answer(200, {kind: self.record(kind)[int(since) :] for kind in kinds})

    def record(self, kind: str) -> list[Any]:
        """One kind of record as JSON-ready data (secrets taken out of request bodies)."""
        fake = self._fake
        if kind == "payments":
            return [{**p, "bonuses": [list(line) for line in p["bonuses"]]} for p in list(fake.bonus_payments)]
        if kind == "transitions":
            return [dict(t) for t in list(fake.transitions)]
        if kind == "messages":
            return [dict(m) for m in list(fake.messages)]
        return [_request(r) for r in list(fake.requests) if not r.path.startswith(ADMIN_PREFIX)]


# -- helpers ------------------------------------------------------------------------------------------


def _pattern(path: str) -> list[str]:
    return [w for w in path.split("/") if w]


def _matches(path: str, words: list[str]) -> bool:
    pattern = _pattern(path)
    return len(pattern) == len(words) and all(p == w or p.startswith("{") for p, w in zip(pattern, words, strict=True))


def _only(body: dict[str, Any], *names: str) -> None:
    """Refuse a field this path does not take (a typo would otherwise be ignored silently)."""
    unknown = sorted(set(body) - set(names))
    if unknown:
        takes = f"it takes {', '.join(names)}" if names else "it takes no fields"
        raise AdminError(400, {name: [f"Unknown field ({takes})."] for name in unknown})


def _text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or not value):
        raise AdminError(400, {name: ["A non-empty string, or leave it out."]})
    return value


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name, False)
    if not isinstance(value, bool):
        raise AdminError(400, {name: ["true or false."]})
    return value


def _number(body: dict[str, Any], name: str, default: float, *, integer: bool = False, minimum: float = 0) -> float:
    value = body.get(name, default)
    kinds = int if integer else int | float
    if isinstance(value, bool) or not isinstance(value, kinds) or not math.isfinite(value) or value < minimum:
        kind = "a whole number" if integer else "a number"
        raise AdminError(400, {name: [f"Expected {kind} >= {minimum:g}."]})
    return value


def _request(request: RecordedRequest) -> dict[str, Any]:
    return {
        "method": request.method,
        "path": request.path,
        "query": dict(request.query),
        "operation_id": request.operation_id,
        "status": request.status,
        "fault": request.fault,
        "body": _without_secrets(request.body),
    }


def _without_secrets(value: Any) -> Any:
    """``value`` with every secret field's value replaced (credentials: by their line count)."""
    if isinstance(value, list):
        return [_without_secrets(item) for item in value]
    if not isinstance(value, dict):
        return value
    shown: dict[str, Any] = {}
    for key, item in value.items():
        if key == "credentials" and isinstance(item, str):
            lines = item.count("\n") + 1 if item else 0
            shown[key] = f"<redacted: {lines} line{'' if lines == 1 else 's'}>"
        elif key in _SECRET_FIELDS:
            shown[key] = "<redacted>"
        else:
            shown[key] = _without_secrets(item)
    return shown
