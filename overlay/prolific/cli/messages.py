"""``messages send``: message a study's participants (ids from a file, in batches), or a participant group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._context import Context
from ._errors import EXIT_API, EXIT_OK, UsageError
from ._format import plural as _plural


def _body(text: str) -> str:
    """``--body TEXT``, or ``--body @FILE`` for the text of a file (UTF-8)."""
    if not text.startswith("@"):
        body = text
    else:
        name = text[1:]
        try:
            body = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise UsageError(f"--body @{name}: cannot read the message: {reason}") from None
    if not body.strip():
        raise UsageError("--body: the message is empty; nothing was sent")
    return body


def cmd_send(ctx: Context) -> int:
    from prolific import ReviewError, ReviewsFormatError, read_ids

    from .submissions import StderrProgress, confirm, file_problems, resume_words, stopped

    args, out = ctx.args, ctx.out
    body = _body(args.body)
    if args.group:
        if args.participants_file:
            raise UsageError("give --participants-file or --group, not both")
        with ctx.client() as client:
            client.messages.send_to_group(args.group, body, study_id=args.study_id)
        out.say(f"messaged participant group {args.group}")
        out.result(None, {"study_id": args.study_id, "participant_group_id": args.group})
        return EXIT_OK
    if not args.participants_file:
        raise UsageError("give the recipients with --participants-file IDS (one participant id a line) or --group ID")
    try:
        ids = read_ids(args.participants_file, "participant id")
    except ReviewsFormatError as exc:
        return file_problems(ctx, exc)
    if args.skip:
        if args.skip > len(ids):
            raise UsageError(f"--skip {args.skip} is more than the {_plural(len(ids), 'participant')} of the file")
        ids = ids[args.skip :]
    if not confirm(ctx, f"message {_plural(len(ids), 'participant')} of study {args.study_id}?"):
        out.say("nothing was sent")
        return EXIT_API
    with ctx.client() as client:
        try:
            sent = client.messages.send_bulk(args.study_id, ids, body, on_progress=StderrProgress(ctx, "messaged"))
        except ReviewError as exc:
            skip = args.skip + exc.done
            resume = resume_words(
                ctx, "messages", "send", args.study_id, "--participants-file", args.participants_file,
                "--body", args.body, "--skip", str(skip), "--yes",
            )  # fmt: skip
            cause = exc.__cause__
            note = (
                " (the failed batch may have been delivered: resuming sends it again; check the study's messages first)"
                if getattr(cause, "may_have_been_applied", False)
                else ""
            )
            return stopped(ctx, exc, resume, note)
    out.say(f"messaged {_plural(sent, 'participant')} of study {args.study_id}")
    out.result(None, {"study_id": args.study_id, "messaged": sent})
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``messages`` and its actions to the ``prolific-client`` parser."""
    from ._argparse import _global_options

    group = subparsers.add_parser("messages", help="message participants: send")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(group))
    send = actions.add_parser(
        "send",
        help="message a study's participants (ids from a file) or a participant group",
        description="Send one message to every participant id of a file (one a line; checked in full first), in "
        "batches of 500, or to a participant group. A message sent twice arrives twice: batches are never re-sent "
        "automatically; if one fails, the command that resumes is printed.",
    )
    send.set_defaults(func=cmd_send)
    send.add_argument("study_id", metavar="STUDY", help="the study the message is about")
    send.add_argument("--participants-file", metavar="IDS", help="participant ids, one a line (# comments allowed)")
    send.add_argument("--group", metavar="GROUP_ID", help="message a participant group instead")
    send.add_argument("--body", required=True, metavar="TEXT|@FILE", help="the message, or @FILE for a file's text")
    send.add_argument("--yes", action="store_true", help="do not ask")
    send.add_argument("--skip", type=int, default=0, metavar="N", help="leave out the file's first N ids (to resume)")
    _global_options(send, leaf=True)
