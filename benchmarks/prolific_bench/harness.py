"""Timing and sizing a row: a subject against its baseline in the same run, interleaved; peak memory; the size.

Every row times a subject against its baseline in this same process run: each pair runs both once,
alternating which goes first (AB, BA, AB, ...), so drift and order effects hit both sides. Warm-up
pairs come first and are discarded. A row keeps every pair's figures; its ratio is the median of the
per-pair ratios (subject / baseline).
"""

from __future__ import annotations

import contextlib
import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

T = TypeVar("T")
Mode = Literal["full", "quick", "smoke"]


@dataclass(frozen=True)
class Size:
    """How big a run is; each subject picks its own inputs and repeats from it with :meth:`pick`.

    ``full``: the reference figures (``make bench``). ``quick``: small inputs, few repeats, figures
    not compared with the targets. ``smoke``: every row once on tiny inputs with no warm-up, to prove
    the rows run (``tests/bench``); its figures mean nothing.
    """

    mode: Mode = "full"

    def pick(self, full: T, quick: T, smoke: T) -> T:
        """The value for this run's mode."""
        return {"full": full, "quick": quick, "smoke": smoke}[self.mode]

    def warmup(self, pairs: int = 1) -> int:
        """``pairs`` warm-up pairs, none in a smoke run."""
        return 0 if self.smoke else pairs

    @property
    def smoke(self) -> bool:
        """A smoke run: each row once, tiny inputs, nothing measured."""
        return self.mode == "smoke"

    @property
    def flag(self) -> str | None:
        """The command-line flag of a small-input mode (``--quick``, ``--smoke``); None for the full run."""
        return None if self.mode == "full" else f"--{self.mode}"


@dataclass(frozen=True)
class Run:
    """What a group of rows runs with: the run's size and a temporary directory (removed afterwards)."""

    size: Size
    tmp: Path


@dataclass
class Row:
    """One line of the table: a subject's and its baseline's figures, one per pair."""

    key: str
    measure: str
    baseline: str
    subject: list[float]  # one value per pair: seconds, or bytes for a memory row
    base: list[float]
    unit: str = "s"
    notes: str = ""
    target: float | None = None  # set from the registry when the row is reported; None: no target

    @property
    def ratios(self) -> list[float]:
        """Subject / baseline, per pair."""
        return [s / b for s, b in zip(self.subject, self.base, strict=True)]

    @property
    def ratio(self) -> float:
        """The median of the per-pair ratios."""
        return statistics.median(self.ratios)

    @property
    def missed(self) -> bool:
        """True when the row has a target and its ratio is above it."""
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
    """Sample times of :func:`looped` divided into per-call times."""
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


def interleaved_peaks(
    subject: Callable[[], object], baseline: Callable[[], object], *, repeats: int
) -> tuple[list[float], list[float]]:
    """:func:`peak_bytes` of both sides in ``repeats`` pairs, baseline first in even pairs (as :func:`interleaved`)."""
    subject_peaks: list[float] = []
    base_peaks: list[float] = []
    for i in range(repeats):
        order = [(baseline, base_peaks), (subject, subject_peaks)]
        if i % 2:
            order.reverse()
        for fn, peaks in order:
            peaks.append(peak_bytes(fn))
    return subject_peaks, base_peaks


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
