"""Credentials for Prolific credential pools: the files, their rules, the pool workflows and their results.

Everything about credentials lives in this package; ``client.credentials``
(:mod:`prolific.resources.credentials`) only sends what it builds.

* Reading and writing credentials (no network, no ``httpx``): :func:`parse_credentials`,
  :func:`read_credentials`, :func:`coerce_credentials` (any accepted form), :func:`find_problems`
  (every problem of a file, for reports), :func:`credentials_to_csv` (the API's wire format),
  :func:`generate_credentials`; the types :class:`Credential` and :class:`CredentialList`.
  The rules a credential must meet, and their messages, are in ``_rules``; the bulk fast paths
  in ``_fast``; the types in ``_types``; the readers in ``_files``.
* A study's credentials report: :func:`parse_credential_report`, and :func:`reconcile_report`
  joining it with your own file (``_report``).
* :class:`Capacity`: places against credentials, by Prolific's advice of 1.5 credentials per
  place (``_capacity`` states the rule).
* The requests and flows ``client.credentials`` sends: the chunked upload and its
  :class:`UploadResult` (``_upload``), listing pools as :class:`PoolSummary`, attaching, report,
  capacity and reconciliation (``_pools``), and a refused request told in the input's lines
  (``_rejections``).

Only the first group loads with the package; the other names load on first use (the modules of
``UploadResult`` and ``PoolSummary`` import the generated package and ``httpx``), so reading a
file stays as cheap as it was.

Errors (:class:`~prolific.CredentialsFormatError`, :class:`~prolific.UploadError`, ...) are in
:mod:`prolific` with the others.

>>> creds = parse_credentials("username,password\\nalice,pw-1\\n\\"bob\\",\\"pw-2\\"\\n")
>>> creds
[Credential(username='alice', password='***'), Credential(username='bob', password='***')]
>>> credentials_to_csv(creds)
'alice,pw-1\\nbob,pw-2'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import CredentialsFormatError
from .._lazy import lazy_loader
from .._text import decode_text
from ._files import (
    MISSING_FILE,
    coerce_credentials,
    credentials_to_csv,
    find_problems,
    generate_credentials,
    header_line,
    parse_credentials,
    read_credentials,
)
from ._types import Credential, CredentialList, CredentialsInput

if TYPE_CHECKING:
    from ._capacity import ADVISED_RATIO, Capacity, required_credentials
    from ._pools import PoolSummary
    from ._report import (
        COLUMNS,
        UNUSED,
        USED,
        CredentialReport,
        Passwords,
        Reconciliation,
        ReportRow,
        parse_credential_report,
        reconcile_report,
    )
    from ._upload import UploadResult

# Loaded on first use: _pools and _upload import the generated package (and httpx); _report and
# _capacity import dataclasses and fractions, which reading a file and `prolific-client --help` do
# without (the CLI start-up benchmark).
_LAZY = {
    "ADVISED_RATIO": "._capacity",
    "Capacity": "._capacity",
    "required_credentials": "._capacity",
    "COLUMNS": "._report",
    "UNUSED": "._report",
    "USED": "._report",
    "CredentialReport": "._report",
    "Passwords": "._report",
    "Reconciliation": "._report",
    "ReportRow": "._report",
    "parse_credential_report": "._report",
    "reconcile_report": "._report",
    "PoolSummary": "._pools",
    "UploadResult": "._upload",
}


__getattr__ = lazy_loader(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ADVISED_RATIO",
    "COLUMNS",
    "MISSING_FILE",
    "UNUSED",
    "USED",
    "Capacity",
    "Credential",
    "CredentialList",
    "CredentialReport",
    "CredentialsFormatError",
    "CredentialsInput",
    "Passwords",
    "PoolSummary",
    "Reconciliation",
    "ReportRow",
    "UploadResult",
    "coerce_credentials",
    "credentials_to_csv",
    "decode_text",
    "find_problems",
    "generate_credentials",
    "header_line",
    "parse_credential_report",
    "parse_credentials",
    "read_credentials",
    "reconcile_report",
    "required_credentials",
]
