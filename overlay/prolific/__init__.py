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
    BonusAlreadyPaidError,
    BonusCapError,
    BonusFormatError,
    BonusJournalError,
    BonusOutcomeUnknown,
    BonusPaymentError,
    BonusRunInProgress,
    ConfigurationError,
    ConflictError,
    CredentialsFileNotFoundError,
    CredentialsFormatError,
    DemographicsUnavailableError,
    InputFileError,
    InputProblem,
    InsufficientBalanceError,
    InvalidArgumentError,
    JoinFileError,
    MembershipError,
    NotFoundError,
    PartialFailure,
    PermissionDeniedError,
    ProlificError,
    RateLimitError,
    ReportFormatError,
    ReviewError,
    ReviewsFormatError,
    ServerError,
    SpendLimitError,
    StateStoreError,
    StudyFileError,
    StudyStateError,
    StudyTokenError,
    UploadError,
    UploadInterrupted,
    WebhookSubscriptionError,
    WebhookVerificationError,
)
from ._lazy import lazy_loader

if TYPE_CHECKING:
    from ._api_client import ProlificAPIClient
    from ._batches import DEFAULT_BATCH_SIZE, DEFAULT_MEMBER_BATCH_SIZE
    from ._call import RawResponse
    from ._client import AsyncProlific, Prolific
    from ._retry import RetryPolicy
    from ._settings import Settings, load_settings
    from .bonuses import (
        Bonus,
        BonusAmountWarning,
        BonusBatch,
        BonusList,
        BonusPayment,
        BonusPlan,
        bonuses_to_csv,
        read_bonuses,
    )
    from .credentials import (
        Capacity,
        Credential,
        CredentialReport,
        PoolSummary,
        Reconciliation,
        ReportRow,
        UploadResult,
        coerce_credentials,
        credentials_to_csv,
        find_problems,
        generate_credentials,
        parse_credential_report,
        parse_credentials,
        read_credentials,
        reconcile_report,
    )
    from .reviews import ApprovalResult, Review, read_ids, read_reviews
    from .study_tokens import verify_study_token

_LAZY = {
    "AsyncProlific": "._client",
    "Prolific": "._client",
    "ProlificAPIClient": "._api_client",
    "RawResponse": "._call",
    "RetryPolicy": "._retry",
    "Settings": "._settings",
    "load_settings": "._settings",
    "Capacity": ".credentials",
    "CredentialReport": ".credentials",
    "Reconciliation": ".credentials",
    "ReportRow": ".credentials",
    "parse_credential_report": ".credentials",
    "reconcile_report": ".credentials",
    "PoolSummary": ".credentials",
    "DEFAULT_MEMBER_BATCH_SIZE": "._batches",
    "Credential": ".credentials",
    "coerce_credentials": ".credentials",
    "credentials_to_csv": ".credentials",
    "find_problems": ".credentials",
    "generate_credentials": ".credentials",
    "parse_credentials": ".credentials",
    "read_credentials": ".credentials",
    "DEFAULT_BATCH_SIZE": "._batches",
    "UploadResult": ".credentials",
    "ApprovalResult": ".reviews",
    "Review": ".reviews",
    "read_ids": ".reviews",
    "read_reviews": ".reviews",
    "Bonus": ".bonuses",
    "BonusAmountWarning": ".bonuses",
    "BonusList": ".bonuses",
    "bonuses_to_csv": ".bonuses",
    "read_bonuses": ".bonuses",
    "BonusBatch": ".bonuses",
    "BonusPayment": ".bonuses",
    "BonusPlan": ".bonuses",
    "verify_study_token": ".study_tokens",
}


# Old names kept working, with a DeprecationWarning: old name -> (new name, why).
_DEPRECATED = {
    "BonusProblem": ("InputProblem", "one problem type for every file the client reads"),
}


_load = lazy_loader(__name__, _LAZY, globals())


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        import warnings

        new, why = _DEPRECATED[name]
        warnings.warn(f"prolific.{name} is now prolific.{new} ({why})", DeprecationWarning, stacklevel=2)
        return globals()[new]
    return _load(name)


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
    "ApprovalResult",
    "AsyncProlific",
    "AuthenticationError",
    "BadRequestError",
    "Bonus",
    "BonusAlreadyPaidError",
    "BonusAmountWarning",
    "BonusBatch",
    "BonusCapError",
    "BonusFormatError",
    "BonusJournalError",
    "BonusList",
    "BonusOutcomeUnknown",
    "BonusPayment",
    "BonusPaymentError",
    "BonusPlan",
    "BonusRunInProgress",
    "Capacity",
    "ConfigurationError",
    "ConflictError",
    "Credential",
    "CredentialReport",
    "CredentialsFileNotFoundError",
    "CredentialsFormatError",
    "DemographicsUnavailableError",
    "InputFileError",
    "InputProblem",
    "InsufficientBalanceError",
    "InvalidArgumentError",
    "JoinFileError",
    "MembershipError",
    "NotFoundError",
    "PartialFailure",
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
    "Review",
    "ReviewError",
    "ReviewsFormatError",
    "ServerError",
    "Settings",
    "SpendLimitError",
    "StateStoreError",
    "StudyFileError",
    "StudyStateError",
    "StudyTokenError",
    "UploadError",
    "UploadInterrupted",
    "UploadResult",
    "WebhookSubscriptionError",
    "WebhookVerificationError",
    "__version__",
    "bonuses_to_csv",
    "coerce_credentials",
    "credentials_to_csv",
    "find_problems",
    "generate_credentials",
    "load_settings",
    "parse_credential_report",
    "parse_credentials",
    "read_bonuses",
    "read_credentials",
    "read_ids",
    "read_reviews",
    "reconcile_report",
    "verify_study_token",
]
