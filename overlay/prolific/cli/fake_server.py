"""``fake-server``: FakeProlific on 127.0.0.1, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import json
import signal
import threading
from types import FrameType

from ._argparse import Subparsers, command, count
from ._constants import SAMPLE_TOKEN, URL_ENV
from ._context import Context
from ._errors import EXIT_OK, LocalError


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def cmd_fake_server(ctx: Context) -> int:
    from prolific.testing import FakeProlific

    out = ctx.out

    def ready(url: str) -> None:
        if out.as_json:
            out.data(json.dumps({"url": url, "token": SAMPLE_TOKEN}) + "\n")
        else:
            out.data(f"url={url}\ntoken={SAMPLE_TOKEN}\n")
        out.say(f"FakeProlific is listening on {url} (it accepts any token); Ctrl-C stops it")

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main else None
    try:
        FakeProlific().serve_forever(ctx.args.port, ready=ready)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise LocalError(f"cannot listen on 127.0.0.1:{ctx.args.port}: {exc.strerror or exc}") from None
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
