"""``fake-server``: FakeProlific on 127.0.0.1, until Ctrl-C or SIGTERM.

``--seed`` creates a demo world first (a workspace, a project, a draft study, participant ids) and
prints its ids with the URL; the fake's admin paths (``POST /__fake__/seed``,
``POST /__fake__/submissions``: see :mod:`prolific.testing._demo`) let a shell add more.
"""

from __future__ import annotations

import errno
import json
import signal
import threading
from types import FrameType

from ._context import EXIT_OK, SAMPLE_TOKEN, Context, LocalError, UsageError


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def cmd_fake_server(ctx: Context) -> int:
    from prolific.testing import FakeProlific
    from prolific.testing._demo import ADMIN_PREFIX

    out = ctx.out
    fake = FakeProlific()
    world = fake.seed_demo() if getattr(ctx.args, "seed", False) else {}

    def ready(url: str) -> None:
        shown = {"url": url, "token": SAMPLE_TOKEN, **world}
        if out.as_json:
            out.data(json.dumps(shown) + "\n")
        else:
            out.data("".join(f"{k}={','.join(v) if isinstance(v, list) else v}\n" for k, v in shown.items()))
        out.say(f"FakeProlific is listening on {url} (it accepts any token); Ctrl-C stops it")
        if world:
            out.say(
                f"seeded a demo world: workspace, project, draft study {world['study_id']}; once the study has a pool "
                f"and is published, participants take part with: curl -X POST {url}{ADMIN_PREFIX}submissions "
                f'-H \'Authorization: Token {SAMPLE_TOKEN}\' -d \'{{"study_id": "{world["study_id"]}", '
                '"participants": 3}\''
            )

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
