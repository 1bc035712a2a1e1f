"""Reading a study file (YAML or JSON) with the line and column of every key and value.

A study file is the ``create-study`` body as Prolific's document names it, plus a few friendly keys
(:mod:`._friendly`). Every later step reports a problem where the user wrote it: the loader keeps,
for each value, a :class:`Node` with its 1-based ``line`` and ``column`` and, for each mapping key,
the position of the key itself. A problem is a :class:`StudyProblem`: ``file:line:column``, the key
path (``filters[0].selected_values``) and what to do.

JSON is parsed by a small reader built on the standard library's own string and number scanners
(the standard parser keeps no positions); YAML by PyYAML's composer (imported only for a YAML
file), with its node marks. A key written twice is refused in both formats (naming both lines):
both parsers would otherwise keep the last one without a word.

>>> node = parse_text('{"name": "Wave 1",\\n "reward": 4.00}', source="s.json")
>>> node.value
{'name': 'Wave 1', 'reward': 4.0}
>>> reward = node.get("reward")
>>> (reward.line, reward.column, reward.text)
(2, 12, '4.00')
"""

from __future__ import annotations

import json
import json.decoder
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .._errors import InputProblem, StudyFileError
from .._text import read_file_text

__all__ = [
    "ERROR",
    "WARNING",
    "Node",
    "StudyProblem",
    "format_path",
    "load_study_file",
    "parse_text",
]

ERROR, WARNING = "error", "warning"
#: A path into the file: mapping keys (str) and sequence indexes (int).
Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """``("filters", 0, "filter_id")`` → ``filters[0].filter_id``.

    >>> format_path(("filters", 0, "filter_id"))
    'filters[0].filter_id'
    >>> format_path(())
    '(the whole file)'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(the whole file)"


class StudyProblem(InputProblem):
    """A problem of a study file: ``file:line:column``, the key ``path`` and the message; an error or a warning.

    ``field`` is the key path as text (``filters[0].filter_id``). ``severity`` is ``"error"``
    (nothing is sent while one remains) or ``"warning"`` (said, and the file is still used).

    >>> str(StudyProblem("write 400 (cents)", file="s.yaml", line=9, column=9, path=("reward",)))
    's.yaml:9:9: reward: write 400 (cents)'
    """

    __slots__ = ("column", "path", "severity")

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: Path = (),
        severity: str = ERROR,
    ) -> None:
        super().__init__(message, file=file, line=line, field=format_path(path) if path else None)
        self.column = column
        self.path = path
        self.severity = severity

    def where(self, *, file: bool = True) -> str:
        place = ":".join(str(part) for part in (self.file if file else None, self.line, self.column) if part)
        return ": ".join(part for part in (place, self.field) if part)

    def shown(self, *, file: bool = True) -> str:
        where = self.where(file=file)
        warning = "warning: " if self.severity == WARNING else ""
        return f"{where}: {warning}{self.message}" if where else f"{warning}{self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON data (``--json`` output)."""
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.field,
            "message": self.message,
        }


@dataclass(eq=False)
class Node:
    """A value of the file and where it is: ``line``/``column`` (1-based) of the value.

    ``value`` is the plain value (dict, list, str, int, float, bool or None) built from the
    children. A mapping keeps its children by key in ``items`` and each key's own position in
    ``keys``; a sequence keeps its children in ``items`` as a list. ``text`` is a scalar as it was
    written (``4.00`` stays ``4.00``: a float forgets its decimals).
    """

    value: Any
    line: int
    column: int
    text: str | None = None
    items: dict[str, Node] | list[Node] | None = None
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def is_mapping(self) -> bool:
        """True for a mapping (a JSON object)."""
        return isinstance(self.items, dict)

    @property
    def is_sequence(self) -> bool:
        """True for a sequence (a JSON array)."""
        return isinstance(self.items, list)

    def get(self, key: str) -> Node | None:
        """The child under ``key`` of a mapping (None when absent or not a mapping)."""
        return self.items.get(key) if isinstance(self.items, dict) else None

    def children(self) -> Iterator[tuple[str | int, Node]]:
        """``(key or index, node)`` of each child, in the file's order."""
        if isinstance(self.items, dict):
            yield from self.items.items()
        elif isinstance(self.items, list):
            yield from enumerate(self.items)

    def key_position(self, key: str) -> tuple[int, int]:
        """Where ``key`` itself is written in this mapping (the mapping's position when unknown)."""
        return self.keys.get(key, (self.line, self.column))

    def find(self, path: Path) -> Node | None:
        """The node at ``path`` below this one, or None."""
        node: Node | None = self
        for part in path:
            if node is None:
                return None
            if isinstance(part, int):
                node = node.items[part] if isinstance(node.items, list) and 0 <= part < len(node.items) else None
            else:
                node = node.get(part)
        return node


