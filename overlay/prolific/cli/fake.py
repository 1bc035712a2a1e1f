"""``fake seed|submissions|advance|fault|records``: drive a running ``fake-server`` from a shell.

Each command is one or two requests to the fake's admin surface (``/__fake__/…``, see
:mod:`prolific.testing._admin`), at ``--url`` or ``$PROLIFIC_URL``: the ``url=`` line that
``prolific-client fake-server`` printed. They talk only to a fake on this machine (a loopback URL),
never to Prolific, with ``$PROLIFIC_TOKEN`` (any token, when the fake accepts any).
"""

from __future__ import annotations

import argparse
import json
import os
import re
from typing import Any
from urllib.parse import urlsplit

from ._argparse import Subparsers, command, count, group
from ._constants import PROG, SAMPLE_TOKEN, TOKEN_ENV, URL_ENV
from ._context import Context
from ._errors import EXIT_OK, LocalError, UsageError
from ._format import plural
from ._output import table

_LOOPBACK = ("127.0.0.1", "::1", "localhost")
_ADMIN = "/__fake__/"
_DURATION = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<unit>[smhd]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_RECORDS = ("payments", "transitions", "messages", "requests")


def duration(text: str) -> float:
    """Seconds from ``90``, ``90s``, ``15m``, ``2h`` or ``1d`` (an argparse type).

    >>> duration("15m"), duration("1.5h"), duration("30")
    (900.0, 5400.0, 30.0)
    """
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration: seconds, or a number with s, m, h or d (15m)")
    return float(match["number"]) * _UNITS[match["unit"]]


def _base(ctx: Context) -> str:
    url = ctx.args.url or getattr(ctx.args, "base_url", None) or os.environ.get(URL_ENV)
    if not url:
        raise UsageError(f"which fake? give --url (the url= line `{PROG} fake-server` printed) or set {URL_ENV} to it")
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in _LOOPBACK:
        raise UsageError(
            f"{url}: `{PROG} fake` commands talk to a fake-server on this machine "
            f"(http://127.0.0.1:PORT, as `{PROG} fake-server` prints it), not to another host"
        )
    return url.rstrip("/")


def _request(ctx: Context, method: str, path: str, body: dict[str, Any] | None = None, **query: Any) -> Any:
    """One request to the fake's admin surface; its JSON answer, or a clear error (exit 1).

    The standard library's HTTP client: plain HTTP on loopback needs nothing more (no certificate
    store to load, no httpx import).
    """
    import urllib.error
    import urllib.request
    from urllib.parse import urlencode

    base = _base(ctx)
    token = os.environ.get(TOKEN_ENV) or SAMPLE_TOKEN
    ctx.redact.add_token(token)
    url = f"{base}{_ADMIN}{path}" + (f"?{urlencode(query)}" if query else "")
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise LocalError(f"cannot reach a fake at {base} ({reason}): is `{PROG} fake-server` running there?") from None
    try:
        answer = json.loads(raw) if raw else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise LocalError(f"{base} answered {status} without a JSON object: is it a `{PROG} fake-server`?")
    if status >= 400:
        error = answer.get("error")
        detail = error.get("detail") if isinstance(error, dict) else answer
        raise LocalError(f"the fake refused ({status}): {_detail(detail)}")
    return answer


def _detail(detail: Any) -> str:
    if isinstance(detail, dict):
        return "; ".join(f"{field}: {' '.join(map(str, messages))}" for field, messages in detail.items())
    return str(detail)


# -- commands -----------------------------------------------------------------------------------------


def cmd_seed(ctx: Context) -> int:
    world = _request(ctx, "POST", "seed", {"participants": ctx.args.participants})
    human = "".join(f"{k}={','.join(v) if isinstance(v, list) else v}\n" for k, v in world.items()).rstrip("\n")
    ctx.out.result(human, world)
    return EXIT_OK


def cmd_submissions(ctx: Context) -> int:
    args = ctx.args
    if args.participant and args.count is not None:
        raise UsageError("give N (how many participants) or --participant IDs, not both")
    participants: int | list[str] = args.participant or args.count or 1
    body = {"study_id": args.study, "participants": participants, "submit": not args.started}
    taken = _request(ctx, "POST", "submissions", body)["submissions"]
    rows = [[t["participant_id"], t["submission_id"], t["status"], t["username"]] for t in taken]
    ctx.out.table(["PARTICIPANT", "SUBMISSION", "STATUS", "USERNAME"], rows, taken)
    return EXIT_OK


