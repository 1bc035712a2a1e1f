"""Signed study links: the fake's signing keys, ``get-study-jwks`` (no auth), and tokens minted for tests.

Needs the ``[jwt]`` extra (PyJWT, cryptography); the keys are made on first use, so a fake that
never serves the JWKS or mints a token needs neither.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from ._answers import Answer, json_answer
from ._routes import FakeRequest

ISSUER = "https://www.prolific.com"
#: Operations the real API answers without a token.
PUBLIC_OPERATIONS = frozenset({"get-study-jwks"})
_LIFETIME = 120  # seconds: Prolific's tokens expire two minutes after they are issued


def _jwt() -> Any:
    try:
        import jwt
        from cryptography.hazmat.primitives.asymmetric import rsa
    except ImportError:
        raise RuntimeError(
            "FakeProlific's study tokens need PyJWT and cryptography: pip install 'prolific-client[jwt]'"
        ) from None
    return jwt, rsa


class StudyKeys:
    """RSA signing keys by ``kid`` (the newest signs), and the JWKS of their public halves."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self.keys: dict[str, Any] = {}  # kid -> private key, oldest first
        self.jwks_requests = 0

    def clear(self) -> None:
        self.jwks_requests = 0  # the keys stay: tokens minted before a reset still verify

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {"get-study-jwks": self.jwks}

    def rotate(self) -> str:
        """Add a new signing key (it signs from now on; the old ones stay in the JWKS); return its ``kid``."""
        _, rsa = _jwt()
        kid = uuid.uuid4().hex[:16]
        self.keys[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return kid

    def current(self) -> str:
        return next(reversed(self.keys)) if self.keys else self.rotate()

    def public_keys(self) -> list[dict[str, Any]]:
        jwt, _ = _jwt()
        self.current()
        keys = []
        for kid, private in self.keys.items():
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
            keys.append({**jwk, "kid": kid, "alg": "RS256", "use": "sig", "key_ops": ["verify"]})
        return keys

    def jwks(self, request: FakeRequest) -> Answer:
        """``get-study-jwks``: ``{"keys": [JWK]}``."""
        self.jwks_requests += 1
        return json_answer(200, {"keys": self.public_keys()})

    def mint(
        self,
        audience: str,
        *,
        params: dict[str, str] | None,
        workspace_id: str,
        subject: str | None,
        issued_at: float | None,
        expires_in: float,
        kid: str | None,
        issuer: str,
    ) -> str:
        jwt, _ = _jwt()
        kid = kid if kid is not None else self.current()
        if kid not in self.keys:
            raise ValueError(f"no signing key {kid!r} (fake.rotate_study_key() makes one)")
        iat = int(time.time() if issued_at is None else issued_at)
        claims = {
            "iss": issuer,
            "aud": audience,
            "sub": subject or uuid.uuid4().hex,
            "iat": iat,
            "exp": int(iat + expires_in),
            "prolific": {**(params or {}), "workspace_id": workspace_id},
        }
        token: str = jwt.encode(claims, self.keys[kid], algorithm="RS256", headers={"kid": kid})
        return token


__all__ = ["ISSUER", "PUBLIC_OPERATIONS", "_LIFETIME", "StudyKeys"]
