"""What the union templates need to know about a union: its tag, whether it falls back, its type.

A union is *tagged* when it has two or more model variants and every one of them requires the same
property (the tag) holding a one-value string enum, with a different value in each. Such a union is
parsed by reading the tag first; it *falls back* (an unknown tag parses to ``types.UnknownVariant``)
when no other variant could take a JSON object (only ``None`` besides the models).

The generator's templates reach this through one Jinja global, ``union_tags`` (a :class:`UnionTags`),
which :func:`install` adds to the environment of the generator's ``Project``. The pipeline runs
openapi-python-client in-process (``build.run_generator``), so the environment is ours to extend
after the ``Project`` is built and before it renders anything: no wrapper, patch or subprocess.
The operations layer (``operations.py``) asks the same object, so the endpoint modules and the
operation methods annotate a union alike.

The properties are the generator's parsed ones (``UnionProperty``, ``ListProperty``,
``ModelProperty``...), read by their ``template`` name as the templates do; a variant inside a
union is an unprocessed copy of its model, so a model's required properties are read from the
processed model of the same class name (``openapi.models``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment

UNION = "union_property.py.jinja"
LIST = "list_property.py.jinja"
MODEL = "model_property.py.jinja"
LITERAL_ENUM = "literal_enum_property.py.jinja"
INT = "int_property.py.jinja"


def _text(value: Any) -> str:
    """The raw text of a name the generator wraps (``UntrustedString``)."""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter()) if callable(getter) else str(value)


def _code(value: Any) -> str:
    """The source text of a type the generator returns (``PythonCode``)."""
    getter = getattr(value, "as_unembedded_code", None)
    return str(getter()) if callable(getter) else str(value)


class UnionTags:
    """The union analysis for one generator run (one parsed document, one template environment).

    A model's tags are worked out once per class name, and whether a property template parses
    (has a ``construct`` macro) once per template: the unions ask about the same models and
    templates again and again.
    """

    def __init__(self, env: Environment, models: Iterable[Any]) -> None:
        self._env = env
        self._models: dict[str, Any] = {}
        for model in models:
            self._models.setdefault(str(model.class_info.name), model)
        self._tags: dict[str, dict[str, str]] = {}
        self._constructs: dict[str, bool] = {}

    def _model(self, inner: Any) -> Any:
        """The processed model behind a model variant (None when the document has none of that name)."""
        return self._models.get(str(inner.class_info.name))

    def parses(self, prop: Any) -> bool:
        """Whether ``prop``'s property template has a ``construct`` macro (a value of it is parsed)."""
        template = str(prop.template)
        known = self._constructs.get(template)
        if known is None:
            module = self._env.get_template("property_templates/" + template).module
            known = self._constructs[template] = getattr(module, "construct", None) is not None
        return known

    def required_keys(self, inner: Any) -> list[str]:
        """The JSON names a model variant's processed model requires, in its order."""
        model = self._model(inner)
        return [_text(q.name) for q in (model.required_properties if model else None) or []]

    def tags_of(self, inner: Any) -> dict[str, str]:
        """The one-value string enum properties a model variant requires: JSON name → the value."""
        name = str(inner.class_info.name)
        tags = self._tags.get(name)
        if tags is None:
            model = self._model(inner)
            tags = {}
            for q in (model.required_properties if model else None) or []:
                if q.template == LITERAL_ENUM and len(q.values) == 1:
                    (value,) = q.values
                    if isinstance(value, str):
                        tags[_text(q.name)] = value
            self._tags[name] = tags
        return tags

    def tag_key(self, prop: Any) -> str:
        """The tag's JSON name when ``prop`` is a tagged union, else ``""``.

        The first property of the first model variant's tags that every model variant has, with a
        different value in each.
        """
        if prop.template != UNION:
            return ""
        models = [inner for inner in prop.inner_properties if inner.template == MODEL]
        if len(models) < 2:
            return ""
        for key in self.tags_of(models[0]):
            values = [self.tags_of(model).get(key) for model in models]
            if None not in values and len(set(values)) == len(values):
                return key
        return ""

    def tag_value(self, inner: Any, key: str) -> str:
        """The tag value of one model variant (``""`` when it has none under ``key``)."""
        return self.tags_of(inner).get(key, "")

    def _other_takes_objects(self, prop: Any) -> bool:
        """Whether a JSON object could be taken by a variant other than the models (one not parsed, not None)."""
        return any(
            not self.parses(inner) and _code(inner.get_instance_type_string()) != "None"
            for inner in prop.inner_properties
        )

    def fallback_key(self, prop: Any) -> str:
        """The tag key when this union falls back to ``UnknownVariant`` on an unknown tag, else ``""``."""
        key = self.tag_key(prop)
        return key if key and not self._other_takes_objects(prop) else ""

    def has_fallback(self, prop: Any) -> bool:
        """Whether the property's type holds an ``UnknownVariant`` somewhere (itself, a list item, a union member)."""
        if prop.template == UNION:
            return bool(self.fallback_key(prop)) or any(self.has_fallback(inner) for inner in prop.inner_properties)
        if prop.template == LIST:
            return self.has_fallback(prop.inner_property)
        return False

    def type_string(self, prop: Any, no_optional: bool = False) -> str:
        """The Python type of the property: the generator's, with ``UnknownVariant`` where a union falls back."""
        if not self.has_fallback(prop):
            return _code(prop.get_type_string(no_optional=no_optional)).strip()
        unset = not prop.required and not no_optional
        if prop.template == LIST:
            return f"list[{self.type_string(prop.inner_property)}]" + (" | Unset" if unset else "")
        parts = [self.type_string(inner, no_optional=True) for inner in prop.inner_properties]
        if self.fallback_key(prop):
            parts.append("UnknownVariant")
        if unset:
            parts.append("Unset")
        return " | ".join(dict.fromkeys(parts))

    def holds_int(self, prop: Any) -> bool:
        """Whether an ``int`` is one of the union's members (its value is read by ``types.whole_number``)."""
        return any(inner.template == INT for inner in prop.inner_properties)

    def identity(self, prop: Any) -> bool:
        """Whether parsing the union always gives back the value as sent.

        Every member that parses is a literal enum (a checked str, the str itself) and a member that
        is not parsed (None, str, Any...) takes whatever the checks refuse, as the stock template's
        closing cast does.
        """
        unmodified = other = False
        for inner in prop.inner_properties:
            if not self.parses(inner):
                unmodified = True
            elif inner.template != LITERAL_ENUM:
                other = True
        return unmodified and not other


def install(env: Environment, models: Iterable[Any]) -> UnionTags:
    """Add the Jinja global ``union_tags`` (a :class:`UnionTags` over ``models``) to ``env``; return it."""
    tags = UnionTags(env, models)
    env.globals["union_tags"] = tags
    return tags
