"""Answers for the operations FakeProlific does not model: built from the documented success schema.

Every operation no store of the fake answers from state (and no ``fake.route`` handler answers)
gets its documented success status and a body valid against the merged spec, built here from the
operation's response schema: ``$ref`` followed, ``allOf`` merged, one branch of a ``oneOf`` /
``anyOf`` (a ``oneOf`` value is kept only when it fits exactly that one branch), enumerations,
formats (``date-time``, ``uuid``, ``uri``, ``email``, ``objectId``), nullable types, arrays of 1–3
items, required and optional fields; CSV for the operations the spec marks ``text/csv``; no body
for a 204.

The values look like Prolific's: 24-hexadecimal ids, ISO 8601 dates, the account's currency (GBP:
the fake prices everything in it; USD appears where the document lists currencies), amounts in
pence or cents, counts that fit the lists
they count, names, e-mail addresses and URLs (``example.org``). A field named like a path
parameter (``study_id``, ``workspace_id``) carries the path's value, and so does the ``id`` of the
resource the path ends with; an answer about a resource the fake holds (``update-project`` of a
project it has) starts from the fake's body of it, and a top-level field sent in the request body
is echoed, each where the response documents the field with a value of that kind. The fake does
not apply these writes: a later read shows its state as before. Everything is drawn from a random generator seeded with
(``seed``, operation id, path parameters), so the same seed and the same requests give the same
bytes, and a resource read twice looks the same.

A few operations are made to agree with the fake's state (:data:`_TOUCHES`): ``get-user`` is the
researcher who owns the fake's workspaces; ``get-study-cost`` counts the rewards of approved
submissions and the bonuses paid (at the fake's fee rule, see :mod:`._bonuses`); ``export-study``
lists the study's submissions; ``get-messages`` the messages sent through the fake;
``get-study-submissions`` the stored submissions. (The balance, a project's studies and the filter
sets are modelled: :mod:`._study_rules`, :mod:`._filters`.) A path naming a resource the fake
models (a study, a workspace, a project, a survey, a filter set) that it does not have answers that
resource's 404, as the modelled operations do: the check asks the operation that reads the resource
(``get-study`` for ``/studies/{id}/cost/``).

Valid means valid by JSON Schema and by OpenAPI's own rules, as schemathesis checks them: a value
of a ``oneOf`` fits exactly one branch, and a ``discriminator`` without a ``mapping`` holds the name
of the branch's schema. Where the published document allows no value (the ``oneOf`` of
``get-filters`` whose four branches accept the same objects; the AI task builder's discriminated
unions, whose branches' ``type`` enumerations contradict their schema names), that field is left
out or its list answered empty. A path parameter the spec gives a format (a uuid) with a value of
another form answers 404: no resource has that id.

The schemas come from ``prolific_api_client/operations/responses.json``, which the spec pipeline
writes beside the operation registry (``openapi/prolific_spec/responses.py``): plain JSON, read
with the standard library on the first unmodelled operation a fake answers (never at import time),
then kept for the process.
"""

from __future__ import annotations

import functools
import json
import random
import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any, Protocol

from ._answers import CODE_NOT_FOUND, CSV, Answer, error_answer, json_answer
from ._bonuses import FEE_RATE, VAT_RATE
from ._routes import FakeRequest
from ._workspaces import OWNER

_DATA_PACKAGE = "prolific_api_client.operations"
_DATA_FILE = "responses.json"
_REF_PREFIX = "#/components/schemas/"

# How far objects nest before optional fields are left out and lists kept to one item (the
# schemas are recursive in places: a value must stay small and finite).
_FULL_DEPTH = 3
_MAX_DEPTH = 7
_EPOCH = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # dates fall in the year after it
_PUBLISHED = frozenset({"ACTIVE", "PAUSED", "SCHEDULED", "PUBLISHING"})


class World(Protocol):
    """What the synthesizer reads of the fake's state (a :class:`~prolific.testing.FakeProlific` is one)."""

    @property
    def studies(self) -> Mapping[str, dict[str, Any]]: ...
    @property
    def projects(self) -> Mapping[str, str]: ...
    @property
    def submissions(self) -> Mapping[str, list[dict[str, Any]]]: ...
    @property
    def bulk_bonuses(self) -> Mapping[str, dict[str, Any]]: ...
    @property
    def bonus_payments(self) -> Sequence[dict[str, Any]]: ...
    @property
    def messages(self) -> Sequence[dict[str, Any]]: ...


@functools.cache
def response_table() -> dict[str, Any]:
    """``responses.json`` of the generated package: ``{"operations": {...}, "schemas": {...}}`` (read once)."""
    try:
        text = resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuntimeError(
            f"{_DATA_PACKAGE}/{_DATA_FILE} is missing: the generated package predates it (run `make generate`)"
        ) from None
    table: dict[str, Any] = json.loads(text)
    return table


class Unbuildable(Exception):
    """No value fits this schema (e.g. a ``oneOf`` whose branches all overlap); the caller leaves the field out."""


