"""Reading YAML: the pipeline's own files (the names table, the overrides), sources, documents to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import SpecError

# libyaml's safe loader where PyYAML has it (the wheels do): the merged spec reads in a tenth of the time.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path) -> str:
    """The text of ``path`` (UTF-8); a file that cannot be read is a :class:`SpecError` naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot read it: {exc}") from None


def parse_yaml(text: str, origin: str, *, problem: str = "YAML does not parse") -> Any:
    """Parse YAML (safe subset; JSON is YAML); a syntax error names ``origin``, the line and the column.

    ``problem`` is what the message calls the failure (a reader of any document says "not valid YAML
    or JSON").
    """
    try:
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{origin}, line {mark.line + 1}, column {mark.column + 1}" if mark else origin
        raise SpecError(f"{where}: {problem}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SpecError(f"{origin}: {problem}: {exc}") from None


def read_mapping(path: Path, expected: str) -> dict[str, Any]:
    """The YAML mapping in ``path`` (an empty file reads as ``{}``); every failure names the file.

    ``expected`` completes the message for a file that holds something else, e.g.
    ``"a mapping with a `nullable` section"``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot read it as YAML: {exc}") from None
    try:
        raw = yaml.load(text, Loader=YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise SpecError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise SpecError(f"{path}: expected {expected}")
    return raw
