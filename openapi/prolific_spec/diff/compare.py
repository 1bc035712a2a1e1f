"""Comparing two documents operation by operation, and schema by schema inside each (see the package doc)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..document import HTTP_METHODS, Document
from .model import Change
from .schema import _deref, _pure_ref, _View, _view

REQUEST = "request"
RESPONSE = "response"

# Formats that openapi-python-client turns into another Python type than the JSON type's
# (datetime, date, UUID, File): changing one changes the generated attribute's type.
TYPED_FORMATS = frozenset({"date-time", "date", "uuid", "binary"})
_PATH_PARAM = re.compile(r"\{[^}/]*\}")
_STATUS_RANGE = re.compile(r"^[1-5]XX$", re.IGNORECASE)


OpKey = tuple[str, str]  # (METHOD, path)


def _label(key: OpKey) -> str:
    return f"{key[0]} {key[1]}"


def _operations(doc: Document) -> dict[OpKey, tuple[dict[str, Any], dict[str, Any]]]:
    out: dict[OpKey, tuple[dict[str, Any], dict[str, Any]]] = {}
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        item = _deref(doc, item)
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                out[(method.upper(), str(path))] = (item, op)
    return out


def _shape_key(key: OpKey) -> OpKey:
    return key[0], _PATH_PARAM.sub("{}", key[1])


def _match_operations(
    old: Mapping[OpKey, Any], new: Mapping[OpKey, Any]
) -> tuple[list[tuple[OpKey, OpKey]], set[OpKey], set[OpKey]]:
    """(pairs, added, removed): pairs by exact method + path, then by path shape (parameter names aside)."""
    pairs = [(key, key) for key in old if key in new]
    old_left = [key for key in old if key not in new]
    new_left = [key for key in new if key not in old]
    by_shape_old: dict[OpKey, list[OpKey]] = {}
    by_shape_new: dict[OpKey, list[OpKey]] = {}
    for key in old_left:
        by_shape_old.setdefault(_shape_key(key), []).append(key)
    for key in new_left:
        by_shape_new.setdefault(_shape_key(key), []).append(key)
    for shape, olds in by_shape_old.items():
        news = by_shape_new.get(shape, [])
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
    matched_old = {o for o, _ in pairs}
    matched_new = {n for _, n in pairs}
    return pairs, set(new) - matched_new, set(old) - matched_old


def _ordered(changes: Iterable[Change]) -> list[Change]:
    """Breaking first, then by place; the order of discovery breaks ties (stable sort)."""
    return sorted(changes, key=lambda c: (not c.breaking, c.where))


def _show(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


# A change below some schema: (path segments, kind, detail, breaking).
_Rel = tuple[tuple[str, ...], str, str, bool]


class _Comparer:
    """Compares schemas of two documents; each pair of referenced schemas is compared once."""

    def __init__(self, old: Document, new: Document) -> None:
        self.old, self.new = old, new
        self._memo: dict[tuple[str, str, str], list[_Rel]] = {}
        self._active: dict[tuple[str, str, str], int] = {}  # pairs being compared → nesting depth
        self._cut = 0  # the shallowest enclosing pair a cycle returned to, while comparing one

    # -- operations

    def operation(
        self,
        old_key: OpKey,
        old: tuple[dict[str, Any], dict[str, Any]],
        new_key: OpKey,
        new: tuple[dict[str, Any], dict[str, Any]],
    ) -> list[Change]:
        (old_item, old_op), (new_item, new_op) = old, new
        changes: list[Change] = []
        if old_key != new_key:
            changes.append(
                Change("path-renamed", "path", f"was {old_key[1]} (same URLs, path parameters renamed)", False)
            )
        old_id, new_id = old_op.get("operationId"), new_op.get("operationId")
        if old_id != new_id:
            changes.append(Change("operation-id", "operationId", f"{old_id} → {new_id}", False))
        old_tags, new_tags = _tags(old_op.get("tags")), _tags(new_op.get("tags"))
        if old_tags != new_tags:
            detail = f"{', '.join(old_tags) or '(none)'} → {', '.join(new_tags) or '(none)'}"
            changes.append(Change("tags", "tags", detail, False))
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            state = "now deprecated" if new_op.get("deprecated") else "no longer deprecated"
            changes.append(Change("deprecated", "operation", state, False))
        changes += self.parameters(old_item, old_op, new_item, new_op)
        changes += self.request_body(old_op.get("requestBody"), new_op.get("requestBody"))
        changes += self.responses(old_op.get("responses"), new_op.get("responses"))
        return changes

    def parameters(
        self, old_item: dict[str, Any], old_op: dict[str, Any], new_item: dict[str, Any], new_op: dict[str, Any]
    ) -> list[Change]:
        old = _parameters(self.old, old_item, old_op)
        new = _parameters(self.new, new_item, new_op)
        changes: list[Change] = []
        removed = [k for k in old if k not in new]
        added = [k for k in new if k not in old]
        # A parameter of the same name in another place (query → header) moved: one change.
        for key in list(removed):
            moved = next((a for a in added if a[1] == key[1]), None)
            if moved is not None:
                removed.remove(key)
                added.remove(moved)
                where = f"{moved[0]} parameter {new[moved].get('name')}"
                changes.append(Change("parameter-moved", where, f"moved from {key[0]} to {moved[0]}", True))
                changes += self._parameter(where, old[key], new[moved])
        for key in removed:
            where = f"{key[0]} parameter {old[key].get('name')}"
            changes.append(Change("parameter-removed", where, "parameter removed", True))
        for key in added:
            param = new[key]
            required = _param_required(param)
            where = f"{key[0]} parameter {param.get('name')}"
            label = _view(self.new, _param_schema(param)).type_label()
            detail = f"{'required' if required else 'optional'} parameter added ({label})"
            changes.append(Change("parameter-added", where, detail, required))
        for key in old:
            if key in new:
                changes += self._parameter(f"{key[0]} parameter {new[key].get('name')}", old[key], new[key])
        return changes

    def _parameter(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
        changes = []
        was, now = _param_required(old), _param_required(new)
        if was != now:
            detail = "now required" if now else "now optional"
            changes.append(Change("required-changed", where, detail, now))
        rels = self.schema(_param_schema(old), _param_schema(new), REQUEST)
        changes += [_absolute(where, rel) for rel in rels]
        return changes

    def request_body(self, old: Any, new: Any) -> list[Change]:
        old, new = _deref(self.old, old), _deref(self.new, new)
        where = "request body"
        if not isinstance(old, dict) and not isinstance(new, dict):
            return []
        if not isinstance(new, dict):
            return [Change("body-removed", where, "the operation no longer takes a request body", True)]
        if not isinstance(old, dict):
            required = bool(new.get("required"))
            detail = f"{'required' if required else 'optional'} request body added"
            return [Change("body-added", where, detail, required)]
        changes = []
        if bool(old.get("required")) != bool(new.get("required")):
            now = bool(new.get("required"))
            changes.append(Change("required-changed", where, "now required" if now else "now optional", now))
        return changes + self._content(where, old.get("content"), new.get("content"), REQUEST)

    def responses(self, old: Any, new: Any) -> list[Change]:
        old_r = {str(k): v for k, v in old.items()} if isinstance(old, dict) else {}
        new_r = {str(k): v for k, v in new.items()} if isinstance(new, dict) else {}
        changes: list[Change] = []
        added = sorted(s for s in new_r if s not in old_r)
        removed = sorted(s for s in old_r if s not in new_r)
        body_pairs = [(s, s) for s in sorted(old_r) if s in new_r and _is_success(s)]
        for status in [s for s in removed if _STATUS_RANGE.match(s)]:
            covered = [s for s in added if s[:1] == status[:1] and not _STATUS_RANGE.match(s)]
            if covered:
                removed.remove(status)
                added = [s for s in added if s not in covered]
                detail = f"{status.upper()} split into {', '.join(covered)}"
                changes.append(Change("status-split", "responses", detail, False))
                body_pairs += [(status, s) for s in covered if _is_success(s)]
        for status in [s for s in added if _STATUS_RANGE.match(s)]:
            covered = [s for s in removed if s[:1] == status[:1] and not _STATUS_RANGE.match(s)]
            if covered:
                added.remove(status)
                removed = [s for s in removed if s not in covered]
                detail = f"{', '.join(covered)} merged into {status.upper()}"
                changes.append(Change("status-merged", "responses", detail, False))
                body_pairs += [(s, status) for s in covered if _is_success(s)]
        for status in removed:
            success = _is_success(status)
            kind = "success" if success else "error" if status != "default" else "default"
            changes.append(Change("status-removed", f"response {status}", f"{kind} status {status} removed", success))
        for status in added:
            changes.append(Change("status-added", f"response {status}", f"status {status} added", False))
        if not body_pairs:
            # A success status that changed (201 → 200): compare the bodies all the same.
            old_ok = sorted(s for s in old_r if _is_success(s))
            new_ok = sorted(s for s in new_r if _is_success(s))
            if old_ok and new_ok:
                body_pairs.append((old_ok[0], new_ok[0]))
        for old_status, new_status in body_pairs:
            where = f"response {new_status}" + (f" (was {old_status})" if old_status != new_status else "")
            changes += self._response(where, old_r[old_status], new_r[new_status])
        return changes

    def _response(self, where: str, old: Any, new: Any) -> list[Change]:
        old, new = _deref(self.old, old), _deref(self.new, new)
        old_content = old.get("content") if isinstance(old, dict) else None
        new_content = new.get("content") if isinstance(new, dict) else None
        if old_content and not new_content:
            return [Change("body-removed", where, "the response no longer has a body", True)]
        if new_content and not old_content:
            return [Change("body-added", where, "the response now has a body", False)]
        return self._content(where, old_content, new_content, RESPONSE)

    def _content(self, where: str, old: Any, new: Any, direction: str) -> list[Change]:
        old_m = old if isinstance(old, dict) else {}
        new_m = new if isinstance(new, dict) else {}
        changes = [
            Change("content-type-removed", where, f"media type {m} removed", True) for m in old_m if m not in new_m
        ]
        changes += [
            Change("content-type-added", where, f"media type {m} added", False) for m in new_m if m not in old_m
        ]
        pair = _media_pair(old_m, new_m)
        if pair is not None:
            old_media, new_media = old_m[pair[0]], new_m[pair[1]]
            old_schema = old_media.get("schema") if isinstance(old_media, dict) else None
            new_schema = new_media.get("schema") if isinstance(new_media, dict) else None
            if old_schema is not None or new_schema is not None:
                changes += [_absolute(where, rel) for rel in self.schema(old_schema, new_schema, direction)]
        return changes

    # -- schemas

    def schema(self, old: Any, new: Any, direction: str) -> list[_Rel]:
        """Changes from ``old`` to ``new`` (schema nodes), relative to them."""
        old_ref, new_ref = _pure_ref(old), _pure_ref(new)
        if old_ref is None or new_ref is None:
            return self._schema(old, new, direction)
        key = (old_ref, new_ref, direction)
        if key in self._active:
            # A cycle back to a pair being compared adds nothing here: it is reported there.
            self._cut = min(self._cut, self._active[key])
            return []
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        depth = self._active[key] = len(self._active)
        outer, self._cut = self._cut, depth
        try:
            result = self._schema(old, new, direction)
        finally:
            del self._active[key]
        # A result cut short by a cycle through an enclosing pair depends on where it was reached from.
        if self._cut >= depth:
            self._memo[key] = result
        self._cut = min(outer, self._cut)
        return result

    def _schema(self, old_node: Any, new_node: Any, direction: str) -> list[_Rel]:
        old, new = _view(self.old, old_node), _view(self.new, new_node)
        out: list[_Rel] = []
        request = direction == REQUEST
        if old.shape() != new.shape():
            out.append(((), "type-changed", f"type {old.type_label()} → {new.type_label()}", True))
            return out
        if old.format != new.format:
            typed = bool({old.format, new.format} & TYPED_FORMATS)
            detail = f"format {old.format or '(none)'} → {new.format or '(none)'}"
            out.append(((), "format-changed", detail + ("" if typed else " (same Python type)"), typed))
        if old.nullable != new.nullable:
            if new.nullable:
                out.append(((), "nullable-changed", "may now be null", not request))
            else:
                out.append(((), "nullable-changed", "no longer null", request))
        out += _enum_changes(old.enum, new.enum, request)
        out += self._properties(old, new, direction)
        if old.items is not None and new.items is not None:
            out += _below("[]", self.schema(old.items, new.items, direction))
        if old.additional is not None and new.additional is not None:
            out += _below("{}", self.schema(old.additional, new.additional, direction))
        if old.variants is not None and new.variants is not None:
            out += self._variants(old, new, direction)
        return out

    def _properties(self, old: _View, new: _View, direction: str) -> list[_Rel]:
        out: list[_Rel] = []
        request = direction == REQUEST
        for name, prop in old.properties.items():
            if name not in new.properties:
                out.append(((name,), "field-removed", "field removed", True))
                continue
            was, now = name in old.required, name in new.required
            if was != now:
                detail = "now required" if now else "now optional"
                out.append(((name,), "required-changed", detail, now if request else not now))
            out += _below(name, self.schema(prop, new.properties[name], direction))
        for name, prop in new.properties.items():
            if name not in old.properties:
                required = name in new.required
                label = _view(self.new, prop).type_label()
                detail = f"{'required' if required else 'optional'} field added ({label})"
                out.append(((name,), "field-added", detail, request and required))
        return out

    def _variants(self, old: _View, new: _View, direction: str) -> list[_Rel]:
        assert old.variants is not None and new.variants is not None
        old_keys = [self._variant_keys(self.old, v, old) for v in old.variants]
        new_keys = [self._variant_keys(self.new, v, new) for v in new.variants]
        pairs = _match_variants(old_keys, new_keys)
        out: list[_Rel] = []
        matched_old = {i for i, _ in pairs}
        matched_new = {j for _, j in pairs}
        for i, keys in enumerate(old_keys):
            if i not in matched_old:
                out.append(
                    ((f"<{_variant_label(keys, i)}>",), "variant-removed", f"{old.variant_kind} variant removed", True)
                )
        for j, keys in enumerate(new_keys):
            if j not in matched_new:
                out.append(
                    ((f"<{_variant_label(keys, j)}>",), "variant-added", f"{new.variant_kind} variant added", False)
                )
        for i, j in pairs:
            label = f"<{_variant_label(new_keys[j], j)}>"
            out += _below(label, self.schema(old.variants[i], new.variants[j], direction))
        return out

    @staticmethod
    def _variant_keys(doc: Document, node: Any, parent: _View) -> list[tuple[str, str]]:
        view = _view(doc, node)
        keys: list[tuple[str, str]] = []
        disc = parent.discriminator or ("type" if "type" in view.properties else None)
        if disc and disc in view.properties:
            tag = _view(doc, view.properties[disc]).enum
            if tag and len(tag) == 1:
                keys.append(("disc", str(tag[0])))
        if view.ref:
            keys.append(("ref", view.ref))
        if view.title:
            keys.append(("title", view.title))
        keys.append(("shape", f"{view.type_label()}:{','.join(sorted(view.properties))}"))
        return keys


def _match_variants(old: list[list[tuple[str, str]]], new: list[list[tuple[str, str]]]) -> list[tuple[int, int]]:
    """Pair variants by discriminator value, then reference name, title, shape; then by position."""
    pairs: list[tuple[int, int]] = []
    left_old, left_new = set(range(len(old))), set(range(len(new)))
    for kind in ("disc", "ref", "title", "shape"):
        by_old: dict[str, list[int]] = {}
        by_new: dict[str, list[int]] = {}
        for i in left_old:
            for k, v in old[i]:
                if k == kind:
                    by_old.setdefault(v, []).append(i)
        for j in left_new:
            for k, v in new[j]:
                if k == kind:
                    by_new.setdefault(v, []).append(j)
        for value, olds in by_old.items():
            news = by_new.get(value, [])
            if len(olds) == 1 and len(news) == 1:
                pairs.append((olds[0], news[0]))
                left_old.discard(olds[0])
                left_new.discard(news[0])
    if left_old and len(left_old) == len(left_new):
        # The same place in the list, unless two different discriminator values say otherwise.
        for i, j in zip(sorted(left_old), sorted(left_new), strict=True):
            tags = {v for k, v in old[i] if k == "disc"}, {v for k, v in new[j] if k == "disc"}
            if not (tags[0] and tags[1] and tags[0] != tags[1]):
                pairs.append((i, j))
    return sorted(pairs)


def _variant_label(keys: list[tuple[str, str]], index: int) -> str:
    for kind in ("disc", "ref", "title"):
        for k, v in keys:
            if k == kind:
                return v
    return f"#{index + 1}"


def _enum_changes(old: list[Any] | None, new: list[Any] | None, request: bool) -> list[_Rel]:
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [((), "enum-restricted", f"now restricted to {', '.join(map(_show, new))}", request)]
    if new is None:
        return [((), "enum-unrestricted", "no longer restricted to a list of values", False)]
    old_keys = {_show(v) for v in old}
    new_keys = {_show(v) for v in new}
    out: list[_Rel] = [
        ((), "enum-value-removed", f"enum value {v} removed", True) for v in map(_show, old) if v not in new_keys
    ]
    out += [((), "enum-value-added", f"enum value {v} added", False) for v in map(_show, new) if v not in old_keys]
    return out


def _below(segment: str, rels: list[_Rel]) -> Iterator[_Rel]:
    for path, kind, detail, breaking in rels:
        yield (segment, *path), kind, detail, breaking


def _absolute(where: str, rel: _Rel) -> Change:
    path, kind, detail, breaking = rel
    text = ""
    for segment in path:
        if segment[:1] in ("[", "{", "<") or not text:
            text += segment
        else:
            text += "." + segment
    return Change(kind, f"{where}: {text}" if text else where, detail, breaking)


# -- operation parts ---------------------------------------------------------------------------------


def _tags(raw: Any) -> list[str]:
    """Tags as a flat list (Fern's pages nest them: ``- - subpackage_credentials``)."""
    out: list[str] = []
    stack = [raw]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, str) and item not in out:
            out.append(item)
    return out


