"""Making Prolific's study match the file: create the draft, or patch it; exactly one draft per file.

``create-study`` is a POST: not idempotent, and a connection cut after Prolific applied it leaves
no answer. So, before it is sent, the state store records that this file is creating a study with
a *marker* — a random ``prolific-client:study-file:…`` text the draft carries in ``metadata``
(Prolific's field for "extra information required for a system integration"; when the file sets
``metadata`` itself, it is kept and the marker is not written). A rerun that finds the file still
``creating`` looks among the drafts for the marker before it creates anything
(:func:`._plan.find_marked`): found, the file is bound to that draft; not found, Prolific never
applied the create and it is sent again with the same marker. A create Prolific refused (a 4xx)
certainly made nothing: the record is dropped.

A patch (``update-study``) sends only the fields that differ (the plan's), never one Prolific
refuses for the study's status. ``credentials_file`` is uploaded as a new pool once per file: its
record is written before ``create-credential-pool`` is sent; an interrupted upload is not retried
blindly (the message says how to carry on).
"""

from __future__ import annotations

import uuid
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._errors import APIStatusError, ProlificError, StudyStateError
from ._bindings import BOUND, CREATING, BindingConflict, file_digest, pool_key, pool_record
from ._check import StudyCheck
from ._plan import MARKER_PREFIX, StudyPlan, plan_flow

__all__ = ["ApplyResult", "apply_flow"]


@dataclass
class ApplyResult:
    """What ``apply`` did: ``action`` (``created``, ``updated`` or ``unchanged``), the study, and the plan it followed.

    ``study`` is the study as Prolific answered (a dict), ``changed`` the fields sent, and
    ``credential_pool_id`` the pool made from ``credentials_file`` by this run (None otherwise).
    """

    file: str
    action: str
    study_id: str
    plan: StudyPlan = field(repr=False)
    study: dict[str, Any] = field(default_factory=dict, repr=False)
    changed: list[str] = field(default_factory=list)
    credential_pool_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON data (``--json``)."""
        return {
            "file": self.file,
            "action": self.action,
            "study_id": self.study_id,
            "status": self.study.get("status"),
            "changed": list(self.changed),
            "credential_pool_id": self.credential_pool_id,
            "plan": self.plan.to_dict(),
        }


def _pool_flow(store: Any, key: str, result: StudyCheck, workspace_id: str) -> Generator[Any, Any, str]:
    from ..credentials._upload import create_call

    assert result.wire is not None and result.wire.credentials is not None
    path = result.wire.credentials[0]
    record = pool_record(store, key, path)
    if record is not None and record.get("state") == "created":
        return str(record["pool_id"])
    if record is not None:
        raise ProlificError(
            f"{result.file}: an earlier apply sent create-credential-pool for {path} and got no answer: a pool may "
            f"exist. Look with `prolific-client credentials list --workspace {workspace_id}`, then write its id as "
            "credential_pool_id in the file instead of credentials_file (or remove credentials_file). Nothing was sent."
        )
    digest = file_digest(path)
    store.cache(pool_key(key), {"state": "creating", "digest": digest})
    call, _ = create_call(workspace_id, Path(path))
    try:
        pool_id: str = yield call
    except APIStatusError as error:
        if 400 <= error.status_code < 500:  # refused: certainly no pool
            store.cache(pool_key(key), {"state": "refused", "digest": ""})
        raise
    store.cache(pool_key(key), {"state": "created", "digest": digest, "pool_id": pool_id})
    return pool_id


def apply_flow(
    result: StudyCheck, store: Any, key: str, *, study_id: str | None = None, refresh: bool = False
) -> Generator[Any, Any, ApplyResult]:
    """Create or patch the study so that it matches the checked file ``result`` (see the module docstring).

    Raises :class:`~prolific.StudyFileError` for a problem of the file and
    :class:`~prolific.StudyStateError` for a change Prolific refuses; in both cases nothing was sent.
    """
    from prolific_api_client.models.base_study import BaseStudy
    from prolific_api_client.models.create_study import CreateStudy
    from prolific_api_client.operations.studies import CREATE_STUDY, UPDATE_STUDY

    from .._flow import Call

    plan = yield from plan_flow(result, store, key, study_id=study_id, refresh=refresh)
    if plan.refused:
        lines = "; ".join(f"{c.field}: {c.refused}" for c in plan.refused)
        raise StudyStateError(
            f"{result.file}: study {plan.study_id} is {plan.status}: {lines}. Nothing was sent.",
            study_id=plan.study_id or "",
            status=plan.status or "",
            allowed=("UNPUBLISHED",),
        )
    binding = store.binding(key)
    if plan.study_id is not None:
        if plan.found_by_marker and binding is not None:
            store.finish_create(key, binding.marker, plan.study_id)
        elif binding is None or binding.state != BOUND or binding.study_id != plan.study_id:
            store.bind(key, plan.study_id)
    body = dict(plan.body)
    pool_id = None
    if plan.pool_to_create is not None and plan.workspace_id is not None:
        pool_id = yield from _pool_flow(store, key, result, plan.workspace_id)
        if plan.action == "create" or pool_id != (plan.check.body.get("credential_pool_id")):
            body["credential_pool_id"] = pool_id
    if plan.study_id is not None:
        if not body:
            return ApplyResult(result.file, "unchanged", plan.study_id, plan)
        study = yield Call(
            UPDATE_STUDY, {"id": plan.study_id, "body": BaseStudy.from_dict(body)}, lambda s: s.to_dict()
        )
        return ApplyResult(result.file, "updated", plan.study_id, plan, study, list(body), pool_id)

    # A new draft: recorded before it is sent, found again by its marker if the answer is lost.
    if binding is not None and binding.state == CREATING:
        marker = binding.marker  # the earlier create was not applied (plan_flow looked): same marker
    else:
        marker = MARKER_PREFIX + uuid.uuid4().hex
        try:
            store.begin_create(key, marker)
        except BindingConflict:
            raise ProlificError(
                f"{result.file}: another apply of this file is running (or just created a study): run plan again; "
                "nothing was sent"
            ) from None
    if "metadata" not in body:
        body["metadata"] = marker
    try:
        study = yield Call(CREATE_STUDY, {"body": CreateStudy.from_dict(body)}, lambda s: s.to_dict())
    except APIStatusError as error:
        if 400 <= error.status_code < 500:  # refused: nothing was created
            store.abandon_create(key, marker)
        raise
    created = str(study["id"])
    store.finish_create(key, marker, created)
    return ApplyResult(result.file, "created", created, plan, study, list(body), pool_id)
