"""``webhooks listen|subscribe|secret|list|events``: a development receiver, and managing subscriptions."""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING, Any

from ._context import Context
from ._errors import EXIT_OK, LocalError, UsageError
from ._output import table

if TYPE_CHECKING:
    from prolific.webhooks import WebhookEvent

SECRET_ENV = "PROLIFIC_WEBHOOK_SECRET"
EVENT_LOG_NAME = "webhook-events.sqlite3"


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, not {text!r}")
    return value


def _line(event: WebhookEvent) -> str:
    who = f" participant {event.participant_id}" if event.participant_id else ""
    return f"{event.event_type} {event.resource_id} {event.status}{who} (event {event.event_id})"


def cmd_listen(ctx: Context) -> int:
    from prolific import WebhookVerificationError
    from prolific.webhooks import open_event_log, wsgi_app
    from prolific.webhooks._server import ThreadingWSGIServer, make_server

    from ._store import state_location

    args, out = ctx.args, ctx.out
    secret = os.environ.get(SECRET_ENV, "").strip()
    if not secret:
        raise UsageError(
            f"no webhook secret: set {SECRET_ENV} to your workspace's secret: "
            f"export {SECRET_ENV}=$(prolific-client webhooks secret --workspace ID)"
        )
    ctx.redact.add_token(secret)
    location = state_location(
        ctx,
        args.event_log,
        default_file=EVENT_LOG_NAME,
        flag="--event-log",
        what="event log (each event is printed once)",
    )
    try:
        log = open_event_log(location, handling_timeout=args.handling_timeout)
    except OSError as exc:
        raise LocalError(str(exc)) from None
    lock = threading.Lock()

    def handle(event: WebhookEvent) -> None:
        with lock:
            out.write((json.dumps(event.to_dict(), sort_keys=True) if out.as_json else _line(event)) + "\n")

    def refused(error: WebhookVerificationError) -> None:
        out.say(f"refused ({'401' if error.code in ('bad_signature', 'outside_window') else '400'}): {error}")

    app = wsgi_app(handle, secret=secret, event_log=log, tolerance=args.tolerance, on_refused=refused)
    try:
        server: ThreadingWSGIServer = make_server(args.host, args.port, app, read_timeout=args.read_timeout)
    except OSError as exc:
        log.close()
        raise LocalError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main else None
    # The server runs in a thread (and each connection in its own); this one waits, so that Ctrl-C
    # or SIGTERM land here at once and shut the server down cleanly (as `fake-server` does).
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    out.say(f"listening on http://{args.host}:{server.server_port}/ (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        # A connection still being handled keeps its claim: it is settled by its thread, or, if the
        # process exits first, taken over by the redelivery (this process is then gone).
        log.close()
        if in_main:
            signal.signal(signal.SIGTERM, previous)
    out.say("stopped")
    return EXIT_OK


def cmd_subscribe(ctx: Context) -> int:
    args = ctx.args
    with ctx.client() as client:
        client.webhooks.ensure_secret(args.workspace)  # subscribing needs one; an existing one is kept
        subscription = client.webhooks.subscribe(args.workspace, args.event, args.url)
    data = subscription.to_dict()
    ctx.out.result(f"subscription {subscription.id}: {args.event} -> {args.url} (confirmed)", data)
    return EXIT_OK


def cmd_secret(ctx: Context) -> int:
    args = ctx.args
    isatty = getattr(ctx.out.stdout, "isatty", None)
    if callable(isatty) and isatty():  # a secret on a screen ends up in screenshots and scrollback
        raise UsageError(
            "webhooks secret writes the secret only to a pipe or a file, not to a terminal: "
            f"export {SECRET_ENV}=$(prolific-client webhooks secret --workspace {args.workspace})"
        )
    with ctx.client() as client:
        secret = client.webhooks.ensure_secret(args.workspace)
    # The secret IS the requested result, and stdout is no terminal: written as is, unredacted.
    ctx.out.data((json.dumps({"workspace_id": args.workspace, "secret": secret}) if ctx.out.as_json else secret) + "\n")
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    args = ctx.args
    with ctx.client() as client:
        found = client.webhooks.list_subscriptions(args.workspace, is_enabled=not args.disabled)
    data = [s.to_dict() for s in found]
    if not found:
        ctx.out.say("no subscriptions")
    rows = [[s.id, s.event_type, s.target_url, s.workspace_id] for s in found]
    ctx.out.result(table(["ID", "EVENT", "TARGET", "WORKSPACE"], rows) if found else None, data)
    return EXIT_OK


def cmd_events(ctx: Context) -> int:
    args = ctx.args
    with ctx.client() as client:
        found = list(client.webhooks.iter_events(args.subscription, status=args.status))
    data = [e.to_dict() for e in found]
    if not found:
        ctx.out.say(f"subscription {args.subscription} has no events" + (f" {args.status}" if args.status else ""))
    rows = [[e.id, e.event_type, e.resource_id, str(e.status), e.datetime_created] for e in found]
    ctx.out.result(table(["ID", "EVENT", "RESOURCE", "STATUS", "CREATED"], rows) if found else None, data)
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``webhooks`` group and its commands to the CLI's ``subparsers``."""
    from ._argparse import Parser as _Parser
    from ._argparse import StoreOnce, _global_options
    from ._argparse import count as _count

    group = subparsers.add_parser(
        "webhooks", help="webhooks: a local receiver (listen), subscribe, secret, list, events"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)

    def leaf(name: str, func: Any, **kwargs: Any) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, **kwargs)
        sub.set_defaults(func=func)
        return sub

    listen = leaf(
        "listen",
        cmd_listen,
        help="a development receiver: verify each delivery, print each event once",
        description=f"Receive webhooks on HOST:PORT: each POST is verified with the secret in ${SECRET_ENV} "
        "(signature over the raw body, timestamp window); each event is printed once on stdout (one JSON line "
        "with --json), even when delivered again, and recorded in the event log only once printed; a refused "
        "request is answered 401 (or 400) and reported on stderr, nothing on stdout. Connections are served "
        "at once, each in its own thread. Several listen processes may share one event log. Expose it with a "
        "tunnel for Prolific to reach it.",
    )
    listen.add_argument(
        "--port", metavar="P", type=_count(0, 65535), default=8765, help="port (default 8765; 0: a free one)"
    )
    listen.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    listen.add_argument(
        "--event-log",
        metavar="FILE|URL",
        help="the events already handled: a SQLite file, or a postgresql:// URL shared by several hosts "
        "(default: $PROLIFIC_STATE_URL, else a file in the state dir)",
    )
    listen.add_argument(
        "--tolerance", metavar="SECONDS", type=float, default=300.0, help="timestamp window (default 300)"
    )
    listen.add_argument(
        "--read-timeout",
        metavar="SECONDS",
        type=_seconds,
        default=10.0,
        help="close a connection silent this long while sending its request (default 10)",
    )
    listen.add_argument(
        "--handling-timeout",
        metavar="SECONDS",
        type=_seconds,
        default=600.0,
        help="take over an event left in flight this long by a process whose liveness cannot be checked "
        "(another host or container; default 600)",
    )
    _global_options(listen, leaf=True, online=False)

    subscribe = leaf("subscribe", cmd_subscribe, help="subscribe a URL to an event type (created and confirmed)")
    subscribe.add_argument("--workspace", metavar="ID", required=True, help="the workspace")
    subscribe.add_argument(
        "--event",
        metavar="TYPE",
        required=True,
        action=StoreOnce,
        help="one event type per subscription, e.g. submission.status.change; subscribe again for another",
    )
    subscribe.add_argument("url", metavar="URL", help="where Prolific sends the events (https, public)")
    secret = leaf(
        "secret",
        cmd_secret,
        help="write the workspace's webhook secret to a pipe or file, never a terminal (created if it has none)",
    )
    secret.add_argument("--workspace", metavar="ID", required=True, help="the workspace")
    listing = leaf("list", cmd_list, help="list subscriptions")
    listing.add_argument("--workspace", metavar="ID", help="only this workspace's")
    listing.add_argument("--disabled", action="store_true", help="the disabled ones instead")
    events = leaf("events", cmd_events, help="a subscription's events (every page)")
    events.add_argument("subscription", metavar="SUBSCRIPTION", help="the subscription id")
    events.add_argument("--status", choices=["PENDING", "SUCCEEDED", "FAILED"], help="only events with this status")
    for sub in (subscribe, secret, listing, events):
        _global_options(sub, leaf=True)
