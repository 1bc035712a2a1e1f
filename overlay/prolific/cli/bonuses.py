"""``bonuses check|preview|pay|status``: bonuses from a CSV file, paid exactly once.

``check`` and ``status`` send nothing. ``pay`` keeps a journal (SQLite) under the user's state
directory unless ``--journal`` names one; the same command run again resumes, skipping what is
paid and never resending a payment whose outcome is unknown unless ``--retry-unknown`` says so.
Nothing here imports httpx or the client at module level: the client loads inside the commands.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import EXIT_API, EXIT_INPUT, EXIT_OK, InputProblems, UsageError
from ._format import plural as _plural

if TYPE_CHECKING:
    from prolific import BonusBatch, BonusList, BonusPlan

    from ._context import Context


def _count(count: int, noun: str) -> str:
    """``1 bonus``, ``3 bonuses``, ``2 batches``."""
    return f"{count:,} {noun}{'' if count == 1 else 'es'}"


class BonusInputProblems(InputProblems):
    """Every problem of a bonus file (exit 2; ``--json`` lists them in the error's ``problems``)."""

    GROUP = "bonuses"


def register(subparsers: Any) -> None:
    """Add the ``bonuses`` command group and its subcommands to ``subparsers``."""
    group = subparsers.add_parser(
        "bonuses", help="bonus payments from a CSV: check, preview, pay (exactly once, resumable), status"
    )
    # The subcommands' parsers are of the class of the CLI's own (its error handling), whatever it is.
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(group))
    file_help = "CSV: participant or submission id,amount per line (header allowed; amounts in pounds/dollars), or -"

    check = actions.add_parser(
        "check",
        help="offline: report every problem in a bonus CSV (exit 2 if any)",
        description="Check a bonus CSV without sending anything: every bad line is reported with its line, field "
        "and what to write instead; a duplicate names both lines. Amounts are in the study's currency in pounds/"
        "dollars (1.50 pays 1.50), not pence. Exit 2 if there is any problem.",
    )
    check.add_argument("file", metavar="FILE", help=file_help)
    check.set_defaults(func=cmd_check)

    preview = actions.add_parser(
        "preview",
        help="set up the bonuses in batches of 200 and show their cost (nothing is paid)",
        description="Check the file, set up its bulk bonuses (200 ids a batch) and print the count, amount, fees, "
        "VAT and total in the account's currency. Nothing is paid.",
    )
    preview.add_argument("study_id", metavar="STUDY", help="the study id")
    preview.add_argument("file", metavar="FILE", help=file_help)
    preview.set_defaults(func=cmd_preview)

    pay = actions.add_parser(
        "pay",
        help="pay the bonuses of a CSV exactly once (journaled; run it again to resume)",
        description="Check the file, set up every batch, check the workspace's balance, ask (on a terminal; "
        "elsewhere --yes is required), then pay the batches one after the other. Every step is recorded in a "
        "journal before the request is sent: the same command run again skips what is paid. A payment whose "
        "outcome is unknown (a dropped connection, a 5xx, a killed process) is never sent again unless "
        "--retry-unknown names its bulk id. Exit 1 with the advice to resume on a failure.",
    )
    pay.add_argument("study_id", metavar="STUDY", help="the study id")
    pay.add_argument("file", metavar="FILE", help=file_help)
    _journal_option(pay)
    pay.add_argument("--yes", action="store_true", help="pay without asking (required when not on a terminal)")
    pay.add_argument(
        "--retry-unknown",
        metavar="BULK_ID",
        action="append",
        default=[],
        help="pay again a batch whose outcome is unknown, after checking it was not paid (repeatable)",
    )
    pay.set_defaults(func=cmd_pay)

    status = actions.add_parser(
        "status",
        help="offline: what the journal says of each batch of a CSV",
        description="Show each batch of the file (lines, bonuses, amount) with its journal state: not started, "
        "set up, pay sent, paid or outcome unknown, and its bulk id. Sends nothing.",
    )
    status.add_argument("study_id", metavar="STUDY", help="the study id")
    status.add_argument("file", metavar="FILE", help=file_help)
    _journal_option(status)
    status.set_defaults(func=cmd_status)

    for sub, online in ((check, False), (preview, True), (pay, True), (status, False)):
        _leaf_options(sub, online=online)


