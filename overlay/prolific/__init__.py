"""prolific: a friendly, safe client for the Prolific API.

>>> from prolific import Prolific
>>> client = Prolific(token="...")  # doctest: +SKIP
>>> client.credentials.upload(Path("logins.csv"), workspace_id="...")  # doctest: +SKIP
UploadResult(pool_id='...', uploaded=1500)

The generated layer is ``prolific_api_client``; ``client.api`` is its configured client.

The exceptions load with the package; the clients, the credentials helpers and the generated
package load on first use (``import prolific`` stays cheap for scripts and CLIs that may only
need an error class).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._config import __version__
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    CredentialsFileNotFoundError,
    CredentialsFormatError,
    InvalidArgumentError,
    MembershipError,
    NotFoundError,
    PermissionDeniedError,
    ProlificError,
    RateLimitError,
    ReportFormatError,
    ServerError,
    StudyStateError,
    UploadError,
)

if TYPE_CHECKING:
    from ._client import AsyncProlific, Prolific, ProlificAPIClient, RawResponse
    from ._retry import RetryPolicy
    from .capacity import Capacity
    from .credential_report import (
        CredentialReport,
        Reconciliation,
        ReportRow,
        parse_credential_report,
        reconcile_report,
    )
    from .credentials import (
        Credential,
        coerce_credentials,
        credentials_to_csv,
        find_problems,
        generate_credentials,
        parse_credentials,
        read_credentials,
    )
    from .resources._pools import PoolSummary
    from .resources.credentials import DEFAULT_BATCH_SIZE, UploadResult
    from .resources.participant_groups import DEFAULT_MEMBER_BATCH_SIZE

_LAZY = {
    "AsyncProlific": "._client",
    "Prolific": "._client",
    "ProlificAPIClient": "._client",
    "RawResponse": "._client",
    "RetryPolicy": "._retry",
    "Capacity": ".capacity",
    "CredentialReport": ".credential_report",
    "Reconciliation": ".credential_report",
    "ReportRow": ".credential_report",
    "parse_credential_report": ".credential_report",
    "reconcile_report": ".credential_report",
    "PoolSummary": ".resources._pools",
    "DEFAULT_MEMBER_BATCH_SIZE": ".resources.participant_groups",
    "Credential": ".credentials",
    "coerce_credentials": ".credentials",
    "credentials_to_csv": ".credentials",
    "find_problems": ".credentials",
    "generate_credentials": ".credentials",
    "parse_credentials": ".credentials",
    "read_credentials": ".credentials",
    "DEFAULT_BATCH_SIZE": ".resources.credentials",
    "UploadResult": ".resources.credentials",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'prolific' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MEMBER_BATCH_SIZE",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncProlific",
    "AuthenticationError",
    "BadRequestError",
    "Capacity",
    "ConfigurationError",
    "ConflictError",
    "Credential",
    "CredentialReport",
    "CredentialsFileNotFoundError",
    "CredentialsFormatError",
    "InvalidArgumentError",
    "MembershipError",
    "NotFoundError",
    "PermissionDeniedError",
    "PoolSummary",
    "Prolific",
    "ProlificAPIClient",
    "ProlificError",
    "RateLimitError",
    "RawResponse",
    "Reconciliation",
    "ReportFormatError",
    "ReportRow",
    "RetryPolicy",
    "ServerError",
    "StudyStateError",
    "UploadError",
    "UploadResult",
    "__version__",
    "coerce_credentials",
    "credentials_to_csv",
    "find_problems",
    "generate_credentials",
    "parse_credential_report",
    "parse_credentials",
    "read_credentials",
    "reconcile_report",
]
