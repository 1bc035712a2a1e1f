"""Reading a bonus file: ``read_bonuses`` of a spreadsheet-style file (group ``bonuses``)."""

from __future__ import annotations

import csv
import random
import re
from decimal import Decimal

from ..harness import Row, Run, gc_paused, interleaved


def bonuses(run: Run) -> list[Row]:
    """read_bonuses of a spreadsheet-style file vs csv.reader + Decimal (time, GC on and off)."""
    from prolific import read_bonuses

    n, repeats, warmup = run.size.pick(100_000, 20_000, 500), run.size.pick(11, 3, 1), run.size.warmup(1)
    rng = random.Random(5)
    path = run.tmp / "bonuses.csv"
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


#: The requests of a payment besides the set-ups, the pays and the pages of the study's submissions: the
#: study, its bonus cost (Prolific's record), the account's currency, the study's project, the balance.
FIXED_REQUESTS = 5
#: Submissions per page of the study's list, as the payment asks for them.
PAGE = 500
#: ``get-submission``'s path: one payee's record (``bonus_payments``).
ONE_SUBMISSION = re.compile(r"/api/v1/submissions/[0-9a-f]{24}/")
#: The issue's limit on a 200,000-row payment's peak memory (133 MiB before it).
MEMORY_LIMIT = 96 * 2**20


def payment(run: Run) -> list[Row]:
    """A payment of N rows against FakeProlific over loopback (child process): its requests, its peak memory;
    then a rerun's record check, in requests (group ``bonus-pay``)."""
    import httpx

    from prolific import Prolific, read_bonuses

    from ..harness import peak_bytes
    from ..processes import submissions_server
    from .clients import TOKEN

    n = run.size.pick(200_000, 20_000, 450)
    batches = -(-n // 200)
    with submissions_server(n) as (url, study, ids):
        path = run.tmp / "pay.csv"
        path.write_text("submission_id,amount\n" + "".join(f"{i},1.50\n" for i in ids), encoding="utf-8")
        journal = run.tmp / "bonuses.sqlite3"
        sent: list[str] = []
        http = httpx.Client(base_url=url, event_hooks={"request": [lambda request: sent.append(request.url.path)]})
        with Prolific(token=TOKEN, base_url=url, http_client=http) as client:
            results = []
            peak = peak_bytes(lambda: results.append(client.bonuses.pay(study, path, journal=journal)))
            if len(results[0].paid) != batches:
                raise SystemExit(f"benchmark bug: paid {len(results[0].paid)} batches of {batches}")
            requests = len(sent)
            base_peak = peak_bytes(lambda: read_bonuses(path))
            sent.clear()
            again = client.bonuses.pay(study, path, journal=journal)
            if len(again.skipped) != batches or again.record != "agrees":
                raise SystemExit(f"benchmark bug: the rerun paid {len(again.paid)}, record {again.record!r}")
            record_reads = sum(1 for p in sent if p.endswith("/cost/") or ONE_SUBMISSION.fullmatch(p))
    expected = 2 * batches + -(-n // PAGE) + FIXED_REQUESTS
    verdict = "met" if peak <= MEMORY_LIMIT else "MISSED"
    what = f"`client.bonuses.pay` of {n:,} rows by submission id ({batches:,} batches), FakeProlific over loopback"
    return [
        Row(
            "bonus-requests", f"{what}: requests sent",
            f"2 × batches + the pages of the study's submissions ({PAGE} a page) + {FIXED_REQUESTS}", [requests],
            [expected], unit="requests",
            notes=f"{requests:,} requests against {expected:,}; counted, not timed",
        ),
        Row(
            "bonus-memory", f"{what}: peak memory (tracemalloc, this process; the server is a child process)",
            "`read_bonuses(path)` of the same file", [peak], [base_peak], unit="B",
            notes=f"{peak / 2**20:.1f} MiB against the issue's limit of 96 MiB (133 MiB before): {verdict}",
        ),
        Row(
            "bonus-record-check", "the rerun of the same payment (journal and Prolific agree): requests reading "
            "Prolific's record (`get-study-cost`, `get-submission`)", "1 request", [record_reads], [1],
            unit="requests", notes=f"{record_reads} request(s); every batch skipped",
        ),
    ]  # fmt: skip