class Synthesizer:
    """Builds the answer of an operation the fake does not model (see the module docstring).

    ``seed``: the values drawn; ``world``: the fake's state
    the answers agree with (``None``: none); ``modelled``: operation id → the fake's handler, asked
    whether a resource named in the path exists.

    >>> from prolific_api_client.operations import OPERATIONS
    >>> request = FakeRequest(OPERATIONS["get-filter-set"], "GET", "/api/v1/filter-sets/6540a1b2c3d4e5f607182930/",
    ...                       {"id": "6540a1b2c3d4e5f607182930"}, {}, {}, None, b"", "")
    >>> answer = Synthesizer(seed=7).answer(request)
    >>> answer.status, json.loads(answer.body)["id"]
    (200, '6540a1b2c3d4e5f607182930')
    >>> answer.body == Synthesizer(seed=7).answer(request).body
    True
    """

    def __init__(
        self,
        seed: int = 0,
        world: World | None = None,
        modelled: Mapping[str, Callable[[FakeRequest], Answer]] | None = None,
    ) -> None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError(f"seed must be an int, not {type(seed).__name__}")
        self.seed = seed
        self.currency = "GBP"  # the account's: the fake's bulk bonuses and costs are priced in it too
        self.world = world
        self.modelled = modelled if modelled is not None else {}

    def answer(self, request: FakeRequest) -> Answer:
        """The documented success answer of ``request``'s operation, or the 404 of a resource the fake lacks."""
        missing, held = self._held_resources(request)
        if missing is not None:
            return missing
        operation_id = request.operation.operation_id
        documented = response_table()["operations"].get(operation_id)
        if documented is None:  # no 2xx documented: the API says nothing more than "it worked"
            return Answer(204)
        for name, form in (documented.get("path_formats") or {}).items():
            if not _format_fits(request.path_params.get(name, ""), {"format": form}):  # no such resource can exist
                return error_answer(404, f"Not found: {name} must be a {form}.", CODE_NOT_FOUND)
        status, media_type, schema = documented["status"], documented["media_type"], documented["schema"]
        params = sorted(request.path_params.items())
        rng = random.Random(f"{self.seed}|{operation_id}|{params!r}")  # str seeds hash the same in every process
        builder = _Builder(response_table()["schemas"], rng, self.currency, request)
        touch = _TOUCHES.get(operation_id)
        if media_type is None:
            return Answer(status)
        if media_type.startswith("text/csv"):
            rows = touch(builder, self.world, None) if touch is not None else _sample_rows(builder)
            return Answer(status, (CSV,), _csv(rows).encode())
        try:
            value = {} if schema is None else builder.top(schema, held)  # no schema: anything fits, {} the least
        except Unbuildable as exc:
            raise RuntimeError(f"{operation_id}: no value fits the documented response schema ({exc})") from None
        if touch is not None:
            value = touch(builder, self.world, value)
        if media_type == "application/json":
            return json_answer(status, value)
        text = value if isinstance(value, str) else json.dumps(value)
        return Answer(status, (("Content-Type", media_type),), text.encode())

    def _held_resources(self, request: FakeRequest) -> tuple[Answer | None, dict[str, Any] | None]:
        """The 404 of a resource in the path the fake models and does not have; else the body it holds
        for the resource the path is about (``/workspaces/{workspace_id}/``: the workspace), if any.

        Each resource is asked of the modelled operation that reads it (``get-study`` for the study
        of ``/studies/{id}/cost/``).
        """
        held = None
        for reader, params, path in _readers(request.operation.path, request.path_params):
            handler = self.modelled.get(reader.operation_id)
            if handler is None:
                continue
            found = handler(FakeRequest(reader, "GET", path, params, {}, request.headers, None, b"", request.url))
            if found.status == 404:
                return found, None
            if found.status == 200 and _shape(reader.path) == _shape(request.operation.path):
                body = json.loads(found.body)
                held = body if isinstance(body, dict) else None
        return None, held


# -- which operation reads the resource a path names ---------------------------------------------


def _shape(template: str) -> str:
    """A template with its parameters unnamed and no trailing slash: ``/api/v1/studies/{}``."""
    return re.sub(r"\{[^}]+\}", "{}", template).rstrip("/")


@functools.cache
def _getters() -> dict[str, Any]:
    """Template shape → the GET operation of a path that ends with a parameter (``get-study``, ``get-workspace``)."""
    from prolific_api_client.operations import OPERATIONS

    found: dict[str, Any] = {}
    for operation in OPERATIONS.values():
        if operation.method == "GET" and operation.path.rstrip("/").endswith("}"):
            found.setdefault(_shape(operation.path), operation)
    return found


def _readers(template: str, params: Mapping[str, str]) -> Iterator[tuple[Any, dict[str, str], str]]:
    """For each path parameter: the GET operation of the path up to it, with its parameters and concrete path."""
    getters = _getters()
    for match in re.finditer(r"\{([^}]+)\}", template):
        reader = getters.get(_shape(template[: match.end()]))
        if reader is None:
            continue
        values = [params.get(name, "") for name in re.findall(r"\{([^}]+)\}", template[: match.end()])]
        mapped = dict(zip(reader.path_parameters, values, strict=False))
        pieces = re.split(r"\{[^}]+\}", reader.path)  # the literal parts around the reader's parameters
        concrete = pieces[0] + "".join(value + piece for value, piece in zip(values, pieces[1:], strict=False))
        yield reader, mapped, concrete


