"""Ratio benchmarks for prolific-client: ``make bench`` (``--quick`` for a smoke run).

Every row times a subject against its baseline in this same process run, interleaved: each pair
runs both once, in alternating order (AB, BA, AB, ...), so drift and order effects hit both
sides. Warm-up pairs are run first and discarded. A row reports the median subject and baseline
times, the median of the per-pair ratios (subject / baseline) and their spread: the interquartile
range and, in brackets, the min-max.

Only the standard library and the project's runtime dependencies are used (plus, for the
``make generate`` row, the generator that ``make install`` installs). Nothing is written into the
repository: the ``make generate`` row works on a copy in a temporary directory.

    .venv/bin/python benchmarks/run.py            # the full table (a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # small inputs, few repeats (< 60 s)
    .venv/bin/python benchmarks/run.py --only mock,import
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TOKEN = "bench-token-3f9a"
WORKSPACE = "ws_bench"
API = "https://api.prolific.com"
CREATE_PATH = "/api/v1/credentials/"
# A small pool, as in the README's example: what one create_pool call typically carries.
SMALL_CSV = "alice,pw-Alice-1\nbob,pw-Bob-22\ncarol,pw-Carol-333"
CANNED_BODY = json.dumps({"credential_pool_id": f"{WORKSPACE}_4d6f0e1c9b8a4f2e9d3c2b1a0f9e8d7c"}).encode()


# -- measuring ------------------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    baseline: str
    subject: list[float]  # one value per pair (seconds, or bytes for a memory row)
    base: list[float]
    target: float | None  # None: report only
    unit: str = "s"
    notes: list[str] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.subject, self.base, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def met(self) -> str:
        if self.target is None:
            return "report"
        return "yes" if self.ratio <= self.target else "NO"


def interleaved(
    subject: Callable[[], object], baseline: Callable[[], object], *, repeats: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Time ``subject`` and ``baseline`` in ``repeats`` pairs, alternating which runs first."""
    for _ in range(warmup):
        baseline()
        subject()
    subject_times: list[float] = []
    base_times: list[float] = []
    for i in range(repeats):
        order = ((baseline, base_times), (subject, subject_times))
        for fn, times in order if i % 2 == 0 else order[::-1]:
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


def peak_bytes(fn: Callable[[], object]) -> float:
    """Peak Python memory above what was allocated before ``fn`` ran (tracemalloc, this process)."""
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


# -- rows -----------------------------------------------------------------------------------------


def _same_request(subject: Callable[[], object], baseline: Callable[[], object], recorder: list[httpx.Request]) -> None:
    """Check both sides send the same method, URL, headers (as a set) and body bytes."""

    def one(fn: Callable[[], object]) -> tuple[Any, ...]:
        recorder.clear()
        fn()
        (request,) = recorder
        headers = sorted((k.lower(), v) for k, v in request.headers.items())
        return request.method, str(request.url), headers, request.read()

    a, b = one(subject), one(baseline)
    if a != b:
        raise SystemExit(f"benchmark bug: the subject and the baseline send different requests:\n{a}\n{b}")


def bench_mock(calls: int, repeats: int) -> list[Row]:
    """create_pool (overlay) and the generated sync_detailed vs bare httpx, on one MockTransport."""
    from prolific import Prolific
    from prolific._config import USER_AGENT
    from prolific_api_client import AuthenticatedClient
    from prolific_api_client.api.credentials import create_credential_pool
    from prolific_api_client.models import CreateCredentialPoolRequest

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if len(seen) < 1:
            seen.append(request)
        return httpx.Response(201, headers=[("Content-Type", "application/json")], content=CANNED_BODY)

    transport = httpx.MockTransport(handler)
    headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
    bare = httpx.Client(transport=transport, base_url=API, headers=headers)
    overlay = Prolific(token=TOKEN, base_url=API, http_client=httpx.Client(transport=transport))
    generated = AuthenticatedClient(
        base_url=API,
        token=TOKEN,
        prefix="Token",
        headers={"User-Agent": USER_AGENT},
        httpx_args={"transport": transport},
    )
    body = {"credentials": SMALL_CSV, "workspace_id": WORKSPACE}

    def bare_call() -> str:
        response = bare.post(CREATE_PATH, json=body)
        response.raise_for_status()
        return str(response.json()["credential_pool_id"])

    def overlay_call() -> str:
        return overlay.credentials.create_pool(workspace_id=WORKSPACE, credentials=SMALL_CSV)

    def generated_call() -> str:
        request = CreateCredentialPoolRequest(credentials=SMALL_CSV, workspace_id=WORKSPACE)
        return str(create_credential_pool.sync_detailed(client=generated, body=request).parsed.credential_pool_id)  # type: ignore[union-attr]

    assert overlay_call() == bare_call() == generated_call()
    _same_request(overlay_call, bare_call, seen)
    _same_request(generated_call, bare_call, seen)
    seen.append(httpx.Request("GET", API))  # the recorder is full from now on: no recording while timing

    per = f"{calls:,} calls per sample, {repeats} pairs"
    rows = []
    s, b = interleaved(looped(overlay_call, calls), looped(bare_call, calls), repeats=repeats)
    rows.append(
        Row(
            "create_pool, overlay, httpx.MockTransport canned 201 (client-side cost per call; 3 credentials as CSV text)",
            "bare httpx.Client.post, same transport, same request bytes, + raise_for_status + .json()",
            [x / calls for x in s], [x / calls for x in b], 1.25, notes=[per],
        )
    )  # fmt: skip
    s, b = interleaved(looped(generated_call, calls), looped(bare_call, calls), repeats=repeats)
    rows.append(
        Row(
            "the same through generated create_credential_pool.sync_detailed (AuthenticatedClient)",
            "bare httpx, as above",
            [x / calls for x in s], [x / calls for x in b], None, notes=[per],
        )
    )  # fmt: skip
    bare.close()
    overlay._http.close()
    generated.get_httpx_client().close()
    return rows


