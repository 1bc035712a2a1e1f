"""Credential pools: create, add to (additive, 409 on a username already there), list; redemption state."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

from ._answers import (
    CODE_DUPLICATE_IN_POOL,
    CODE_DUPLICATE_IN_REQUEST,
    CODE_POOL_NOT_FOUND,
    Answer,
    error_answer,
    field_errors,
    json_answer,
)
from ._fields import REQUIRED, Errors, credentials_field, positions, repeats_detail, text_field, unsupported_query
from ._routes import FakeRequest

_LIST_FILTERS = frozenset({"workspace_id"})


class CredentialPools:
    """Pools by id: their credentials in insertion order, their workspace, who redeemed what."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self.pools: dict[str, list[tuple[str, str]]] = {}
        self.workspaces: dict[str, str] = {}
        # pool id -> (participant id, submission id) per redeemed credential, in pool order: the
        # first len(...) credentials of the pool are the used ones.
        self.redemptions: dict[str, list[tuple[str, str]]] = {}
        self._usernames: dict[str, set[str]] = {}

    def clear(self) -> None:
        self.pools.clear()
        self.workspaces.clear()
        self.redemptions.clear()
        self._usernames.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "create-credential-pool": self.create,
            "update-credential-pool": self.update,
            "list-credential-pools": self.list,
        }

    # -- state used by studies ------------------------------------------------------------------

    def available(self, pool_id: str) -> int:
        """Credentials not redeemed yet."""
        return len(self.pools[pool_id]) - len(self.redemptions.get(pool_id, ()))

    def redeem(self, pool_id: str, participant_id: str, submission_id: str) -> tuple[str, str]:
        """Hand out the next unused credential (the caller checked that one is left)."""
        used = self.redemptions.setdefault(pool_id, [])
        credential = self.pools[pool_id][len(used)]
        used.append((participant_id, submission_id))
        return credential

    def summary(self, pool_id: str) -> dict[str, Any]:
        """The pool as ``list-credential-pools`` shows it (``CredentialPoolSummary``)."""
        return {
            "credential_pool_id": pool_id,
            "total_credentials": len(self.pools[pool_id]),
            "available_credentials": self.available(pool_id),
            "workspace_id": self.workspaces[pool_id],
        }

    # -- handlers -------------------------------------------------------------------------------

    def create(self, request: FakeRequest) -> Answer:
        """``create-credential-pool``: ``{"credentials", "workspace_id"}`` → 201 ``{"credential_pool_id"}``."""
        body = request.body
        errors: Errors = {}
        workspace = text_field(body, "workspace_id", errors)
        pairs = credentials_field(body, errors)
        if errors or workspace is None or pairs is None:
            return field_errors(errors)
        names = [username for username, _ in pairs]
        unique = set(names)
        if len(unique) != len(names):
            return error_answer(409, repeats_detail(names), CODE_DUPLICATE_IN_REQUEST)
        pool_id = f"{workspace}_{uuid.uuid4().hex}"
        with self._lock:
            self.pools[pool_id] = pairs
            self.workspaces[pool_id] = workspace
            self._usernames[pool_id] = unique
        return json_answer(201, {"credential_pool_id": pool_id})

    def update(self, request: FakeRequest) -> Answer:
        """``update-credential-pool``: appends ``credentials``; all or nothing, 409 on a known username."""
        pool_id = request.path_params["credential_pool_id"]
        if pool_id not in self.pools:
            return error_answer(404, "Credential pool not found.", CODE_POOL_NOT_FOUND)
        errors: Errors = {}
        pairs = credentials_field(request.body, errors)
        if errors or pairs is None:
            return field_errors(errors)
        names = [username for username, _ in pairs]
        unique = set(names)
        if len(unique) != len(names):
            return error_answer(409, repeats_detail(names), CODE_DUPLICATE_IN_REQUEST)
        with self._lock:  # check and store as one step: all or nothing
            existing = self._usernames.get(pool_id)
            if existing is None:
                return error_answer(404, "Credential pool not found.", CODE_POOL_NOT_FOUND)
            if not existing.isdisjoint(unique):
                lines = [n for n, name in enumerate(names, 1) if name in existing]
                detail = (
                    f"Duplicate credentials detected: {len(lines)} username(s) already exist in this "
                    f"credential pool ({positions(lines, 'line')}). Nothing was stored."
                )
                return error_answer(409, detail, CODE_DUPLICATE_IN_POOL)
            existing |= unique
            self.pools[pool_id].extend(pairs)
        return json_answer(200, {"credential_pool_id": pool_id})

    def list(self, request: FakeRequest) -> Answer:
        """``list-credential-pools?workspace_id=``: ``{"credential_pools": [CredentialPoolSummary]}``."""
        refused = unsupported_query(request, _LIST_FILTERS)
        if refused is not None:
            return refused
        workspace = request.query.get("workspace_id")
        if not workspace:
            return field_errors({"workspace_id": [REQUIRED]})
        with self._lock:
            pools = [self.summary(p) for p, w in self.workspaces.items() if w == workspace]
        return json_answer(200, {"credential_pools": pools})
