"""``studies watch ID`` (a live study as it fills, with alerts) and ``studies export ID`` (its data, out).

On a terminal (without ``--json``) a view drawn in place; off a terminal one line per change; with
``--json`` one JSON object per line (snapshots and alerts, JSON Lines). Alerts also go to stderr,
one line each. It ends when the study completes; Ctrl-C ends it with exit 130. ``export`` writes
every submission (with ``--demographics``, ``--join FILE --on COLUMN``) to a file that appears
only once complete, or to stdout. The library does the work (``client.studies.watch``,
``client.studies.export``); this module only shows it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .._argparse import Subparsers, command
from .._context import Context
from .._errors import EXIT_OK
from .._format import plural

if TYPE_CHECKING:
    from prolific.studies import ExportSummary, StudyAlert, StudySnapshot


def register(actions: Subparsers) -> None:
    """Add ``studies watch`` and ``studies export``."""
    _register_watch(actions)
    _register_export(actions)


def _register_watch(actions: Subparsers) -> None:
    watch = command(
        actions,
        "watch",
        cmd_watch,
        help="watch a live study fill up, with alerts (ends when it completes)",
        description="Watch a live study: status, places, submissions by status, return and time-out rates, "
        "median completion time, review queue, credentials left, spend and time to fill, updated as they change. "
        "Alerts (high return rate, pool running out, study paused, review piling up, a participant over the "
        "maximum allowed time) are shown once each, and as a line on stderr. It polls every 10 s while the study "
        "changes, backing off to --interval seconds while nothing does. Off a terminal: one line per change; "
        "--json: one JSON object per line. Ends when the study completes; Ctrl-C exits 130.",
    )
    watch.add_argument("study_id", metavar="ID", help="the study to watch")
    watch.add_argument(
        "--interval",
        metavar="SECONDS",
        type=_seconds,
        default=60.0,
        help="the longest wait between two polls (default: 60)",
    )
    watch.add_argument(
        "--return-rate",
        metavar="PERCENT",
        type=_percent,
        default=20.0,
        help="alert when this share of the submissions (at least 10) returned (default: 20)",
    )
    watch.add_argument(
        "--review-backlog",
        metavar="N",
        type=int,
        default=20,
        help="alert when this many submissions await review (default: 20)",
    )
    watch.add_argument(
        "--event-log",
        metavar="FILE",
        help="the event log `webhooks listen` writes: poll when an event arrives, else every 5 minutes",
    )


def _seconds(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not above 0 seconds")
    return value


def _percent(text: str) -> float:
    import argparse

    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage") from None
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"{text} is not a percentage above 0 and at most 100")
    return value


def cmd_watch(ctx: Context) -> int:
    """Run the watch and show each snapshot and alert as it comes."""
    args = ctx.args
    with ctx.client() as client:
        watch = client.studies.watch(
            args.study_id,
            interval=args.interval,
            return_rate_threshold=args.return_rate / 100,
            review_backlog=args.review_backlog,
            events=args.event_log,
        )
        view = _view(ctx)
        try:
            for item in watch:
                view.show(item)
        finally:
            view.close()
    return EXIT_OK


class _Lines:
    """Off a terminal (or ``--json``): one line per change on stdout; alerts also on stderr."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def show(self, item: StudySnapshot | StudyAlert) -> None:
        from prolific.studies import StudyAlert

        if isinstance(item, StudyAlert):
            self.ctx.out.say(f"alert: {item.message}")
        if self.ctx.out.as_json:
            self.ctx.out.write(json.dumps(item.to_dict(), sort_keys=True) + "\n")
        elif not isinstance(item, StudyAlert):
            self.ctx.out.write(snapshot_line(item) + "\n")

    def close(self) -> None:
        pass


