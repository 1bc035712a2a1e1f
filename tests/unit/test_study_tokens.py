"""prolific.verify_study_token / StudyTokenVerifier against FakeProlific's JWKS and minted tokens."""

from __future__ import annotations

import base64
import json
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

import prolific
from prolific import ConfigurationError, StudyTokenError, verify_study_token
from prolific.study_tokens import StudyTokenVerifier
from prolific.testing import FakeProlific

STUDY_URL = "https://example.org/study?x=1"
PARAMS = {"PROLIFIC_PID": "5e9b9c9b0f9c9a0001b0b1f4", "STUDY_ID": "6540a1b2c3d4e5f607182930"}


@pytest.fixture(scope="module")
def fake() -> FakeProlific:
    return FakeProlific()  # one RSA key for the module: generating one costs


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def verifier(fake: FakeProlific) -> Iterator[tuple[StudyTokenVerifier, Clock]]:
    clock = Clock()
    with httpx.Client(transport=fake.transport) as http:
        yield StudyTokenVerifier(http_client=http, clock=clock), clock


def refused(verifier: StudyTokenVerifier, token: str, audience: str = STUDY_URL) -> StudyTokenError:
    with pytest.raises(StudyTokenError) as caught:
        verifier.verify(token, audience=audience)
    return caught.value


def test_a_valid_token_gives_its_claims_and_the_keys_are_cached(fake: FakeProlific, verifier: tuple) -> None:
    check, clock = verifier
    claims = check.verify(fake.study_token(STUDY_URL, params=PARAMS, workspace_id="ws9"), audience=STUDY_URL)
    assert claims["iss"] == "https://www.prolific.com" and claims["aud"] == STUDY_URL
    assert claims["prolific"] == {**PARAMS, "workspace_id": "ws9"} and claims["exp"] - claims["iat"] == 120
    check.verify(fake.study_token(STUDY_URL), audience=STUDY_URL)
    assert check.fetches == 1
    clock.now += 24 * 3600 + 1  # a day later the keys are fetched again
    check.verify(fake.study_token(STUDY_URL), audience=STUDY_URL)
    assert check.fetches == 2


def test_expired_wrong_audience_wrong_issuer_and_tampered_tokens_are_refused(
    fake: FakeProlific, verifier: tuple
) -> None:
    check, _ = verifier
    expired = fake.study_token(STUDY_URL, issued_at=time.time() - 600)
    assert refused(check, expired).code == "expired"
    assert refused(check, fake.study_token("https://evil.example/")).code == "wrong_audience"
    assert refused(check, fake.study_token(STUDY_URL, issuer="https://evil.example")).code == "wrong_issuer"
    header, payload, signature = fake.study_token(STUDY_URL, params=PARAMS).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["prolific"]["PROLIFIC_PID"] = "000000000000000000000000"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert refused(check, f"{header}.{forged}.{signature}").code == "bad_signature"
    assert refused(check, "not-a-jwt").code == "malformed"


def test_an_unknown_kid_fetches_the_keys_once_more(fake: FakeProlific, verifier: tuple) -> None:
    check, clock = verifier
    check.verify(fake.study_token(STUDY_URL), audience=STUDY_URL)
    assert check.fetches == 1
    new_kid = fake.rotate_study_key()  # Prolific publishes a new key
    claims = check.verify(fake.study_token(STUDY_URL, kid=new_kid), audience=STUDY_URL)
    assert claims["aud"] == STUDY_URL and check.fetches == 2
    header = base64.urlsafe_b64encode(json.dumps({"alg": "RS256", "kid": "made-up", "typ": "JWT"}).encode())
    _, payload, signature = fake.study_token(STUDY_URL).split(".")
    made_up = f"{header.rstrip(b'=').decode()}.{payload}.{signature}"
    assert refused(check, made_up).code == "unknown_key"
    assert check.fetches == 2  # a refetch for an unknown kid a moment ago: not again yet
    clock.now += 61
    assert refused(check, made_up).code == "unknown_key"
    assert check.fetches == 3  # one refetch for the unknown kid ...
    assert refused(check, made_up).code == "unknown_key"
    assert check.fetches == 3  # ... and not one per token: a flood of made-up kids sends no flood of requests


def test_verify_study_token_uses_a_cached_verifier_per_base_url(
    fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake.serve() as url:
        token = fake.study_token(STUDY_URL, params=PARAMS)
        before = fake.jwks_requests
        assert (
            verify_study_token(token, audience=STUDY_URL, base_url=url)["prolific"]["PROLIFIC_PID"]
            == PARAMS["PROLIFIC_PID"]
        )
        verify_study_token(token, audience=STUDY_URL, base_url=url)
        assert fake.jwks_requests == before + 1
        assert not any(r.headers.get("authorization") for r in fake.requests if r.operation_id == "get-study-jwks")


def test_without_the_jwt_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jwt", None)
    with pytest.raises(ConfigurationError, match=r"pip install 'prolific-client\[jwt\]'"):
        StudyTokenVerifier().verify("a.b.c", audience=STUDY_URL)
    assert prolific.StudyTokenError is StudyTokenError