@contextlib.contextmanager
def fake_server() -> Iterator[tuple[str, Callable[[], None]]]:
    """FakeProlific's real HTTP/1.1 server in a child process; yields (url, reset).

    A separate process, like a real server: its request handling does not compete with the
    client for this process's GIL, so the rows time the client, not the fake. ``reset()``
    empties the fake's state between runs (the upload row would otherwise hold millions of
    credentials).
    """
    code = (
        "import sys\n"
        "from prolific.testing import FakeProlific\n"
        "fake = FakeProlific()\n"
        "with fake.serve() as url:\n"
        "    print(url, flush=True)\n"
        "    for line in sys.stdin:\n"
        "        fake.reset()\n"
        "        print('ok', flush=True)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    stdin, stdout = child.stdin, child.stdout

    def reset() -> None:
        stdin.write("reset\n")
        stdin.flush()
        if stdout.readline().strip() != "ok":
            raise RuntimeError("the FakeProlific server process did not answer")

    try:
        yield stdout.readline().strip(), reset
    finally:
        stdin.close()
        child.wait(timeout=30)


def bench_loopback(calls: int, repeats: int) -> Row:
    """One create_pool end to end over loopback: overlay vs bare httpx, same FakeProlific server."""
    from prolific import Prolific
    from prolific._config import USER_AGENT

    body = {"credentials": SMALL_CSV, "workspace_id": WORKSPACE}
    with fake_server() as (url, reset):
        headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
        with httpx.Client(base_url=url, headers=headers) as bare, Prolific(token=TOKEN, base_url=url) as overlay:

            def bare_call() -> str:
                response = bare.post(CREATE_PATH, json=body)
                response.raise_for_status()
                return str(response.json()["credential_pool_id"])

            def overlay_call() -> str:
                return overlay.credentials.create_pool(workspace_id=WORKSPACE, credentials=SMALL_CSV)

            seen: list[httpx.Request] = []
            for client in (bare, overlay._http):
                client.event_hooks = {**client.event_hooks, "request": [seen.append]}
            assert overlay_call().startswith(WORKSPACE) and bare_call().startswith(WORKSPACE)
            _same_request(overlay_call, bare_call, seen)
            for client in (bare, overlay._http):
                client.event_hooks = {**client.event_hooks, "request": []}
            s, b = interleaved(looped(overlay_call, calls), looped(bare_call, calls), repeats=repeats, warmup=2)
            reset()
    return Row(
        "create_pool end to end over loopback (HTTP/1.1 keep-alive) to FakeProlific's server, overlay",
        "bare httpx.Client.post to the same server, same request, + raise_for_status + .json()",
        [x / calls for x in s], [x / calls for x in b], 1.05,
        notes=[f"{calls:,} calls per sample, {repeats} pairs; server: FakeProlific.serve() in a child process"],
    )  # fmt: skip


def write_credentials_csv(path: Path, n: int, seed: int = 20240601) -> None:
    """A ``username,password`` header and ``n`` unique rows (16-character URL-safe passwords)."""
    rng = random.Random(seed)
    passwords = base64.urlsafe_b64encode(rng.randbytes(12 * n)).decode("ascii")
    width = len(str(n))
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("username,password\n")
        handle.writelines(f"participant{i:0{width}d},{passwords[16 * i : 16 * i + 16]}\n" for i in range(n))


def bench_csv(n: int, repeats: int, mem_repeats: int, tmp: Path) -> list[Row]:
    """read_credentials + credentials_to_csv vs csv.reader + join: time, then peak memory."""
    from prolific import credentials_to_csv, read_credentials

    path = tmp / "credentials.csv"
    write_credentials_csv(path, n)

    def baseline() -> str:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        del rows[0]  # the header
        return "\n".join([f"{u},{p}" for u, p in rows])

    def subject() -> str:
        return credentials_to_csv(read_credentials(path))

    if subject() != baseline():
        raise SystemExit("benchmark bug: read_credentials + credentials_to_csv differs from the baseline")
    s, b = interleaved(subject, baseline, repeats=repeats)
    size = f"{path.stat().st_size / 1e6:.0f} MB file"
    what = f"{n:,} credentials: read_credentials(path) + credentials_to_csv (validates every row)"
    base = 'list(csv.reader(f)), drop header, "\\n".join([f"{u},{p}" ...]) — no validation'
    rows = [Row(what + ", time", base, s, b, 1.5, notes=[f"{size}, {repeats} pairs, gc enabled on both sides"])]
    sm: list[float] = []
    bm: list[float] = []
    for i in range(mem_repeats):
        first, second = (baseline, subject) if i % 2 == 0 else (subject, baseline)
        x, y = peak_bytes(first), peak_bytes(second)
        bx, sx = (x, y) if i % 2 == 0 else (y, x)
        sm.append(sx)
        bm.append(bx)
    rows.append(
        Row(
            what + ", peak memory (tracemalloc, same process, reset between runs)", base, sm, bm, 2.0, unit="B",
            notes=[f"{mem_repeats} pairs (peak memory is deterministic)"],
        )
    )  # fmt: skip
    return rows


def bench_upload(n: int, repeats: int) -> Row:
    """upload(n credentials) in default batches vs one bare POST of the whole CSV, same server."""
    from prolific import DEFAULT_BATCH_SIZE, Credential, Prolific
    from prolific._config import USER_AGENT

    rng = random.Random(7)
    passwords = base64.urlsafe_b64encode(rng.randbytes(12 * n)).decode("ascii")
    width = len(str(n))
    credentials = [Credential(f"participant{i:0{width}d}", passwords[16 * i : 16 * i + 16]) for i in range(n)]
    with fake_server() as (url, reset):
        headers = {"User-Agent": USER_AGENT, "Authorization": f"Token {TOKEN}"}
        with (
            httpx.Client(base_url=url, headers=headers, timeout=300) as bare,
            Prolific(token=TOKEN, base_url=url, timeout=300) as overlay,
        ):

            def baseline() -> None:
                text = "\n".join(map(",".join, credentials))
                response = bare.post(CREATE_PATH, json={"credentials": text, "workspace_id": WORKSPACE})
                response.raise_for_status()
                response.json()["credential_pool_id"]

            def subject() -> None:
                result = overlay.credentials.upload(credentials, workspace_id=WORKSPACE)
                assert result.uploaded == n

            def then_reset(fn: Callable[[], None]) -> Callable[[], None]:
                def go() -> None:
                    fn()
                    reset()  # inside the timing for both sides; ~0.1 ms

                return go

            s, b = interleaved(then_reset(subject), then_reset(baseline), repeats=repeats)
    batches = -(-n // DEFAULT_BATCH_SIZE)
    return Row(
        f"upload of {n:,} credentials (a list of Credential) to FakeProlific over loopback, "
        f"batch_size={DEFAULT_BATCH_SIZE:,} (default): {batches} requests",
        "one bare httpx POST of the whole CSV (joined from the same list, not validated) to the same server",
        s, b, 1.5, notes=[f"{repeats} pairs; server in a child process"],
    )  # fmt: skip


def bench_import(repeats: int) -> list[Row]:
    """Fresh interpreters: ``import prolific`` vs ``import httpx``."""

    def run(code: str) -> Callable[[], None]:
        argv = [sys.executable, "-c", code]
        return lambda: subprocess.run(argv, check=True)

    httpx_ = run("import httpx")
    s, b = interleaved(run("import prolific"), httpx_, repeats=repeats, warmup=3)
    rows = [
        Row(
            'python -c "import prolific" (fresh process)', 'python -c "import httpx"', s, b, 1.5,
            notes=[f"{repeats} pairs; wall time of the whole process, interpreter start-up included"],
        )
    ]  # fmt: skip
    s, b = interleaved(run("import prolific; prolific.Prolific"), httpx_, repeats=repeats, warmup=1)
    rows.append(
        Row(
            'python -c "import prolific; prolific.Prolific" (the client and generated package loaded)',
            'python -c "import httpx"', s, b, None, notes=[f"{repeats} pairs"],
        )
    )  # fmt: skip
    return rows


def bench_generate(repeats: int, tmp: Path) -> Row:
    """``make generate`` (the pipeline, on a temporary copy) vs the bare generator CLI."""
    copy = tmp / "repo"
    for name in ("openapi", "generated"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "generator-config.yaml", copy / "generator-config.yaml")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYTHONPATH", None)
    # What `make generate` runs (PYTHONPATH=openapi python -m prolific_spec generate), rooted at the copy.
    pipeline = [sys.executable, "-m", "prolific_spec", "--root", str(copy), "generate"]
    pipeline_env = {**env, "PYTHONPATH": str(copy / "openapi")}
    config, spec = copy / "generator-config.yaml", copy / "openapi" / "prolific.yaml"
    outputs = tmp / "bare"
    counter = iter(range(1_000_000))

    def subject() -> None:
        subprocess.run(pipeline, check=True, cwd=copy, env=pipeline_env, stdout=subprocess.DEVNULL)

    def baseline() -> None:
        out = outputs / str(next(counter)) / "prolific_api_client"
        argv = [
            str(BIN / "openapi-python-client"), "generate", "--path", str(spec), "--config", str(config),
            "--meta", "none", "--output-path", str(out), "--fail-on-warning",
        ]  # fmt: skip
        subprocess.run(argv, check=True, cwd=copy, env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(out.parent)

    s, b = interleaved(subject, baseline, repeats=repeats)
    return Row(
        "make generate: sources -> openapi/prolific.yaml -> generated/ (pipeline CLI on a temp copy, fresh process)",
        "bare openapi-python-client generate CLI on openapi/prolific.yaml, same config, --fail-on-warning",
        s, b, 1.3, notes=[f"{repeats} pairs; both run the same ruff post-hooks"],
    )  # fmt: skip


# -- output ---------------------------------------------------------------------------------------


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
    if len(ratios) >= 3:
        q1, _, q3 = statistics.quantiles(ratios, n=4, method="inclusive")
        return f"{q1:.2f}–{q3:.2f} [{low:.2f}–{high:.2f}]"
    return f"[{low:.2f}–{high:.2f}]"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def table(rows: list[Row]) -> str:
    header = ["measure", "baseline (= 1.0)", "subject median", "baseline median", "ratio median", "spread: IQR [min–max]", "target", "met?"]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [
            row.measure, row.baseline, _value(row, statistics.median(row.subject)),
            _value(row, statistics.median(row.base)), f"{row.ratio:.2f}×", _spread(row.ratios),
            "report" if row.target is None else f"≤ {row.target:g}×", row.met,
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


ROWS = ("mock", "loopback", "csv", "upload", "import", "generate")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small inputs and few repeats: a smoke run (< 60 s)")
    parser.add_argument("--only", default=",".join(ROWS), help=f"comma-separated subset of {', '.join(ROWS)}")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if only - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(only - set(ROWS)))}")
    quick = args.quick
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="prolific-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if "mock" in only:
            rows += bench_mock(calls=100 if quick else 500, repeats=5 if quick else 21)
        if "loopback" in only:
            rows.append(bench_loopback(calls=50 if quick else 300, repeats=5 if quick else 21))
        if "csv" in only:
            rows += bench_csv(50_000 if quick else 1_000_000, repeats=3 if quick else 7, mem_repeats=2 if quick else 3, tmp=tmp)  # fmt: skip
        if "upload" in only:
            rows.append(bench_upload(50_000 if quick else 1_000_000, repeats=3 if quick else 5))
        if "import" in only:
            rows += bench_import(repeats=10 if quick else 21)
        if "generate" in only:
            rows.append(bench_generate(repeats=3 if quick else 5, tmp=tmp))
    elapsed = time.perf_counter() - started
    print(f"prolific-client benchmarks{' (--quick: small inputs, NOT the reference figures)' if quick else ''}")
    print(f"{time.strftime('%Y-%m-%d %H:%M')} — {machine()}")
    print()
    print(table(rows))
    print()
    for row in rows:
        if row.notes:
            print(f"- {row.measure.split(',')[0]}: {'; '.join(row.notes)}")
    print(f"\ntotal {elapsed:.0f} s")
    missed = [row for row in rows if row.met == "NO"]
    return 1 if missed and not quick else 0


if __name__ == "__main__":
    sys.exit(main())
