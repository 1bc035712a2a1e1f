"""Reading a bonus file: ``read_bonuses`` of a spreadsheet-style file (group ``bonuses``)."""

from __future__ import annotations

import csv
import random
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
