"""Ratio benchmarks for prolific-client: ``make bench`` (``--quick`` for a short run, ``--smoke`` to check).

Every row times a subject against its baseline in this same process run, interleaved: each pair
runs both once, alternating which goes first (AB, BA, AB, ...), so drift and order effects hit
both sides. Warm-up runs come first and are discarded. A row reports the median subject and
baseline times, the median of the per-pair ratios (subject / baseline) and their spread: the
interquartile range and, in brackets, the min-max of the per-pair ratios.

Only the standard library and what ``make install`` installs are used. Nothing is written into
the repository: the ``make generate`` rows work on a copy in a temporary directory, and child
interpreters keep their bytecode cache in a temporary directory too.

    .venv/bin/python benchmarks/run.py                 # the reference table (a few minutes)
    .venv/bin/python benchmarks/run.py --quick         # small inputs, few repeats (< 60 s)
    .venv/bin/python benchmarks/run.py --smoke         # every row once, tiny inputs: proves the rows run
    .venv/bin/python benchmarks/run.py --only mock,upload
    .venv/bin/python benchmarks/run.py --strict        # exit 1 when a target is missed

The exit status is 0 even when a target is missed (the table says so) unless ``--strict``;
``--quick`` and ``--smoke`` figures use small inputs and are not compared with the targets; ``--smoke``
(what ``make test`` runs) times each row once with no warm-up, so its figures mean nothing.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import gc
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TOKEN = "bench-token-3f9a"
WORKSPACE = "ws_bench"
API = "https://api.prolific.com"
CREATE_PATH = "/api/v1/credentials/"
# A small pool as in the README's example: what one create_pool call typically carries.
SMALL_CSV = "alice,pw-Alice-1\nbob,pw-Bob-22\ncarol,pw-Carol-333"
CANNED_BODY = json.dumps({"credential_pool_id": f"{WORKSPACE}_4d6f0e1c9b8a4f2e9d3c2b1a0f9e8d7c"}).encode()


# -- measuring ------------------------------------------------------------------------------------


@dataclass
class Row:
    key: str
    measure: str
    baseline: str
    subject: list[float]  # one value per pair: seconds, or bytes for a memory row
    base: list[float]
    unit: str = "s"
    notes: str = ""
    target: float | None = None  # set from the registry (REGISTRY) when the row is reported; None: no target

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.subject, self.base, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def missed(self) -> bool:
        return self.target is not None and self.ratio > self.target


def interleaved(
    subject: Callable[[], object], baseline: Callable[[], object], *, repeats: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Time ``subject`` and ``baseline`` in ``repeats`` pairs, alternating which runs first.

    ``warmup`` pairs run first and are not timed. A full collection runs before every timed run
    (outside the timing), so neither side pays for the other's garbage.
    """
    for _ in range(warmup):
        baseline()
        subject()
    subject_times: list[float] = []
    base_times: list[float] = []
    for i in range(repeats):
        order = [(baseline, base_times), (subject, subject_times)]
        if i % 2:
            order.reverse()
        for fn, times in order:
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return subject_times, base_times


def looped(fn: Callable[[], object], calls: int) -> Callable[[], None]:
    """``fn`` called ``calls`` times per sample (one call is too short to time on its own)."""

    def run() -> None:
        for _ in range(calls):
            fn()

    return run


def per_call(times: list[float], calls: int) -> list[float]:
    return [t / calls for t in times]