# -- the values ------------------------------------------------------------------------------------

_FIRST = ("Alex", "Priya", "Sam", "Maria", "Jordan", "Aisha", "Tom", "Chen", "Olivia", "Mateo", "Hannah", "Kofi")
_LAST = ("Smith", "Patel", "Garcia", "Okafor", "Nguyen", "Müller", "Brown", "Kowalski", "Silva", "Jones")
_TOPICS = ("Reaction time", "Memory recall", "Visual attention", "Decision making", "Language learning",
           "Consumer preferences", "Sleep habits", "Moral judgement", "Music perception", "Risk taking")  # fmt: skip
_KINDS = ("study", "pilot", "survey", "experiment", "follow-up", "task")
_SENTENCES = (
    "Thank you for taking part in this study.",
    "Please read each question carefully before answering.",
    "Your responses are anonymous and will be used for research only.",
    "The task takes about ten minutes on a laptop or desktop computer.",
    "Rate how much you agree with each statement.",
    "Choose the option that best describes you.",
)
_WORDS = ("alpha", "beta", "gamma", "delta", "north", "south", "river", "meadow", "amber", "cobalt", "maple")
_STATUSES = ("ACTIVE", "COMPLETED", "PENDING", "PROCESSING")


def _words_of(name: str) -> set[str]:
    return set(re.split(r"[_\W]+", name.lower())) - {""}


