"""Token and base URL resolution, and where the token may go."""

from __future__ import annotations

import httpx
import pytest

from prolific import AsyncProlific, ConfigurationError, Prolific

TOKEN = "tok-SECRET-abcdef123456"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROLIFIC_TOKEN", raising=False)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)


def test_missing_token_names_env_var() -> None:
    with pytest.raises(ConfigurationError, match="PROLIFIC_TOKEN"):
        Prolific()


def test_token_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    with Prolific() as client:
        assert client.api.token == TOKEN


@pytest.mark.parametrize("bad", ["", "   ", f" {TOKEN}", f"{TOKEN}\n"])
def test_bad_tokens_are_refused_without_echo(bad: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Prolific(token=bad)
    if bad.strip():
        assert TOKEN not in str(info.value)


def test_default_and_env_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    with Prolific(token=TOKEN) as client:
        assert client.base_url == "https://api.prolific.com"
    monkeypatch.setenv("PROLIFIC_URL", "https://staging.example.org/")
    with Prolific(token=TOKEN) as client:
        assert client.base_url == "https://staging.example.org"
    with Prolific(token=TOKEN, base_url="https://other.example.org") as client:
        assert client.base_url == "https://other.example.org"


@pytest.mark.parametrize("url", ["http://api.prolific.com", "http://10.0.0.5:8000", "http://example.org/"])
def test_plain_http_refused_unless_loopback(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigurationError, match="unencrypted"):
        Prolific(token=TOKEN, base_url=url)
    monkeypatch.setenv("PROLIFIC_URL", url)
    with pytest.raises(ConfigurationError, match="PROLIFIC_URL"):
        Prolific(token=TOKEN)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost:1234/", "http://[::1]:9000", "http://127.0.0.2"]
)
def test_plain_http_allowed_for_loopback(url: str) -> None:
    with Prolific(token=TOKEN, base_url=url) as client:
        assert client.base_url == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    ["ftp://api.prolific.com", "api.prolific.com", "https://", "https://u:p@api.prolific.com", "https://a.b/?x=1"],
)
def test_malformed_base_urls(url: str) -> None:
    with pytest.raises(ConfigurationError):
        Prolific(token=TOKEN, base_url=url)


def test_reprs_hide_token() -> None:
    with Prolific(token=TOKEN) as client:
        assert client._connection.opened is None  # the httpx client opens on first use
        client.api.get_httpx_client()
        assert client._connection.opened is not None
        for text in (
            repr(client),
            str(client),
            repr(client.api),
            str(client.api),
            repr(client._connection.http.auth),
            repr(vars(client)),
        ):
            assert TOKEN not in text, text


def test_api_is_authenticated_with_token_prefix() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={"credential_pool_id": "ws_1"})

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        client.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert seen[0].headers["Authorization"] == f"Token {TOKEN}"
    assert seen[0].headers["User-Agent"].startswith("prolific-client-python/")
    assert str(seen[0].url) == "https://api.prolific.com/api/v1/credentials/"


def test_wrong_http_client_type() -> None:
    with pytest.raises(ConfigurationError, match="AsyncProlific"):
        Prolific(token=TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match=r"httpx\.AsyncClient"):
        AsyncProlific(token=TOKEN, http_client=httpx.Client())  # type: ignore[arg-type]


@pytest.mark.parametrize("retries", [-1, 1.5, True])
def test_bad_max_retries(retries: object) -> None:
    with pytest.raises(ConfigurationError):
        Prolific(token=TOKEN, max_retries=retries)  # type: ignore[arg-type]


def test_token_not_sent_to_another_host() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        client._connection.http.get("https://elsewhere.example.org/x")
    assert "Authorization" not in seen[0].headers


def test_import_prolific_is_lazy_and_complete() -> None:
    import subprocess
    import sys

    code = (
        "import sys, prolific\n"
        "assert 'prolific_api_client' not in sys.modules and 'httpx' not in sys.modules, 'eager import'\n"
        "missing = [n for n in prolific.__all__ if getattr(prolific, n, None) is None]\n"
        "assert not missing, missing\n"
        "assert 'prolific_api_client' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "url", ["https://api.prolific.com/api/v1", "https://api.prolific.com/api/v1/", "http://127.0.0.1:8/api/v1"]
)
def test_a_base_url_ending_in_the_api_prefix_is_refused(url: str) -> None:
    with pytest.raises(
        ConfigurationError, match=r"/api/v1/api/v1/.*use '(https://api\.prolific\.com|http://127\.0\.0\.1:8)'"
    ):
        Prolific(token=TOKEN, base_url=url)