def peak_bytes(fn: Callable[[], object]) -> float:
    """Peak traced memory while ``fn`` runs, above what was allocated before (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return float(peak - before)


def child_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of the child interpreters: bytecode cached under ``tmp``.

    After their warm-up both sides of a row run from cached bytecode, whatever
    PYTHONDONTWRITEBYTECODE says and whether the checkout has ``__pycache__`` folders, and no
    cache is written into the repository.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    return {**env, "PYTHONPYCACHEPREFIX": str(tmp / "pycache"), **extra}


# -- create_pool: MockTransport and loopback ------------------------------------------------------


def _request_summary(request: httpx.Request) -> tuple[Any, ...]:
    headers = sorted((k.lower(), v) for k, v in request.headers.items())
    return request.method, str(request.url), headers, request.read()


def _check_same_request(
    subject: Callable[[], object], baseline: Callable[[], object], recorder: list[httpx.Request]
) -> None:
    """Both sides must send the same method, URL, headers (as a set) and body bytes."""
    sent = []
    for fn in (subject, baseline):
        recorder.clear()
        fn()
        sent.append(_request_summary(recorder[-1]))
    if sent[0] != sent[1]:
        raise SystemExit(f"benchmark bug: subject and baseline send different requests:\n{sent[0]}\n{sent[1]}")


def _bare_create(client: httpx.Client) -> Callable[[], str]:
    body = {"credentials": SMALL_CSV, "workspace_id": WORKSPACE}

    def call() -> str:
        response = client.post(CREATE_PATH, json=body)
        response.raise_for_status()
        return str(response.json()["credential_pool_id"])

    return call


def mock_clients(transport: httpx.MockTransport) -> tuple[httpx.Client, httpx.Client, Any, Any]:
    """On one transport: a bare httpx client sending what the others send, the overlay, the generated client."""
    from prolific import Prolific
    from prolific._config import USER_AGENT
    from prolific_api_client import AuthenticatedClient

    headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
    bare = httpx.Client(transport=transport, base_url=API, headers=headers)
    overlay_http = httpx.Client(transport=transport)
    overlay = Prolific(token=TOKEN, base_url=API, http_client=overlay_http)
    generated = AuthenticatedClient(
        base_url=API,
        token=TOKEN,
        prefix="Token",
        headers={"User-Agent": USER_AGENT},
        httpx_args={"transport": transport},
    )
    return bare, overlay_http, overlay, generated


def bench_mock(calls: int, repeats: int, warmup: int = 1) -> list[Row]:
    """create_pool (overlay) and the generated sync_detailed vs bare httpx on one MockTransport."""
    from prolific_api_client.api.credentials import create_credential_pool
    from prolific_api_client.models import CreateCredentialPoolRequest

    recorder: list[httpx.Request] = []
    recording = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        if recording[0]:
            recorder.append(request)
        return httpx.Response(201, headers=[("Content-Type", "application/json")], content=CANNED_BODY)

    bare, overlay_http, overlay, generated = mock_clients(httpx.MockTransport(handler))
    bare_call = _bare_create(bare)

    def overlay_call() -> str:
        return overlay.credentials.create_pool(workspace_id=WORKSPACE, credentials=SMALL_CSV)

    def generated_call() -> str:
        body = CreateCredentialPoolRequest(credentials=SMALL_CSV, workspace_id=WORKSPACE)
        return str(create_credential_pool.sync_detailed(client=generated, body=body).parsed.credential_pool_id)  # type: ignore[union-attr]

    if not overlay_call() == bare_call() == generated_call():
        raise SystemExit("benchmark bug: the three clients read different pool ids")
    _check_same_request(overlay_call, bare_call, recorder)
    _check_same_request(generated_call, bare_call, recorder)
    recording[0] = False

    s, b = interleaved(looped(overlay_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(looped(generated_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    bare.close()
    overlay_http.close()
    generated.get_httpx_client().close()
    notes = f"{calls:,} calls per sample, {repeats} pairs"
    return [
        Row(
            "mock",
            "`credentials.create_pool`, overlay: client-side cost of one call, `httpx.MockTransport` "
            "answering a canned 201 (3 credentials passed as CSV text, parsed and validated)",
            "bare `httpx.Client.post` on the same transport: same request bytes (headers incl. "
            "Authorization, JSON body), `raise_for_status()`, `.json()[...]`",
            per_call(s, calls), per_call(b, calls), notes=notes,
        ),
        Row(
            "generated",
            "the same call through the generated `create_credential_pool.sync_detailed` "
            "(`AuthenticatedClient`, body model built per call)",
            "bare httpx, as above", per_call(s2, calls), per_call(b2, calls), notes=notes,
        ),
    ]  # fmt: skip


# A study as `get-study` returns it: the required fields and the ones a draft usually has.
STUDY_BODY = json.dumps(
    {
        "id": "6540a1b2c3d4e5f607182930",
        "name": "Pilot study",
        "internal_name": "pilot-1",
        "description": "A short survey about reading habits.",
        "external_study_url": "https://example.org/survey?PROLIFIC_PID={{%PROLIFIC_PID%}}",
        "prolific_id_option": "url_parameters",
        "completion_codes": [
            {"code": "C1A2B3", "code_type": "COMPLETED", "actions": [{"action": "AUTOMATICALLY_APPROVE"}]}
        ],
        "total_available_places": 100,
        "estimated_completion_time": 10,
        "maximum_allowed_time": 40,
        "reward": 150,
        "device_compatibility": ["desktop", "tablet"],
        "peripheral_requirements": [],
        "filters": [{"filter_id": "age", "selected_range": {"lower": 18, "upper": 40}}],
        "status": "UNPUBLISHED",
        "has_credentials": False,
    }
).encode()


def bench_methods(calls: int, repeats: int, warmup: int = 1) -> list[Row]:
    """A GET through a generated client method (``client.studies.get_study``) vs bare httpx and the generated function."""
    from prolific_api_client.api.studies import get_study
    from prolific_api_client.models import Study

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=[("Content-Type", "application/json")], content=STUDY_BODY)

    bare, overlay_http, overlay, generated = mock_clients(httpx.MockTransport(handler))
    study_id = "6540a1b2c3d4e5f607182930"

    def method_call() -> object:
        return overlay.studies.get_study(study_id)

    def bare_call() -> object:
        response = bare.get(f"/api/v1/studies/{study_id}/")
        response.raise_for_status()
        return response.json()

    def generated_call() -> object:
        return get_study.sync(study_id, client=generated)

    if not (isinstance(method_call(), Study) and isinstance(generated_call(), Study) and bare_call()["id"] == study_id):
        raise SystemExit("benchmark bug: a client did not read the study")
    s, b = interleaved(looped(method_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(looped(method_call, calls), looped(generated_call, calls), repeats=repeats, warmup=warmup)
    bare.close()
    overlay_http.close()
    generated.get_httpx_client().close()
    notes = f"{calls:,} calls per sample, {repeats} pairs; the body is a 16-field draft study"
    measure = (
        "`client.studies.get_study(id)`: a generated client method, `httpx.MockTransport`, the `Study` model parsed"
    )
    return [
        Row(
            "method-get", measure,
            "bare `httpx.Client.get` on the same transport, `raise_for_status()`, `.json()`",
            per_call(s, calls), per_call(b, calls), notes=notes,
        ),
        Row(
            "method-vs-generated", measure,
            "the generated `get_study.sync` on its own `AuthenticatedClient` (same transport, same model parse)",
            per_call(s2, calls), per_call(b2, calls), notes=notes,
        ),
    ]  # fmt: skip


def bench_model(calls: int, repeats: int, warmup: int = 1) -> list[Row]:
    """``json.loads`` + ``Study.from_dict`` vs ``json.loads`` alone, the 16-field draft study (the model template's cost)."""
    from prolific_api_client.models import Study

    if len(json.loads(STUDY_BODY)) != 16 or Study.from_dict(json.loads(STUDY_BODY)).to_dict() != json.loads(STUDY_BODY):
        raise SystemExit("benchmark bug: the study body is not a 16-field study that Study round-trips")

    def subject() -> object:
        return Study.from_dict(json.loads(STUDY_BODY))

    def baseline() -> object:
        return json.loads(STUDY_BODY)

    s, b = interleaved(looped(subject, calls), looped(baseline, calls), repeats=repeats, warmup=warmup)
    return [
        Row(
            "model", "`Study.from_dict(json.loads(body))`: the generated model parsed from bytes (a 16-field draft "
            "study: a completion code with an action, a range filter)",
            "`json.loads(body)` alone", per_call(s, calls), per_call(b, calls),
            notes=f"{calls:,} calls per sample, {repeats} pairs",
        ),
    ]  # fmt: skip


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic GC off for the block (for "-nogc" rows), back to how it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def fake_server() -> Iterator[tuple[str, Callable[[], None]]]:
    """FakeProlific's real HTTP/1.1 server (``FakeProlific.serve()``) in a child process.

    Yields ``(url, reset)``. A separate process, as a real server would be: its request handling
    does not compete with the client for this process's GIL. ``reset()`` empties the fake
    (``FakeProlific.reset()``) so that it does not accumulate millions of credentials.
    """
    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "with fake.serve() as url:\n"
        "    print(url, flush=True)\n"
        "    for _ in sys.stdin:\n"
        "        fake.reset()\n"
        "        print('ok', flush=True)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    stdin, stdout = child.stdin, child.stdout
    assert stdin is not None and stdout is not None

    def reset() -> None:
        stdin.write("reset\n")
        stdin.flush()
        if stdout.readline().strip() != "ok":
            raise RuntimeError("the FakeProlific server process stopped answering")

    try:
        url = stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError("the FakeProlific server process did not start")
        yield url, reset
    finally:
        stdin.close()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def bench_paginate(items: int, page_size: int, repeats: int, warmup: int = 1) -> list[Row]:
    """``client.paginate`` over FakeProlific's submissions on loopback vs a bare httpx loop over the same pages."""
    from prolific import Prolific
    from prolific._config import USER_AGENT
    from prolific_api_client.models import SubmissionShort

    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "study = fake.add_study(workspace_id='ws_bench')\n"
        f"fake.add_submissions(study, {items})\n"
        "with fake.serve() as url:\n"
        "    print(url, study, flush=True)\n"
        "    sys.stdin.read()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    try:
        url, study = child.stdout.readline().split()
        headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
        bare = httpx.Client(base_url=url, headers=headers)
        client = Prolific(token=TOKEN, base_url=url)

        def subject() -> int:
            pages = client.paginate(client.submissions.get_submissions, study=study, page_size=page_size)
            return sum(1 for item in pages if isinstance(item, SubmissionShort))

        def baseline() -> int:
            count, page = 0, 1
            while True:
                response = bare.get(
                    "/api/v1/submissions/", params={"study": study, "page": page, "page_size": page_size}
                )
                response.raise_for_status()
                body = response.json()
                count += len(body["results"])
                if len(body["results"]) < page_size or not ((body.get("_links") or {}).get("next") or {}).get("href"):
                    return count
                page += 1

        from prolific_api_client import AuthenticatedClient
        from prolific_api_client.api.submissions import get_submissions

        generated = AuthenticatedClient(base_url=url, token=TOKEN, prefix="Token", headers={"User-Agent": USER_AGENT})

        def generated_loop() -> int:
            count, page = 0, 1
            while True:
                listing = get_submissions.sync(client=generated, study=study, page=page, page_size=page_size)
                results = listing.results  # type: ignore[union-attr]
                count += sum(1 for item in results if isinstance(item, SubmissionShort))
                if len(results) < page_size or not listing.additional_properties["_links"]["next"]["href"]:  # type: ignore[union-attr]
                    return count
                page += 1

        if not subject() == baseline() == generated_loop() == items:
            raise SystemExit("benchmark bug: the loops read different numbers of submissions")
        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(subject, generated_loop, repeats=repeats, warmup=warmup)
        bare.close()
        client.close()
        generated.get_httpx_client().close()
    finally:
        child.stdin.close()
        child.wait(timeout=30)
    return [
        Row(
            "paginate",
            f"`client.paginate(client.submissions.get_submissions, ...)`: {items:,} submissions in {page_size}-item "
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


def bench_review(items: int, repeats: int, warmup: int = 1) -> list[Row]:
    """``approve`` of ``items`` ids (one request per 1,000) and ``awaiting_review`` over ``items`` submissions,
    each vs bare httpx sending the same requests, FakeProlific over loopback in a child process."""
    from prolific import Prolific
    from prolific._config import USER_AGENT
    from prolific_api_client.models import SubmissionShort

    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "study = fake.add_study(workspace_id='ws_bench')\n"
        f"ids = fake.add_submissions(study, {items}, status='AWAITING REVIEW')\n"
        "fake.bulk_approve_lag = 10**9  # never applied: every run sees the same submissions awaiting review\n"
        "with fake.serve() as url:\n"
        "    print(url, study, flush=True)\n"
        "    print(','.join(ids), flush=True)\n"
        "    sys.stdin.read()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    try:
        url, study = child.stdout.readline().split()
        ids = child.stdout.readline().strip().split(",")
        headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
        sent: list[int] = []
        counting = httpx.Client(event_hooks={"request": [lambda request: sent.append(1)]})
        client = Prolific(token=TOKEN, base_url=url, http_client=counting)
        bare = httpx.Client(base_url=url, headers=headers)
        bulk_path = "/api/v1/submissions/bulk-approve/"

        def approve() -> int:
            return client.submissions.approve(ids).requests

        def bare_approve() -> int:
            for start in range(0, len(ids), 1000):
                bare.post(bulk_path, json={"submission_ids": ids[start : start + 1000]}).raise_for_status()
            return -(-len(ids) // 1000)

        def listing() -> int:
            return sum(1 for item in client.submissions.awaiting_review(study) if isinstance(item, SubmissionShort))

        def bare_listing() -> int:
            count, page = 0, 1
            while True:
                query = {"study": study, "awaiting_review": "true", "page": page, "page_size": 100}
                response = bare.get("/api/v1/submissions/", params=query)
                response.raise_for_status()
                body = response.json()
                count += len(body["results"])
                if len(body["results"]) < 100 or not ((body.get("_links") or {}).get("next") or {}).get("href"):
                    return count
                page += 1

        del sent[:]
        if not approve() == bare_approve() == len(sent) == -(-items // 1000):
            raise SystemExit(f"benchmark bug: approve of {items} ids sent {len(sent)} requests")
        if not listing() == bare_listing() == items:
            raise SystemExit("benchmark bug: the loops read different numbers of submissions")
        s, b = interleaved(approve, bare_approve, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(listing, bare_listing, repeats=repeats, warmup=warmup)
        bare.close()
        client.close()
        counting.close()
    finally:
        child.stdin.close()
        child.wait(timeout=30)
    return [
        Row(
            "approve",
            f"`client.submissions.approve` of {items:,} submission ids ({-(-items // 1000)} requests of <= 1,000, "
            "checked: the count of requests sent) to FakeProlific over loopback",
            "bare httpx posting the same batches", s, b, notes=f"{repeats} pairs; ids checked on the subject side",
        ),
        Row(
            "awaiting-review",
            f"`client.submissions.awaiting_review`: {items:,} submissions in 100-item pages, parsed into "
            "`SubmissionShort`",
            "a bare httpx loop over the same pages (`awaiting_review=true`, `.json()['results']`)",
            s2, b2, notes=f"{repeats} pairs; the server in a child process",
        ),
    ]  # fmt: skip


def bench_loopback(calls: int, repeats: int, warmup: int = 3) -> list[Row]:
    """One create_pool end to end over loopback: overlay vs bare httpx, same FakeProlific server.

    Two report rows split the overlay's extra time: the same call with credentials validated
    beforehand (a ``CredentialList``), and the bare generated ``sync_detailed``.
    """
    from prolific import Prolific, parse_credentials
    from prolific._config import USER_AGENT
    from prolific_api_client import AuthenticatedClient
    from prolific_api_client.api.credentials import create_credential_pool
    from prolific_api_client.models import CreateCredentialPoolRequest

    headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
    validated = parse_credentials(SMALL_CSV)
    with (
        fake_server() as (url, reset),
        httpx.Client(base_url=url, headers=headers) as bare,
        Prolific(token=TOKEN, base_url=url) as overlay,
        AuthenticatedClient(base_url=url, token=TOKEN, prefix="Token", headers={"User-Agent": USER_AGENT}) as generated,
    ):
        bare_call = _bare_create(bare)

        def overlay_call() -> str:
            return overlay.credentials.create_pool(workspace_id=WORKSPACE, credentials=SMALL_CSV)

        def validated_call() -> str:
            return overlay.credentials.create_pool(workspace_id=WORKSPACE, credentials=validated)

        def generated_call() -> str:
            body = CreateCredentialPoolRequest(credentials=SMALL_CSV, workspace_id=WORKSPACE)
            return str(create_credential_pool.sync_detailed(client=generated, body=body).parsed.credential_pool_id)  # type: ignore[union-attr]

        # Check the bytes sent, through a request hook on the httpx clients (the overlay's methods send
        # through its connection), then remove it.
        recorder: list[httpx.Request] = []
        clients = (bare, overlay._connection.http, generated.get_httpx_client())
        for client in clients:
            client.event_hooks = {**client.event_hooks, "request": [recorder.append]}
        for subject in (overlay_call, validated_call, generated_call):
            _check_same_request(subject, bare_call, recorder)
        for client in clients:
            client.event_hooks = {**client.event_hooks, "request": []}

        times = [
            interleaved(looped(subject, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
            for subject in (overlay_call, validated_call, generated_call)
        ]
        reset()
    notes = f"{calls:,} calls per sample, {repeats} pairs (many short pairs: the per-pair spread is wide on a shared machine)"
    bare_text = "bare `httpx.Client.post` to the same server: same request bytes, `raise_for_status()`, `.json()[...]`"
    return [
        Row(
            "loopback",
            "one `create_pool` call end to end over loopback (HTTP/1.1 keep-alive), overlay, to "
            "FakeProlific's real server (`fake.serve()`, in a child process)",
            bare_text, per_call(times[0][0], calls), per_call(times[0][1], calls), notes=notes,
        ),
        Row(
            "loopback-validated",
            "the same, credentials passed already validated (the `CredentialList` that `parse_credentials` "
            "returns): the overlay without its CSV check",
            "bare httpx, as above", per_call(times[1][0], calls), per_call(times[1][1], calls), notes=notes,
        ),
        Row(
            "loopback-generated",
            "the same request through the generated `create_credential_pool.sync_detailed` on its own "
            "`AuthenticatedClient`: no overlay at all",
            "bare httpx, as above", per_call(times[2][0], calls), per_call(times[2][1], calls), notes=notes,
        ),
    ]  # fmt: skip


# -- a million credentials ------------------------------------------------------------------------


def random_credentials(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` unique usernames with 16-character URL-safe passwords (deterministic)."""
    passwords = base64.urlsafe_b64encode(random.Random(seed).randbytes(12 * n)).decode("ascii")
    width = len(str(n))
    return [(f"participant{i:0{width}d}", passwords[16 * i : 16 * i + 16]) for i in range(n)]


def bench_csv(n: int, repeats: int, mem_repeats: int, tmp: Path, warmup: int = 1) -> list[Row]:
    """read_credentials + credentials_to_csv vs csv.reader + join: time, peak memory, GC off."""
    from prolific import credentials_to_csv, read_credentials

    path = tmp / "credentials.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("username,password\n")
        handle.writelines(f"{u},{p}\n" for u, p in random_credentials(n, seed=1))

    def baseline() -> str:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        del rows[0]  # the header
        return "\n".join([f"{u},{p}" for u, p in rows])

    def subject() -> str:
        return credentials_to_csv(read_credentials(path))

    if subject() != baseline():
        raise SystemExit("benchmark bug: read_credentials + credentials_to_csv differs from the baseline")
    what = (
        f"{n:,} credentials ({path.stat().st_size / 1e6:.0f} MB file with a header): "
        "`read_credentials(path)` + `credentials_to_csv`"
    )
    base = '`rows = list(csv.reader(f))`, drop the header, `"\\n".join([f"{u},{p}" for u, p in rows])`: no validation'
    s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
    rows = [Row("csv", f"{what}: time", base, s, b, notes=f"{repeats} pairs; the cyclic GC enabled (the default)")]

    sm: list[float] = []
    bm: list[float] = []
    for i in range(mem_repeats):
        if i % 2 == 0:
            bm.append(peak_bytes(baseline))
            sm.append(peak_bytes(subject))
        else:
            sm.append(peak_bytes(subject))
            bm.append(peak_bytes(baseline))
    rows.append(
        Row(
            "csv-memory", f"{what}: peak memory (tracemalloc in this process, restarted for every run)",
            "the same baseline", sm, bm, unit="B",
            notes=f"{mem_repeats} pairs (deterministic); the output string is part of both peaks",
        )
    )  # fmt: skip

    with gc_paused():
        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
    rows.append(
        Row(
            "csv-nogc", f"{what}: time with the cyclic GC disabled on both sides", "the same baseline", s, b,
            notes=f"{repeats} pairs; read_credentials pauses the GC itself and the naive baseline does not, "
            "so this row isolates the cost of reading + validating",
        )
    )  # fmt: skip
    return rows


def bench_upload(n: int, repeats: int, warmup: int = 1) -> Row:
    """upload(n credentials) in default batches vs one bare POST of the whole CSV, same server."""
    from prolific import DEFAULT_BATCH_SIZE, Credential, Prolific
    from prolific._config import USER_AGENT

    credentials = [Credential(u, p) for u, p in random_credentials(n, seed=2)]
    headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
    with (
        fake_server() as (url, reset),
        httpx.Client(base_url=url, headers=headers, timeout=300) as bare,
        Prolific(token=TOKEN, base_url=url, timeout=300) as overlay,
    ):

        def baseline() -> None:
            text = "\n".join(map(",".join, credentials))
            response = bare.post(CREATE_PATH, json={"credentials": text, "workspace_id": WORKSPACE})
            response.raise_for_status()
            response.json()["credential_pool_id"]
            reset()  # in the timing on both sides: well under a millisecond

        def subject() -> None:
            result = overlay.credentials.upload(credentials, workspace_id=WORKSPACE)
            if result.uploaded != n:
                raise SystemExit(f"benchmark bug: uploaded {result.uploaded} of {n}")
            reset()

        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
    requests = -(-n // DEFAULT_BATCH_SIZE)
    return Row(
        "upload",
        f"`credentials.upload` of {n:,} credentials (a list of `Credential`, validated first) to "
        f"FakeProlific over loopback, default `batch_size={DEFAULT_BATCH_SIZE:,}`: 1 POST + {requests - 1} PATCHes",
        "one bare httpx POST of the whole CSV, joined from the same list inside the timing (no "
        "validation), to the same server",
        s, b, notes=f"{repeats} pairs; server in a child process, emptied after every run on both sides",
    )  # fmt: skip


# -- start-up and the spec pipeline ---------------------------------------------------------------


def bench_import(repeats: int, tmp: Path, warmup: int = 3) -> list[Row]:
    """Fresh interpreters: ``import prolific`` vs ``import httpx``."""
    env = child_env(tmp)

    def python(code: str) -> Callable[[], None]:
        argv = [sys.executable, "-c", code]
        return lambda: subprocess.run(argv, check=True, env=env)

    import_httpx = python("import httpx")
    s, b = interleaved(python("import prolific"), import_httpx, repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(python("import prolific; prolific.Prolific"), import_httpx, repeats=repeats, warmup=warmup)
    client = "import prolific; client = prolific.Prolific(token='t')"
    first_use = python(f"{client}; from prolific_api_client.api.studies import get_study")
    s3, b3 = interleaved(first_use, import_httpx, repeats=repeats, warmup=warmup)
    s4, b4 = interleaved(python(f"{client}; client.studies"), python(client), repeats=repeats, warmup=warmup)
    logins = tmp / "logins.csv"
    logins.write_text("".join(f"user{n},password-{n:04d}\n" for n in range(1, 101)), encoding="utf-8")

    def cli(*words: str) -> Callable[[], None]:
        argv = [str(BIN / "prolific-client"), *words]
        return lambda: subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    stdlib = python("import argparse, json, csv")
    s5, b5 = interleaved(cli("--help"), stdlib, repeats=repeats, warmup=warmup)
    s6, b6 = interleaved(cli("credentials", "check", str(logins)), stdlib, repeats=repeats, warmup=warmup)
    notes = (
        f"{repeats} pairs; wall time of the whole process, interpreter start-up included; "
        "bytecode cached for both sides (PYTHONPYCACHEPREFIX in a temp dir)"
    )
    return [
        Row("import", '`python -c "import prolific"` (fresh process)', '`python -c "import httpx"`', s, b, notes=notes),
        Row(
            "import-client",
            '`python -c "import prolific; prolific.Prolific"` (first use loads the client and the generated package)',
            '`python -c "import httpx"`', s2, b2, notes=notes,
        ),
        Row(
            "first-use",
            "first use: `import prolific`, `Prolific(token=...)`, and a generated function of another tag "
            "(`from prolific_api_client.api.studies import get_study`)",
            '`python -c "import httpx"`', s3, b3, notes=notes,
        ),
        Row(
            "tag-first-use",
            "`client.studies` first used (loads that tag's operations and their success models only)",
            '`import prolific; Prolific(token=...)` in a fresh process', s4, b4, notes=notes,
        ),
        Row("cli-help", "`prolific-client --help` (loads no httpx, no client)", '`python -c "import argparse, json, csv"`',
            s5, b5, notes=notes),
        Row("cli-offline", "`prolific-client credentials check FILE` (100 lines; offline: loads no httpx)",
            '`python -c "import argparse, json, csv"`', s6, b6, notes=notes),
    ]  # fmt: skip


def bench_generate(repeats: int, tmp: Path, warmup: int = 1, *, smoke: bool = False) -> list[Row]:
    """``make generate`` on a temporary copy vs the bare generator CLI, same spec and config.

    ``smoke``: each subject runs once against one shared baseline run (the rows run; nothing is measured),
    on tiny inputs: the four seed pages without the whole-API document, regenerated once beforehand.
    """
    copy = tmp / "repo"
    for name in ("openapi", "generated"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "generator-config.yaml", copy / "generator-config.yaml")
    spec = copy / "openapi" / "prolific.yaml"
    # The generator's ruff post-hooks are found on PATH, as `make` gives them.
    env = child_env(tmp, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    # What `make generate` runs (PYTHONPATH=openapi python -m prolific_spec generate), rooted at the copy.
    pipeline = [sys.executable, "-m", "prolific_spec", "--root", str(copy), "generate"]
    pipeline_env = {**env, "PYTHONPATH": str(copy / "openapi")}
    # The pruned inputs make the pipeline print notes about unused names.yaml/overrides.yaml entries:
    # kept out of the output, and shown when a run fails.
    quiet = {"stderr": subprocess.PIPE, "text": True} if smoke else {}

    def run_child(argv: list[str]) -> None:
        done = subprocess.run(argv, cwd=copy, env=pipeline_env, stdout=subprocess.DEVNULL, **quiet)  # type: ignore[call-overload]
        if done.returncode:
            raise SystemExit(f"{' '.join(argv[2:])} failed with exit code {done.returncode}:\n{done.stderr or ''}")

    if smoke:
        (copy / "openapi" / "sources" / PUBLISHED_SPEC.name).unlink()
        run_child(pipeline)
    committed = spec.read_text(encoding="utf-8")
    bare_spec = tmp / "bare-spec" / "prolific.yaml"  # never touched by the pipeline runs
    bare_spec.parent.mkdir()
    shutil.copy2(spec, bare_spec)
    outputs = tmp / "bare-out"
    counter = iter(range(1_000_000))

    def pipeline_run() -> None:
        run_child(pipeline)

    def edited_pipeline_run() -> None:
        # As after editing a source: the committed spec differs, so the pipeline validates and rewrites it.
        spec.write_text(committed + "# stale\n", encoding="utf-8")
        pipeline_run()

    def baseline() -> None:
        out = outputs / str(next(counter)) / "prolific_api_client"
        argv = [
            str(BIN / "openapi-python-client"), "generate", "--path", str(bare_spec),
            "--config", str(copy / "generator-config.yaml"), "--meta", "none",
            "--output-path", str(out), "--fail-on-warning",
        ]  # fmt: skip
        subprocess.run(argv, check=True, cwd=tmp, env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(out.parent)

    check = [sys.executable, "-m", "prolific_spec", "--root", str(copy), "check"]

    def check_run() -> None:
        run_child(check)

    if smoke:
        s, b = interleaved(pipeline_run, baseline, repeats=1, warmup=0)
        s2, _ = interleaved(edited_pipeline_run, lambda: None, repeats=1, warmup=0)
        s3, _ = interleaved(check_run, lambda: None, repeats=1, warmup=0)
        b2 = b3 = b
    else:
        s, b = interleaved(pipeline_run, baseline, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(edited_pipeline_run, baseline, repeats=repeats, warmup=warmup)
        s3, b3 = interleaved(check_run, baseline, repeats=repeats, warmup=warmup)
    if spec.read_text(encoding="utf-8") != committed:
        raise SystemExit("benchmark bug: the pipeline did not restore the spec from the sources")
    base = "bare `openapi-python-client generate` CLI on `openapi/prolific.yaml`, same config, `--meta none --fail-on-warning`"
    notes = f"{repeats} pairs; both run the same ruff post-hooks"
    return [
        Row(
            "generate",
            "`make generate` from sources (`python -m prolific_spec generate` on a temp copy, fresh "
            "process); sources unchanged, so the merged spec is not re-validated",
            base, s, b, notes=notes,
        ),
        Row(
            "generate-edited",
            "the same after a source edit: the merged spec differs from the committed one, so it is "
            "validated (openapi-spec-validator) and rewritten",
            base, s2, b2, notes=notes,
        ),
        Row(
            "check-generated",
            "`make check-generated` (`python -m prolific_spec check`: rebuild the spec and the package into a "
            "temp dir, compare with the committed ones)",
            base, s3, b3, notes=notes,
        ),
    ]  # fmt: skip


# -- spec diff (issue 14) -------------------------------------------------------------------------

PUBLISHED_SPEC = ROOT / "openapi" / "sources" / "prolific-openapi.yaml"


def bench_spec_diff(repeats: int, tmp: Path) -> list[Row]:
    """``python -m prolific_spec diff`` of the whole published document vs a mutated copy, fresh process."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(PUBLISHED_SPEC.read_text(encoding="utf-8"), Loader=loader)
    # The acceptance mutations: an operation removed, an enum value added, a field made required,
    # a parameter's type changed.
    del doc["paths"]["/api/v1/studies/{id}/"]["delete"]
    doc["components"]["schemas"]["StudyStatus"]["enum"].append("ARCHIVED")
    doc["components"]["schemas"]["CreateStudy"]["required"].append("credential_pool_id")
    for param in doc["paths"]["/api/v1/studies/"]["get"]["parameters"]:
        if param["name"] == "state":
            param["schema"] = {"type": "integer"}
    mutated = tmp / "mutated-openapi.yaml"
    mutated.write_text(
        yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False), encoding="utf-8"
    )
    env = child_env(tmp, PYTHONPATH=str(ROOT / "openapi"))
    files = [str(PUBLISHED_SPEC), str(mutated)]
    diff_argv = [sys.executable, "-m", "prolific_spec", "diff", *files]
    read_argv = [
        sys.executable, "-c",
        "import sys, yaml\nloader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
        "for f in sys.argv[1:]: yaml.load(open(f, encoding='utf-8'), Loader=loader)",
        *files,
    ]  # fmt: skip

    def subject() -> None:
        result = subprocess.run(diff_argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 1:  # 1: changes found
            raise SystemExit(f"benchmark bug: spec diff exited with {result.returncode}: {result.stderr[-2000:]}")

    def baseline() -> None:
        subprocess.run(read_argv, env=env, check=True)

    s, b = interleaved(subject, baseline, repeats=repeats)
    limit = 2.0  # seconds, whatever the baseline
    median = statistics.median(s)
    verdict = "met" if median <= limit else "MISSED"
    return [
        Row(
            "spec-diff",
            "`python -m prolific_spec diff` of Prolific's whole published document (121 operations, 440 schemas) "
            "against a mutated copy (fresh process: start-up, reading both, comparing, printing)",
            "a fresh process that only parses the same two files with PyYAML's C loader",
            s, b,
            notes=f"{repeats} pairs; absolute: median {median:.2f} s against issue 14's limit of {limit:g} s: {verdict}",
        ),
    ]  # fmt: skip


# -- the credentials report (parse, reconcile) ------------------------------------------------------

# (rows, time pairs, memory pairs) per mode; kept apart from Sizes so this group stays self-contained.
REPORT_SIZES = {"full": (1_000_000, 7, 3), "quick": (100_000, 3, 2), "smoke": (1_000, 1, 1)}


def _report_text(n: int) -> str:
    """A report as Prolific sends it: ``n`` rows, 3 in 5 used, the rest unused (empty ids)."""
    lines = ["Participant Id,Submission Id,Username,Status"]
    width = len(str(n))
    for i in range(n):
        username = f"participant{i:0{width}d}"
        lines.append(f"{i:024x},{i + 1:024x},{username},USED" if i % 5 < 3 else f",,{username},UNUSED")
    return "\n".join(lines) + "\n"


def bench_report(mode: str, warmup: int = 1) -> list[Row]:
    """parse_credential_report vs csv.reader; reconcile_report vs a bare dict join (time and peak memory)."""
    import io

    from prolific import parse_credential_report, parse_credentials, reconcile_report
    from prolific.credentials import CredentialList

    n, repeats, mem_repeats = REPORT_SIZES[mode]
    text = _report_text(n)

    def csv_baseline() -> list[list[str]]:
        return list(csv.reader(io.StringIO(text)))

    def parse() -> object:
        return parse_credential_report(text)

    report = parse_credential_report(text)
    if [list(row) for row in report.rows] != csv_baseline()[1:]:
        raise SystemExit("benchmark bug: parse_credential_report differs from csv.reader")
    what = f"`parse_credential_report` of a {n:,}-row report ({len(text) / 1e6:.0f} MB, 60% used)"
    s, b = interleaved(parse, csv_baseline, repeats=repeats, warmup=warmup)
    rows = [
        Row("report", f"{what}: rows by header name, checked widths, status counts", "`list(csv.reader(io.StringIO(text)))`",
            s, b, notes=f"{repeats} pairs; the cyclic GC enabled (the default)"),
    ]  # fmt: skip
    with gc_paused():
        s, b = interleaved(parse, csv_baseline, repeats=repeats, warmup=warmup)
    rows.append(
        Row("report-nogc", f"{what}: time with the cyclic GC disabled on both sides", "the same baseline", s, b,
            notes=f"{repeats} pairs; parse_credential_report pauses the GC itself and csv.reader does not, so this row "
            "isolates the cost of the parsing"),
    )  # fmt: skip

    # The user's file: the pool's usernames but 1% of them, and 1% the report does not list.
    width = len(str(n))
    missing = max(1, n // 100)
    pairs = random_credentials(n, seed=3)
    file_rows = [(f"participant{i:0{width}d}", p) for i, (_, p) in enumerate(pairs[: n - missing])]
    file_rows += [(f"elsewhere{i}", p) for i, (_, p) in enumerate(pairs[n - missing :])]
    credentials: CredentialList = parse_credentials("\n".join(map(",".join, file_rows)))
    report_rows = report.rows

    def join_baseline() -> list[tuple[Any, str]]:
        passwords = dict(credentials)
        return [(row, passwords[row[2]]) for row in report_rows if row[2] in passwords]

    def subject() -> object:
        return reconcile_report(report, credentials)

    result = reconcile_report(report, credentials)
    if len(result.assigned) + len(result.unused) != len(join_baseline()):
        raise SystemExit("benchmark bug: reconcile_report and the dict join disagree")
    what = (
        f"`reconcile_report` of {n:,} credentials (a validated `CredentialList`) against the parsed {n:,}-row report: "
        "assigned, unused, not in the file, not in the report"
    )
    base = "a bare dict join: `passwords = dict(credentials)`, then `(row, password)` for each report row in it"
    s, b = interleaved(subject, join_baseline, repeats=repeats, warmup=warmup)
    rows.append(Row("reconcile", f"{what}: time", base, s, b,
                    notes=f"{repeats} pairs; 1% of the report not in the file and 1% of the file not in the report"))  # fmt: skip
    sm: list[float] = []
    bm: list[float] = []
    for i in range(mem_repeats):
        pair = [(subject, sm), (join_baseline, bm)]
        for fn, out in pair if i % 2 else reversed(pair):
            out.append(peak_bytes(fn))
    rows.append(
        Row("reconcile-memory", f"{what}: peak memory (tracemalloc)", "the same baseline", sm, bm, unit="B",
            notes=f"{mem_repeats} pairs (deterministic); inputs allocated before, results part of both peaks"),
    )  # fmt: skip
    return rows


BONUS_SIZES = {"full": (100_000, 11), "quick": (20_000, 3), "smoke": (500, 1)}


def bench_bonuses(mode: str, tmp: Path, warmup: int = 1) -> list[Row]:
    """read_bonuses of a spreadsheet-style file vs csv.reader + Decimal (time, GC on and off)."""
    from decimal import Decimal

    from prolific import read_bonuses

    n, repeats = BONUS_SIZES[mode]
    rng = random.Random(5)
    path = tmp / "bonuses.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("participant_id,amount\n")
        handle.writelines(f"{rng.getrandbits(96):024x},{rng.randrange(1, 2000) / 100:.2f}\n" for _ in range(n))

    def baseline() -> list[tuple[str, Decimal]]:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        return [(bonus_id, Decimal(amount)) for bonus_id, amount in rows[1:]]

    def subject() -> object:
        return read_bonuses(path)

    if [(b.id, b.amount) for b in read_bonuses(path)] != baseline():
        raise SystemExit("benchmark bug: read_bonuses differs from csv.reader + Decimal")
    what = f"`read_bonuses(path)` of {n:,} rows ({path.stat().st_size / 1e6:.1f} MB, a header): every rule checked"
    base = "`list(csv.reader(f))`, then `(id, Decimal(amount))` for each row: no checks"
    s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
    rows = [Row("bonuses", f"{what}: time", base, s, b, notes=f"{repeats} pairs; the cyclic GC enabled")]
    with gc_paused():
        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
    rows.append(
        Row("bonuses-nogc", f"{what}: time with the cyclic GC disabled on both sides", "the same baseline", s, b,
            notes=f"{repeats} pairs; read_bonuses pauses the GC itself, the baseline does not"),
    )  # fmt: skip
    return rows


# -- output ---------------------------------------------------------------------------------------


# -- webhooks: verifying a delivery ----------------------------------------------------------------

# (verifications per sample, pairs) per mode; kept apart from Sizes so this group stays self-contained.
WEBHOOK_SIZES = {"full": (2_000, 31), "quick": (500, 7), "smoke": (1, 1)}


def bench_webhooks(mode: str, warmup: int = 1) -> list[Row]:
    """``prolific.webhooks.verify`` of a 2 KB event vs the bare HMAC + compare_digest + ``json.loads``."""
    import hashlib
    import hmac

    from prolific.webhooks import signed_headers, verify

    calls, repeats = WEBHOOK_SIZES[mode]
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

    if subject().payload != bare():  # type: ignore[attr-defined]
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


def _value(row: Row, value: float) -> str:
    if row.unit == "B":
        return f"{value / 2**20:.1f} MiB"
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def _spread(ratios: list[float]) -> str:
    low, high = min(ratios), max(ratios)
    if len(ratios) < 3:
        return f"[{low:.2f}–{high:.2f}]"
    q1, _, q3 = statistics.quantiles(ratios, n=4, method="inclusive")
    return f"{q1:.2f}–{q3:.2f} [{low:.2f}–{high:.2f}]"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, httpx {httpx.__version__}"
    )


def table(rows: list[Row], *, quick: str | None) -> str:
    """The markdown table; ``quick`` names the small-input mode (``--quick``/``--smoke``), if any."""
    header = [
        "measure", "baseline (= 1.0)", "subject median", "baseline median", "ratio median",
        "spread: IQR [min–max]", "target", "met?",
    ]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        if row.target is None:
            met = "—"
        elif quick:
            met = f"n/a ({quick})"
        else:
            met = "**NO**" if row.missed else "yes"
        cells = [
            row.measure, row.baseline, _value(row, statistics.median(row.subject)),
            _value(row, statistics.median(row.base)), f"{row.ratio:.2f}×", _spread(row.ratios),
            "report" if row.target is None else f"≤ {row.target:g}×", met,
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Sizes:
    """Inputs and repeats of one run mode."""

    mock_repeats: int
    loopback_calls: int
    loopback_repeats: int
    csv_n: int
    csv_repeats: int
    mem_repeats: int
    upload_n: int
    upload_repeats: int
    import_repeats: int
    generate_repeats: int
    paginate_n: int
    paginate_repeats: int
    warmup: int | None  # None: each group's own default


FULL = Sizes(101, 30, 201, 1_000_000, 7, 3, 1_000_000, 7, 25, 5, 10_000, 11, None)
QUICK = Sizes(11, 30, 21, 50_000, 3, 2, 50_000, 3, 10, 3, 10_000, 3, None)
# Every row once, no warm-up; the upload still spans three batches (1 POST + 2 PATCHes).
SMOKE = Sizes(1, 3, 1, 1_000, 1, 1, 10_001, 1, 1, 1, 250, 1, 0)


@dataclass(frozen=True)
class Run:
    """What a group of rows is run with: the mode's sizes, a temp dir, the warm-up override."""

    sizes: Sizes
    tmp: Path
    mode: str  # "full", "quick" or "smoke"
    warm: dict[str, int]


@dataclass(frozen=True)
class Group:
    """A group of rows (``--only`` names groups): each row's key and target (None: reported, no target)."""

    name: str
    targets: dict[str, float | None]
    run: Callable[[Run], list[Row]]


#: Every group of rows, in the order they run and print (the smoke tests read it too).
REGISTRY: dict[str, Group] = {}


def group(
    name: str, targets: dict[str, float | None]
) -> Callable[[Callable[[Run], list[Row]]], Callable[[Run], list[Row]]]:
    """Register the function that runs group ``name``, whose rows are ``targets`` (key -> target)."""

    def register(run: Callable[[Run], list[Row]]) -> Callable[[Run], list[Row]]:
        if name in REGISTRY or any(key in g.targets for g in REGISTRY.values() for key in targets):
            raise SystemExit(f"benchmark bug: group {name!r} or one of its rows is registered twice")
        REGISTRY[name] = Group(name, targets, run)
        return run

    return register


def run_group(entry: Group, run: Run) -> list[Row]:
    """The group's rows with their registered targets; a row the registry does not list is a bug."""
    rows = entry.run(run)
    if [row.key for row in rows] != list(entry.targets):
        raise SystemExit(f"benchmark bug: group {entry.name} returned rows {[r.key for r in rows]}, "
                         f"registered {list(entry.targets)}")  # fmt: skip
    for row in rows:
        row.target = entry.targets[row.key]
    return rows


@group("mock", {"mock": 1.25, "generated": None, "method-get": 1.3, "method-vs-generated": 1.15})
def _mock(run: Run) -> list[Row]:
    repeats = run.sizes.mock_repeats
    return bench_mock(calls=100, repeats=repeats, **run.warm) + bench_methods(calls=100, repeats=repeats, **run.warm)


@group("model", {"model": 3.0})
def _model(run: Run) -> list[Row]:
    return bench_model(calls=200, repeats=run.sizes.mock_repeats, **run.warm)


@group("paginate", {"paginate": 1.3, "paginate-vs-generated": None})
def _paginate(run: Run) -> list[Row]:
    return bench_paginate(run.sizes.paginate_n, 100, repeats=run.sizes.paginate_repeats, **run.warm)


@group("loopback", {"loopback": 1.05, "loopback-validated": None, "loopback-generated": None})
def _loopback(run: Run) -> list[Row]:
    return bench_loopback(calls=run.sizes.loopback_calls, repeats=run.sizes.loopback_repeats, **run.warm)


@group("csv", {"csv": 1.5, "csv-memory": 2.0, "csv-nogc": None})
def _csv(run: Run) -> list[Row]:
    sizes = run.sizes
    return bench_csv(sizes.csv_n, repeats=sizes.csv_repeats, mem_repeats=sizes.mem_repeats, tmp=run.tmp, **run.warm)


@group("upload", {"upload": 1.5})
def _upload(run: Run) -> list[Row]:
    return [bench_upload(run.sizes.upload_n, repeats=run.sizes.upload_repeats, **run.warm)]


@group(
    "import",
    {
        "import": 1.5,
        "import-client": None,
        "first-use": 1.5,
        "tag-first-use": None,
        "cli-help": 4.0,
        "cli-offline": None,
    },
)
def _import(run: Run) -> list[Row]:
    return bench_import(repeats=run.sizes.import_repeats, tmp=run.tmp, **run.warm)


@group("generate", {"generate": 1.3, "generate-edited": 1.3, "check-generated": 1.3})
def _generate(run: Run) -> list[Row]:
    return bench_generate(repeats=run.sizes.generate_repeats, tmp=run.tmp, smoke=run.mode == "smoke", **run.warm)


@group("diff", {"spec-diff": 2.0})
def _diff(run: Run) -> list[Row]:
    return bench_spec_diff(repeats={"smoke": 1, "quick": 2}.get(run.mode, 11), tmp=run.tmp)


@group("report", {"report": 1.5, "report-nogc": None, "reconcile": 2.0, "reconcile-memory": 2.0})
def _report(run: Run) -> list[Row]:
    return bench_report(run.mode, **run.warm)


@group("review", {"approve": None, "awaiting-review": 1.3})
def _review(run: Run) -> list[Row]:
    return bench_review(run.sizes.paginate_n, repeats=run.sizes.paginate_repeats, **run.warm)


@group("bonuses", {"bonuses": 1.5, "bonuses-nogc": None})
def _bonuses(run: Run) -> list[Row]:
    return bench_bonuses(run.mode, run.tmp, **run.warm)


@group("webhooks", {"webhook-verify": 1.3})
def _webhooks(run: Run) -> list[Row]:
    return bench_webhooks(run.mode, **run.warm)


GROUPS = tuple(REGISTRY)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small inputs and few repeats: a short run (< 60 s)")
    mode.add_argument("--smoke", action="store_true", help="every row once, tiny inputs: checks the rows run")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated subset of: {', '.join(GROUPS)}")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a target is missed")
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(",")))
    if not only or only - set(GROUPS):
        parser.error(f"--only takes a comma-separated subset of: {', '.join(GROUPS)}")
    quick = args.quick or args.smoke
    sizes = SMOKE if args.smoke else QUICK if args.quick else FULL
    warm = {} if sizes.warmup is None else {"warmup": sizes.warmup}
    started = time.perf_counter()
    rows: list[Row] = []
    run_mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    with tempfile.TemporaryDirectory(prefix="prolific-bench-") as tmp_name:
        run = Run(sizes, Path(tmp_name), run_mode, warm)
        for name, entry in REGISTRY.items():
            if name in only:
                rows += run_group(entry, run)
    elapsed = time.perf_counter() - started

    flag = "--smoke" if args.smoke else "--quick"
    print("prolific-client benchmarks" + (f" — {flag}: small inputs, NOT the reference figures" if quick else ""))
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {machine()}")
    print()
    print(table(rows, quick=flag if quick else None))
    print()
    for row in rows:
        print(f"- {row.key}: {row.notes}")
    print(f"\ntotal {elapsed:.0f} s")
    missed = [row.key for row in rows if row.missed]
    if missed and not quick:
        print(f"targets missed: {', '.join(missed)} (see benchmarks/README.md)")
    return 1 if missed and args.strict and not quick else 0


if __name__ == "__main__":
    sys.exit(main())
