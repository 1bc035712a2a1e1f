"""``error.reason`` is a sentence on every error that has one; the value to branch on is ``error.code`` (issue 33).

The guides print ``error.code`` (``wrong_audience``, ``no_access``) and ``str(error)`` / ``error.reason`` for
the sentence: the errors do what the guides show.
"""

from __future__ import annotations

import pytest

from prolific import (
    BonusFormatError,
    DemographicsUnavailableError,
    InputProblem,
    StudyTokenError,
    WebhookVerificationError,
)
from prolific.webhooks import signed_headers, verify

SECRET = "whsec-codes-test-5d1e"
BODY = b'{"event_type": "study.status.change", "resource_id": "s1", "status": "ACTIVE"}'


def test_a_refused_webhook_has_a_code_and_a_sentence() -> None:
    headers = signed_headers(BODY, SECRET, timestamp=1700000000, event_id="ev-1")
    with pytest.raises(WebhookVerificationError) as caught:
        verify(BODY.replace(b"ACTIVE", b"PAUSED"), headers, SECRET, now=1700000010)
    error = caught.value
    assert error.code == "bad_signature"
    assert error.reason == str(error) == "webhook refused: the signature does not match the body"
    assert repr(error) == f"WebhookVerificationError({str(error)!r}, code='bad_signature')"
    assert SECRET not in repr(error) + error.reason


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (StudyTokenError("study token refused: it is not meant for 'https://a.example/'", code="wrong_audience"),
         "wrong_audience"),
        (DemographicsUnavailableError("no demographic export for this workspace", study_id="s1", code="no_access"),
         "no_access"),
    ],
)  # fmt: skip
def test_the_code_is_the_machine_value_and_the_reason_the_sentence(
    error: StudyTokenError | DemographicsUnavailableError, code: str
) -> None:
    assert error.code == code
    assert error.reason == str(error) != code
    assert repr(error) == f"{type(error).__name__}({str(error)!r}, code={code!r})"


def test_an_input_errors_reason_is_a_sentence_too() -> None:
    error = BonusFormatError([InputProblem("write 1.50, without the currency sign", file="b.csv", line=3)])
    assert error.reason == "write 1.50, without the currency sign"