def _parameters(doc: Document, item: dict[str, Any], op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Path-level then operation-level parameters by (location, name); header names ignore case."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for source in (item.get("parameters"), op.get("parameters")):
        for raw in source if isinstance(source, list) else []:
            param = _deref(doc, raw)
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                continue
            location = str(param.get("in", "query"))
            name = param["name"].lower() if location == "header" else param["name"]
            out[(location, name)] = param
    return out


def _param_required(param: dict[str, Any]) -> bool:
    return param.get("in") == "path" or bool(param.get("required"))


def _param_schema(param: dict[str, Any]) -> Any:
    if "schema" in param:
        return param["schema"]
    content = param.get("content")
    if isinstance(content, dict) and content:
        media = next(iter(content.values()))
        return media.get("schema") if isinstance(media, dict) else None
    return None


def _is_success(status: str) -> bool:
    return status[:1] == "2"


def _media_pair(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, str] | None:
    """The media types whose schemas to compare: JSON if both have it, else a common one, else the first."""
    if not old or not new:
        return None
    for media in ("application/json", *old):
        if media in old and media in new:
            return media, media
    old_json = next((m for m in old if "json" in m), None)
    new_json = next((m for m in new if "json" in m), None)
    if old_json and new_json:
        return old_json, new_json
    return None
