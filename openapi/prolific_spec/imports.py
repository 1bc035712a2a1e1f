"""What a regeneration does to users' imports: generated modules and model classes that moved or went.

openapi-python-client writes one module per operation, ``api/<tag>/<operation_id>.py``, and one
module per model, ``models/<name>.py``. A renamed tag or operationId therefore moves the import
path of a function whose HTTP operation did not change at all. Modules are matched by the
operation they call (the ``"method"`` and ``"url"`` in their ``_get_kwargs``), then by name.
Model classes are matched by name, then, for a class that disappeared under one name and
appeared under another, by their source text with the names taken out (a rename).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_METHOD = re.compile(r'"method":\s*"([a-zA-Z]+)"')
_URL = re.compile(r'"url":\s*\(?\s*f?"([^"]*)"')
_PATH_PARAM = re.compile(r"\{[^}]*\}")
_CLASS = re.compile(r"^class (\w+)\b|^(\w+)\s*=\s*Literal\[", re.MULTILINE)


@dataclass(frozen=True)
class Move:
    """A module or class importable under ``new`` now, under ``old`` before."""

    old: str
    new: str
    why: str = ""


@dataclass(frozen=True)
class ImportChanges:
    """Dotted import paths of the generated package that moved, disappeared or appeared."""

    moved_modules: tuple[Move, ...] = ()
    removed_modules: tuple[str, ...] = ()
    added_modules: tuple[str, ...] = ()
    moved_classes: tuple[Move, ...] = ()
    removed_classes: tuple[str, ...] = ()
    added_classes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing moved, went or came."""
        return not (
            self.moved_modules
            or self.removed_modules
            or self.added_modules
            or self.moved_classes
            or self.removed_classes
            or self.added_classes
        )

    @property
    def breaking_count(self) -> int:
        """Imports that fail after the regeneration (moved or removed modules and classes)."""
        return len(self.moved_modules) + len(self.removed_modules) + len(self.moved_classes) + len(self.removed_classes)

    def to_json(self) -> dict[str, Any]:
        """The changes as a JSON-ready mapping."""

        def moves(items: tuple[Move, ...]) -> list[dict[str, str]]:
            return [{"old": m.old, "new": m.new, "why": m.why} for m in items]

        return {
            "moved_modules": moves(self.moved_modules),
            "removed_modules": list(self.removed_modules),
            "added_modules": list(self.added_modules),
            "moved_classes": moves(self.moved_classes),
            "removed_classes": list(self.removed_classes),
            "added_classes": list(self.added_classes),
        }


def api_modules(package: Path) -> dict[str, str | None]:
    """Every operation module under ``package/api`` as dotted path → ``"METHOD /path"`` (None if unread).

    Path parameters are written ``{}``, so a renamed path parameter does not hide the match.
    """
    out: dict[str, str | None] = {}
    for path, text in _modules(package, "api"):
        method, url = _METHOD.search(text), _URL.search(text)
        operation = f"{method.group(1).upper()} {_PATH_PARAM.sub('{}', url.group(1))}" if method and url else None
        out[_dotted(package, path)] = operation
    return out


def model_classes(package: Path) -> dict[str, tuple[str, str]]:
    """Every model class (and ``Literal`` enum alias) under ``package/models``: name → (module, source)."""
    out: dict[str, tuple[str, str]] = {}
    for path, text in _modules(package, "models"):
        for match in _CLASS.finditer(text):
            out[match.group(1) or match.group(2)] = (_dotted(package, path), text)
    return out


def compare_packages(old: Path, new: Path) -> ImportChanges:
    """Import paths of the generated package in ``old`` that moved or disappeared in ``new``.

    Both are package directories (``.../prolific_api_client``); a missing one counts as empty.
    """
    old_mods, new_mods = api_modules(old), api_modules(new)
    moved: list[Move] = []
    old_left = {m: op for m, op in old_mods.items() if m not in new_mods}
    new_left = {m: op for m, op in new_mods.items() if m not in old_mods}
    by_operation: dict[str, list[str]] = {}
    for module, operation in new_left.items():
        if operation is not None:
            by_operation.setdefault(operation, []).append(module)
    for module, operation in sorted(old_left.items()):
        candidates = by_operation.get(operation or "", [])
        if len(candidates) == 1:
            moved.append(Move(module, candidates[0], f"same operation, {operation}"))
            del new_left[candidates[0]]
    moved_from = {m.old for m in moved}
    removed_mods = sorted(m for m in old_left if m not in moved_from)

    old_classes, new_classes = model_classes(old), model_classes(new)
    moved_classes = [
        Move(f"{old_classes[name][0]}.{name}", f"{new_classes[name][0]}.{name}", "module renamed")
        for name in sorted(old_classes)
        if name in new_classes and old_classes[name][0] != new_classes[name][0]
    ]
    gone = {name: old_classes[name] for name in old_classes if name not in new_classes}
    came = {name: new_classes[name] for name in new_classes if name not in old_classes}
    renamed = _renames(gone, came)
    moved_classes += [
        Move(f"{gone[o][0]}.{o}", f"{came[n][0]}.{n}", "renamed, same fields") for o, n in sorted(renamed.items())
    ]
    return ImportChanges(
        moved_modules=tuple(moved),
        removed_modules=tuple(removed_mods),
        added_modules=tuple(sorted(new_left)),
        moved_classes=tuple(moved_classes),
        removed_classes=tuple(sorted(f"{gone[n][0]}.{n}" for n in gone if n not in renamed)),
        added_classes=tuple(sorted(f"{came[n][0]}.{n}" for n in came if n not in renamed.values())),
    )


def _renames(gone: dict[str, tuple[str, str]], came: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Old name → new name for classes whose source is the same once their own names are taken out."""

    def skeleton(name: str, module: str, text: str) -> str:
        text = re.sub(rf"\b{re.escape(name)}\b", "<N>", text)
        snake = module.rsplit(".", 1)[-1]
        text = re.sub(rf"\b{re.escape(snake)}\b", "<n>", text)
        return re.sub(rf"\b{re.escape(snake.upper())}\b", "<N_>", text)

    old_by: dict[str, list[str]] = {}
    for name, (module, text) in gone.items():
        old_by.setdefault(skeleton(name, module, text), []).append(name)
    new_by: dict[str, list[str]] = {}
    for name, (module, text) in came.items():
        new_by.setdefault(skeleton(name, module, text), []).append(name)
    return {olds[0]: new_by[key][0] for key, olds in old_by.items() if len(olds) == 1 and len(new_by.get(key, [])) == 1}


def _modules(package: Path, folder: str) -> list[tuple[Path, str]]:
    """Each module file under ``package/folder`` (``__init__`` excepted) with its text, in path order."""
    root = package / folder
    if not root.is_dir():
        return []
    return [
        (path, path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.py")) if path.name != "__init__.py"
    ]


def _dotted(package: Path, path: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join((package.name, *parts))
