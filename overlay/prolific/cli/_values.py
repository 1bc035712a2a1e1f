"""Command-line text to the arguments of a generated endpoint function, by its annotations.

``prolific-client api`` takes ``NAME=VALUE`` words and a ``--body``; this module reads the
generated ``sync_detailed`` signature (never a hand-written table) to know each parameter's type,
whether it is required, and the request body's model.

Values: ``str`` as given; ``int`` and ``float`` as numbers; ``bool`` as ``true``/``false``; a UUID,
a date or a date-time in their ISO forms; an enumeration (``Literal``) checked against its allowed
values; a list parameter takes one item per ``NAME=VALUE`` (repeat it); an object parameter takes
JSON. The body is JSON turned into the body model with ``from_dict`` (a body typed as text is sent
as given).

>>> from typing import Literal
>>> convert("3", int), convert("TRUE", bool), convert("ACTIVE", Literal["ACTIVE", "PAUSED"])
(3, True, 'ACTIVE')
>>> convert("ACTIV", Literal["ACTIVE", "PAUSED"])
Traceback (most recent call last):
...
ValueError: expected one of ACTIVE, PAUSED (did you mean ACTIVE?), got 'ACTIV'
"""

from __future__ import annotations

import datetime
import difflib
import enum
import inspect
import json
import types
import typing
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BodySpec",
    "Parameter",
    "Signature",
    "body_value",
    "convert",
    "field_names",
    "parse_json",
    "signature",
    "type_name",
    "unknown_fields",
]


@dataclass(frozen=True)
class Parameter:
    """One path or query parameter of an operation, as its generated function declares it."""

    name: str
    annotation: Any  # without ``Unset``/``None``
    required: bool
    where: str  # "path" or "query"

    @property
    def many(self) -> bool:
        """A list parameter: each ``NAME=VALUE`` adds one item."""
        return _origin(self.annotation) in (list, tuple)

    def describe(self) -> str:
        """``id (path, required)``, ``state (query: ACTIVE|PAUSED)``."""
        notes = [self.where]
        kind = type_name(self.annotation)
        if kind != "text":
            notes.append(kind)
        if self.required:
            notes.append("required")
        return f"{self.name} ({', '.join(notes)})"


@dataclass(frozen=True)
class BodySpec:
    """The request body a generated function takes: its type and whether it is required."""

    annotation: Any
    required: bool

    @property
    def is_text(self) -> bool:
        """A body the spec types as a string (e.g. JSONL): sent as given, not parsed."""
        return self.annotation is str

    def describe(self) -> str:
        return type_name(self.annotation)

    def members(self) -> tuple[Any, ...]:
        """The accepted body types (more than one for a ``oneOf`` body)."""
        return _union_members(self.annotation) or (self.annotation,)


@dataclass(frozen=True)
class Signature:
    """What an operation's generated ``sync_detailed`` takes."""

    parameters: dict[str, Parameter]
    body: BodySpec | None


def signature(function: Callable[..., Any], path_parameters: tuple[str, ...]) -> Signature:
    """The parameters and body of a generated endpoint function (``client`` left out)."""
    parameters: dict[str, Parameter] = {}
    body = None
    for name, param in inspect.signature(function, eval_str=True).parameters.items():
        if name == "client":
            continue
        required = param.default is inspect.Parameter.empty
        annotation = _strip_unset(param.annotation)
        if name == "body" and param.kind is inspect.Parameter.KEYWORD_ONLY:
            body = BodySpec(annotation, required)
        else:
            where = "path" if name in path_parameters else "query"
            parameters[name] = Parameter(name, annotation, required, where)
    return Signature(parameters, body)


def _strip_unset(annotation: Any) -> Any:
    """``int | Unset`` -> ``int``; ``A | B | Unset`` -> ``A | B``; ``None`` goes too (no null from text)."""
    from prolific_api_client.types import Unset

    members = _union_members(annotation)
    if members is None:
        return annotation
    kept = [m for m in members if m not in (Unset, type(None))]
    if len(kept) == len(members):
        return annotation
    if len(kept) == 1:
        return kept[0]
    return typing.Union[tuple(kept)]  # noqa: UP007 - built from a runtime list


def _union_members(annotation: Any) -> tuple[Any, ...] | None:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return typing.get_args(annotation)
    return None


def _origin(annotation: Any) -> Any:
    return typing.get_origin(annotation)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and callable(getattr(annotation, "from_dict", None))


