"""Inline schemas that become classes → named component schemas, named after where they are.

openapi-python-client names an inline object or enum after its place in the document:
``<Operation>Response200``, ``<Operation>Body``, ``<Model>Type0`` for a union option,
``ApiV1…ContentApplicationJson…`` when a ``title`` says so. Lifting every such schema into
``components.schemas`` first gives each a name chosen by this pipeline (and overridable in
``openapi/names.yaml``), so the generator never has to invent one.

Names follow the place (see :class:`Place`): ``<Operation>Request`` for a request body,
``<Operation>Response`` for a success body, ``<Operation><Parameter>`` for a parameter,
``<Parent><Property>`` for a property, ``<Parent><Singular property>`` for the items of an array
property, ``<Parent><Tag>`` for a union option told apart by a one-value enum (``type: image``),
``<Parent>Option<N>`` otherwise (a name the build reports as still needing a decision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .document import Document, json_schema, operations, pascal, ref_name, ref_to, resolve, schemas_of


def singular(word: str) -> str:
    """The singular of an English plural in a name's last word (``Categories`` → ``Category``).

    >>> [singular(w) for w in ("FeederStudies", "Codes", "Status", "Data", "Addresses", "KeyOps")]
    ['FeederStudy', 'Code', 'Status', 'Data', 'Address', 'KeyOp']
    """
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith(("ss", "us", "is", "os")) or not lower.endswith("s") or len(word) < 3:
        return word
    return word[:-1]


def tag_name(value: str) -> str:
    """A union option's tag value as a part of a class name.

    >>> tag_name("rich_text"), tag_name("AWAITING REVIEW")
    ('RichText', 'AwaitingReview')
    """
    return pascal(value.lower() if value.isupper() else value)


def becomes_class(schema: Any) -> bool:
    """Whether the generator turns this schema into a class or enum of its own (objects, enums, allOf)."""
    if not isinstance(schema, dict) or ref_name(schema) is not None:
        return False
    kind = schema.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    return (
        "object" in kinds
        or isinstance(schema.get("properties"), dict)
        or isinstance(schema.get("enum"), list)
        or isinstance(schema.get("allOf"), list)
    )


@dataclass(frozen=True)
class Place:
    """Where an inline schema sits: the name of what holds it, and the suffix its own name adds."""

    parent: str
    suffix: str

    @property
    def name(self) -> str:
        return self.parent + self.suffix


def _option_tag(doc: Document, option: Any) -> str | None:
    """The value of a one-value enum property that tells this union option apart (``type: image``)."""
    option = resolve(doc, option)
    props = option.get("properties") if isinstance(option, dict) else None
    if not isinstance(props, dict):
        return None
    for prop in props.values():
        target = resolve(doc, prop)
        values = target.get("enum") if isinstance(target, dict) else None
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
            return values[0]
        if isinstance(target, dict) and isinstance(target.get("const"), str):
            return str(target["const"])
    return None


class _Hoister:
    def __init__(self, doc: Document, parent_name: Callable[[str], str]) -> None:
        self.doc = doc
        self.schemas = schemas_of(doc)
        self.parent_name = parent_name
        self.lifted: dict[str, Place] = {}
        self.queue: list[str] = []

    def _free(self, wanted: str) -> str:
        """A component key for a lifted schema; its name is decided later, from its :class:`Place`."""
        name, number = wanted, 2
        while name in self.schemas:
            name, number = f"{wanted}__lifted{number}", number + 1
        return name

    def lift(self, holder: Any, key: Any, place: Place) -> None:
        """Replace ``holder[key]`` by a reference to a new component if it becomes a class, else go inside."""
        schema = holder[key]
        if becomes_class(schema):
            name = self._free(place.name)
            self.schemas[name] = schema
            self.lifted[name] = place
            holder[key] = ref_to(name)
            self.queue.append(name)
        else:
            self.descend(schema, place.name)

    def descend(self, schema: Any, base: str) -> None:
        """Lift what is inside ``schema`` (named ``base``): properties, items, map values, union options."""
        if not isinstance(schema, dict) or ref_name(schema) is not None:
            return
        props = schema.get("properties")
        if not isinstance(props, dict):
            props = {}
        for prop_name in list(props):
            prop = props[prop_name]
            if isinstance(prop, dict) and isinstance(prop.get("items"), dict) and not becomes_class(prop):
                self.lift(prop, "items", Place(base, singular(pascal(prop_name))))
            else:
                self.lift(props, prop_name, Place(base, pascal(prop_name)))
        if isinstance(schema.get("items"), dict):
            self.lift(schema, "items", Place(base, "Item"))
        if isinstance(schema.get("additionalProperties"), dict):
            self.lift(schema, "additionalProperties", Place(base, "Value"))
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if not isinstance(options, list):
                continue
            for index in range(len(options)):
                tag = _option_tag(self.doc, options[index])
                suffix = tag_name(tag) if tag else f"Option{index + 1}"
                self.lift(options, index, Place(base, suffix))
        for index, part in enumerate(schema.get("allOf") or []):
            if isinstance(part, dict) and ref_name(part) is None:
                self.descend(part, f"{base}Part{index + 1}")

    def run(self) -> dict[str, Place]:
        for _path, _method, op in operations(self.doc):
            op_name = pascal(str(op.get("operationId") or ""))
            for param in op.get("parameters") or []:
                if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                    self.lift(param, "schema", Place(op_name, pascal(str(param.get("name", "")))))
            body = op.get("requestBody")
            if isinstance(body, dict) and json_schema(body) is not None:
                self.lift(body["content"]["application/json"], "schema", Place(op_name, "Request"))
            responses = op.get("responses") or {}
            successes = [s for s in responses if str(s).startswith("2") and json_schema(responses[s]) is not None]
            for status, response in responses.items():
                if json_schema(response) is None:
                    continue
                if str(status).startswith("2"):
                    suffix = "Response" if len(successes) == 1 else f"Response{status}"
                else:
                    suffix = f"Error{status}"
                self.lift(response["content"]["application/json"], "schema", Place(op_name, suffix))
        self.queue.extend(sorted(set(self.schemas) - set(self.queue)))
        done: set[str] = set()
        while self.queue:
            name = self.queue.pop(0)
            if name in done:
                continue
            done.add(name)
            base = name if name in self.lifted else self.parent_name(name)
            # The component itself is named already; only what is inside it is lifted.
            self.descend(self.schemas[name], base)
        return self.lifted


def hoist_inline_schemas(doc: Document, parent_name: Callable[[str], str] = lambda name: name) -> dict[str, Place]:
    """Lift every inline schema that would become a class into ``components.schemas``; return where each was.

    ``parent_name(component)`` is the name a published component's children are named after (its
    readable name, when the naming rules give it another); lifted names are unique (a clash with
    an existing component gets a number, which the build reports).
    """
    return _Hoister(doc, parent_name).run()