def cmd_advance(ctx: Context) -> int:
    args = ctx.args
    steps = [("complete", s) for s in args.complete] + [("return", s) for s in args.return_]
    steps += [("time-out", s) for s in args.time_out]
    if not steps and args.duration is None:
        raise UsageError(
            "advance what? give a DURATION for the clock (e.g. 15m) and/or --complete, --return or --time-out "
            "with submission ids"
        )
    lines: list[str] = []
    moved: list[dict[str, Any]] = []
    for action, submission_id in steps:
        body = {"code": args.code} if action == "complete" and args.code else None
        submission = _request(ctx, "POST", f"submissions/{submission_id}/{action}", body)
        moved.append(submission)
        lines.append(f"submission {submission_id}: {submission['status']}")
    data: dict[str, Any] = {"submissions": moved}
    if args.duration is not None:
        clock = _request(ctx, "POST", "clock", {"advance": args.duration})
        data["clock"] = clock
        lines.append(f"clock: {clock['now']} ({clock['advanced']:g} s since the fake started)")
        if clock["timed_out"]:
            lines.append(f"timed out: {', '.join(clock['timed_out'])}")
        if clock["settled"]:
            lines.append(f"bonus payments settled: {', '.join(clock['settled'])}")
    ctx.out.result("\n".join(lines), data)
    return EXIT_OK


def cmd_fault(ctx: Context) -> int:
    args = ctx.args
    if args.clear:
        cleared = _request(ctx, "DELETE", "faults")["cleared"]
        ctx.out.result(f"cleared {plural(cleared, 'pending fault')}", {"cleared": cleared})
        return EXIT_OK
    if args.kind is None:  # --list, or nothing: what is queued
        faults = _request(ctx, "GET", "faults")["faults"]
        rows = [
            [f["describe"], f["remaining"], f["operation"] or "", f["method"] or "", f["path"] or ""] for f in faults
        ]
        if not faults:
            ctx.out.say("no faults queued")
        ctx.out.result(table(["FAULT", "LEFT", "OPERATION", "METHOD", "PATH"], rows) if faults else None, faults)
        return EXIT_OK
    body: dict[str, Any] = {"times": args.times}
    for name in ("method", "path", "operation"):
        if getattr(args, name) is not None:
            body[name] = getattr(args, name)
    kind = args.kind.lower()
    if kind == "delay":
        if args.seconds is None:
            raise UsageError("fault delay needs --seconds S: how long the fake waits before answering")
        body.update(kind="delay", seconds=args.seconds)
    elif kind == "drop":
        body.update(kind="drop", after_apply=args.after_apply)
    elif kind.isdigit():
        body.update(kind="fail", status=int(kind), after_apply=args.after_apply)
        if args.retry_after is not None:
            body["retry_after"] = args.retry_after
    else:
        raise UsageError(f"fault {args.kind!r}: give an HTTP status (503, 429, ...), drop or delay")
    misplaced = [flag for flag, given, allowed in (
        ("--seconds", args.seconds is not None, kind == "delay"),
        ("--retry-after", args.retry_after is not None, kind.isdigit()),
        ("--after-apply", args.after_apply, kind != "delay"),
    ) if given and not allowed]  # fmt: skip
    if misplaced:
        raise UsageError(f"fault {args.kind}: {misplaced[0]} does not apply to it")
    queued = _request(ctx, "POST", "faults", body)
    fault = queued["fault"]
    where = " ".join(f"{k}={fault[k]}" for k in ("operation", "method", "path") if fault[k]) or "any API request"
    human = (
        f"queued {fault['describe']} x{fault['remaining']} for {where} ({plural(queued['pending'], 'pending fault')})"
    )
    ctx.out.result(human, queued)
    return EXIT_OK


def cmd_records(ctx: Context) -> int:
    args = ctx.args
    path = f"records/{args.kind}" if args.kind else "records"
    records = _request(ctx, "GET", path, **({"since": args.since} if args.since else {}))
    if ctx.out.as_json:
        ctx.out.result(None, records)
        return EXIT_OK
    parts = []
    for kind, entries in records.items():
        header, rows = _rows(kind, entries)
        parts.append(f"{kind} ({len(entries)})" + (f"\n{table(header, rows)}" if entries else ""))
    ctx.out.result("\n\n".join(parts), records)
    return EXIT_OK


def _rows(kind: str, entries: list[dict[str, Any]]) -> tuple[list[str], list[list[object]]]:
    if kind == "payments":
        header = ["BULK", "STUDY", "BONUSES", "AMOUNT", "FEES", "VAT", "PAID AT", "SETTLED AT"]
        rows = [[p["bulk_id"], p["study_id"], len(p["bonuses"]), p["amount"], p["fees"], p["vat"], p["paid_at"],
                 p["settled_at"] or "(settling)"] for p in entries]  # fmt: skip
        return header, rows
    if kind == "transitions":
        return ["AT", "KIND", "ID", "FROM", "TO"], [[t["at"], t["kind"], t["id"], t["from"], t["to"]] for t in entries]
    if kind == "messages":
        header = ["SENT AT", "RECIPIENT", "STUDY", "BODY"]
        return header, [[m.get("sent_at"), m.get("recipient_id"), m.get("study_id"), m.get("body")] for m in entries]
    header = ["METHOD", "PATH", "OPERATION", "STATUS", "FAULT"]
    return header, [[r["method"], r["path"], r["operation_id"], r["status"], r["fault"]] for r in entries]


