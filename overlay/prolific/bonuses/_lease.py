"""Who is running: this process as a lease holder (host, pid, start time), and whether a holder is gone.

One run pays a study at a time: it holds the study's lease in the journal
(:meth:`~prolific.bonuses._journal.BonusJournal.acquire`) from before its first request until it
ends. A lease left by a run that died is taken over only when that is certain: the holder ran on
this host and its pid is gone, or the pid now belongs to a process that started at another time
(the pid was reused). A holder on another host is never presumed dead: it may be a laptop that is
asleep in the middle of a payment.

>>> me = this_process()
>>> me.pid == os.getpid(), is_gone(me)
(True, False)
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from .._process import process_start as process_start  # re-exported: where callers found it

#: Seconds by which two readings of one process's start time may differ (clock ticks, rounding).
_START_TOLERANCE = 2.0


@dataclass(frozen=True)
class Holder:
    """A run that holds (or asks for) a lease: its ``host``, ``pid``, process ``started`` time and a ``token``.

    ``started`` is the process's start time (seconds since the epoch) where the system tells it
    (Linux), else None; ``token`` tells two runs of one process apart.
    """

    host: str
    pid: int
    started: float | None
    token: str

    def describe(self) -> str:
        """``pid 4242 on host lab-3, started 2026-12-07 10:01:02 UTC``: for messages."""
        return f"pid {self.pid} on host {self.host}" + (
            f", started {_when(self.started)}" if self.started is not None else ""
        )


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def this_process() -> Holder:
    """This process as a lease holder, with a fresh token."""
    pid = os.getpid()
    return Holder(socket.gethostname(), pid, process_start(pid), uuid.uuid4().hex)


def is_gone(holder: Holder) -> bool:
    """Whether ``holder`` certainly no longer runs: on this host, its pid gone or reused. Never for another host."""
    if holder.host != socket.gethostname():
        return False
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # a process of another user has the pid: alive, maybe a reuse
        pass
    except OSError:
        return False
    if holder.started is None:
        return False  # no start time recorded: the pid alone cannot tell a reuse
    now = process_start(holder.pid)
    return now is not None and abs(now - holder.started) > _START_TOLERANCE
