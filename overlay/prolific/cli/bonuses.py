"""``bonuses check|preview|pay|reconcile|settle|status``: bonuses from a CSV file, paid exactly once.

``check``, ``settle`` and ``status`` send nothing. ``pay`` keeps a journal (SQLite) under the
user's state directory unless ``--journal`` names one; the same command run again resumes,
skipping what is paid, settling from Prolific's record a payment whose outcome was unknown, and
never resending one unless ``--retry-unknown`` names it (and the record still shows nothing after
the settlement window). Exit codes: 0 done, 1 a failure or an outcome unknown, 2 bad input, 3
another run is paying the study (the message names it). Every piece of advice is a flag or a
whole command that works as printed. Nothing here imports httpx or the client at module level:
the client loads inside the commands.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._constants import PROG
from ._errors import EXIT_API, EXIT_INPUT, EXIT_OK, InputProblems, UsageError
from ._format import plural as _plural

if TYPE_CHECKING:
    from prolific import BonusBatch, BonusList, BonusPayment, BonusPlan, BonusRunInProgress
    from prolific._store import StateURL
    from prolific.bonuses._messages import Advice

    from ._context import Context

#: Exit code when another run holds the study's lease (it may be paying now): nothing was sent.
EXIT_BUSY = 3


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
        help="pay the bonuses of a CSV exactly once as Prolific records it (journaled; run it again to resume)",
        description="Check the file; take the study in the journal (another run paying it: exit 3, naming it); map "
        "every row to the study's participant (an id not in the study is refused with its line); compare Prolific's "
        "record of the study's bonuses with the journal and refuse payees Prolific shows paid a bonus the journal "
        "never sent (unless --new-round); set up every batch; check --max-total and the workspace's balance (or say "
        "it could not be read); ask (on a terminal; elsewhere --yes is required); then pay the batches one after "
        "the other, each pay sent once, never resent on any answer. A payment whose outcome is unknown is settled "
        "from Prolific's record (now, by a rerun, or by `bonuses reconcile`); --retry-unknown resends it only when "
        "the record still shows nothing after the settlement window. Exit 0 done, 1 a failure or an outcome "
        "unknown, 2 bad input, 3 another run holds the study.",
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
        help="resend a batch whose outcome is unknown: Prolific's record is read first, and it is resent only when "
        "the record still shows nothing after the settlement window (repeatable)",
    )
    pay.add_argument(
        "--new-round",
        metavar="NAME",
        default="",
        help="pay these people a new bonus on purpose, even if Prolific shows them paid one in this study (a round "
        "is its own set of batches in the journal: each person is paid once per round)",
    )
    pay.add_argument(
        "--max-total",
        metavar="AMOUNT",
        help="refuse to pay when the total to pay now (fees and VAT included, in pounds/dollars) is above AMOUNT",
    )
    _lease_options(pay)
    pay.add_argument(
        "--take-over",
        action="store_true",
        help="take the study over from another run that holds it (only once you are sure it has stopped)",
    )
    pay.set_defaults(func=cmd_pay)

    reconcile = actions.add_parser(
        "reconcile",
        help="settle batches whose outcome is unknown from Prolific's record (pays nothing)",
        description="For each batch of the file whose pay outcome is unknown, read its payees' bonus payments in "
        "Prolific's record and mark it paid when the record shows them. Pays nothing. Exit 1 while a batch stays "
        "unknown (the message says whether the settlement window has passed and what to do).",
    )
    reconcile.add_argument("study_id", metavar="STUDY", help="the study id")
    reconcile.add_argument("file", metavar="FILE", help=file_help)
    _journal_option(reconcile)
    reconcile.add_argument("--new-round", metavar="NAME", default="", help="the round the bonuses were paid in")
    _lease_options(reconcile)
    reconcile.set_defaults(func=cmd_reconcile)

    settle = actions.add_parser(
        "settle",
        help="offline: record what you checked in the Prolific app for a batch whose outcome is unknown",
        description="After checking the study's bonus payments in the Prolific app, record whether the batch BULK_ID "
        "was paid (--paid) or not (--not-paid: the next `bonuses pay` pays it), with who and when. Sends nothing.",
    )
    settle.add_argument("bulk_id", metavar="BULK_ID", help="the bulk bonus id (printed with the unknown outcome)")
    verdict = settle.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--paid", dest="paid", action="store_true", default=None, help="the app shows it paid")
    verdict.add_argument("--not-paid", dest="paid", action="store_false", help="the app shows it was not paid")
    settle.add_argument("--by", metavar="WHO", help="who checked (default: user@host)")
    _journal_option(settle)
    settle.set_defaults(func=cmd_settle)

    status = actions.add_parser(
        "status",
        help="offline: what the journal says of each batch of a CSV",
        description="Show each batch of the file (lines, bonuses, amount) with its journal state: not started, "
        "set up, pay sent, paid or outcome unknown, and its bulk id. Sends nothing.",
    )
    status.add_argument("study_id", metavar="STUDY", help="the study id")
    status.add_argument("file", metavar="FILE", help=file_help)
    _journal_option(status)
    status.add_argument("--new-round", metavar="NAME", default="", help="the round to show (default: the first)")
    status.set_defaults(func=cmd_status)

    for sub, online in (
        (check, False), (preview, True), (pay, True), (reconcile, True), (settle, False), (status, False),
    ):  # fmt: skip
        _leaf_options(sub, online=online)


def _lease_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        metavar="SECONDS",
        nargs="?",
        type=_seconds,
        const=True,
        default=False,
        help="when another run holds the study, wait for it (at most SECONDS if given) instead of exiting 3",
    )
    parser.add_argument(
        "--settlement-window",
        metavar="MINUTES",
        type=_minutes,
        default=None,
        help="how long after a pay Prolific's record may not show it yet (default 60): an unknown outcome is "
        "resent (--retry-unknown) only after it",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds >= 0")
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of minutes >= 0")
    return value * 60


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
        metavar="PATH|URL",
        help="the journal: a SQLite file or a postgresql:// URL shared by several machines (default: the "
        "state_url setting, PROLIFIC_STATE_URL or the profile's; else bonuses.sqlite3 under "
        "$XDG_STATE_HOME/prolific-client/)",
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


def _journal_path(ctx: Context, *, existing: bool = False) -> StateURL:
    """The journal: ``--journal``, else the ``state_url`` setting (environment, profile), else the default file.

    ``existing``: a file must be there already (reading commands); a server is asked when opened.
    """
    from prolific.bonuses._journal import DEFAULT_FILE

    from ._store import state_location

    location = state_location(ctx, ctx.args.journal, default_file=DEFAULT_FILE, flag="--journal", what="journal")
    if existing and location.path is not None and not location.path.exists():
        raise UsageError(f"{location}: no journal there (nothing was paid with it); pass --journal PATH|URL")
    return location


def _advice(ctx: Context, action: str, journal: StateURL) -> Advice:
    """The advice of this command's messages: whole commands that work as printed (no token in them)."""
    from prolific.bonuses._messages import Advice

    args = ctx.args
    words = [PROG, "bonuses", action, args.study_id, args.file]
    if args.journal or journal.kind == "sqlite":  # a server from the settings is found again the same way
        words += ["--journal", str(journal)]
    if getattr(args, "base_url", None):
        words += ["--base-url", args.base_url]
    if args.new_round:
        words += ["--new-round", args.new_round]
    if args.settlement_window is not None:
        words += ["--settlement-window", f"{args.settlement_window / 60:g}"]
    if action == "pay":
        words.append("--yes")
    return Advice(tuple(words), str(journal))


