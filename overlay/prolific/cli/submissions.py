"""``submissions list|approve|reject|review``: review a study's submissions from the command line.

Every file is read and checked in full before the first request (exit 2 naming file, line and
field); approving and rejecting ask first on a terminal and refuse without ``--yes`` elsewhere.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import sys
from typing import TYPE_CHECKING, Any

from ._constants import PROG
from ._context import Context
from ._errors import EXIT_API, EXIT_INPUT, EXIT_OK, UsageError
from ._format import plural as _plural
from ._output import table

if TYPE_CHECKING:
    from prolific import ReviewError, ReviewsFormatError
    from prolific.reviews import Review

_STATUSES = (
    "ACTIVE",
    "APPROVED",
    "AWAITING_REVIEW",
    "PARTIALLY_APPROVED",
    "REJECTED",
    "RETURNED",
    "SCREENED_OUT",
    "TIMED_OUT",
)
_CSV_COLUMNS = ("id", "participant_id", "status", "started_at", "completed_at", "study_code")


def file_problems(ctx: Context, exc: ReviewsFormatError) -> int:
    """Every problem of a refused file on stderr (and in ``--json``, with line and field each): exit 2."""
    message = f"error: {exc}"
    ctx.out.say(message)
    problems = [{"line": p.line, "field": p.field, "reason": p.reason} for p in exc.problems]
    ctx.out.error(exc, message, file=exc.source, problems=problems)
    return EXIT_INPUT


def confirm(ctx: Context, question: str) -> bool:
    """``--yes``, or the answer to ``question`` on a terminal; elsewhere a UsageError (nothing is sent)."""
    if getattr(ctx.args, "yes", False):
        return True
    if not getattr(sys.stdin, "isatty", lambda: False)():
        raise UsageError(
            f"{question.rstrip('?')}: pass --yes to confirm (there is no terminal to ask on); nothing was sent"
        )
    ctx.out.stderr.write(f"{question} [y/N] ")
    ctx.out.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


class StderrProgress:
    """``<verb> 1,000 of 2,500`` on stderr, at most about every 10% (long runs say where they are)."""

    def __init__(self, ctx: Context, verb: str) -> None:
        self.ctx = ctx
        self.verb = verb
        self.step = 0

    def __call__(self, done: int, total: int) -> None:
        step = 10 * done // max(total, 1)
        if total > 1 and (step != self.step or done == total):
            self.step = step
            self.ctx.out.say(f"{self.verb} {done:,} of {total:,}")


def _skip(values: list[Any], skip: int, what: str) -> list[Any]:
    if skip > len(values):
        raise UsageError(f"--skip {skip} is more than the {_plural(len(values), what)} given")
    return values[skip:]


def stopped(ctx: Context, exc: ReviewError, resume: list[str] | None, note: str = "") -> int:
    """A run that stopped part way: what was done, the command that resumes it; exit 1."""
    message = f"error: {exc.summary}"  # the library's advice is Python; the command line prints a command
    out = ctx.out
    out.say(message)
    command = shlex.join(resume) if resume else None
    if command:
        out.say(f"resume with: {command}{note}")
    out.error(exc.__cause__ or exc, message, done=exc.done, total=exc.total, resume=command)
    return EXIT_API


def resume_words(ctx: Context, *words: str) -> list[str]:
    """The command line that resumes a run (``--base-url`` and ``--json`` as given; never the token)."""
    base = [PROG, *words]
    if ctx.args.base_url:
        base += ["--base-url", ctx.args.base_url]
    if ctx.args.json:
        base.append("--json")
    return base


# -- list -----------------------------------------------------------------------------------------


def cmd_list(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    if args.json and args.csv:
        raise UsageError("give --json or --csv, not both")
    with ctx.client() as client:
        submissions = list(client.submissions.iter_submissions(args.study_id, status=args.status))
    rows = [s.to_dict() for s in submissions]
    if args.csv:
        writer = csv.writer(out.stdout, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        writer.writerows([row.get(column) for column in _CSV_COLUMNS] for row in rows)
        out.stdout.flush()
        return EXIT_OK
    which = f" {args.status}" if args.status else ""
    out.say(f"study {args.study_id}: {_plural(len(rows), 'submission')}{which}")
    human = table(["SUBMISSION", "PARTICIPANT", "STATUS"], [[r["id"], r["participant_id"], r["status"]] for r in rows])
    out.result(human if rows else None, rows)
    return EXIT_OK


# -- approve --------------------------------------------------------------------------------------


def cmd_approve(ctx: Context) -> int:
    from prolific import ReviewError, ReviewsFormatError, read_ids

    args, out = ctx.args, ctx.out
    what = "participant id" if args.participants else "submission id"
    ids: list[str] = []
    if args.file:  # checked in full before the client exists
        try:
            ids = _skip(read_ids(args.file, what), args.skip, what)
        except ReviewsFormatError as exc:
            return file_problems(ctx, exc)
    elif args.skip:
        raise UsageError(
            "--skip goes with --file (with --awaiting-review, run again: only what awaits review is listed)"
        )
    left_out = 0
    with ctx.client() as client:
        if args.awaiting_review:
            from prolific.reviews._approve import awaiting_approval  # the library's one rule for what to leave out

            ids, left_out = awaiting_approval(client.submissions.iter_awaiting_review(args.study_id))
            if left_out:
                out.say(
                    f"study {args.study_id}: left out {_plural(left_out, 'submission')} awaiting review whose "
                    "participant was asked to return it (approving would pay for withdrawn work)"
                )
            if not ids:
                out.say(f"study {args.study_id}: no submissions awaiting review to approve; nothing was sent")
                out.result(
                    None,
                    {
                        "study_id": args.study_id,
                        "approved": 0,
                        "requests": 0,
                        "confirmed": None,
                        "return_requested": left_out,
                    },
                )
                return EXIT_OK
        count = _plural(len(ids), "submission" if not args.participants else "participant's submission")
        if not confirm(ctx, f"approve {count} of study {args.study_id}?"):
            out.say("not approved: nothing was sent")
            return EXIT_API
        progress = StderrProgress(ctx, "approved")
        try:
            if args.participants:
                result = client.submissions.approve_participants(
                    args.study_id, ids, wait=args.wait, on_progress=progress
                )
            else:
                result = client.submissions.approve(ids, study_id=args.study_id, wait=args.wait, on_progress=progress)
        except ReviewError as exc:
            if args.awaiting_review:
                resume = resume_words(ctx, "submissions", "approve", args.study_id, "--awaiting-review", "--yes")
                note = " (it lists what still awaits review; approving one twice is harmless)"
            else:
                skip = args.skip + exc.done
                extra = ["--participants"] if args.participants else []
                resume = resume_words(
                    ctx,
                    "submissions",
                    "approve",
                    args.study_id,
                    "--file",
                    args.file,
                    *extra,
                    "--skip",
                    str(skip),
                    "--yes",
                )
                note = f" (skips the {_plural(skip, 'id')} already sent)"
            return stopped(ctx, exc, resume, note)
    state = {
        None: "Prolific applies them in the following moments",
        True: "the study's counts show them approved",
        False: "the study's counts do not show them yet: check again later",
    }[result.confirmed]
    out.say(f"approved {count} of study {args.study_id} ({_plural(result.requests, 'request')}); {state}")
    out.result(
        None,
        {
            "study_id": args.study_id,
            "approved": result.approved,
            "requests": result.requests,
            "confirmed": result.confirmed,
            "return_requested": left_out,
        },
    )
    return EXIT_OK


# -- return ---------------------------------------------------------------------------------------


def submission_id(text: str) -> str:
    """An argparse type: a submission id, checked before anything is sent (exit 2 naming it)."""
    from prolific._validation import id_problem

    problem = id_problem(text, "submission id")
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text


def cmd_return(ctx: Context) -> int:
    from prolific import APIError

    args, out = ctx.args, ctx.out
    ids = list(dict.fromkeys(args.submission_ids))
    count = _plural(len(ids), "submission")
    if not confirm(ctx, f"ask the participants of {count} to return them ({args.reason!r})?"):
        out.say("nothing was sent")
        return EXIT_API
    asked: list[str] = []
    with ctx.client() as client:
        for submission_id in ids:
            try:
                client.submissions.request_return(submission_id, reasons=args.reason)
            except APIError as exc:
                # A refusal names the id and stops: asking again for the ones already asked is harmless.
                message = f"error: return of submission {submission_id} refused: {exc}"
                out.say(message)
                left = [i for i in ids if i not in asked]
                command = shlex.join(
                    resume_words(ctx, "submissions", "return", *left, "--reason", args.reason, "--yes")
                )
                if asked:
                    out.say(
                        f"asked {_plural(len(asked), 'return')} before it; resume (fix the id first) with: {command}"
                    )
                out.error(exc, message, asked=asked, failed=submission_id, resume=command)
                return EXIT_API
            asked.append(submission_id)
    out.say(f"asked the participants of {count} to return them")
    out.result(None, {"asked": asked, "reason": args.reason})
    return EXIT_OK


# -- reject, review -------------------------------------------------------------------------------


def _apply_file(ctx: Context, kind: str) -> int:
    from prolific import ReviewError, ReviewsFormatError, read_reviews

    args, out = ctx.args, ctx.out
    try:
        reviews: list[Review] = _skip(read_reviews(args.file, kind=kind), args.skip, "review")  # type: ignore[arg-type]
    except ReviewsFormatError as exc:
        return file_problems(ctx, exc)
    actions: dict[str, int] = {}
    for review in reviews:
        actions[review.action] = actions.get(review.action, 0) + 1
    summary = ", ".join(f"{action} {count:,}" for action, count in actions.items())
    if not confirm(ctx, f"send {_plural(len(reviews), 'review')} from {args.file} ({summary})?"):
        out.say("nothing was sent")
        return EXIT_API
    command = "reject" if kind == "rejections" else "review"
    with ctx.client() as client:
        try:
            sent = client.submissions.apply(reviews, on_progress=StderrProgress(ctx, "sent"))
        except ReviewError as exc:
            skip = args.skip + exc.done
            resume = resume_words(ctx, "submissions", command, "--file", args.file, "--skip", str(skip), "--yes")
            return stopped(ctx, exc, resume, " (a transition sent twice is ignored by the API)")
    out.say(f"sent {_plural(sent, 'review')} ({summary})")
    out.result(None, {"file": args.file, "sent": sent, "actions": actions})
    return EXIT_OK


def cmd_reject(ctx: Context) -> int:
    return _apply_file(ctx, "rejections")


def cmd_review(ctx: Context) -> int:
    return _apply_file(ctx, "auto")


# -- the parser -----------------------------------------------------------------------------------


def _skip_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--skip",
        type=int,
        default=0,
        metavar="N",
        help=f"leave out the file's first N {what} (to resume a run that stopped: it prints the command)",
    )


def register(subparsers: Any) -> None:
    """Add ``submissions`` and its actions to the ``prolific-client`` parser."""
    from ._argparse import _global_options

    group = subparsers.add_parser("submissions", help="review submissions: list, approve in bulk, reject, review")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(group))

    listing = actions.add_parser("list", help="a study's submissions (every page)")
    listing.set_defaults(func=cmd_list)
    listing.add_argument("study_id", metavar="STUDY", help="the study id")
    listing.add_argument("--status", type=str.upper, choices=_STATUSES, help="only submissions with this status")
    listing.add_argument("--csv", action="store_true", help="CSV on stdout (id,participant_id,status,...)")

    approve = actions.add_parser(
        "approve",
        help="approve submissions in bulk (batches of 1,000)",
        description="Approve the study's submissions awaiting review, or the ids of a file (one a line), in "
        "batches of 1,000. The file is checked in full first (exit 2 naming the line of a bad id). Asks on a "
        "terminal; elsewhere needs --yes. If a batch fails, the command that resumes is printed.",
    )
    approve.set_defaults(func=cmd_approve)
    approve.add_argument("study_id", metavar="STUDY", help="the study id")
    source = approve.add_mutually_exclusive_group(required=True)
    source.add_argument("--awaiting-review", action="store_true", help="every submission awaiting review")
    source.add_argument("--file", metavar="IDS", help="a file of submission ids, one a line (# comments allowed)")
    approve.add_argument(
        "--participants", action="store_true", help="the file holds participant ids, not submission ids"
    )
    approve.add_argument("--wait", action="store_true", help="poll the study's counts until they show the approvals")
    approve.add_argument("--yes", action="store_true", help="do not ask")
    _skip_option(approve, "ids")

    ret = actions.add_parser(
        "return",
        help="ask participants to return submissions",
        description="Ask the participant of each submission to return it (request-return), with a reason they "
        "see. Each id is checked first (exit 2 naming a bad one). Asks on a terminal; elsewhere needs --yes. "
        "A submission with a return requested is left out of `approve --awaiting-review`.",
    )
    ret.set_defaults(func=cmd_return)
    ret.add_argument("submission_ids", metavar="SUBMISSION", nargs="+", type=submission_id, help="submission ids")
    ret.add_argument("--reason", required=True, help='why, as the participant reads it (e.g. "Withdrew consent")')
    ret.add_argument("--yes", action="store_true", help="do not ask")

    reject = actions.add_parser(
        "reject",
        help="reject the submissions of a CSV (submission_id,category,message)",
        description="Reject each submission of the file: a category (one of the API's 12) and a message of at "
        "least 100 characters each. Every problem of the file is reported before anything is sent.",
    )
    reject.set_defaults(func=cmd_reject)
    review = actions.add_parser(
        "review",
        help="apply a CSV of reviews (submission_id,action[,category,message])",
        description="APPROVE, REJECT (category, message) or RETURN (message: the reason) each submission of the "
        "file, one request each, in order. Every problem of the file is reported before anything is sent.",
    )
    review.set_defaults(func=cmd_review)
    for sub in (reject, review):
        sub.add_argument("--file", required=True, metavar="CSV", help="the CSV file")
        sub.add_argument("--yes", action="store_true", help="do not ask")
        _skip_option(sub, "reviews")
    for sub in (listing, approve, reject, review):
        _global_options(sub, leaf=True)
