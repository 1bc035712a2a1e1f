"""A process as the holder of a lease or a claim knows it: its ``/proc/<pid>/stat`` fields (Linux).

One reader for the two holders that need a process's start time (``bonuses/_lease.py``: a run holding a
study; ``webhooks/_holder.py``: a worker handling an event, and through the first, the PostgreSQL
leases), so that "the same process" means the same thing everywhere: a pid with the start time it had.
"""

from __future__ import annotations

import os


def stat_fields(pid: int) -> list[bytes] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (field 3 first), or None where unreadable.

    The command name (field 2) may hold spaces and parentheses: the fields follow its last ``)``.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            stat = file.read()
    except OSError:
        return None
    return stat[stat.rfind(b")") + 2 :].split()


def start_ticks(fields: list[bytes]) -> int | None:
    """The process's start time in clock ticks after boot (field 22 of stat(5)), from :func:`stat_fields`."""
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def is_zombie(fields: list[bytes]) -> bool:
    """Whether the process has finished and waits to be reaped (state ``Z`` or ``X``)."""
    return not fields or fields[0] in (b"Z", b"X")


def clock_ticks() -> int:
    """Clock ticks per second (``SC_CLK_TCK``)."""
    return os.sysconf("SC_CLK_TCK")


def process_start(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), from ``/proc`` on Linux; None where unknown."""
    fields = stat_fields(pid)
    ticks = None if fields is None else start_ticks(fields)
    if ticks is None:
        return None
    try:
        with open("/proc/stat", encoding="ascii") as file:
            boot = next(line for line in file if line.startswith("btime "))
        return int(boot.split()[1]) + ticks / clock_ticks()
    except (OSError, StopIteration, ValueError, IndexError):
        return None
