"""``studies publish|pause|start|stop|add-places|test|duplicate|delete|list|show``: a study's life.

``publish`` and ``add-places`` show what they would spend (the cost with fees and VAT, the
workspace's balance and what is left, the cap) and ask on a terminal; elsewhere they need ``--yes``
(refused before anything is sent). Over ``--max-spend`` (else the configured ``studies.max_spend``)
or the balance they stop with nothing sent. ``publish`` takes a study id or the study file that made
the study (its binding in the state file ``studies apply`` keeps). Every command takes ``--json``.
The client loads inside the commands: ``--help`` imports no httpx.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .._argparse import Subparsers, command, count
from .._errors import EXIT_API, EXIT_OK, UsageError

if TYPE_CHECKING:
    from prolific.studies import SpendCheck, StudyRow

    from .._context import Context

_STUDY = "the study id"
_CAP = (
    "the most this may spend, with its currency: '£250', '250 GBP', '$300' (default: the configured "
    "studies.max_spend, from the profile or $PROLIFIC_STUDIES_MAX_SPEND; else no cap)"
)


def register(actions: Subparsers) -> None:
    """Add the commands of a study's life to the ``studies`` group."""
    publish = command(
        actions,
        "publish",
        cmd_publish,
        help="publish a draft (its id or its study file) with its cost, the balance and a cap in view",
        description="Read the study, price its places (reward x places, fees and VAT), read the workspace's "
        "balance, and show them with what is left after. Refused with nothing sent when the cost is over "
        "--max-spend (else the configured studies.max_spend) or over the balance. A study file (.yaml, .yml, "
        ".json) publishes the study `studies apply` made from it, checked by the file's plan (the same spend "
        "check `studies plan` shows); a file whose study differs from it is refused: apply it first. Asks on a "
        "terminal; elsewhere --yes is required. The publish request is sent once: a lost answer is settled by "
        "reading the study again.",
    )
    publish.add_argument("study_id", metavar="STUDY|FILE", help="the study id, or the study file that made it")
    publish.add_argument("--max-spend", metavar="AMOUNT", help=_CAP)
    publish.add_argument("--yes", action="store_true", help="publish without asking (required when not on a terminal)")
    publish.add_argument(
        "--state",
        metavar="FILE",
        help="with a study file: the state file where `studies apply` keeps which study it made "
        "(default: studies.sqlite3 under $XDG_STATE_HOME/prolific-client/)",
    )

    for name, verb in (("pause", "pause an active study"), ("start", "start a paused study again"),
                       ("stop", "stop an active or paused study: it recruits no more")):  # fmt: skip
        parser = command(actions, name, cmd_transition, help=verb, description=f"{verb.capitalize()}. A study whose "
                         "status does not allow it is refused before the request.")  # fmt: skip
        parser.add_argument("study_id", metavar="STUDY", help=_STUDY)
        parser.set_defaults(transition=name.upper())

    places = command(
        actions,
        "add-places",
        cmd_add_places,
        help="add places to a study, with the cost of the increase shown (asks; --yes elsewhere)",
        description="Price the added places (fees and VAT included) and, on a published study, check them "
        "against --max-spend and the workspace's balance (nothing sent when refused); on a draft they are paid "
        "at publish. Asks on a terminal; elsewhere --yes is required.",
    )
    places.add_argument("study_id", metavar="STUDY", help=_STUDY)
    places.add_argument("places", metavar="N", type=count(1), help="how many places to add")
    places.add_argument("--max-spend", metavar="AMOUNT", help=_CAP)
    places.add_argument("--yes", action="store_true", help="add without asking (required when not on a terminal)")

    test = command(
        actions,
        "test",
        cmd_test,
        help="a test study from a draft: prints the link to take it as a test participant",
        description="Create a test study from a draft (Prolific publishes it to the workspace's test "
        "participants) and print its link on stdout.",
    )
    test.add_argument("study_id", metavar="STUDY", help=_STUDY)

    duplicate = command(
        actions,
        "duplicate",
        cmd_duplicate,
        help="duplicate a study as a new draft, changing fields with --set key=value",
        description="Duplicate a study as a new draft (Prolific adds the original to its block list unless "
        "--no-block-previous), then change the fields given with --set on the copy. Unknown fields are refused "
        "before anything is sent. Prints the new study's id on stdout.",
    )
    duplicate.add_argument("study_id", metavar="STUDY", help=_STUDY)
    duplicate.add_argument(
        "--set",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="a field of the copy (repeatable): text as written, other values as JSON "
        "(--set name='Wave 2' --set total_available_places=50)",
    )
    duplicate.add_argument(
        "--no-block-previous",
        dest="block_previous",
        action="store_false",
        help="let the original's participants take the copy too",
    )

    delete = command(
        actions,
        "delete",
        cmd_delete,
        help="delete a draft (Prolific deletes no other)",
        description="Delete a draft study. A published study is refused before the request (stop it instead).",
    )
    delete.add_argument("study_id", metavar="STUDY", help=_STUDY)

    listing = command(
        actions,
        "list",
        cmd_list,
        help="studies: name, status, places taken/total, reward per hour, cost so far",
        description="List the studies (of --project, in --status) with their places taken and total, reward per "
        "hour of the estimated time, and cost so far (rewards, bonuses, fees and VAT).",
    )
    listing.add_argument("--status", help="only studies in this status (active, paused, unpublished, ...)")
    listing.add_argument("--project", metavar="PROJECT", help="only the studies of this project id")

    show = command(
        actions,
        "show",
        cmd_show,
        help="one study: status, places, reward, cost so far and once full, submissions",
        description="Show one study: its status, places, reward and reward per hour, filters, cost so far and "
        "projected (every place paid), and its submissions by status.",
    )
    show.add_argument("study_id", metavar="STUDY", help=_STUDY)


