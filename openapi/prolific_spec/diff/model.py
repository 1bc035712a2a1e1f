"""The result of a comparison: changes, per operation, for the whole document (``to_json`` for ``--json``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Change:
    """One change inside an operation.

    ``kind`` names what changed (``field-removed``, ``enum-value-added``, ...), ``where`` says
    where (``response 200: results[].status``), ``detail`` says how, for a reader.
    """

    kind: str
    where: str
    detail: str
    breaking: bool

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON-ready mapping."""
        return {"kind": self.kind, "where": self.where, "detail": self.detail, "breaking": self.breaking}


@dataclass(frozen=True)
class OperationChanges:
    """The changes of one operation present in both documents (``operation`` is ``"METHOD /path"``)."""

    operation: str
    changes: tuple[Change, ...]

    @property
    def breaking(self) -> bool:
        """Whether any change here breaks a client user."""
        return any(change.breaking for change in self.changes)

    def to_json(self) -> dict[str, Any]:
        """The operation's changes as a JSON-ready mapping."""
        return {"operation": self.operation, "changes": [change.to_json() for change in self.changes]}


@dataclass(frozen=True)
class SpecDiff:
    """What changed between two documents; operations are ``"METHOD /path"`` strings, sorted."""

    added_operations: tuple[str, ...] = ()
    removed_operations: tuple[str, ...] = ()
    changed_operations: tuple[OperationChanges, ...] = ()
    summaries: Mapping[str, str] = field(default_factory=dict)  # operation → its summary, for display

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not (self.added_operations or self.removed_operations or self.changed_operations)

    @property
    def breaking(self) -> bool:
        """Whether anything here breaks a client user."""
        return bool(self.removed_operations) or any(op.breaking for op in self.changed_operations)

    @property
    def breaking_count(self) -> int:
        """Removed operations plus breaking changes inside operations."""
        inside = sum(change.breaking for op in self.changed_operations for change in op.changes)
        return len(self.removed_operations) + inside

    def to_json(self) -> dict[str, Any]:
        """The JSON document that ``python -m prolific_spec diff --json`` prints."""
        return {
            "added_operations": list(self.added_operations),
            "removed_operations": list(self.removed_operations),
            "changed_operations": [op.to_json() for op in self.changed_operations],
            "breaking": self.breaking,
            "breaking_changes": self.breaking_count,
        }