class _LiveView:
    """On a terminal: one view drawn by rich and updated in place; alerts listed under it, and on stderr."""

    def __init__(self, ctx: Context) -> None:
        from rich.console import Console
        from rich.live import Live

        self.ctx = ctx
        self.alerts: list[str] = []
        self.snapshot: StudySnapshot | None = None
        self.console = Console(file=ctx.out.stdout)
        # rich prints what is written to stderr above the view (an alert line), then draws the view again.
        self.live = Live(console=self.console, auto_refresh=False, redirect_stderr=True, transient=False)
        self.live.start()

    def show(self, item: StudySnapshot | StudyAlert) -> None:
        from prolific.studies import StudyAlert

        if isinstance(item, StudyAlert):
            self.alerts.append(item.message)
            self.ctx.out.say(f"alert: {item.message}")
        else:
            self.snapshot = item
        self.live.update(self._render(), refresh=True)

    def _render(self) -> Any:
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        snapshot = self.snapshot
        if snapshot is None:
            return Text("waiting for the first poll ...")
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        for label, value in facts(snapshot):
            table.add_row(label, self.ctx.redact(value))
        title = Text(f"study {snapshot.study_id}  (watching for {_clock(snapshot.elapsed_seconds)})", style="bold")
        parts: list[Any] = [title, table]
        if self.alerts:
            parts.append(Text("alerts:", style="bold red"))
            parts.extend(Text(f"  ! {message}", style="red") for message in self.alerts)
        return Group(*parts)

    def close(self) -> None:
        self.live.stop()


def _view(ctx: Context) -> _Lines | _LiveView:
    """The live view on a terminal (without ``--json``); lines elsewhere."""
    isatty = getattr(ctx.out.stdout, "isatty", None)
    if not ctx.out.as_json and callable(isatty) and isatty():
        return _LiveView(ctx)
    return _Lines(ctx)


# -- the words ----------------------------------------------------------------------------------------


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:.0f} min"
    return f"{hours:.1f} h"


def _money(cents: int, currency: str | None) -> str:
    return f"{cents / 100:,.2f} {currency or ''}".rstrip()


def facts(snapshot: StudySnapshot) -> list[tuple[str, str]]:
    """What a snapshot says, as (label, value) pairs, in the order the view shows them."""
    shown: list[tuple[str, str]] = [
        ("status", snapshot.status),
        ("places", f"{snapshot.places_taken:,} of {snapshot.places_total:,} taken"),
    ]
    by_status = ", ".join(f"{name.lower()} {count:,}" for name, count in snapshot.submissions.items() if count)
    shown.append(("submissions", by_status or "none yet"))
    if snapshot.return_rate is not None:
        shown.append(("returns", f"{snapshot.return_rate:.0%} returned, {snapshot.timeout_rate or 0:.0%} timed out"))
    if snapshot.median_completion_minutes is not None:
        estimate = snapshot.estimated_completion_minutes
        against = f" (estimated {estimate:g} min)" if estimate is not None else ""
        shown.append(("median time", f"{snapshot.median_completion_minutes:.1f} min{against}"))
    shown.append(("awaiting review", f"{snapshot.awaiting_review:,}"))
    if snapshot.credentials_left is not None:
        shown.append(
            ("credentials", f"{snapshot.credentials_left:,} left for {plural(snapshot.places_left, 'place')} left")
        )
    if snapshot.spent_cents is not None:
        shown.append(("spent", _money(snapshot.spent_cents, snapshot.currency)))
    fill = []
    if snapshot.places_left == 0:
        fill.append("full")
    elif snapshot.hours_to_fill is not None:
        fill.append(f"about {_hours(snapshot.hours_to_fill)} at the rate seen")
    if snapshot.predicted_recruitment_text or snapshot.predicted_recruitment_hours is not None:
        predicted = snapshot.predicted_recruitment_text or _hours(snapshot.predicted_recruitment_hours or 0)
        fill.append(f"Prolific predicted {predicted}")
    if fill:
        shown.append(("time to fill", "; ".join(fill)))
    return shown


def snapshot_line(snapshot: StudySnapshot) -> str:
    """One line for a snapshot (off a terminal): the time since the watch began, then its facts."""
    return f"[{_clock(snapshot.elapsed_seconds)}] " + " | ".join(
        value if label == "status" else f"{label} {value}" for label, value in facts(snapshot)
    )


