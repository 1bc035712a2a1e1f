"""The credential-pool workflow after creation: list pools, attach one to a study, report, capacity, reconcile.

Each multi-request method is a flow (see :mod:`prolific._flow`) shared by the sync and
async clients. Method and path come from the generated operations: ``list-credential-pools``,
``get-study``, ``update-study``, ``download-study-credential-report``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from prolific_api_client.models import BaseStudy, CredentialPoolList, Study
from prolific_api_client.operations.credentials import LIST_CREDENTIAL_POOLS
from prolific_api_client.operations.studies import DOWNLOAD_STUDY_CREDENTIAL_REPORT, GET_STUDY, UPDATE_STUDY
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import StudyStateError
from .._flow import Call, Flow
from ._capacity import Capacity
from ._files import coerce_credentials
from ._report import CredentialReport, Reconciliation, parse_credential_report, reconcile_report
from ._types import CredentialsInput

#: The status of a draft study: the only one whose ``credential_pool_id`` the API lets change.
DRAFT = "UNPUBLISHED"


@dataclass(frozen=True, slots=True)
class PoolSummary:
    """A credential pool as :meth:`~prolific.resources.Credentials.list_pools` lists it.

    The overlay's view of the generated ``prolific_api_client.models.CredentialPoolSummary``
    (``credential_pool_id``, ``total_credentials``, ``available_credentials``), with short names
    and every field present: ``pool_id``, ``total``, ``available``, ``used`` (``total -
    available``) and the ``workspace_id`` it was listed for.
    """

    pool_id: str
    total: int
    available: int
    workspace_id: str

    @property
    def used(self) -> int:
        """Credentials handed out to participants."""
        return self.total - self.available

    def __repr__(self) -> str:
        """Every field, ``used`` included.

        >>> PoolSummary("ws_1", total=10, available=4, workspace_id="ws")
        PoolSummary(pool_id='ws_1', total=10, available=4, used=6, workspace_id='ws')
        """
        return (
            f"PoolSummary(pool_id={self.pool_id!r}, total={self.total}, available={self.available}, "
            f"used={self.used}, workspace_id={self.workspace_id!r})"
        )


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}: expected a count, got {type(value).__name__}")
    return value


def list_pools_call(workspace_id: str) -> Call[list[PoolSummary]]:
    """``list-credential-pools`` for one workspace, as :class:`PoolSummary` objects."""
    workspace_id = check.require_id(workspace_id, "workspace_id", "workspace id")

    def summaries(listing: CredentialPoolList) -> list[PoolSummary]:
        if isinstance(listing.credential_pools, Unset):
            raise KeyError("credential_pools")
        out = []
        for pool in listing.credential_pools:
            if not isinstance(pool.credential_pool_id, str) or not pool.credential_pool_id:
                raise KeyError("credential_pool_id")
            out.append(
                PoolSummary(
                    pool.credential_pool_id,
                    _count(pool.total_credentials, "total_credentials"),
                    _count(pool.available_credentials, "available_credentials"),
                    workspace_id,
                )
            )
        return out

    return Call(LIST_CREDENTIAL_POOLS, {"workspace_id": workspace_id}, summaries)


def _study(study: Study) -> Study:
    return study


def _with_status(study: Study) -> Study:
    """The study, which must say its status (else whether it is a draft is unknown)."""
    if not isinstance(study.status, str) or not study.status:
        raise KeyError("status")
    return study


def get_study_call(study_id: str) -> Call[Study]:
    """``get-study``; a study without a status is an :class:`~prolific.APIResponseValidationError`."""
    return Call(GET_STUDY, {"id": study_id}, _with_status)


def status_of(study: Study) -> str:
    """The study's status as the API gave it (a value added later included)."""
    return str(study.status)


def pool_of(study: Study) -> str | None:
    """The id of the pool attached to ``study``, or None."""
    pool = study.credential_pool_id
    return pool if isinstance(pool, str) and pool else None


def attach_flow(study_id: str, pool_id: str) -> Flow[Study]:
    """GET the study; refuse a non-draft (no PATCH sent); PATCH its ``credential_pool_id``."""
    study_id = check.require_id(study_id, "study_id", "study id")
    pool_id = check.require_id(pool_id, "pool_id", "credential pool id")
    study: Study = yield get_study_call(study_id)
    status = status_of(study)
    if status != DRAFT:
        raise StudyStateError(
            f"study {study_id} is {status}: a credential pool can only be attached to a draft study (status "
            f"{DRAFT}); Prolific refuses credential_pool_id once a study is published or scheduled. Nothing was "
            "sent. Attach the pool before publishing, or duplicate the study (client.studies.duplicate_study) "
            "and attach it to the copy.",
            study_id=study_id,
            status=status,
            allowed=(DRAFT,),
        )
    body = BaseStudy(credential_pool_id=pool_id)
    updated: Study = yield Call(UPDATE_STUDY, {"id": study_id, "body": body}, _study)
    return updated


def report_flow(study_id: str) -> Flow[CredentialReport]:
    """Download and parse the study's credentials report."""
    study_id = check.require_id(study_id, "study_id", "study id")
    text: str = yield Call(DOWNLOAD_STUDY_CREDENTIAL_REPORT, {"id": study_id}, str)
    return parse_credential_report(text, source=f"the credentials report of study {study_id}")


def places_of(study: Study) -> int:
    """``total_available_places`` as a whole number (rounded up, should the API send a fraction)."""
    places = study.total_available_places
    if isinstance(places, bool) or not isinstance(places, int | float) or places < 0:
        raise ValueError("total_available_places: expected a number of places")
    return math.ceil(places)


def _with_places(study: Study) -> Study:
    places_of(_with_status(study))
    return study


def capacity_flow(study_id: str) -> Flow[Capacity]:
    """GET the study, then (with a pool attached) its report: places against credentials."""
    study_id = check.require_id(study_id, "study_id", "study id")
    study: Study = yield Call(GET_STUDY, {"id": study_id}, _with_places)
    status, places, pool_id = status_of(study), places_of(study), pool_of(study)
    if pool_id is None:
        return Capacity(study_id, status, places, None, used=0, available=0)
    report = yield from report_flow(study_id)
    return Capacity(study_id, status, places, pool_id, used=report.used, available=report.unused)


def reconcile_flow(study_id: str, credentials: CredentialsInput, with_passwords: bool) -> Flow[Reconciliation]:
    """Validate the user's credentials first, then download the report and join them."""
    study_id = check.require_id(study_id, "study_id", "study id")
    creds = coerce_credentials(credentials)
    report = yield from report_flow(study_id)
    return reconcile_report(report, creds, with_passwords=with_passwords)
