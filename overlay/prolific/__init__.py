"""prolific: a friendly, safe client for the Prolific API.

>>> from prolific import Prolific
>>> client = Prolific(token="...")  # doctest: +SKIP
>>> client.credentials.upload("logins.csv", workspace_id="...")  # doctest: +SKIP
UploadResult(pool_id='...', uploaded=1500)

The generated layer is ``prolific_api_client``; ``client.api`` is its configured client.
"""

from ._client import AsyncProlific, Prolific, ProlificAPIClient
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
    CredentialsFormatError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    ProlificError,
    RateLimitError,
    ServerError,
    UploadError,
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
from .resources import UploadResult
from .resources.credentials import DEFAULT_BATCH_SIZE

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncProlific",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "Credential",
    "CredentialsFormatError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "Prolific",
    "ProlificAPIClient",
    "ProlificError",
    "RateLimitError",
    "ServerError",
    "UploadError",
    "UploadResult",
    "__version__",
    "coerce_credentials",
    "credentials_to_csv",
    "find_problems",
    "generate_credentials",
    "parse_credentials",
    "read_credentials",
]
