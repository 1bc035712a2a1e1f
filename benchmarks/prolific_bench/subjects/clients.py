"""The clients a row compares, built to send the same bytes: bare httpx, the overlay, the generated client.

Also the canned ``create_pool`` call that the MockTransport and loopback rows make, and the check
that a subject and its baseline send the same request.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from prolific import Prolific
    from prolific.credentials import CredentialsInput
    from prolific_api_client import AuthenticatedClient

TOKEN = "bench-token-3f9a"
WORKSPACE = "ws_bench"
API = "https://api.prolific.com"
CREATE_PATH = "/api/v1/credentials/"
# A small pool as in the README's example: what one create_pool call typically carries.
SMALL_CSV = "alice,pw-Alice-1\nbob,pw-Bob-22\ncarol,pw-Carol-333"
CANNED_BODY = json.dumps({"credential_pool_id": f"{WORKSPACE}_4d6f0e1c9b8a4f2e9d3c2b1a0f9e8d7c"}).encode()


def canned_pool(request: httpx.Request) -> httpx.Response:
    """A MockTransport handler: the 201 that ``create-credential-pool`` answers."""
    return httpx.Response(201, headers=[("Content-Type", "application/json")], content=CANNED_BODY)


@functools.cache
def user_agent() -> str:
    """The User-Agent the overlay sends, read off a request it sends (so that no private constant is imported)."""
    from prolific import Prolific

    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return canned_pool(request)

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        Prolific(token=TOKEN, base_url=API, http_client=http).credentials.create_pool(
            workspace_id=WORKSPACE, credentials=SMALL_CSV
        )
    return sent[0].headers["User-Agent"]


def bare_headers() -> dict[str, str]:
    """The headers a bare httpx client sends to match the overlay's: its User-Agent and Token auth."""
    return {"User-Agent": user_agent(), "Authorization": f"Token {TOKEN}"}


def generated_client(base_url: str, **httpx_args: Any) -> AuthenticatedClient:
    """The generated ``AuthenticatedClient`` on its own, sending the overlay's User-Agent and Token auth."""
    from prolific_api_client import AuthenticatedClient

    return AuthenticatedClient(
        base_url=base_url, token=TOKEN, prefix="Token", headers={"User-Agent": user_agent()}, httpx_args=httpx_args
    )


def mock_clients(transport: httpx.MockTransport) -> tuple[httpx.Client, httpx.Client, Prolific, AuthenticatedClient]:
    """On one transport: a bare httpx client sending what the others send, the overlay's httpx client, the overlay, the generated client."""
    from prolific import Prolific

    bare = httpx.Client(transport=transport, base_url=API, headers=bare_headers())
    overlay_http = httpx.Client(transport=transport)
    overlay = Prolific(token=TOKEN, base_url=API, http_client=overlay_http)
    return bare, overlay_http, overlay, generated_client(API, transport=transport)


def bare_create(client: httpx.Client) -> Callable[[], str]:
    """``create_pool`` of :data:`SMALL_CSV` as bare httpx: post, ``raise_for_status()``, the id from ``.json()``."""
    body = {"credentials": SMALL_CSV, "workspace_id": WORKSPACE}

    def call() -> str:
        response = client.post(CREATE_PATH, json=body)
        response.raise_for_status()
        return str(response.json()["credential_pool_id"])

    return call


def overlay_create(client: Prolific, credentials: CredentialsInput = SMALL_CSV) -> Callable[[], str]:
    """``client.credentials.create_pool`` of ``credentials`` (CSV text by default)."""

    def call() -> str:
        return client.credentials.create_pool(workspace_id=WORKSPACE, credentials=credentials)

    return call


def generated_create(client: AuthenticatedClient) -> Callable[[], str]:
    """The generated ``create_credential_pool.sync_detailed`` of :data:`SMALL_CSV`, its body model built per call."""
    from prolific_api_client.api.credentials import create_credential_pool
    from prolific_api_client.models import CreateCredentialPoolRequest

    def call() -> str:
        body = CreateCredentialPoolRequest(credentials=SMALL_CSV, workspace_id=WORKSPACE)
        return str(create_credential_pool.sync_detailed(client=client, body=body).parsed.credential_pool_id)  # type: ignore[union-attr]

    return call


def _request_summary(request: httpx.Request) -> tuple[Any, ...]:
    headers = sorted((k.lower(), v) for k, v in request.headers.items())
    return request.method, str(request.url), headers, request.read()


def check_same_request(
    subject: Callable[[], object], baseline: Callable[[], object], recorder: list[httpx.Request]
) -> None:
    """Both sides must send the same method, URL, headers (as a set) and body bytes (``recorder`` sees them)."""
    sent = []
    for fn in (subject, baseline):
        recorder.clear()
        fn()
        sent.append(_request_summary(recorder[-1]))
    if sent[0] != sent[1]:
        raise SystemExit(f"benchmark bug: subject and baseline send different requests:\n{sent[0]}\n{sent[1]}")
