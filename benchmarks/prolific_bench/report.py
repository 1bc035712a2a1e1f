"""The printed report: a title, the machine, the markdown table of rows, each row's notes, the targets missed."""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import time
from pathlib import Path

import httpx

from .harness import Row, Size


def _value(row: Row, value: float) -> str:
    if row.unit == "B":
        return f"{value / 2**20:.1f} MiB"
    if row.unit == "requests":  # a count, not a time (the bonus payment's rows)
        return f"{value:,.0f} requests"
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
    """The CPU, its count, the OS, Python's and httpx's versions."""
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


def missed(rows: list[Row], size: Size) -> list[str]:
    """The keys of the rows that missed their target; none in a small-input run (not compared)."""
    return [] if size.flag else [row.key for row in rows if row.missed]


def render(rows: list[Row], size: Size, elapsed: float) -> str:
    """The whole report as printed: title, machine, table, each row's notes, total time, targets missed."""
    flag = size.flag
    lines = [
        "prolific-client benchmarks" + (f" — {flag}: small inputs, NOT the reference figures" if flag else ""),
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {machine()}",
        "",
        table(rows, quick=flag),
        "",
        *(f"- {row.key}: {row.notes}" for row in rows),
        f"\ntotal {elapsed:.0f} s",
    ]
    keys = missed(rows, size)
    if keys:
        lines.append(f"targets missed: {', '.join(keys)} (see benchmarks/README.md)")
    return "\n".join(lines)