def type_name(annotation: Any) -> str:
    """A short, readable name of what a value must be: ``whole number``, ``ACTIVE|PAUSED``."""
    members = _union_members(annotation)
    if members is not None:
        return " or ".join(type_name(m) for m in members)
    if typing.get_origin(annotation) is typing.Literal:
        return "|".join(str(v) for v in typing.get_args(annotation))
    if _origin(annotation) in (list, tuple):
        args = typing.get_args(annotation)
        return f"list of {type_name(args[0]) if args else 'text'}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "|".join(str(m.value) for m in annotation)
    names = {
        str: "text",
        int: "whole number",
        float: "number",
        bool: "true|false",
        uuid.UUID: "UUID",
        datetime.datetime: "ISO date-time",
        datetime.date: "ISO date",
    }
    if annotation in names:
        return str(names[annotation])
    if _is_model(annotation):
        return f"JSON object ({annotation.__name__})"
    return getattr(annotation, "__name__", None) or str(annotation)


def convert(text: str, annotation: Any) -> Any:
    """``text`` as a value of ``annotation``; ``ValueError`` says what was expected."""
    members = _union_members(annotation)
    if members is not None:
        for member in members:
            try:
                return convert(text, member)
            except ValueError:
                continue
        raise ValueError(f"expected {type_name(annotation)}, got {text!r}")
    if typing.get_origin(annotation) is typing.Literal:
        return _choice(text, [v for v in typing.get_args(annotation)])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(_choice(text, [m.value for m in annotation]))
    if annotation is bool:
        lowered = text.strip().lower()
        if lowered not in ("true", "false"):
            raise ValueError(f"expected true or false, got {text!r}")
        return lowered == "true"
    if annotation is int:
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"expected a whole number, got {text!r}") from None
    if annotation is float:
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"expected a number, got {text!r}") from None
    if annotation is uuid.UUID:
        try:
            return uuid.UUID(text)
        except ValueError:
            raise ValueError(f"expected a UUID, got {text!r}") from None
    if annotation is datetime.datetime:
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected an ISO date-time (2024-05-01T12:00:00Z), got {text!r}") from None
    if annotation is datetime.date:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected an ISO date (2024-05-01), got {text!r}") from None
    if _is_model(annotation):
        return body_value(parse_json(text), annotation)
    return text  # str, and anything the generator may add that takes text


def _choice(text: str, allowed: list[Any]) -> Any:
    for value in allowed:
        if str(value) == text:
            return value
    shown = [str(v) for v in allowed]
    close = difflib.get_close_matches(text, shown, n=1, cutoff=0.6) or [s for s in shown if s.lower() == text.lower()]
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise ValueError(f"expected one of {', '.join(shown)}{hint}, got {text!r}")


def parse_json(text: str) -> Any:
    """JSON text; ``ValueError`` names the line and column of the mistake (never the text itself)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def body_value(data: Any, annotation: Any) -> Any:
    """Parsed JSON as the generated function's body type (models through ``from_dict``).

    ``ValueError`` names what does not fit: a missing field, a value outside an enumeration,
    an array where an object is expected.
    """
    members = _union_members(annotation)
    if members is not None:
        problems = []
        for member in members:
            try:
                return body_value(data, member)
            except ValueError as exc:  # a model's message starts with its name
                problems.append(str(exc) if _is_model(member) else f"{type_name(member)}: {exc}")
        raise ValueError("fits none of the accepted bodies: " + "; ".join(problems))
    if _origin(annotation) in (list, tuple):
        if not isinstance(data, list):
            raise ValueError(f"expected a JSON array, got {_json_kind(data)}")
        args = typing.get_args(annotation)
        item = args[0] if args else Any
        values = []
        for index, element in enumerate(data):
            try:
                values.append(body_value(element, item))
            except ValueError as exc:
                raise ValueError(f"item {index}: {exc}") from None
        return values
    if _is_model(annotation):
        if not isinstance(data, dict):
            raise ValueError(f"{annotation.__name__} is a JSON object, got {_json_kind(data)}")
        try:
            return annotation.from_dict(data)
        except KeyError as exc:
            raise ValueError(f"{annotation.__name__}: missing required field {exc.args[0]!r}") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{annotation.__name__}: {exc}") from None
    return data


def _json_kind(data: Any) -> str:
    if isinstance(data, dict):
        return "an object"
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    if isinstance(data, bool):
        return "true/false"
    if data is None:
        return "null"
    return "a number"


def unknown_fields(model: Any, data: dict[str, Any]) -> list[str]:
    """Top-level keys of ``data`` the model does not document (kept as additional properties)."""
    extra = getattr(model, "additional_properties", None)
    if isinstance(extra, dict):
        return [key for key in data if key in extra]
    to_dict = getattr(model, "to_dict", None)
    kept = to_dict() if callable(to_dict) else {}
    return [key for key in data if key not in kept]


def field_names(model: Any) -> list[str]:
    """The documented fields of a model class (attrs), for suggestions."""
    fields = getattr(model, "__attrs_attrs__", ())
    return [f.name for f in fields if f.name != "additional_properties"]