def scalar(value: Any, line: int, column: int, text: str | None = None) -> Node:
    """A scalar node (for values made by the friendly keys: they keep the position they came from)."""
    return Node(value, line, column, text)


def mapping(items: dict[str, Node], line: int, column: int, keys: dict[str, tuple[int, int]] | None = None) -> Node:
    """A mapping node of ``items`` (its ``value`` built from theirs)."""
    return Node({k: n.value for k, n in items.items()}, line, column, None, items, dict(keys or {}))


def sequence(items: list[Node], line: int, column: int) -> Node:
    """A sequence node of ``items``."""
    return Node([n.value for n in items], line, column, None, items)


# -- JSON ----------------------------------------------------------------------------------------

# The standard library's own string scanner (the C one when built): json's escapes, exactly.
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_NUMBER = re.compile(r"(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = {"true": True, "false": False, "null": None}


class _JSONError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class _JSONReader:
    """A JSON value with positions: the standard library's ``scanstring`` and number grammar, nothing looser."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [0]  # the offset each line starts at
        self.lines += [m.end() for m in re.finditer(r"\n", text)]
        self.duplicates: list[tuple[Path, str, int, int]] = []  # (mapping path, key, first line, offset)

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self.lines, offset)
        return line, offset - self.lines[line - 1] + 1

    def skip(self, offset: int) -> int:
        match = _SPACE.match(self.text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def value(self, offset: int, path: Path) -> tuple[Node, int]:
        text = self.text
        offset = self.skip(offset)
        line, column = self.position(offset)
        char = text[offset : offset + 1]
        if char == "{":
            return self.object(offset + 1, line, column, path)
        if char == "[":
            return self.array(offset + 1, line, column, path)
        if char == '"':
            try:
                string, end = _scanstring(text, offset + 1)
            except json.JSONDecodeError as exc:
                raise _JSONError(exc.msg, exc.pos) from None
            return Node(string, line, column, text[offset:end]), end
        for word, literal in _LITERALS.items():
            if text.startswith(word, offset):
                return Node(literal, line, column, word), offset + len(word)
        match = _NUMBER.match(text, offset)
        if match is None or match.end() == offset:
            raise _JSONError("expected a value", offset)
        written = match.group(0)
        number: int | float = int(written) if not (match.group(2) or match.group(3)) else float(written)
        return Node(number, line, column, written), match.end()

    def object(self, offset: int, line: int, column: int, path: Path) -> tuple[Node, int]:
        items: dict[str, Node] = {}
        keys: dict[str, tuple[int, int]] = {}
        offset = self.skip(offset)
        if self.text.startswith("}", offset):
            return mapping(items, line, column, keys), offset + 1
        while True:
            offset = self.skip(offset)
            if not self.text.startswith('"', offset):
                raise _JSONError("expected a key in double quotes", offset)
            key_at = self.position(offset)
            try:
                key, offset = _scanstring(self.text, offset + 1)
            except json.JSONDecodeError as exc:
                raise _JSONError(exc.msg, exc.pos) from None
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise _JSONError("expected ':' after the key", offset)
            child, offset = self.value(offset + 1, (*path, key))
            if key in items:
                self.duplicates.append(((*path, key), key, keys[key][0], key_at[0]))
            items[key], keys[key] = child, key_at
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset += 1
                continue
            if self.text.startswith("}", offset):
                return mapping(items, line, column, keys), offset + 1
            raise _JSONError("expected ',' or '}'", offset)

    def array(self, offset: int, line: int, column: int, path: Path) -> tuple[Node, int]:
        items: list[Node] = []
        offset = self.skip(offset)
        if self.text.startswith("]", offset):
            return sequence(items, line, column), offset + 1
        while True:
            child, offset = self.value(offset, (*path, len(items)))
            items.append(child)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset += 1
                continue
            if self.text.startswith("]", offset):
                return sequence(items, line, column), offset + 1
            raise _JSONError("expected ',' or ']'", offset)


def _parse_json(text: str, source: str) -> Node:
    reader = _JSONReader(text)
    try:
        node, end = reader.value(0, ())
        end = reader.skip(end)
        if end != len(text):
            raise _JSONError("extra text after the study", end)
    except _JSONError as exc:
        line, column = reader.position(exc.offset)
        raise StudyFileError(
            [StudyProblem(f"not valid JSON: {exc}", file=source, line=line, column=column)], source=source
        ) from None
    except RecursionError:
        raise StudyFileError([StudyProblem("nested too deeply", file=source)], source=source) from None
    _refuse_duplicates(reader.duplicates, source)
    return node


def _refuse_duplicates(duplicates: list[tuple[Path, str, int, int]], source: str) -> None:
    if duplicates:
        problems = [
            StudyProblem(
                f"{key!r} is written twice (lines {first} and {second}); keep one", file=source, line=second, path=path
            )
            for path, key, first, second in duplicates
        ]
        raise StudyFileError(problems, source=source)


# -- YAML ----------------------------------------------------------------------------------------


def _parse_yaml(text: str, source: str) -> Node:
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML is a dependency; a stripped install may lack it
        raise StudyFileError(
            [StudyProblem("reading YAML needs PyYAML (pip install pyyaml), or write the study as JSON", file=source)],
            source=source,
        ) from None
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise StudyFileError(
            [StudyProblem(f"not valid YAML: {exc.problem or exc}", file=source, line=line, column=column)],
            source=source,
        ) from None
    except yaml.YAMLError as exc:
        raise StudyFileError([StudyProblem(f"not valid YAML: {exc}", file=source)], source=source) from None
    finally:
        loader.dispose()
    if root is None:
        raise StudyFileError([StudyProblem("the file is empty: write the study's fields", file=source)], source=source)
    constructor = yaml.constructor.SafeConstructor()
    duplicates: list[tuple[Path, str, int, int]] = []
    try:
        node = _yaml_node(root, (), constructor, duplicates, source, yaml)
    except RecursionError:
        raise StudyFileError([StudyProblem("nested too deeply", file=source)], source=source) from None
    _refuse_duplicates(duplicates, source)
    return node


def _yaml_node(
    node: Any, path: Path, constructor: Any, duplicates: list[tuple[Path, str, int, int]], source: str, yaml: Any
) -> Node:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)  # YAML merge keys (<<: *defaults)
        items: dict[str, Node] = {}
        keys: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise StudyFileError(
                    [
                        StudyProblem(
                            "a key must be a plain word", file=source, line=key_line, column=key_column, path=path
                        )
                    ],
                    source=source,
                )
            key = str(constructor.construct_object(key_node))
            child = _yaml_node(value_node, (*path, key), constructor, duplicates, source, yaml)
            if key in items:
                duplicates.append(((*path, key), key, keys[key][0], key_line))
            items[key], keys[key] = child, (key_line, key_column)
        return mapping(items, line, column, keys)
    if isinstance(node, yaml.SequenceNode):
        children = [
            _yaml_node(item, (*path, index), constructor, duplicates, source, yaml)
            for index, item in enumerate(node.value)
        ]
        return sequence(children, line, column)
    try:
        value = constructor.construct_object(node)
    except yaml.YAMLError as exc:
        raise StudyFileError(
            [StudyProblem(f"not a value this file can hold: {exc}", file=source, line=line, column=column, path=path)],
            source=source,
        ) from None
    if not isinstance(value, str | int | float | bool | type(None)):
        # A date or a timestamp (YAML reads 2024-01-01 as one): the API takes text; say so.
        value = str(node.value)
    return Node(value, line, column, node.value)


# -- the entry points ----------------------------------------------------------------------------


def parse_text(text: str, *, source: str = "<study>", format: str | None = None) -> Node:
    """The root :class:`Node` of a study written as ``text``: JSON or YAML (``format``, else guessed).

    Guessed: text starting with ``{`` is JSON, anything else YAML. Not valid JSON or YAML raises
    :class:`~prolific.StudyFileError` with the line and column.
    """
    chosen = format or ("json" if text.lstrip().startswith("{") else "yaml")
    if chosen == "json":
        return _parse_json(text, source)
    return _parse_yaml(text, source)


def load_study_file(path: str | os.PathLike[str]) -> Node:
    """The root :class:`Node` of the study file at ``path`` (``.json`` is JSON, anything else YAML).

    An unreadable file, a file that is not UTF-8, JSON or YAML raises :class:`~prolific.StudyFileError`.
    """
    source = os.fspath(path)
    text = read_file_text(path, source=source, error=StudyFileError)
    fmt = "json" if source.lower().endswith(".json") else None
    return parse_text(text, source=source, format=fmt)
