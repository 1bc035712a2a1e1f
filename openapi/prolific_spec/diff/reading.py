"""Reading a document to compare: any OpenAPI 3.x text (YAML or JSON), every failure naming the file.

The YAML reader and the version check are the pipeline's (``yamlfile.py``, ``sources.py``).
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import SpecError
from ..sources import check_openapi_version
from ..yamlfile import parse_yaml, read_text


def parse_document(text: str, origin: str) -> Document:
    """Parse an OpenAPI 3.x document (YAML or JSON text); every failure names ``origin``."""
    doc = parse_yaml(text, origin, problem="not valid YAML or JSON")
    if not isinstance(doc, dict):
        raise SpecError(f"{origin}: not an OpenAPI document (expected a mapping, found {type(doc).__name__})")
    if "swagger" in doc:
        raise SpecError(f"{origin}: a Swagger {doc['swagger']} document; only OpenAPI 3.x can be compared")
    check_openapi_version(doc, origin)
    if doc.get("paths") is not None and not isinstance(doc["paths"], dict):
        raise SpecError(f"{origin}: `paths` is not a mapping")
    return doc


def load_document(path: Path) -> Document:
    """Read the OpenAPI 3.x document in ``path``; every failure names the file."""
    return parse_document(read_text(path), str(path))