# -- spending: the check shown, then the question --------------------------------------------------


@contextlib.contextmanager
def _with_notes(ctx: Context) -> Iterator[None]:
    """An API error's notes (what Prolific showed when its answer was lost) on stderr, before the error itself."""
    from prolific import APIError

    try:
        yield
    except APIError as exc:
        for note in getattr(exc, "__notes__", ()):
            ctx.out.say(f"note: {note}")
        raise


def _interactive() -> bool:
    return bool(getattr(sys.stdin, "isatty", lambda: False)())


def _require_consent(ctx: Context, what: str) -> None:
    """Refuse before anything is sent when there is neither --yes nor a terminal to ask on."""
    if not ctx.args.yes and not _interactive():
        raise UsageError(
            f"refusing to {what} without confirmation: stdin is not a terminal, so pass --yes (nothing was sent)"
        )


def _confirm(ctx: Context, question: Callable[[SpendCheck], str]) -> Callable[[SpendCheck], bool]:
    out = ctx.out

    def confirm(check: SpendCheck) -> bool:
        for line in check.lines():
            out.say(line)
        if ctx.args.yes:
            return True
        out.stderr.write(f"{question(check)} [y/N] ")
        out.stderr.flush()
        return sys.stdin.readline().strip().lower() in ("y", "yes")

    return confirm


def _refused(ctx: Context, exc: Exception) -> int:
    message = f"error: {exc}"
    ctx.out.say(message)
    fields = {name: str(getattr(exc, name)) for name in ("cost", "cap", "balance", "total") if hasattr(exc, name)}
    ctx.out.error(exc, message, currency=getattr(exc, "currency", None), **fields)
    return EXIT_API


def cmd_publish(ctx: Context) -> int:
    from prolific import InsufficientBalanceError, SpendLimitError
    from prolific._validation import PROLIFIC_ID

    from .files import state_path

    args, out = ctx.args, ctx.out
    _require_consent(ctx, "publish")
    confirm = _confirm(ctx, lambda check: f"publish study {check.study_id} for {_cost(check)}?")
    with ctx.client() as client, _with_notes(ctx):
        state = None
        if not PROLIFIC_ID.fullmatch(args.study_id):  # a study file: the binding in the state file
            state = state_path(ctx)
        try:
            result = client.studies.publish(args.study_id, state=state, max_spend=args.max_spend, confirm=confirm)
        except (SpendLimitError, InsufficientBalanceError) as exc:
            return _refused(ctx, exc)
    if result.cancelled:
        out.say("not published (nothing was sent)")
        out.result(None, result.as_dict())
        return EXIT_OK
    how = " (its answer was lost: Prolific shows it published)" if result.confirmed_by_reading else ""
    out.result(f"published study {result.check.study_id}: {result.status}{how}", result.as_dict())
    return EXIT_OK


def _cost(check: SpendCheck) -> str:
    from prolific.studies._results import money

    return money(check.cost, check.currency)


def cmd_add_places(ctx: Context) -> int:
    from prolific import InsufficientBalanceError, SpendLimitError

    args, out = ctx.args, ctx.out
    _require_consent(ctx, "add places")
    confirm = _confirm(ctx, lambda check: f"{check.action} to study {check.study_id} for {_cost(check)}?")
    with ctx.client() as client:
        try:
            change = client.studies.add_places(args.study_id, args.places, max_spend=args.max_spend, confirm=confirm)
        except (SpendLimitError, InsufficientBalanceError) as exc:
            return _refused(ctx, exc)
    if change.cancelled:
        out.say("no places added (nothing was sent)")
        out.result(None, change.as_dict())
        return EXIT_OK
    out.result(f"study {args.study_id}: {change.before} -> {change.after} places", change.as_dict())
    return EXIT_OK


