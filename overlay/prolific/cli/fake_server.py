"""``fake-server``: FakeProlific on 127.0.0.1, until Ctrl-C or SIGTERM.

``--seed`` creates a demo world first (a workspace, a project, a draft study, participant ids) and
prints its ids with the URL; ``prolific-client fake …`` (:mod:`prolific.cli.fake`) drives it from a
shell over its admin paths (:mod:`prolific.testing._admin`): participants, the clock, faults, records.
"""

from __future__ import annotations

import errno
import json
import signal
import threading
import warnings
from types import FrameType

from ._argparse import Subparsers, command, count
from ._constants import PROG, SAMPLE_TOKEN, URL_ENV
from ._context import Context
from ._errors import EXIT_OK, LocalError, UsageError


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def cmd_fake_server(ctx: Context) -> int:
    from prolific.testing import FakeProlific
    from prolific.testing._validate import default_validator

    out = ctx.out
    # The request checks need the [testing] extra; without it the fake warns once with a Python
    # UserWarning (its source line and all) on the first request. Ask now, and say it as a note.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        default_validator()
    for warning in caught:
        out.say(f"note: {warning.message}")
    fake = FakeProlific()
    fake.bonus_settlement_delay = ctx.args.bonus_settlement_delay
    world = fake.seed_demo() if ctx.args.seed else {}

    def ready(url: str) -> None:
        shown = {"url": url, "token": SAMPLE_TOKEN, **world}
        if out.as_json:
            out.data(json.dumps(shown) + "\n")
        else:
            out.data("".join(f"{k}={','.join(v) if isinstance(v, list) else v}\n" for k, v in shown.items()))
        out.say(f"FakeProlific is listening on {url} (it accepts any token); Ctrl-C stops it")
        if world:
            out.say(
                f"seeded a demo world: workspace, project, draft study {world['study_id']}; once it is published, "
                f"participants take part with: {PROG} fake submissions {world['study_id']} 3 --url {url}"
            )
        out.say(f"drive it from a shell: {PROG} fake seed|submissions|advance|fault|records --url {url}")

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main else None
    try:
        fake.serve_forever(ctx.args.port, ready=ready)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        message = f"cannot listen on 127.0.0.1:{ctx.args.port}: {exc.strerror or exc}"
        if exc.errno == errno.EADDRINUSE:  # the user's --port choice: a usage problem (exit 2)
            raise UsageError(f"{message}; choose another --port (or 0 for a free one)") from None
        raise LocalError(message) from None
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)
    out.say("FakeProlific stopped")
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    """Add ``fake-server``."""
    fake = command(
        subparsers,
        "fake-server",
        cmd_fake_server,
        online=False,
        help="run a fake Prolific API on 127.0.0.1 (demos, tests; no account needed)",
        description="Run prolific.testing.FakeProlific on 127.0.0.1. Prints url=... and a sample token=... on "
        f"stdout, then serves until Ctrl-C or SIGTERM. Point the client at it with {URL_ENV}.",
    )
    fake.add_argument("--port", metavar="N", type=count(0, 65535), default=0, help="port (default 0: a free one)")
    fake.add_argument(
        "--seed",
        action="store_true",
        help="seed a demo world (workspace, project, draft study, participants) and print its ids",
    )
    fake.add_argument(
        "--bonus-settlement-delay",
        metavar="SECONDS",
        type=_seconds,
        default=0.0,
        help="seconds of the fake's clock before a bonus payment shows in Prolific's record (default 0: at once; "
        f"move the clock with `{PROG} fake advance`)",
    )


def _seconds(text: str) -> float:
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds >= 0")
    return value