def register(subparsers: Subparsers) -> None:
    """Add the ``fake`` group: ``seed``, ``submissions``, ``advance``, ``fault``, ``records``."""
    actions = group(
        subparsers,
        "fake",
        help="drive a running fake-server: seed, participants, the clock, faults, what it recorded",
        description=f"Drive a running `{PROG} fake-server` over its admin paths (/__fake__/...): at --url, else "
        f"${URL_ENV} (the url= line fake-server printed). Only a fake on this machine is reached, never Prolific.",
    )

    def leaf(name: str, func: Any, **kwargs: Any) -> argparse.ArgumentParser:
        parser = command(actions, name, func, online=False, **kwargs)
        parser.add_argument("--url", metavar="URL", help=f"the fake's URL (default: ${URL_ENV})")
        return parser

    seed = leaf("seed", cmd_seed, help="a demo world: workspace, project, draft study, participant ids")
    seed.add_argument(
        "--participants", metavar="N", type=count(1), default=3, help="places of the study, participant ids (3)"
    )

    submissions = leaf(
        "submissions",
        cmd_submissions,
        help="participants take part in an ACTIVE study (and submit, unless --started)",
        description="Participants start the study (redeeming a login when it has a credential pool) and submit "
        "(AWAITING REVIEW). The study's places are respected: a start beyond them is refused.",
    )
    submissions.add_argument("study", metavar="STUDY_ID", help="the study (published: ACTIVE)")
    submissions.add_argument("count", metavar="N", nargs="?", type=count(1), help="how many (default 1)")
    submissions.add_argument(
        "--participant", metavar="ID", action="append", default=[], help="this participant (repeatable; instead of N)"
    )
    submissions.add_argument("--started", action="store_true", help="they only start: their submissions stay ACTIVE")

    advance = leaf(
        "advance",
        cmd_advance,
        help="move submissions on (complete, return, time out) and/or the fake's clock",
        description="Move the given submissions on, then the fake's clock: started submissions past their study's "
        "maximum_allowed_time time out, and bonus payments past their settlement delay show in Prolific's record.",
    )
    advance.add_argument(
        "duration", metavar="DURATION", nargs="?", type=duration, help="move the clock: 90, 15m, 2h, 1d"
    )
    advance.add_argument("--complete", metavar="SUBMISSION", nargs="+", default=[], help="the participant submits")
    advance.add_argument("--code", metavar="CODE", help="the completion code entered (with --complete)")
    advance.add_argument(
        "--return", dest="return_", metavar="SUBMISSION", nargs="+", default=[], help="the participant returns it"
    )
    advance.add_argument("--time-out", metavar="SUBMISSION", nargs="+", default=[], help="it times out now")

    fault = leaf(
        "fault",
        cmd_fault,
        help="answer the next matching API request(s) with a status, a dropped connection or a delay",
        description="Queue a fault for the next matching API request(s): an HTTP STATUS (503, 429 with "
        "--retry-after, ...), drop (close the connection without an answer) or delay (--seconds). --after-apply: "
        "the request is applied first and only its answer is lost or replaced (a gateway error after a pay). "
        "Without KIND: list the queued faults.",
    )
    fault.add_argument("kind", metavar="KIND", nargs="?", help="an HTTP status, drop or delay")
    fault.add_argument("--after-apply", action="store_true", help="apply the request, then fail its answer")
    fault.add_argument("--retry-after", metavar="SECONDS", help="the Retry-After header (with a status)")
    fault.add_argument("--seconds", metavar="S", type=float, help="how long a delay waits")
    fault.add_argument("--times", metavar="N", type=count(1), default=1, help="for this many requests (default 1)")
    fault.add_argument("--operation", metavar="ID", help="only this operation (e.g. pay-bonus-payments)")
    fault.add_argument("--method", metavar="M", help="only this HTTP method")
    fault.add_argument("--path", metavar="PATH", help="only this path (* wildcards)")
    fault.add_argument("--clear", action="store_true", help="forget the queued faults")

    records = leaf(
        "records",
        cmd_records,
        help="what the fake recorded: payments, transitions, messages, requests (no secrets)",
    )
    records.add_argument("kind", metavar="KIND", nargs="?", choices=_RECORDS, help=f"one of {', '.join(_RECORDS)}")
    records.add_argument("--since", metavar="N", type=count(0), default=0, help="skip the first N (with KIND)")
