"""``studies watch ID``: a live study as it fills, with alerts.

On a terminal (without ``--json``) a view drawn in place; off a terminal one line per change; with
``--json`` one JSON object per line (snapshots and alerts, JSON Lines). Alerts also go to stderr,
one line each. It ends when the study completes; Ctrl-C ends it with exit 130. The library does
the watching (``client.studies.watch``); this module only shows it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .._argparse import Subparsers, command
from .._context import Context
from .._errors import EXIT_OK
from .._format import plural

if TYPE_CHECKING:
    from prolific.studies import StudyAlert, StudySnapshot


def register(actions: Subparsers) -> None:
    """Add ``studies watch``."""
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


def _view(ctx: Context) -> _Lines:
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