class _Builder:
    """One answer's values: a seeded generator, the account's currency, the request they answer."""

    def __init__(self, schemas: Mapping[str, Any], rng: random.Random, currency: str, request: FakeRequest) -> None:
        self.schemas = schemas
        self.rng = rng
        self.currency = currency
        self.request = request
        # A field named like a path parameter carries its value (not a bare ``id``: see own_id).
        self.echo = {name: value for name, value in request.path_params.items() if name != "id"}
        path = request.operation.path.rstrip("/")
        last = re.search(r"\{([^}]+)\}$", path)
        self.own_id = request.path_params.get(last.group(1)) if last else None

    # -- schemas -----------------------------------------------------------------------------------

    def resolve(self, schema: Any) -> Any:
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 50:
            ref = schema["$ref"]
            if not ref.startswith(_REF_PREFIX) or ref[len(_REF_PREFIX) :] not in self.schemas:
                raise Unbuildable(f"unresolvable $ref {ref}")
            schema = self.schemas[ref[len(_REF_PREFIX) :]]
            seen += 1
        return schema

    def merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An ``allOf`` folded into one schema: properties and requirements of every member."""
        result: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for member in schema["allOf"]:
            member = self.resolve(member)
            if not isinstance(member, dict):
                continue
            if "allOf" in member:
                member = self.merged(member)
            for key, value in member.items():
                if key == "properties":
                    props = dict(result.get("properties") or {})
                    for name, sub in value.items():
                        props[name] = {"allOf": [props[name], sub]} if name in props else sub
                    result["properties"] = props
                elif key == "required":
                    result["required"] = sorted({*(result.get("required") or []), *value})
                else:
                    result.setdefault(key, value)
        return result

    def fits(self, value: Any, schema: Any) -> bool:
        """Whether ``value`` is valid against ``schema`` (formats not checked: a lenient answer, never a wrong one)."""
        return _fits(value, schema, self.resolve)

    # -- building ------------------------------------------------------------------------------------

    def top(self, schema: Any, held: Mapping[str, Any] | None = None) -> Any:
        """The answer's value: made up, then the fields of the resource the fake holds (``held``), then the
        fields the request sent, each where the answer documents it with a value of that kind."""
        value = self.value(schema, "", 0)
        if isinstance(value, dict):
            for given in (held, self.request.body):
                self._take(value, self.resolve(schema), given)
            _fix_counts(value, self)
        return value

    def value(self, schema: Any, name: str, depth: int) -> Any:
        schema = self.resolve(schema)
        if schema is True or schema == {} or schema is None:
            return self.free(name, depth)
        if schema is False:
            raise Unbuildable("false schema")
        if "allOf" in schema:
            return self.value(self.merged(schema), name, depth)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            choices = [v for v in schema["enum"] if v is not None] or list(schema["enum"])
            if not choices:
                raise Unbuildable("empty enum")
            return self.rng.choice(choices)
        fixed = self._fixed(schema, name, depth)
        if fixed is not None:
            return fixed
        if "oneOf" in schema:
            return self.one_of(schema, name, depth)
        if "anyOf" in schema:
            return self.any_of(schema, name, depth)
        kinds = schema.get("type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        if not kinds:
            kinds = ["object"] if "properties" in schema else ["array"] if "items" in schema else ["string"]
        if "null" in kinds and (len(kinds) == 1 or self.rng.random() < 0.15 or depth > _MAX_DEPTH):
            return None
        kind = self.rng.choice([k for k in kinds if k != "null"])
        return getattr(self, f"_{kind}")(schema, name, depth)

    def _fixed(self, schema: dict[str, Any], name: str, depth: int) -> Any:
        """The path's value for a field named like one of its parameters (or the ``id`` it ends with)."""
        given = self.echo.get(name) if name else None
        if given is None and name == "id" and depth == 1:
            given = self.own_id
        if given is None or not _format_fits(given, schema) or not self.fits(given, schema):
            return None
        return given

    def one_of(self, schema: dict[str, Any], name: str, depth: int) -> Any:
        siblings = {k: v for k, v in schema.items() if k not in ("oneOf", "discriminator")}
        branches = list(schema["oneOf"])
        start = self.rng.randrange(len(branches)) if branches else 0
        ordered = branches[start:] + branches[:start]
        ordered.sort(key=lambda b: self._is_null(b))  # a value first; null only when nothing else fits
        for branch in ordered:
            parts = [part for part in (siblings, branch, self._tag(schema.get("discriminator"), branch)) if part]
            try:
                value = self.value({"allOf": parts} if len(parts) > 1 else branch, name, depth)
            except Unbuildable:
                continue
            if sum(1 for other in branches if self.fits(value, other)) == 1:
                return value
        raise Unbuildable(f"no oneOf branch of {name or 'the answer'} can be told apart from the others")

    @staticmethod
    def _tag(discriminator: Any, branch: Any) -> dict[str, Any]:
        """What OpenAPI's ``discriminator`` asks of a branch: its property holds the branch's name.

        The mapping's key for the branch, else (the implicit mapping) the name of the schema the
        branch refers to. Where the branch's own schema allows another value only, nothing fits: the
        document contradicts itself there, and the field is left out (or its list empty).
        """
        if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
            return {}
        ref = branch.get("$ref") if isinstance(branch, dict) else None
        if not isinstance(ref, str):
            return {}
        mapping = discriminator.get("mapping") or {}
        tags = [key for key, target in mapping.items() if target in (ref, ref.removeprefix(_REF_PREFIX))]
        tag = tags[0] if tags else ref.removeprefix(_REF_PREFIX)
        prop = discriminator["propertyName"]
        return {"type": "object", "properties": {prop: {"const": tag}}, "required": [prop]}

    def any_of(self, schema: dict[str, Any], name: str, depth: int) -> Any:
        siblings = {k: v for k, v in schema.items() if k != "anyOf"}
        branches = list(schema["anyOf"])
        nullable = any(self._is_null(b) for b in branches)
        if nullable and (self.rng.random() < 0.15 or depth > _MAX_DEPTH):
            return None
        # An enumeration before the plain string that widens it (Prolific adds values): the known values.
        ordered = sorted(branches, key=lambda b: (self._is_null(b), "enum" not in self.resolve(b)))
        for branch in ordered:
            try:
                return self.value({"allOf": [siblings, branch]} if siblings else branch, name, depth)
            except Unbuildable:
                continue
        raise Unbuildable(f"no anyOf branch of {name or 'the answer'} can be built")

    def _is_null(self, schema: Any) -> bool:
        schema = self.resolve(schema)
        return isinstance(schema, dict) and schema.get("type") == "null"

    def _object(self, schema: dict[str, Any], name: str, depth: int) -> dict[str, Any]:
        props: dict[str, Any] = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        out: dict[str, Any] = {}
        for prop, sub in props.items():
            resolved = self.resolve(sub)
            if prop not in required and (isinstance(resolved, dict) and resolved.get("writeOnly")):
                continue
            if prop not in required and not self._include_optional(depth):
                continue
            try:
                out[prop] = self.value(sub, prop, depth + 1)
            except Unbuildable:
                if prop in required:
                    raise
        for prop in sorted(required - set(props)):  # required but not described: a value by its name
            out[prop] = self.free(prop, depth + 1)
        if "email" in out:
            self._one_person(out, props)
        _order_bounds(out)
        extra = schema.get("additionalProperties")
        if not props and extra not in (None, False) and depth <= _MAX_DEPTH:
            out.update(self._map(extra, name, depth))
        return out

    def _one_person(self, out: dict[str, Any], props: Mapping[str, Any]) -> None:
        """An object with an e-mail address is a person: its names and address agree."""
        first, last = self.person()
        plain = last.replace("ü", "ue").lower()
        for key, value in (("email", f"{first.lower()}.{plain}@example.org"), ("first_name", first),
                           ("last_name", last), ("name", f"{first} {last}")):  # fmt: skip
            if key in out and isinstance(out[key], str) and self.fits(value, props.get(key, {})):
                out[key] = value

    def _map(self, extra: Any, name: str, depth: int) -> dict[str, Any]:
        words = _words_of(name)
        if "links" in words:
            href = f"https://api.prolific.com{self.request.path}"
            return {"self": {"href": href, "title": "Current"}}
        if "meta" in words:
            return {"count": self.rng.randint(1, 3)}
        out: dict[str, Any] = {}
        for index in range(self.rng.randint(1, 2)):
            try:
                out[str(index)] = self.value(extra if isinstance(extra, dict) else {}, name, depth + 1)
            except Unbuildable:
                return {}
        return out

    def _include_optional(self, depth: int) -> bool:
        if depth < _FULL_DEPTH:
            return True
        return depth <= _MAX_DEPTH - 2 and self.rng.random() < 0.5

    def _array(self, schema: dict[str, Any], name: str, depth: int) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", max(low, 3)))
        count = max(low, min(high, self.rng.randint(1, 3) if depth <= _FULL_DEPTH + 1 else 1))
        items = schema.get("items", {})
        out: list[Any] = []
        for _ in range(count * 3):  # unique items may need a few more draws
            if len(out) == count:
                break
            try:
                item = self.value(items, name, depth + 1)
            except Unbuildable:
                if len(out) >= low:
                    return out
                raise
            if not schema.get("uniqueItems") or item not in out:
                out.append(item)
        if len(out) < low:
            raise Unbuildable(f"{name}: fewer than {low} distinct items")
        return out

    def _boolean(self, schema: dict[str, Any], name: str, depth: int) -> bool:
        if _words_of(name) & {"deleted", "archived", "blocked", "banned", "failed"}:
            return False  # a resource you are shown is rarely one that is gone
        return self.rng.random() < 0.5

    def _integer(self, schema: dict[str, Any], name: str, depth: int) -> int:
        low, high = _integer_range(name)
        return int(self._bounded(schema, low, high, integer=True))

    def _number(self, schema: dict[str, Any], name: str, depth: int) -> float:
        low, high = _integer_range(name)
        words = _words_of(name)
        if words & {"rate", "ratio", "probability", "proportion", "weight", "weighting"}:
            return float(self._bounded(schema, 0, 1, integer=False))
        if words & _WHOLE:  # places, minutes, pence: whole numbers even where the spec says "number"
            return self._bounded(schema, low, high, integer=True)
        return float(self._bounded(schema, low, high, integer=False))

    def _bounded(self, schema: dict[str, Any], low: float, high: float, *, integer: bool) -> float:
        lower, upper = schema.get("minimum"), schema.get("maximum")
        if isinstance(schema.get("exclusiveMinimum"), int | float):
            lower = schema["exclusiveMinimum"] + (1 if integer else 0.01)
        if isinstance(schema.get("exclusiveMaximum"), int | float):
            upper = schema["exclusiveMaximum"] - (1 if integer else 0.01)
        if lower is not None:
            low = max(low, lower)
            high = max(high, low)
        if upper is not None:
            high = min(high, upper)
            low = min(low, high)
        if integer:
            value: float = self.rng.randint(int(-(-low // 1)), int(high // 1)) if high >= low else int(low)
            step = schema.get("multipleOf")
            if isinstance(step, int) and step > 0:
                value = value - value % step if value - value % step >= low else value + (step - value % step)
            return value
        return round(self.rng.uniform(low, high), 2)

    def _string(self, schema: dict[str, Any], name: str, depth: int) -> str:
        text = self.text(schema.get("format"), name)
        low, high = schema.get("minLength"), schema.get("maxLength")
        if isinstance(low, int) and len(text) < low:
            text = text + "x" * (low - len(text))
        if isinstance(high, int) and len(text) > high:
            text = text[:high]
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not re.search(pattern, text):
            raise Unbuildable(f"{name}: the fake cannot write a value matching {pattern!r}")
        return text

    # -- text by format and by name ------------------------------------------------------------------

    def hex_id(self) -> str:
        return f"{self.rng.getrandbits(96):024x}"

    def code(self) -> str:
        """A completion code as Prolific makes them: ``C`` and seven upper-case hexadecimal characters."""
        return f"C{self.rng.getrandbits(28):07X}"

    def when(self) -> datetime:
        return _EPOCH + timedelta(
            seconds=self.rng.randrange(365 * 24 * 3600), microseconds=self.rng.randrange(1000) * 1000
        )

    def stamp(self) -> str:
        return self.when().strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def person(self) -> tuple[str, str]:
        return self.rng.choice(_FIRST), self.rng.choice(_LAST)

    def email(self) -> str:
        first, last = self.person()
        plain = last.replace("ü", "ue").lower()
        return f"{first.lower()}.{plain}@example.org"

    def title(self) -> str:
        return f"{self.rng.choice(_TOPICS)} {self.rng.choice(_KINDS)}"

    def url(self, name: str) -> str:
        kind = "uploads" if "upload" in name else "files" if "download" in name or "file" in name else "study"
        return f"https://example.org/{kind}/{self.rng.getrandbits(40):010x}"

    def text(self, form: Any, name: str) -> str:
        words = _words_of(name)
        if form == "uuid":
            return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        if form == "date-time":
            return self.stamp()
        if form == "date":
            return self.when().strftime("%Y-%m-%d")
        if form == "time":
            return self.when().strftime("%H:%M:%S")
        if form == "email" or "email" in words:
            return self.email()
        if form in ("uri", "url") or words & {"url", "uri", "href", "link"}:
            return self.url(name)
        if form == "objectId" or name == "id" or name.endswith(("_id", "_ids")) or words & {"id", "ids"}:
            return self.hex_id()
        if "owner" in words:
            return OWNER  # the fake's researcher owns its workspaces and projects
        if name.endswith("_by") or words & {"creator", "researcher", "sender", "user"}:
            return OWNER if self.rng.random() < 0.5 else self.hex_id()  # often the fake's researcher
        if words & {"role", "roles"}:
            return self.rng.choice(("WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR", "PROJECT_EDITOR"))
        if words & {"currency"}:
            return self.currency
        if name.endswith("_at") or words & {"date", "datetime", "timestamp", "created", "updated", "expires"}:
            return self.stamp()
        if words & {"first"} and "name" in words:
            return self.person()[0]
        if words & {"last"} and "name" in words:
            return self.person()[1]
        if words & {"name", "title", "label"}:
            return self.title()
        if words & {"description", "body", "message", "text", "instructions", "content", "detail", "introduction",
                    "steps", "reason", "note", "question", "answer", "value", "response"}:  # fmt: skip
            return self.rng.choice(_SENTENCES)
        if words & {"status", "state"}:
            return self.rng.choice(_STATUSES)
        if words & {"code"}:
            return self.code()
        if words & {"country"}:
            return "GB" if self.currency == "GBP" else "US"
        if words & {"language", "locale"}:
            return "en"
        if words & {"method"}:
            return "PUT"
        if words & {"filename", "file"}:
            return f"{self.rng.choice(_WORDS)}.csv"
        if words & {"secret", "token", "key", "signature"}:
            return f"{self.rng.getrandbits(128):032x}"
        if words & {"version"}:
            return str(self.rng.randint(1, 3))
        if words & {"type", "kind"}:
            return "standard"
        if words & {"unit", "units"}:
            return self.rng.choice(("minutes", "seconds", "items"))
        return f"{self.rng.choice(_WORDS)}-{self.rng.choice(_WORDS)}"

    def free(self, name: str, depth: int) -> Any:
        """A value for a field whose schema allows anything (``{}``), by its name."""
        words = _words_of(name)
        if name == "_links" or words & {"links"}:
            return self._map({}, "_links", depth)
        if words & {"metadata", "data", "meta"}:
            return {}
        return self.text(None, name)

    # -- the request's own values ----------------------------------------------------------------------

    def _take(self, value: dict[str, Any], schema: Any, given: Any) -> None:
        """Top-level fields of ``given`` where ``value``'s schema documents them with a value of that kind."""
        if not isinstance(given, Mapping) or not isinstance(schema, dict):
            return
        if "allOf" in schema:
            schema = self.merged(schema)
        props = schema.get("properties") or {}
        for key, field in given.items():
            if key in props and _format_fits(field, self.resolve(props[key])) and self.fits(field, props[key]):
                value[key] = field


# Quantities counted in whole units (places, minutes, pence, people) whatever the spec's type.
_WHOLE = frozenset(
    {"places", "participants", "count", "total", "number", "num", "eligible", "responses", "submissions", "reward",
     "amount", "cost", "fee", "fees", "vat", "tax", "price", "bonus", "balance", "funds", "time", "minutes", "seconds",
     "duration", "age", "year", "version", "page", "size", "limit"}
)  # fmt: skip


def _integer_range(name: str) -> tuple[int, int]:
    """A sensible range for a number called ``name`` (amounts in pence or cents, minutes, counts)."""
    words = _words_of(name)
    if "page" in words and "size" not in words:
        return 1, 1
    if words & {"size", "limit"}:
        return 20, 20
    if "offset" in words:
        return 0, 0
    if words & {"balance", "funds"}:
        return 50_000, 900_000
    if words & {"reward", "amount", "cost", "fee", "fees", "vat", "tax", "price", "bonus"}:
        return 50, 5_000
    if words & {"places", "participants", "count", "total", "number", "num", "eligible", "responses", "submissions"}:
        return 1, 300
    if "age" in words:
        return 18, 70
    if words & {"percentage", "percent"}:
        return 1, 99
    if "seconds" in words:
        return 30, 3_600
    if words & {"time", "minutes", "duration"}:
        return 1, 60
    if "year" in words:
        return 2020, 2025
    if "version" in words:
        return 1, 3
    return 1, 100


def _format_fits(value: Any, schema: Any) -> bool:
    """Whether a value taken from the request has the format its field documents (uuid, objectId, date-time)."""
    form = schema.get("format") if isinstance(schema, dict) else None
    if not isinstance(value, str) or form is None:
        return True
    if form == "uuid":
        try:
            uuid.UUID(value)
        except ValueError:
            return False
        return True
    if form == "objectId":
        return re.fullmatch(r"[0-9a-f]{24}", value) is not None
    if form == "date-time":
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
    if form == "email":
        return "@" in value
    if form in ("uri", "url"):
        return "://" in value
    return True


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": _is_integer,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _fits(value: Any, schema: Any, resolve: Callable[[Any], Any]) -> bool:
    """JSON Schema 2020-12 validation of the keywords the spec uses (``format`` is an annotation, as by default)."""
    schema = resolve(schema)
    if schema is True or schema is None:
        return True
    if schema is False:
        return False
    if not isinstance(schema, dict):
        return True
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_TYPE_CHECKS.get(kind, lambda v: True)(value) for kind in kinds):
            return False
    if "enum" in schema and not any(_same(value, option) for option in schema["enum"]):
        return False
    if "const" in schema and not _same(value, schema["const"]):
        return False
    if any(not _fits(value, member, resolve) for member in schema.get("allOf") or ()):
        return False
    if "anyOf" in schema and not any(_fits(value, member, resolve) for member in schema["anyOf"]):
        return False
    if "oneOf" in schema and sum(1 for member in schema["oneOf"] if _fits(value, member, resolve)) != 1:
        return False
    if "not" in schema and _fits(value, schema["not"], resolve):
        return False
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        if any(name not in value for name in schema.get("required") or ()):
            return False
        for name, item in value.items():
            if name in props:
                if not _fits(item, props[name], resolve):
                    return False
            elif "additionalProperties" in schema and not _fits(item, schema["additionalProperties"], resolve):
                return False
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            return False
        if "items" in schema and not all(_fits(item, schema["items"], resolve) for item in value):
            return False
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            return False
        if isinstance(schema.get("pattern"), str) and not re.search(schema["pattern"], value):
            return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return False
        if "maximum" in schema and value > schema["maximum"]:
            return False
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            return False
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            return False
    return True


def _same(a: Any, b: Any) -> bool:
    """JSON equality (``True`` is not ``1``)."""
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def _order_bounds(out: dict[str, Any]) -> None:
    """``lower_x`` <= ``upper_x`` and ``min_x`` <= ``max_x`` (swapped when drawn the other way round)."""
    for low_word, high_word in (("lower", "upper"), ("min", "max")):
        for key in list(out):
            if not key.startswith(low_word + "_"):
                continue
            other = high_word + key[len(low_word) :]
            low, high = out.get(key), out.get(other)
            numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high))
            if numbers and type(low) is type(high) and low > high:  # type: ignore[operator]
                out[key], out[other] = high, low