def _options(ctx: Context) -> dict[str, Any]:
    """The options ``pay`` and ``reconcile`` share, as the library takes them."""
    from prolific.bonuses._flows import SETTLEMENT_WINDOW

    args, out = ctx.args, ctx.out
    window = SETTLEMENT_WINDOW if args.settlement_window is None else args.settlement_window

    def progress(done: int, total: int) -> None:
        out.say(f"reading Prolific's record of payments: {done:,} of {total:,} payees")

    return {
        "round": args.new_round,
        "wait_for_lease": args.wait,
        "settlement_window": window,
        "on_progress": progress,
    }


def _busy(ctx: Context, exc: BonusRunInProgress, journal: StateURL) -> int:
    message = f"error: {exc}"
    ctx.out.say(message)
    holder = {"host": exc.host, "pid": exc.pid, "started": exc.started, "since": exc.since, "seen": exc.seen}
    ctx.out.error(exc, message, journal=str(journal), holder=holder)
    return EXIT_BUSY


def _record_line(result: BonusPayment) -> str | None:
    if not result.record:
        return None
    if result.record.startswith("agrees"):
        return f"Prolific's record of the study's bonuses {result.record} with the journal"
    return f"Prolific's record: {result.record}"


def cmd_pay(ctx: Context) -> int:
    from prolific import (
        BonusCapError,
        BonusFormatError,
        BonusOutcomeUnknown,
        BonusPaymentError,
        BonusRunInProgress,
        InsufficientBalanceError,
    )
    from prolific.bonuses._flows import check_cap

    args, out = ctx.args, ctx.out
    interactive = bool(getattr(sys.stdin, "isatty", lambda: False)())
    if not args.yes and not interactive:
        raise UsageError(
            "refusing to pay without confirmation: stdin is not a terminal, so pass --yes to pay (nothing was sent)"
        )
    try:
        cap = check_cap(args.max_total)
    except ValueError as exc:
        raise UsageError(f"--max-total: {exc}".replace("max_total", "the amount")) from None
    bonuses = _load(ctx, args.file)
    journal = _journal_path(ctx)
    advice = _advice(ctx, "pay", journal)

    def confirm(plan: BonusPlan) -> bool:
        retry = set(args.retry_unknown)
        due = [b for b in plan.batches if b.state == "set up" or (b.state == "outcome unknown" and b.bulk_id in retry)]
        total = sum((b.total or Decimal(0) for b in due), Decimal(0))
        out.say(plan.summary())
        if plan.balance_checked:
            out.say(f"workspace balance: {_money(plan.balance, plan.currency)} available")
        else:
            out.say(f"the workspace's balance was NOT checked: {plan.balance_reason or 'it could not be read'}")
        out.say(f"to pay now: {_count(len(due), 'batch')}, total {_money(total, plan.currency)}")
        if args.yes:
            return True
        out.stderr.write(f"pay them for study {plan.study_id}? [y/N] ")
        out.stderr.flush()
        return sys.stdin.readline().strip().lower() in ("y", "yes")

    def progress(batch: BonusBatch) -> None:
        out.say(f"paid {batch.describe()}: total {_money(batch.total) or '?'}")

    options = _options(ctx)
    with ctx.client() as client:
        try:
            result = client.bonuses._pay(
                args.study_id,
                bonuses,
                journal,
                advice,
                retry_unknown=args.retry_unknown,
                confirm=confirm,
                on_batch=progress,
                max_total=cap,
                take_over=args.take_over,
                **options,
            )
        except BonusRunInProgress as exc:
            return _busy(ctx, exc, journal)
        except BonusFormatError as exc:  # ids not in the study, one person twice: found by the flow
            raise BonusInputProblems(exc.source or args.file, exc.problems) from None
        except BonusOutcomeUnknown as exc:
            message = f"error: {exc}"
            out.say(message)
            out.error(exc, message, outcome_unknown=[_batch_data(b) for b in exc.batches], journal=str(journal))
            return EXIT_API
        except (BonusPaymentError, InsufficientBalanceError, BonusCapError) as exc:
            message = f"error: {exc}"
            out.say(message)
            rejected = getattr(exc, "rejected", {})
            out.error(exc, message, rejected=[{"line": k, "id": v} for k, v in rejected.items()], journal=str(journal))
            return EXIT_API
    return _report(ctx, result, journal)


