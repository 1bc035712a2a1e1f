"""Who is handling an event: the holder of a claim (host, pid, process start time, since when), and whether it lives.

A claim left ``in flight`` by a process that died (SIGKILL, a worker timeout, a machine that
restarted) must be taken over by the next delivery, and a claim whose holder still runs must not:
that would handle the event twice at once. So a holder records what identifies its process:

* ``host``: the host name and, on Linux, the PID namespace (two containers on one host with
  ``--network host`` share a host name but not their PIDs: each is then "another host").
* ``pid`` and ``process_start``: the boot id and the process's start time in clock ticks
  (``/proc/<pid>/stat``), so that a PID reused by a later process is not taken for the holder.
* ``started_at``: when the claim was taken (UNIX seconds).

On the same host, a holder is dead when its PID is gone, is a zombie, or is now another process;
it is alive otherwise, however long it has held the claim (a slow handler is not a dead one).
Where that cannot be told (a holder on another host, or no ``/proc``), a claim older than the
event log's ``handling_timeout`` is taken for dead.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime

from .. import _process

_BOOT_ID: str | None = None
#: Linux (and others with a procfs): a process's start time can be read, so a reused PID is told apart.
_HAS_PROC = os.path.isfile("/proc/self/stat")


def _boot_id() -> str:
    global _BOOT_ID
    if _BOOT_ID is None:
        try:
            with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as file:
                _BOOT_ID = file.read().strip()
        except OSError:
            _BOOT_ID = ""
    return _BOOT_ID


def process_start(pid: int) -> str | None:
    """``<boot id>:<start time in clock ticks>`` of process ``pid``; ``None`` if it is gone or a zombie.

    ``""`` where the system does not tell (no ``/proc``): the caller then cannot rule out PID reuse.
    """
    if not _HAS_PROC:
        return "" if _pid_exists(pid) else None
    fields = _process.stat_fields(pid)
    if fields is None or _process.is_zombie(fields):  # a zombie has finished: its claim is abandoned
        return None
    ticks = _process.start_ticks(fields)
    return None if ticks is None else f"{_boot_id()}:{ticks}"


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    except OSError:
        return True
    return True


def _host() -> str:
    name = socket.gethostname()
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        return name
    return f"{name}/{namespace}"


@dataclass(frozen=True)
class Holder:
    """The process holding a claim: ``host``, ``pid``, ``process_start`` (see the module), ``started_at``."""

    host: str
    pid: int
    process_start: str
    started_at: float

    def __str__(self) -> str:
        since = datetime.fromtimestamp(self.started_at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"pid {self.pid} on {self.host} (since {since})"


_ME: tuple[int, str, str] | None = None


def me(now: float) -> Holder:
    """This process as a holder taking a claim at ``now`` (recomputed after a fork)."""
    global _ME
    pid = os.getpid()
    if _ME is None or _ME[0] != pid:
        _ME = (pid, _host(), process_start(pid) or "")
    return Holder(_ME[1], pid, _ME[2], now)


def is_dead(holder: Holder, *, now: float, handling_timeout: float) -> bool:
    """Whether ``holder``'s claim is abandoned (see the module): its process is gone, or unknown and old."""
    current = me(now)
    timed_out = now - holder.started_at > handling_timeout
    if holder.host != current.host:
        return timed_out
    start = current.process_start if holder.pid == current.pid else process_start(holder.pid)
    if start is None:  # gone, or a zombie
        return True
    if not start or not holder.process_start:  # the PID is there, but it may be another process by now
        return timed_out
    return start != holder.process_start


__all__ = ["Holder", "is_dead", "me", "process_start"]