def _fix_counts(value: dict[str, Any], builder: _Builder) -> None:
    """A list answer's count is the length of its ``results`` (``count`` beside it, or in ``meta``)."""
    results = value.get("results")
    if not isinstance(results, list):
        return
    if isinstance(value.get("count"), int) and not isinstance(value.get("count"), bool):
        value["count"] = len(results)
    meta = value.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("count"), int):
        meta["count"] = len(results)


# -- CSV -------------------------------------------------------------------------------------------


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(_cell(cell) for cell in row) + "\n" for row in rows)


def _cell(text: str) -> str:
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"\n') else text


def _sample_rows(builder: _Builder) -> list[list[str]]:
    rows = [["id", "name", "created_at"]]
    for _ in range(builder.rng.randint(1, 3)):
        rows.append([builder.hex_id(), builder.title(), builder.stamp()])
    return rows


# -- the operations that agree with the fake's state ---------------------------------------------------

Touch = Callable[[_Builder, World | None, Any], Any]


def _user(builder: _Builder, world: World | None, value: dict[str, Any]) -> dict[str, Any]:
    """``get-user``: the researcher who owns every workspace and project of the fake.

    The fields beyond ``id`` and ``email`` (which the document lists) are those Prolific's own CLI
    reads from this endpoint (``client/responses.go``, ``MeResponse``).
    """
    first, last = builder.person()
    plain = last.replace("ü", "ue").lower()
    return {
        **value,
        "id": OWNER,
        "email": f"{first.lower()}.{plain}@example.org",
        "first_name": first,
        "last_name": last,
        "name": f"{first} {last}",
        "user_type": "researcher",
        "currency_code": builder.currency,
    }


