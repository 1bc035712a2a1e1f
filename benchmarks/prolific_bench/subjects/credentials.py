"""Credentials in bulk: a million read and written (``csv``), uploaded (``upload``), the report parsed and reconciled (``report``)."""

from __future__ import annotations

import base64
import csv
import io
import random
from typing import Any

import httpx

from ..harness import Row, Run, gc_paused, interleaved, interleaved_peaks
from ..processes import fake_server
from .clients import CREATE_PATH, TOKEN, WORKSPACE, bare_headers


def random_credentials(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` unique usernames with 16-character URL-safe passwords (deterministic)."""
    passwords = base64.urlsafe_b64encode(random.Random(seed).randbytes(12 * n)).decode("ascii")
    width = len(str(n))
    return [(f"participant{i:0{width}d}", passwords[16 * i : 16 * i + 16]) for i in range(n)]


def csv_file(run: Run) -> list[Row]:
    """Group ``csv``: read_credentials + credentials_to_csv vs csv.reader + join: time, peak memory, GC off."""
    from prolific import credentials_to_csv, read_credentials

    size = run.size
    n = size.pick(1_000_000, 50_000, 1_000)
    repeats, mem_repeats, warmup = size.pick(7, 3, 1), size.pick(3, 2, 1), size.warmup(1)
    path = run.tmp / "credentials.csv"
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
    sm, bm = interleaved_peaks(subject, baseline, repeats=mem_repeats)
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


def upload(run: Run) -> list[Row]:
    """Group ``upload``: upload(n credentials) in default batches vs one bare POST of the whole CSV, same server."""
    from prolific import DEFAULT_BATCH_SIZE, Credential, Prolific

    # A smoke run still spans three batches (1 POST + 2 PATCHes).
    n, repeats, warmup = run.size.pick(1_000_000, 50_000, 10_001), run.size.pick(7, 3, 1), run.size.warmup(1)
    credentials = [Credential(u, p) for u, p in random_credentials(n, seed=2)]
    with (
        fake_server() as (url, reset),
        httpx.Client(base_url=url, headers=bare_headers(), timeout=300) as bare,
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
    return [
        Row(
            "upload",
            f"`credentials.upload` of {n:,} credentials (a list of `Credential`, validated first) to "
            f"FakeProlific over loopback, default `batch_size={DEFAULT_BATCH_SIZE:,}`: 1 POST + {requests - 1} PATCHes",
            "one bare httpx POST of the whole CSV, joined from the same list inside the timing (no "
            "validation), to the same server",
            s, b, notes=f"{repeats} pairs; server in a child process, emptied after every run on both sides",
        )
    ]  # fmt: skip


def _report_text(n: int) -> str:
    """A report as Prolific sends it: ``n`` rows, 3 in 5 used, the rest unused (empty ids)."""
    lines = ["Participant Id,Submission Id,Username,Status"]
    width = len(str(n))
    for i in range(n):
        username = f"participant{i:0{width}d}"
        lines.append(f"{i:024x},{i + 1:024x},{username},USED" if i % 5 < 3 else f",,{username},UNUSED")
    return "\n".join(lines) + "\n"


def report(run: Run) -> list[Row]:
    """Group ``report``: parse_credential_report vs csv.reader; reconcile_report vs a bare dict join (time and peak memory)."""
    from prolific import parse_credential_report, parse_credentials, reconcile_report
    from prolific.credentials import CredentialList

    size = run.size
    n = size.pick(1_000_000, 100_000, 1_000)
    repeats, mem_repeats, warmup = size.pick(7, 3, 1), size.pick(3, 2, 1), size.warmup(1)
    text = _report_text(n)

    def csv_baseline() -> list[list[str]]:
        return list(csv.reader(io.StringIO(text)))

    def parse() -> object:
        return parse_credential_report(text)

    parsed = parse_credential_report(text)
    if [list(row) for row in parsed.rows] != csv_baseline()[1:]:
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
    report_rows = parsed.rows

    def join_baseline() -> list[tuple[Any, str]]:
        passwords = dict(credentials)
        return [(row, passwords[row[2]]) for row in report_rows if row[2] in passwords]

    def subject() -> object:
        return reconcile_report(parsed, credentials)

    result = reconcile_report(parsed, credentials)
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
    sm, bm = interleaved_peaks(subject, join_baseline, repeats=mem_repeats)
    rows.append(
        Row("reconcile-memory", f"{what}: peak memory (tracemalloc)", "the same baseline", sm, bm, unit="B",
            notes=f"{mem_repeats} pairs (deterministic); inputs allocated before, results part of both peaks"),
    )  # fmt: skip
    return rows