def _report(ctx: Context, result: BonusPayment, journal: StateURL) -> int:
    out = ctx.out
    line = _record_line(result)
    if line:
        out.say(line)
    for batch in result.settled:
        out.say(f"settled {batch.describe()}: Prolific's record shows it paid (not sent again)")
    if result.cancelled:
        out.say("not paid (nothing was sent for payment); the batches set up are reused by the next run")
    for batch in result.skipped:
        out.say(f"skipped {batch.describe()}: already paid (journal)")
    currency = result.plan.currency
    out.say(
        f"paid {_count(len(result.paid), 'batch')} ({_money(result.total_paid, currency)}), "
        f"{len(result.skipped)} already paid before"
        + (f", {len(result.settled)} settled from Prolific's record" if result.settled else "")
    )
    plan = result.plan
    data = {
        "study_id": result.study_id,
        "journal": str(journal),
        "round": plan.round,
        "currency": currency,
        "cancelled": result.cancelled,
        "paid": [_batch_data(b) for b in result.paid],
        "skipped": [_batch_data(b) for b in result.skipped],
        "settled": [_batch_data(b) for b in result.settled],
        "total_paid": f"{result.total_paid:.2f}",
        "record": result.record,
        "balance_checked": plan.balance_checked,
        "balance_reason": plan.balance_reason,
    }
    out.result(None, data)
    return EXIT_OK


