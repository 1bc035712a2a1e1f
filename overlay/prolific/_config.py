"""Client configuration: the names of the environment variables, and the token's and base URL's checks.

Where each setting comes from (arguments, the environment, a profile of the config file) is
:mod:`prolific._settings`; this module holds the rules a value must meet wherever it came from.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from ._errors import ConfigurationError

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://api.prolific.com"
TOKEN_ENV = "PROLIFIC_TOKEN"
URL_ENV = "PROLIFIC_URL"
#: Names the profile of the config file to use (``--profile`` wins over it).
PROFILE_ENV = "PROLIFIC_PROFILE"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
# Prolific's API introduction asks libraries to identify themselves.
USER_AGENT = f"prolific-client-python/{__version__}"

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}
# The path prefix of every operation (the generated paths start with it): a base URL ends before it.
API_PREFIX = "/api/v1"


def resolve_token(token: str | None) -> str:
    """The token argument, else ``$PROLIFIC_TOKEN``; a missing or blank one is a ConfigurationError."""
    if token is None:
        token = os.environ.get(TOKEN_ENV)
        origin = f"the {TOKEN_ENV} environment variable"
    else:
        origin = "the token argument"
    if token is None:
        raise ConfigurationError(
            f"no Prolific API token: pass token=... or set the {TOKEN_ENV} environment variable "
            "(create a token in the Prolific app under Settings > API tokens)"
        )
    return check_token(token, origin)


def check_token(token: object, origin: str) -> str:
    """``token`` if it can be sent as it is, else a ConfigurationError naming ``origin`` (never the token)."""
    if not isinstance(token, str):
        raise ConfigurationError(f"{origin}: the token must be a str, got {type(token).__name__}")
    if not token.strip() or token != token.strip() or any(c in token for c in "\r\n"):
        # Never echo the token: say what is wrong with it instead.
        raise ConfigurationError(f"{origin} is empty or has surrounding whitespace or line breaks")
    scheme = _pasted_scheme(token)
    if scheme is not None:
        raise ConfigurationError(
            f"{origin} starts with {scheme!r}: give the token alone (the client adds 'Token ' itself, "
            f"so it would be sent as 'Token {scheme} ...' and refused with 401); remove the {scheme!r} prefix"
        )
    return token


def _pasted_scheme(token: str) -> str | None:
    """The authorization scheme a token was pasted with (``Token abc``, ``Bearer abc``), else None.

    A token is one word; a first word naming a scheme followed by a space means the whole header
    value was copied. Only the scheme is named in messages, never the token.

    >>> _pasted_scheme("Token abc"), _pasted_scheme("bearer abc"), _pasted_scheme("abc")
    ('Token', 'bearer', None)
    """
    first, space, rest = token.partition(" ")
    if space and rest.strip() and first.rstrip(":").lower() in ("token", "bearer", "authorization"):
        return first
    return None


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1``, ``localhost`` and the rest of 127/8."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_base_url(base_url: str | None) -> str:
    """The argument, else ``$PROLIFIC_URL``, else the real API; checked so the token stays safe.

    The token is only ever sent over HTTPS, except to a loopback host (the testing fake). A
    trailing ``/`` is accepted and removed; a trailing ``/api/v1`` is refused (the request paths
    start with it).

    >>> resolve_base_url("https://api.prolific.com/")
    'https://api.prolific.com'
    >>> resolve_base_url("http://127.0.0.1:8080")
    'http://127.0.0.1:8080'
    """
    origin = "base_url"
    if base_url is None:
        env = os.environ.get(URL_ENV)
        if env is not None and env.strip():
            base_url, origin = env.strip(), URL_ENV
        else:
            return DEFAULT_BASE_URL
    return check_base_url(base_url, origin)


def check_base_url(base_url: object, origin: str) -> str:
    """``base_url`` without its trailing ``/``, else a ConfigurationError naming ``origin`` and what to write.

    >>> check_base_url("http://example.org", "base_url")
    Traceback (most recent call last):
    ...
    prolific._errors.ConfigurationError: base_url 'http://example.org' uses plain http: ...
    """
    if not isinstance(base_url, str):
        raise ConfigurationError(f"{origin} must be a str, got {type(base_url).__name__}")
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigurationError(
            f"{origin} {base_url!r} is not an http(s) URL with a host; expected e.g. {DEFAULT_BASE_URL}"
        )
    if parts.username or parts.password:
        raise ConfigurationError(f"{origin} must not contain credentials (user:password@)")
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{origin} {base_url!r} must not have a query or fragment")
    if parts.path.rstrip("/").endswith(API_PREFIX):
        # Every request path already starts with /api/v1: it would double (and every call give 404).
        fixed = base_url.strip().rstrip("/").removesuffix(API_PREFIX)
        raise ConfigurationError(
            f"{origin} {base_url!r} ends in {API_PREFIX}, which every request path already starts with "
            f"(requests would go to {API_PREFIX}{API_PREFIX}/...): use {fixed!r}"
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigurationError(
            f"{origin} {base_url!r} uses plain http: the API token would travel unencrypted. Use https "
            "(plain http is allowed only for loopback hosts such as 127.0.0.1, used by prolific.testing)"
        )
    return base_url.strip().rstrip("/")