def _leaf_options(parser: argparse.ArgumentParser, *, online: bool) -> None:
    """The global options, also accepted after the command (their defaults come from the top-level parser)."""
    from ._constants import DEFAULT_URL, TOKEN_ENV, URL_ENV

    group = parser.add_argument_group("global options (also accepted before the command)")
    if online:
        group.add_argument(
            "--token",
            default=argparse.SUPPRESS,
            help=f"API token (default: ${TOKEN_ENV}; prefer the variable: a token typed here lands in your shell "
            "history)",
        )
        group.add_argument(
            "--base-url",
            metavar="URL",
            default=argparse.SUPPRESS,
            help=f"API base URL, without /api/v1 (default: ${URL_ENV}, else {DEFAULT_URL})",
        )
    group.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document")
    group.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="log each request and show tracebacks"
    )


def _journal_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--journal",
        metavar="PATH",
        help="the journal file (SQLite; default: bonuses.sqlite3 under $XDG_STATE_HOME/prolific-client/)",
    )


def _load(ctx: Context, name: str) -> BonusList:
    """The checked bonuses of FILE or ``-``; every problem at once (exit 2); the pence warning on stderr."""
    from prolific import BonusAmountWarning, BonusFormatError, InputFileError, read_bonuses

    from ._input import read_text as _read_text

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", BonusAmountWarning)
        try:
            if name == "-":
                try:
                    label, text = _read_text(name, "bonuses")
                except InputFileError as exc:  # not UTF-8 (the shared decoder's error)
                    raise UsageError(str(exc)) from None
                bonuses = read_bonuses(text, name=label)
            else:
                path = Path(name)
                if not path.is_file():
                    raise UsageError(f"{name}: no such file" if not path.exists() else f"{name}: not a file")
                bonuses = read_bonuses(path)
        except BonusFormatError as exc:
            raise BonusInputProblems(exc.source or name, exc.problems) from None
    for warning in caught:
        if issubclass(warning.category, BonusAmountWarning):
            ctx.out.say(f"warning: {warning.message}")
    return bonuses


def _money(value: Decimal | None, currency: str | None = None) -> str | None:
    if value is None:
        return None
    return f"{currency} {value:,.2f}" if currency else f"{value:,.2f}"


def _batch_data(batch: BonusBatch) -> dict[str, Any]:
    first, last = batch.lines

    def text(value: Decimal | None) -> str | None:
        return None if value is None else f"{value:.2f}"

    return {
        "batch": batch.number,
        "lines": [first, last],
        "bonuses": batch.count,
        "bonus_amount": f"{batch.bonus_amount:.2f}",
        "bulk_id": batch.bulk_id,
        "state": batch.state or "not started",
        "amount": text(batch.amount),
        "fees": text(batch.fees),
        "vat": text(batch.vat),
        "total": text(batch.total),
        "detail": batch.detail,
    }


def _plan_data(plan: BonusPlan) -> dict[str, Any]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else f"{value:.2f}"

    return {
        "study_id": plan.study_id,
        "currency": plan.currency,
        "count": plan.count,
        "amount": text(plan.amount),
        "fees": text(plan.fees),
        "vat": text(plan.vat),
        "total": text(plan.total),
        "batches": [_batch_data(b) for b in plan.batches],
    }


def _batch_table(batches: list[BonusBatch], currency: str | None) -> str:
    from ._output import table

    rows = [
        [
            b.number,
            f"{b.lines[0]}-{b.lines[1]}",
            b.count,
            _money(b.bonus_amount, currency),
            _money(b.total, currency) or "",
            b.state or "not started",
            b.bulk_id or "",
        ]
        for b in batches
    ]
    return table(["BATCH", "LINES", "BONUSES", "AMOUNT", "TOTAL", "STATE", "BULK ID"], rows)


def cmd_check(ctx: Context) -> int:
    out = ctx.out
    try:
        bonuses = _load(ctx, ctx.args.file)
    except BonusInputProblems as exc:
        if not out.as_json:
            for problem in exc.problems:
                out.say(str(problem))
        out.say(f"{exc.label}: {_plural(len(exc.problems), 'problem')}")
        report = [{"line": p.line, "field": p.field, "reason": p.reason} for p in exc.problems]
        out.result(None, {"file": exc.label, "bonuses": 0, "problems": report})
        return EXIT_INPUT
    total = sum((b.amount for b in bonuses), Decimal(0))
    label = bonuses.source or ctx.args.file
    out.say(f"{label}: {_count(len(bonuses), 'bonus')} (total {total:,.2f} in the study's currency), no problems")
    out.result(None, {"file": label, "bonuses": len(bonuses), "amount": f"{total:.2f}", "problems": []})
    return EXIT_OK