def _fees(amount: int) -> tuple[int, int]:
    """The fake's fee rule on ``amount`` (cents): fees 33% of it, VAT 20% of the fees (as :mod:`._bonuses`)."""
    fees = int((Decimal(amount) * FEE_RATE).to_integral_value())
    return fees, int((Decimal(fees) * VAT_RATE).to_integral_value())


def _approved(world: World, study_id: str) -> int:
    return sum(1 for s in world.submissions.get(study_id, ()) if s.get("status") == "APPROVED")


def _bonuses_paid(world: World, study_ids: set[str]) -> tuple[int, int, int]:
    """(amount, fees, VAT) of every bonus payment the fake paid in ``study_ids`` (a bulk paid twice counts twice)."""
    amount = fees = vat = 0
    for payment in world.bonus_payments:
        if payment.get("study_id") in study_ids:
            bulk = world.bulk_bonuses.get(payment.get("bulk_id", ""), {})
            amount += int(bulk.get("amount", payment.get("total_amount", 0)))
            fees += int(bulk.get("fees", 0))
            vat += int(bulk.get("vat", 0))
    return amount, fees, vat


def _reward(study: Mapping[str, Any]) -> int:
    reward = study.get("reward")
    return int(reward) if isinstance(reward, int | float) and not isinstance(reward, bool) else 0


