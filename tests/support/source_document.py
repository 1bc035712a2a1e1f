"""Facts the tests take from Prolific's published document (``openapi/sources/prolific-openapi.yaml``).

One home for numbers that change when Prolific publishes a new release (the count of operations was
was written out by hand in eight tests): read them from the source document instead.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

SOURCE = Path(__file__).resolve().parents[2] / "openapi" / "sources" / "prolific-openapi.yaml"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@functools.cache
def published_operation_count() -> int:
    """How many operations (path and method pairs) the published document defines."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SOURCE.open(encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=loader)
    return sum(1 for item in document["paths"].values() for method in item if method in HTTP_METHODS)
