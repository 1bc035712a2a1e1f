"""Verifying a webhook delivery: ``prolific.webhooks.verify`` of a signed 2 KB event (group ``webhooks``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

from ..harness import Row, Run, interleaved, looped, per_call


def webhooks(run: Run) -> list[Row]:
    """``prolific.webhooks.verify`` of a 2 KB event vs the bare HMAC + compare_digest + ``json.loads``."""
    from prolific.webhooks import signed_headers, verify

    calls, repeats, warmup = run.size.pick(2_000, 500, 1), run.size.pick(31, 7, 1), run.size.warmup(1)
    secret = "whsec-bench-5d1c2b"
    payload = {
        "event_type": "submission.status.change",
        "resource_id": "6540a1b2c3d4e5f607182930",
        "participant_id": "5e9b9c9b0f9c9a0001b0b1f4",
        "status": "APPROVED",
        "metadata": {"note": "x" * 1800},
    }
    body = json.dumps(payload).encode()
    headers = signed_headers(body, secret, event_id="ev-bench-1")
    key = secret.encode()

    def subject() -> object:
        return verify(body, headers, secret, tolerance=None)

    def bare() -> object:
        stamp = headers["X-Prolific-Request-Timestamp"]
        expected = base64.b64encode(hmac.new(key, stamp.encode() + body, hashlib.sha256).digest())
        if not hmac.compare_digest(expected, headers["X-Prolific-Request-Signature"].encode()):
            raise ValueError("bad signature")
        return json.loads(body)

    if verify(body, headers, secret, tolerance=None).payload != bare():
        raise SystemExit("benchmark bug: verify and the bare check disagree")
    s, b = interleaved(looped(subject, calls), looped(bare, calls), repeats=repeats, warmup=warmup)
    notes = f"{calls:,} verifications per sample, {repeats} pairs; body {len(body):,} bytes, 4 headers"
    return [
        Row(
            "webhook-verify", "`prolific.webhooks.verify(body, headers, secret)` of a 2 KB event (typed event out)",
            "bare `hmac.new` + base64 + `hmac.compare_digest` + `json.loads` of the same body",
            per_call(s, calls), per_call(b, calls), notes=notes,
        ),
    ]  # fmt: skip