# -- the rest --------------------------------------------------------------------------------------


def cmd_transition(ctx: Context) -> int:
    args = ctx.args
    with ctx.client() as client, _with_notes(ctx):
        moved = getattr(client.studies, args.transition.lower())(args.study_id)
    ctx.out.result(f"study {moved.study_id}: {moved.before} -> {moved.after}", moved.as_dict())
    return EXIT_OK


def cmd_test(ctx: Context) -> int:
    with ctx.client() as client:
        made = client.studies.test(ctx.args.study_id)
    ctx.out.say(f"test study {made.test_study_id} of {made.study_id}: open the link as a test participant")
    ctx.out.result(made.url, made.as_dict())  # the link alone on stdout: URL=$(prolific-client studies test ...)
    return EXIT_OK


def _set_values(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` words as update-study fields: text fields as written, the others as JSON."""
    import attrs

    from prolific_api_client.models import BaseStudy

    from .._values import parse_json

    # The fields' annotations as the generated model writes them ("str | Unset", "None | str | Unset"):
    # read as text, not resolved (their names are imported by the model only when type checking).
    text_fields = {
        a.name
        for a in attrs.fields(BaseStudy)
        if {t.strip() for t in str(a.type).split("|")} - {"Unset", "None"} == {"str"}
    }
    values: dict[str, Any] = {}
    for number, pair in enumerate(pairs, 1):
        key, sep, text = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--set #{number}: {pair!r} is not KEY=VALUE (e.g. --set name='Wave 2'); nothing was sent")
        if key in values:
            raise UsageError(f"--set #{number}: {key} is set twice; nothing was sent")
        if key in text_fields:
            values[key] = text
            continue
        try:
            values[key] = parse_json(text)
        except ValueError:
            values[key] = text  # a word such as an enumeration's value; the library checks the field
    return values


def cmd_duplicate(ctx: Context) -> int:
    args = ctx.args
    changes = _set_values(args.set)
    with ctx.client() as client, _with_notes(ctx):
        copy = client.studies.duplicate(args.study_id, set=changes, block_previous_participants=args.block_previous)
    ctx.out.say(f"duplicated study {args.study_id} as draft {copy.id} ({copy.name})")
    ctx.out.result(copy.id, copy.to_dict())  # the id alone on stdout
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    with ctx.client() as client:
        study = client.studies.delete(ctx.args.study_id)
    ctx.out.result(f"deleted draft {study.id} ({study.name})", {"id": study.id, "name": study.name, "deleted": True})
    return EXIT_OK


def _row_cells(row: StudyRow) -> list[object]:
    from prolific.studies._results import money

    places = f"{'?' if row.places_taken is None else row.places_taken}/{'?' if row.places is None else row.places}"
    per_hour = money(row.reward_per_hour, row.currency) if row.reward_per_hour is not None else ""
    spent = money(row.cost_so_far, row.currency) if row.cost_so_far is not None else "?"
    return [row.id, row.name, row.status, places, per_hour, spent]


def cmd_list(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        rows = client.studies.list_studies(status=args.status, project=args.project)
    data = [row.as_dict() for row in rows]
    if not rows:
        out.say("no studies" + (f" in status {args.status}" if args.status else ""))
        out.result(None, data)
        return EXIT_OK
    header = ["STUDY", "NAME", "STATUS", "PLACES", "REWARD/HOUR", "COST SO FAR"]
    out.table(header, [_row_cells(row) for row in rows], data)
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from prolific.studies._results import money

    with ctx.client() as client:
        details = client.studies.show(ctx.args.study_id)
    row, c = details.row, details.row.currency
    lines = [
        f"{row.name} ({row.id})" + (f", internal name {row.internal_name}" if row.internal_name else ""),
        f"status:      {row.status}",
        f"places:      {row.places_taken} taken of {row.places}",
        f"reward:      {money(row.reward, c)} per place, {money(row.reward_per_hour, c)} an hour "
        f"({row.minutes} minutes estimated)",
        f"cost so far: {money(row.cost_so_far, c)}; once every place is paid: {money(details.projected_cost, c)}",
        f"url:         {details.external_study_url}",
    ]
    if details.filters:
        lines.append("filters:     " + ", ".join(str(f.get("filter_id")) for f in details.filters))
    counted = {k: v for k, v in details.submissions.items() if v and k != "TOTAL"}
    if counted:
        lines.append("submissions: " + ", ".join(f"{v} {k.lower()}" for k, v in counted.items()))
    ctx.out.result("\n".join(lines), details.as_dict())
    return EXIT_OK