def _less(amounts: Sequence[int], minus: Sequence[int]) -> list[int]:
    return [a - b for a, b in zip(amounts, minus, strict=True)]


def _breakdown(amounts: Sequence[int], currency: str) -> dict[str, Any]:
    """A ``StudyCostBreakdown``: rewards, fees and tax, each an amount (cents) and its currency."""
    return {
        key: {"amount": amount, "currency": currency}
        for key, amount in zip(("rewards", "fees", "tax"), amounts, strict=True)
    }


def _study_cost(builder: _Builder, world: World | None, value: dict[str, Any]) -> dict[str, Any]:
    """``get-study-cost``: rewards of the approved submissions (``is_projected=true``: of every place), bonuses paid."""
    study_id = builder.request.path_params.get("id", "")
    study = world.studies.get(study_id) if world is not None else None
    if world is None or study is None:
        return value
    projected = builder.request.query.get("is_projected") == "true"
    places = int(study.get("total_available_places") or 0) if projected else _approved(world, study_id)
    rewards = _reward(study) * places
    fees, vat = _fees(rewards)
    bonus = _bonuses_paid(world, {study_id})
    return {**value, "rewards": _breakdown((rewards, fees, vat), builder.currency),
            "bonuses": _breakdown(bonus, builder.currency)}  # fmt: skip


