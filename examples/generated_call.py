"""Call a generated function directly, without the `prolific` layer.

    export PROLIFIC_TOKEN=...
    python examples/generated_call.py WORKSPACE_ID

The generated package knows every operation of the spec; this layer adds no retries, no timeout
and no error classes, so the response is checked by hand here.
"""

from __future__ import annotations

import os
import sys

import httpx

from prolific_api_client import AuthenticatedClient
from prolific_api_client.api.credentials import create_credential_pool
from prolific_api_client.models import CreateCredentialPoolRequest, CredentialPool, Error


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    token = os.environ.get("PROLIFIC_TOKEN")
    if not token:
        print("error: set PROLIFIC_TOKEN to your API token", file=sys.stderr)
        return 2
    base_url = os.environ.get("PROLIFIC_URL", "https://api.prolific.com")
    # Prolific wants `Authorization: Token <token>`; the generated client's default prefix is Bearer.
    with AuthenticatedClient(base_url=base_url, token=token, prefix="Token", timeout=httpx.Timeout(30.0)) as api:
        body = CreateCredentialPoolRequest(credentials="alice,pw-Alice-1\nbob,pw-Bob-2", workspace_id=argv[0])
        response = create_credential_pool.sync_detailed(client=api, body=body)
    if isinstance(response.parsed, CredentialPool):
        print(f"pool {response.parsed.credential_pool_id}")
        return 0
    if isinstance(response.parsed, Error):  # every documented error status parses to Error
        print(f"error {response.status_code}: {response.parsed.error}", file=sys.stderr)
    else:
        print(f"error {response.status_code}: unexpected answer", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
