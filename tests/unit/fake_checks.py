"""Helpers for the FakeProlific tests: its answers checked against the merged spec and the generated models."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator

from prolific_api_client.operations import OPERATIONS

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "prolific.yaml"
TOKEN = "tok-SECRET-fake-routes-7d1e"
AUTH = {"Authorization": f"Token {TOKEN}"}
BASE = "https://api.prolific.com"
SECRET_LIKE = "SECRET-not-an-id-9f8e"


@functools.cache
def spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.load(handle, Loader=loader)
    return loaded


def url_of(operation_id: str, **params: str) -> str:
    """The operation's path with its parameters filled in (taken from the registry, not written in tests)."""
    operation = OPERATIONS[operation_id]
    return re.sub(r"\{(\w+)\}", lambda m: params[m.group(1)], operation.path)


def call(
    client: httpx.Client, operation_id: str, *, json: Any = None, params: Any = None, **path: str
) -> httpx.Response:
    """Send the operation's method to its path."""
    operation = OPERATIONS[operation_id]
    return client.request(operation.method, url_of(operation_id, **path), json=json, params=params)


def check_spec(operation_id: str, response: httpx.Response) -> Any:
    """Assert that ``response`` has the shape the spec documents for its status; return the parsed body.

    JSON bodies are validated against the response schema (JSON Schema 2020-12, ``$ref`` into the
    spec's components); CSV answers must be ``text/csv``; documented empty answers must be empty.
    """
    operation = OPERATIONS[operation_id]
    responses = spec()["paths"][operation.path][operation.method.lower()]["responses"]
    status = response.status_code
    entry = responses.get(str(status)) or responses.get(f"{status // 100}XX")
    assert entry is not None, f"{operation_id}: status {status} is not documented"
    content = entry.get("content") or {}
    if not content:
        assert response.content == b"", f"{operation_id}: {status} is documented without a body"
        return None
    kind = response.headers["content-type"].split(";")[0]
    assert kind in content, f"{operation_id}: {kind} is not documented for {status} ({list(content)})"
    if kind != "application/json":
        return response.text
    body = response.json()
    wrapper = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec()["components"],
        "allOf": [content[kind]["schema"]],
    }
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(wrapper).iter_errors(body)
    ]
    assert not errors, f"{operation_id} {status}: {errors[:5]}"
    return body


def error_detail(operation_id: str, response: httpx.Response, status: int) -> Any:
    """Assert Prolific's error shape (and the spec's) for ``status``; return the detail."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert isinstance(body["error"]["error_code"], int) and body["error"]["title"]
    if status < 500:
        check_spec(operation_id, response)
    return body["error"]["detail"]