# The columns the operation's description lists, as Prolific's export names them.
_EXPORT_COLUMNS = ("Submission id", "Participant id", "Status", "Started at", "Completed at", "Reviewed at",
                   "Time taken", "Completion code", "Total approvals", "Age", "Sex", "Ethnicity simplified",
                   "Country of birth", "Country of residence", "Nationality", "Language", "Student status",
                   "Employment status")  # fmt: skip


def _export(builder: _Builder, world: World | None, value: Any) -> list[list[str]]:
    """``export-study``: one row per submission of the study (made-up ones for a study the fake does not hold)."""
    study_id = builder.request.path_params.get("id", "")
    stored = list(world.submissions.get(study_id, ())) if world is not None else []
    if not stored:
        stored = [{"id": builder.hex_id(), "participant_id": builder.hex_id(), "status": "APPROVED",
                   "completed_at": builder.stamp()} for _ in range(builder.rng.randint(1, 3))]  # fmt: skip
    country = "United Kingdom" if builder.currency == "GBP" else "United States"
    rows = [list(_EXPORT_COLUMNS)]
    for submission in stored:
        started = submission.get("started_at") or builder.stamp()
        completed = submission.get("completed_at") or ""
        rows.append([
            str(submission.get("id", "")), str(submission.get("participant_id", "")), str(submission.get("status", "")),
            str(started), str(completed), "", str(builder.rng.randint(120, 1_800)) if completed else "",
            builder.code() if completed else "", str(builder.rng.randint(5, 900)),
            str(builder.rng.randint(18, 70)), builder.rng.choice(("Female", "Male")),
            builder.rng.choice(("White", "Asian", "Black", "Mixed", "Other")), country, country, country, "English",
            builder.rng.choice(("Yes", "No")), builder.rng.choice(("Full-Time", "Part-Time", "Not in paid work")),
        ])  # fmt: skip
    return rows


def _messages(builder: _Builder, world: World | None, value: dict[str, Any]) -> dict[str, Any]:
    """``get-messages``: the messages sent through the fake (``?user_id=``: to that participant), oldest first."""
    if world is None or not world.messages:
        return value
    wanted = builder.request.query.get("user_id")
    results = []
    for index, sent in enumerate(world.messages):
        if wanted and sent.get("recipient_id") != wanted:
            continue
        message: dict[str, Any] = {
            "id": f"{0x6540A1B2C3D4E5F600000000 + index:024x}",
            "sender_id": OWNER,
            "body": sent.get("body", ""),
            "sent_at": sent.get("sent_at") or builder.stamp(),
            "type": "message",
            "channel_id": f"{OWNER}_{sent.get('recipient_id', '')}",
        }
        if sent.get("study_id"):
            message["data"] = {"study_id": sent["study_id"]}
        results.append(message)
    return {**value, "results": results}


def _stored_list(
    builder: _Builder, value: dict[str, Any], stored: list[dict[str, Any]], schema_of_list: str
) -> dict[str, Any]:
    """``value`` with its ``results`` replaced by ``stored`` items, each kept to the fields the schema documents."""
    if not stored or not isinstance(value.get("results"), list) or not value["results"]:
        return value
    documented = response_table()["operations"][schema_of_list]["schema"]
    list_schema = builder.resolve(documented)
    item_schema = builder.resolve((list_schema.get("properties") or {}).get("results", {}).get("items", {}))
    template = value["results"][0]
    results = []
    for item in stored:
        row = dict(template)
        props = item_schema.get("properties") or {} if isinstance(item_schema, dict) else {}
        for key, field in item.items():
            if key in props and builder.fits(field, props[key]):
                row[key] = field
        if builder.fits(row, item_schema):
            results.append(row)
    out = {**value, "results": results}
    _fix_counts(out, builder)
    return out


def _study_submissions(builder: _Builder, world: World | None, value: dict[str, Any]) -> dict[str, Any]:
    """``get-study-submissions``: the study's submissions the fake holds."""
    if world is None:
        return value
    stored = list(world.submissions.get(builder.request.path_params.get("id", ""), ()))
    return _stored_list(builder, value, stored, "get-study-submissions") if stored else {**value, "results": []}


_TOUCHES: dict[str, Touch] = {
    "get-user": _user,
    "get-study-cost": _study_cost,
    "export-study": _export,
    "get-messages": _messages,
    "get-study-submissions": _study_submissions,
}