def cmd_preview(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    bonuses = _load(ctx, args.file)
    with ctx.client() as client:
        plan = client.bonuses.preview(args.study_id, bonuses)
    out.result(_batch_table(list(plan.batches), plan.currency) + "\n" + plan.summary(), _plan_data(plan))
    out.say("nothing was paid: `bonuses pay` pays them (with a fresh set-up, recorded in its journal)")
    return EXIT_OK


def _journal_path(ctx: Context) -> Path:
    from prolific.bonuses._journal import default_path

    if ctx.args.journal:
        return Path(ctx.args.journal)
    path = default_path()
    ctx.out.say(f"journal: {path}")
    return path


def cmd_pay(ctx: Context) -> int:
    from prolific import BonusOutcomeUnknown, BonusPaymentError, InsufficientBalanceError

    args, out = ctx.args, ctx.out
    interactive = bool(getattr(sys.stdin, "isatty", lambda: False)())
    if not args.yes and not interactive:
        raise UsageError(
            "refusing to pay without confirmation: stdin is not a terminal, so pass --yes to pay (nothing was sent)"
        )
    bonuses = _load(ctx, args.file)
    journal = _journal_path(ctx)

    def confirm(plan: BonusPlan) -> bool:
        retry = set(args.retry_unknown)
        due = [b for b in plan.batches if b.state == "set up" or (b.state == "outcome unknown" and b.bulk_id in retry)]
        total = sum((b.total or Decimal(0) for b in due), Decimal(0))
        out.say(plan.summary())
        out.say(f"to pay now: {_count(len(due), 'batch')}, total {_money(total, plan.currency)}")
        if args.yes:
            return True
        out.stderr.write(f"pay them for study {plan.study_id}? [y/N] ")
        out.stderr.flush()
        return sys.stdin.readline().strip().lower() in ("y", "yes")

    def progress(batch: BonusBatch) -> None:
        out.say(f"paid {batch.describe()}: total {_money(batch.total) or '?'}")

    with ctx.client() as client:
        try:
            result = client.bonuses.pay(
                args.study_id,
                bonuses,
                journal=journal,
                retry_unknown=args.retry_unknown,
                confirm=confirm,
                on_batch=progress,
            )
        except BonusOutcomeUnknown as exc:
            message = f"error: {exc}"
            out.say(message)
            out.error(exc, message, outcome_unknown=[_batch_data(b) for b in exc.batches], journal=str(journal))
            return EXIT_API
        except (BonusPaymentError, InsufficientBalanceError) as exc:
            message = f"error: {exc}"
            out.say(message)
            rejected = getattr(exc, "rejected", {})
            out.error(exc, message, rejected=[{"line": k, "id": v} for k, v in rejected.items()], journal=str(journal))
            return EXIT_API
    if result.cancelled:
        out.say("not paid (nothing was sent for payment); the batches set up are reused by the next run")
    for batch in result.skipped:
        out.say(f"skipped {batch.describe()}: already paid (journal)")
    currency = result.plan.currency
    out.say(
        f"paid {_count(len(result.paid), 'batch')} ({_money(result.total_paid, currency)}), "
        f"{len(result.skipped)} already paid before"
    )
    data = {
        "study_id": result.study_id,
        "journal": str(journal),
        "currency": currency,
        "cancelled": result.cancelled,
        "paid": [_batch_data(b) for b in result.paid],
        "skipped": [_batch_data(b) for b in result.skipped],
        "total_paid": f"{result.total_paid:.2f}",
    }
    out.result(None, data)
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    from prolific.bonuses._batches import status

    args, out = ctx.args, ctx.out
    bonuses = _load(ctx, args.file)
    journal = _journal_path(ctx)
    if not journal.exists():
        raise UsageError(f"{journal}: no journal there (nothing was paid with it); pass --journal PATH")
    batches = status(args.study_id, bonuses, journal=journal)
    out.result(_batch_table(batches, None), {"study_id": args.study_id, "journal": str(journal),
                                              "batches": [_batch_data(b) for b in batches]})  # fmt: skip
    return EXIT_OK