def cmd_reconcile(ctx: Context) -> int:
    from prolific import BonusFormatError, BonusOutcomeUnknown, BonusRunInProgress

    args, out = ctx.args, ctx.out
    bonuses = _load(ctx, args.file)
    journal = _journal_path(ctx, existing=True)
    advice = _advice(ctx, "pay", journal)
    with ctx.client() as client:
        try:
            result = client.bonuses._reconcile(args.study_id, bonuses, journal, advice, **_options(ctx))
        except BonusRunInProgress as exc:
            return _busy(ctx, exc, journal)
        except BonusFormatError as exc:
            raise BonusInputProblems(exc.source or args.file, exc.problems) from None
        except BonusOutcomeUnknown as exc:
            message = f"error: {exc}"
            out.say(message)
            settled = exc.result.settled if exc.result is not None else ()
            out.error(
                exc,
                message,
                outcome_unknown=[_batch_data(b) for b in exc.batches],
                settled=[_batch_data(b) for b in settled],
                journal=str(journal),
            )
            return EXIT_API
    for batch in result.settled:
        out.say(f"settled {batch.describe()}: Prolific's record shows it paid")
    out.say(f"{_count(len(result.settled), 'batch')} settled; no batch of the file is in doubt now")
    out.result(
        None,
        {"study_id": result.study_id, "journal": str(journal), "settled": [_batch_data(b) for b in result.settled]},
    )
    return EXIT_OK


def cmd_settle(ctx: Context) -> int:
    from prolific import BonusRunInProgress
    from prolific.bonuses._flows import settle_by_hand
    from prolific.bonuses._journal import BonusJournal
    from prolific.bonuses._messages import Advice

    args, out = ctx.args, ctx.out
    journal = _journal_path(ctx, existing=True)
    advice = Advice((PROG, "bonuses", "settle", args.bulk_id), str(journal))
    try:
        with BonusJournal(journal) as opened:
            batch = settle_by_hand(opened, args.bulk_id, paid=args.paid, by=args.by, advice=advice)
    except BonusRunInProgress as exc:
        return _busy(ctx, exc, journal)
    what = "paid" if args.paid else "not paid: the next `bonuses pay` of its file pays it"
    out.say(f"bulk bonus {args.bulk_id} ({batch.count} bonuses) recorded as {what} ({batch.detail})")
    out.result(None, {"journal": str(journal), **_batch_data(batch)})
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    from prolific.bonuses._batches import status

    args, out = ctx.args, ctx.out
    bonuses = _load(ctx, args.file)
    journal = _journal_path(ctx, existing=True)
    batches = status(args.study_id, bonuses, journal=journal, round=args.new_round)
    out.result(_batch_table(batches, None), {"study_id": args.study_id, "journal": str(journal),
                                              "batches": [_batch_data(b) for b in batches]})  # fmt: skip
    return EXIT_OK
