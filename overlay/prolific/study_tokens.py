"""Signed study links: verifying the ``prolific_token`` Prolific appends to a study URL (``verify_study_token``).

In workspaces with ``is_external_study_url_secure``, Prolific opens the study URL with a
``prolific_token`` query parameter: a JWT signed RS256 by a key named in its ``kid`` header, issued by
``https://www.prolific.com``, its audience (``aud``) the study URL, expiring two minutes after it was
issued, with a ``prolific`` claim holding the URL parameters and the workspace id. The public keys
are at ``get-study-jwks`` (no token needed); they are cached, refreshed at least daily, and fetched
again (once) when a token names a key not in the cache.

Needs the ``[jwt]`` extra: ``pip install 'prolific-client[jwt]'`` (PyJWT and cryptography).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

from prolific_api_client.client import Client
from prolific_api_client.models import JWKSResponse
from prolific_api_client.operations.well_known_endpoints import GET_STUDY_JWKS

from ._config import resolve_base_url
from ._errors import ConfigurationError, InvalidArgumentError, StudyTokenError

ISSUER = "https://www.prolific.com"
#: Seconds the keys are used before they are fetched again.
MAX_KEY_AGE = 24 * 3600.0
#: Seconds between two fetches caused by unknown ``kid`` values (a flood of made-up kids must not
#: become a flood of requests to Prolific).
MIN_REFETCH_INTERVAL = 60.0

_INSTALL = "verifying study tokens needs PyJWT and cryptography: pip install 'prolific-client[jwt]'"


def _jwt() -> Any:
    try:
        import cryptography  # noqa: F401 - RS256 in PyJWT needs it
        import jwt
    except ImportError:
        raise ConfigurationError(_INSTALL) from None
    return jwt


class StudyTokenVerifier:
    """Verifies study tokens against the keys of ``get-study-jwks``, cached (see the module's docstring).

    ``base_url``: the API (default ``$PROLIFIC_URL``, else ``https://api.prolific.com``).
    ``http_client``: an ``httpx.Client`` to fetch the keys with (tests pass one on
    ``FakeProlific().transport``; without a base URL of its own it gets ``base_url``). ``clock``: seconds
    now, for the cache's age.

    >>> verifier = StudyTokenVerifier()
    >>> claims = verifier.verify(token, audience="https://example.org/study")  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        http_client: httpx.Client | None = None,
        max_age: float = MAX_KEY_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = resolve_base_url(base_url)
        if http_client is not None and not str(http_client.base_url):
            http_client.base_url = httpx.URL(self.base_url)  # as the clients do with an http_client given
        self._http = http_client
        self.max_age = max_age
        self._clock = clock
        self._keys: dict[str, Any] = {}
        self._fetched: float | None = None
        self._refetched: float | None = None
        self._lock = threading.Lock()
        self.fetches = 0

    def _fetch(self) -> None:
        jwt = _jwt()
        api = Client(base_url=self.base_url, follow_redirects=False)
        if self._http is not None:
            api.set_httpx_client(self._http)
        self.fetches += 1
        try:
            response = GET_STUDY_JWKS.endpoint.sync_detailed(client=api)
        except httpx.HTTPError as exc:
            raise StudyTokenError(
                f"cannot fetch Prolific's study keys ({GET_STUDY_JWKS.method} {GET_STUDY_JWKS.path}): {exc}",
                code="keys_unavailable",
            ) from None
        finally:
            if self._http is None:
                api.get_httpx_client().close()
        found = response.parsed
        if response.status_code != 200 or not isinstance(found, JWKSResponse):
            raise StudyTokenError(
                f"cannot fetch Prolific's study keys: {GET_STUDY_JWKS.method} {GET_STUDY_JWKS.path} answered "
                f"{int(response.status_code)}",
                code="keys_unavailable",
            )
        keys = {}
        for jwk in found.keys if isinstance(found.keys, list) else []:
            data = jwk.to_dict()
            if isinstance(data.get("kid"), str) and data.get("kty") == "RSA":
                keys[data["kid"]] = jwt.PyJWK(data, algorithm="RS256").key
        self._keys = keys
        self._fetched = self._clock()

    def _key(self, kid: str) -> Any:
        with self._lock:
            now = self._clock()
            if self._fetched is None or now - self._fetched > self.max_age:
                self._fetch()
            elif kid not in self._keys and (self._refetched is None or now - self._refetched >= MIN_REFETCH_INTERVAL):
                self._refetched = now  # a key added since the last fetch: fetch once more
                self._fetch()
            key = self._keys.get(kid)
        if key is None:
            raise StudyTokenError(
                f"study token refused: it is signed with key {kid!r}, which get-study-jwks does not list",
                code="unknown_key",
            )
        return key

    def verify(self, token: str, *, audience: str, leeway: float = 0) -> dict[str, Any]:
        """The claims of ``token`` if it is genuine and meant for ``audience`` (the study URL); else StudyTokenError."""
        jwt = _jwt()
        if not isinstance(token, str) or not token:
            raise InvalidArgumentError("token must be the prolific_token query parameter (a non-empty str)")
        if not isinstance(audience, str) or not audience:
            raise InvalidArgumentError("audience must be the study's URL as configured in Prolific (a str)")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.exceptions.DecodeError:
            raise StudyTokenError("study token refused: not a JWT", code="malformed") from None
        kid = header.get("kid")
        if header.get("alg") != "RS256" or not isinstance(kid, str):
            raise StudyTokenError("study token refused: not an RS256 token with a kid", code="malformed")
        key = self._key(kid)
        errors = jwt.exceptions
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=audience,
                issuer=ISSUER,
                leeway=leeway,
                options={"require": ["exp", "iat", "iss", "aud"]},
            )
        except errors.ExpiredSignatureError:
            raise StudyTokenError("study token refused: it has expired", code="expired") from None
        except errors.InvalidAudienceError:
            raise StudyTokenError(
                f"study token refused: it is not meant for {audience!r}", code="wrong_audience"
            ) from None
        except errors.InvalidIssuerError:
            raise StudyTokenError(f"study token refused: not issued by {ISSUER}", code="wrong_issuer") from None
        except errors.MissingRequiredClaimError as exc:
            raise StudyTokenError(f"study token refused: {exc}", code="missing_claim") from None
        except errors.InvalidSignatureError:
            raise StudyTokenError("study token refused: the signature does not match", code="bad_signature") from None
        except errors.PyJWTError as exc:
            raise StudyTokenError(f"study token refused: {exc}", code="malformed") from None
        return claims

    def __repr__(self) -> str:
        return f"StudyTokenVerifier(base_url={self.base_url!r}, keys={len(self._keys)})"


_DEFAULT: dict[str, StudyTokenVerifier] = {}
_DEFAULT_LOCK = threading.Lock()


def verify_study_token(token: str, *, audience: str, base_url: str | None = None, leeway: float = 0) -> dict[str, Any]:
    """Verify a signed study link's ``prolific_token`` and return its claims (``prolific``: the URL parameters).

    Checks the RS256 signature against Prolific's published keys (cached per ``base_url``), the
    issuer ``https://www.prolific.com``, that ``aud`` is ``audience`` (your study URL) and that it has
    not expired. A failure is :class:`~prolific.StudyTokenError` (its ``code`` says which check).
    Needs ``pip install 'prolific-client[jwt]'``. For your own HTTP client or cache, use
    :class:`StudyTokenVerifier`.

    >>> claims = verify_study_token(request.args["prolific_token"],  # doctest: +SKIP
    ...                             audience="https://example.org/study")
    >>> claims["prolific"]["PROLIFIC_PID"]  # doctest: +SKIP
    '5e9b9c9b0f9c9a0001b0b1f4'
    """
    url = resolve_base_url(base_url)
    with _DEFAULT_LOCK:
        verifier = _DEFAULT.get(url)
        if verifier is None:
            verifier = _DEFAULT[url] = StudyTokenVerifier(base_url=url)
    return verifier.verify(token, audience=audience, leeway=leeway)
