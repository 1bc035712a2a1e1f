"""Reviewing submissions: ``approve`` in batches and ``iter_awaiting_review`` over loopback (group ``review``)."""

from __future__ import annotations

import httpx

from ..harness import Row, Run, interleaved
from ..processes import submissions_server
from .clients import TOKEN, bare_headers

BULK_APPROVE_PATH = "/api/v1/submissions/bulk-approve/"
BATCH = 1000  # ids per bulk-approve request


def review(run: Run) -> list[Row]:
    """``approve`` of every id (one request per 1,000) and ``iter_awaiting_review`` over every submission,
    each vs bare httpx sending the same requests, FakeProlific over loopback in a child process."""
    from prolific import Prolific
    from prolific_api_client.models import SubmissionShort

    items, repeats, warmup = run.size.pick(10_000, 10_000, 250), run.size.pick(11, 3, 1), run.size.warmup(1)
    requests = -(-items // BATCH)
    with submissions_server(items, awaiting_review=True) as (url, study, ids):
        sent: list[int] = []
        counting = httpx.Client(event_hooks={"request": [lambda request: sent.append(1)]})
        client = Prolific(token=TOKEN, base_url=url, http_client=counting)
        bare = httpx.Client(base_url=url, headers=bare_headers())

        def approve() -> int:
            return client.submissions.approve(ids).requests

        def bare_approve() -> int:
            for start in range(0, len(ids), BATCH):
                bare.post(BULK_APPROVE_PATH, json={"submission_ids": ids[start : start + BATCH]}).raise_for_status()
            return -(-len(ids) // BATCH)

        def listing() -> int:
            return sum(
                1 for item in client.submissions.iter_awaiting_review(study) if isinstance(item, SubmissionShort)
            )

        def bare_listing() -> int:
            count, page = 0, 1
            while True:
                query: dict[str, str | int] = {
                    "study": study,
                    "awaiting_review": "true",
                    "page": page,
                    "page_size": 100,
                }
                response = bare.get("/api/v1/submissions/", params=query)
                response.raise_for_status()
                body = response.json()
                count += len(body["results"])
                if len(body["results"]) < 100 or not ((body.get("_links") or {}).get("next") or {}).get("href"):
                    return count
                page += 1

        del sent[:]
        if not approve() == bare_approve() == len(sent) == requests:
            raise SystemExit(f"benchmark bug: approve of {items} ids sent {len(sent)} requests")
        if not listing() == bare_listing() == items:
            raise SystemExit("benchmark bug: the loops read different numbers of submissions")
        s, b = interleaved(approve, bare_approve, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(listing, bare_listing, repeats=repeats, warmup=warmup)
        bare.close()
        client.close()
        counting.close()
    return [
        Row(
            "approve",
            f"`client.submissions.approve` of {items:,} submission ids ({requests} requests of <= 1,000, "
            "checked: the count of requests sent) to FakeProlific over loopback",
            "bare httpx posting the same batches", s, b, notes=f"{repeats} pairs; ids checked on the subject side",
        ),
        Row(
            "awaiting-review",
            f"`client.submissions.iter_awaiting_review`: {items:,} submissions in 100-item pages, parsed into "
            "`SubmissionShort`",
            "a bare httpx loop over the same pages (`awaiting_review=true`, `.json()['results']`)",
            s2, b2, notes=f"{repeats} pairs; the server in a child process",
        ),
    ]  # fmt: skip