# -- export ---------------------------------------------------------------------------------------------


def _register_export(actions: Subparsers) -> None:
    export = command(
        actions,
        "export",
        cmd_export,
        help="write every submission of a study (with demographics, joined with your data) to CSV/JSON",
        description="Write every submission of a study, all pages, streamed: id, participant, status, times, "
        "completion code and the bonuses Prolific's record shows paid (in pence or cents). --demographics joins "
        "Prolific's demographic export on participant id (requested and waited for). --join FILE --on COLUMN joins "
        "your own CSV, whose COLUMN holds participant (or submission) ids, and reports the rows that matched nothing "
        "on either side. -o FILE: .csv, .json or .jsonl, written beside it and renamed once complete (never a "
        "partial file); without -o, CSV on stdout.",
    )
    export.add_argument("study_id", metavar="ID", help="the study to export")
    export.add_argument("-o", "--output", metavar="FILE", help="results.csv, results.json or results.jsonl")
    export.add_argument(
        "--format", choices=("csv", "json", "jsonl"), help="the output format (default: from FILE's suffix, else csv)"
    )
    export.add_argument("--demographics", action="store_true", help="join Prolific's demographic export")
    export.add_argument("--join", metavar="FILE", help="your CSV file to join (needs --on)")
    export.add_argument("--on", metavar="COLUMN", help="the column of --join FILE holding participant ids")
    export.add_argument(
        "--no-bonuses",
        action="store_true",
        help="leave bonuses_paid_cents empty (saves a request per submission when bonuses were paid)",
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


class _ExportProgress:
    """Progress on stderr: the demographic export's wait, then submissions at about every 10%."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.step = -1

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage == "demographics":
            self.ctx.out.say(f"demographic export: Prolific is generating it (waited {done:,} s)")
            return
        step = 10 * done // total if total else done // 1000
        if step != self.step:
            self.step = step
            self.ctx.out.say(
                f"exported {done:,} of {total:,} submissions" if total else f"exported {done:,} submissions"
            )


def cmd_export(ctx: Context) -> int:
    """Export the study to ``-o FILE`` (or stdout); the summary and the join report on stderr."""
    from pathlib import Path

    from prolific.studies._export import RowWriter, output_format

    from .._errors import UsageError

    args = ctx.args
    if (args.join is None) != (args.on is None):
        raise UsageError("--join FILE and --on COLUMN go together: the file to join, and its column of participant ids")
    fmt = args.format
    if args.output is not None:
        if Path(args.output).exists() and not args.force:
            raise UsageError(f"{args.output} exists; pass --force to overwrite it")
        if fmt is None:
            try:
                fmt = output_format(args.output, None)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
    with ctx.client() as client:
        export = client.studies.export(
            args.study_id,
            demographics=args.demographics,
            join=(args.join, args.on) if args.join is not None else None,
            bonuses=not args.no_bonuses,
            on_progress=_ExportProgress(ctx),
        )
        summary: ExportSummary | None
        if args.output is not None:
            summary = export.write(args.output, format=fmt)
        else:
            writer = None
            for row in export:
                if writer is None:
                    writer = RowWriter(ctx.out.stdout, fmt or "csv", export.columns)
                writer.write(row)
            if writer is None:
                writer = RowWriter(ctx.out.stdout, fmt or "csv", export.columns)
            writer.close()
            ctx.out.stdout.flush()
            summary = export.summary
    assert summary is not None
    where = f" to {summary.path}" if summary.path else ""
    ctx.out.say(f"exported {plural(summary.rows, 'submission')}{where}")
    if summary.demographics_missing:
        ctx.out.say(f"{plural(summary.demographics_missing, 'submission')} have no row in the demographic export")
    if summary.join is not None:
        for line in summary.join.lines():
            ctx.out.say(line)
    if ctx.out.as_json and args.output is not None:
        ctx.out.result(None, _summary_dict(summary))
    return EXIT_OK


def _summary_dict(summary: ExportSummary) -> dict[str, Any]:
    import dataclasses

    return dataclasses.asdict(summary)
