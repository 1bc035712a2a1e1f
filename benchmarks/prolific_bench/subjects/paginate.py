"""Listing every page: ``client.paginate`` over FakeProlific's submissions on loopback (group ``paginate``)."""

from __future__ import annotations

import httpx

from ..harness import Row, Run, interleaved
from ..processes import submissions_server
from .clients import TOKEN, bare_headers, generated_client

PAGE_SIZE = 100


def paginate(run: Run) -> list[Row]:
    """``client.paginate`` vs a bare httpx loop over the same pages, and vs the same loop through the generated function."""
    from prolific import Prolific
    from prolific_api_client.api.submissions import get_submissions
    from prolific_api_client.models import SubmissionShort

    items, repeats, warmup = run.size.pick(10_000, 10_000, 250), run.size.pick(11, 3, 1), run.size.warmup(1)
    with submissions_server(items) as (url, study, _):
        bare = httpx.Client(base_url=url, headers=bare_headers())
        client = Prolific(token=TOKEN, base_url=url)
        generated = generated_client(url)

        def subject() -> int:
            pages = client.paginate(client.submissions.get_submissions, study=study, page_size=PAGE_SIZE)
            return sum(1 for item in pages if isinstance(item, SubmissionShort))

        def baseline() -> int:
            count, page = 0, 1
            while True:
                response = bare.get(
                    "/api/v1/submissions/", params={"study": study, "page": page, "page_size": PAGE_SIZE}
                )
                response.raise_for_status()
                body = response.json()
                count += len(body["results"])
                if len(body["results"]) < PAGE_SIZE or not ((body.get("_links") or {}).get("next") or {}).get("href"):
                    return count
                page += 1

        def generated_loop() -> int:
            count, page = 0, 1
            while True:
                listing = get_submissions.sync(client=generated, study=study, page=page, page_size=PAGE_SIZE)
                results = listing.results  # type: ignore[union-attr]
                count += sum(1 for item in results if isinstance(item, SubmissionShort))
                if len(results) < PAGE_SIZE or not listing.additional_properties["_links"]["next"]["href"]:  # type: ignore[union-attr]
                    return count
                page += 1

        if not subject() == baseline() == generated_loop() == items:
            raise SystemExit("benchmark bug: the loops read different numbers of submissions")
        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(subject, generated_loop, repeats=repeats, warmup=warmup)
        bare.close()
        client.close()
        generated.get_httpx_client().close()
    return [
        Row(
            "paginate",
            f"`client.paginate(client.submissions.get_submissions, ...)`: {items:,} submissions in {PAGE_SIZE}-item "
            "pages from FakeProlific over loopback, each parsed into `SubmissionShort`",
            "a bare httpx loop over the same pages (`page`/`page_size`, `.json()['results']`, stop at a short "
            "page or no `_links.next`)",
            s, b, notes=f"{repeats} pairs; the server in a child process",
        ),
        Row(
            "paginate-vs-generated",
            "the same `client.paginate` run",
            "a loop calling the generated `get_submissions.sync` page by page on its own `AuthenticatedClient` "
            "(the same models parsed)",
            s2, b2, notes=f"{repeats} pairs; what the generated layer costs is on both sides",
        ),
    ]  # fmt: skip
