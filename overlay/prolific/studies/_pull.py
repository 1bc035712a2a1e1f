"""An existing study written as a study file: what ``check`` accepts and ``plan`` shows as no change.

The file is the study's ``CreateStudy`` fields as Prolific returns them (read-only and computed
fields left out: ``id``, ``status``, ``has_credentials``; empty values left out; a whole-number
reward written as one, so that it is not taken for pounds), with ``study_id`` first: the key that
ties the file to the study, so that ``plan`` compares with it and ``apply`` patches it. For a
study ``apply`` made, the marker in ``metadata`` is left out too. Remove ``study_id`` to make a new
study from the file (the next wave).
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import UTC, datetime
from typing import Any

from ._plan import MARKER_PREFIX
from ._schema import field_names

__all__ = ["pull_flow", "study_to_file"]

# Computed by Prolific from other fields: writing them back would only invite a mismatch.
_COMPUTED = frozenset({"has_credentials"})


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def study_fields(study: dict[str, Any]) -> dict[str, Any]:
    """The study's fields a study file holds (see the module docstring), in the document's order.

    >>> study_fields({"id": "x", "status": "ACTIVE", "name": "A", "reward": 250.0, "internal_name": None,
    ...               "filters": [], "metadata": "prolific-client:study-file:ab12", "has_credentials": False})
    {'name': 'A', 'reward': 250}
    """
    kept: dict[str, Any] = {}
    for name in field_names():
        value = study.get(name)
        if name in _COMPUTED or value is None or value == [] or value == {}:
            continue
        if name == "metadata" and isinstance(value, str) and value.startswith(MARKER_PREFIX):
            continue
        kept[name] = _plain(value)
    return kept


def study_to_file(study: dict[str, Any], *, format: str = "yaml") -> str:
    """The text of a study file for ``study`` (a ``Study`` as a dict): YAML (default) or JSON."""
    import json

    data = {"study_id": study["id"], **study_fields(study)}
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"# Study {study['id']} ({study.get('status')}), pulled by prolific-client on {when}.\n"
        "# `prolific-client studies plan` compares it with the study; remove study_id to make a new study from it.\n"
        "# reward is in cents (pence).\n"
    )
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return header + text


def pull_flow(study_id: str, *, format: str = "yaml") -> Generator[Any, Any, str]:
    """Read the study (``get-study``) and return its study file's text."""
    from prolific_api_client.operations.studies import GET_STUDY

    from .._flow import Call
    from .._validation import require_id

    require_id(study_id, "study_id", "study id")
    study: dict[str, Any] = yield Call(GET_STUDY, {"id": study_id}, lambda s: s.to_dict())
    return study_to_file(study, format=format)
