"""Reading endpoint sources, and importing a saved Prolific docs page as a new source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .document import Document, operations
from .errors import SpecError
from .yamlfile import parse_yaml

__all__ = ["check_openapi_version", "check_source", "import_page", "load_sources", "parse_yaml"]


def check_openapi_version(doc: dict[str, Any], origin: str) -> None:
    """The document says ``openapi: 3.x`` (what every reader of documents here understands)."""
    version = str(doc.get("openapi", ""))
    if not version.startswith("3."):
        raise SpecError(
            f"{origin}: `openapi: 3.x` missing (found {version or 'nothing'}); is this an OpenAPI document?"
        )


def check_source(doc: Any, origin: str) -> Document:
    """A source must be an OpenAPI 3.x mapping with at least one operation."""
    if not isinstance(doc, dict):
        raise SpecError(f"{origin}: expected an OpenAPI document (a YAML mapping), got {type(doc).__name__}")
    check_openapi_version(doc, origin)
    if not any(True for _ in operations(doc)):
        raise SpecError(f"{origin}: no operations under `paths`")
    return doc


def load_sources(directory: Path) -> list[tuple[str, Document]]:
    """Every ``*.yaml``/``*.yml`` in ``directory``, sorted by name, as ``(relative path, document)``."""
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    if not files:
        raise SpecError(f"{directory}: no *.yaml sources; add one (see README, 'When the spec changes')")
    out = []
    for path in files:
        origin = f"{directory.name}/{path.name}"
        out.append((origin, check_source(parse_yaml(path.read_text(encoding="utf-8"), origin), origin)))
    return out


_FENCE = re.compile(r"^```ya?ml[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
_HEADING = re.compile(r"^##[ \t]+OpenAPI Specification[ \t]*$", re.MULTILINE | re.IGNORECASE)
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*$", re.MULTILINE)


def extract_page_yaml(page: str, origin: str) -> tuple[str, Document]:
    """The ``## OpenAPI Specification`` YAML block of a saved docs page: ``(text, document)``."""
    heading = _HEADING.search(page)
    if heading is None:
        raise SpecError(
            f"{origin}: no '## OpenAPI Specification' section. Save the page as markdown (the docs' "
            f"'View as Markdown'); a page without a YAML block (like 'Create a new invitation') must be "
            f"transcribed by hand into openapi/sources/."
        )
    fence = _FENCE.search(page, heading.end())
    if fence is None:
        raise SpecError(f"{origin}: '## OpenAPI Specification' is not followed by a ```yaml fenced block")
    text = fence.group(1)
    line = page.count("\n", 0, fence.start(1))
    try:
        doc = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{origin}, line {line + mark.line + 1}" if mark else origin
        raise SpecError(f"{where}: the YAML block does not parse: {exc.problem or exc}") from None
    return text, check_source(doc, origin)


def import_page(page_path: Path, sources_dir: Path, *, force: bool = False) -> Path:
    """Write a saved docs page's YAML block, untouched, to ``sources_dir/<operationId>.yaml``."""
    try:
        page = page_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{page_path}: cannot read the page: {exc}") from None
    if not _TITLE.search(page):
        raise SpecError(f"{page_path}: no '# Title' line; is this a saved Prolific docs page?")
    text, doc = extract_page_yaml(page, str(page_path))
    op_ids = [op.get("operationId") for _p, _m, op in operations(doc)]
    if len(op_ids) != 1 or not isinstance(op_ids[0], str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", op_ids[0]):
        raise SpecError(f"{page_path}: expected one operation with a plain operationId, found {op_ids}")
    target = sources_dir / f"{op_ids[0]}.yaml"
    if target.exists() and not force:
        if target.read_text(encoding="utf-8") == text:
            return target
        raise SpecError(
            f"{target} exists and differs; this page changed the endpoint. Re-run with FORCE=1 to replace it."
        )
    sources_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".yaml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target
