"""``studies check|plan|apply|pull``: a study kept as a file.

``check`` sends nothing (``--online`` adds Prolific's lists); ``plan`` reads and calculates,
changing nothing; ``apply`` creates or patches (exactly one draft per file, remembered in the state
file); ``pull`` writes an existing study as a file. The state file (SQLite) is
``studies.sqlite3`` under the user's state directory unless ``--state`` names one; it also caches
the filters list.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .._argparse import Subparsers, command
from .._context import Context
from .._errors import EXIT_API, EXIT_INPUT, EXIT_OK, UsageError
from .._format import plural

if TYPE_CHECKING:
    from prolific._store import StateURL
    from prolific.studies import StudyCheck

_FILE_HELP = "the study file (.yaml, .yml or .json)"


def register(actions: Subparsers) -> None:
    """Add ``check``, ``plan``, ``apply`` and ``pull`` to the ``studies`` group."""
    check = command(
        actions,
        "check",
        cmd_check,
        help="report every problem of a study file (offline; --online adds Prolific's lists); exit 2 if any",
        description="Check a study file (YAML or JSON: the create-study body, a template of Prolific's Go CLI "
        "works as it is, plus friendly keys) without sending anything: every problem at once, each with "
        "FILE:LINE:COLUMN and the key path — the schema from Prolific's document (types, enums, required fields; "
        "unknown keys refused with a did-you-mean), deprecated keys named with their replacement, the reward's "
        "unit, and the rules between fields. --online also checks filters and their values (the list cached in "
        "the state file, its age shown), the filter set, the project, the workspace, the credential pool's "
        "capacity and the reward against Prolific's recommendations. Exit 2 if there is any error (warnings "
        "alone exit 0).",
    )
    check.add_argument("file", metavar="FILE", help=f"{_FILE_HELP}, or - for stdin (offline only)")
    check.add_argument(
        "--online", action="store_true", help="also check against Prolific (filters, project, pool, reward)"
    )
    _state_options(check)

    plan = command(
        actions,
        "plan",
        cmd_plan,
        help="what apply would do: the draft, or the changes old -> new; cost, reach, balance",
        description="Check the file (offline, then online) and show what `apply` would do, changing nothing: for "
        "a new study the draft it would create; for the study the file made (or --study ID, or the file's "
        "study_id key) each field that differs, old -> new, and for a published study the changes Prolific "
        "refuses. With it: the cost (reward x places + fees + VAT, from Prolific's calculator), the eligible "
        "participants, the predicted recruitment time, the workspace balance and what is left after. Exit 2 "
        "for a problem of the file, 1 when a change would be refused.",
    )
    plan.add_argument("file", metavar="FILE", help=_FILE_HELP)
    _target_options(plan)
    plan.add_argument(
        "--max-spend",
        metavar="AMOUNT",
        help="the cap `studies publish` would check the cost against, with its currency: '£250', '250 GBP' "
        "(default: the configured studies.max_spend; else none)",
    )

    apply = command(
        actions,
        "apply",
        cmd_apply,
        help="create the draft the file describes, or patch it to match (exactly one draft per file)",
        description="Create the draft study the file describes, or patch the study it made so that it matches "
        "(only the fields that differ are sent). Which study a file made is kept in the state file, written "
        "before the study is created: run again after a lost answer, and the draft is found (by a marker in "
        "its metadata) instead of made twice. --study ID ties the file to an existing study. Nothing is "
        "published: `studies publish` does that.",
    )
    apply.add_argument("file", metavar="FILE", help=_FILE_HELP)
    _target_options(apply)

    pull = command(
        actions,
        "pull",
        cmd_pull,
        help="write an existing study as a study file (YAML; --json for JSON)",
        description="Read a study and print it as a study file that `check` accepts and `plan` shows as no "
        "change (study_id ties it to the study; remove it to make a new study from the file). -o FILE writes "
        "it to a file instead of stdout.",
    )
    pull.add_argument("study_id", metavar="STUDY", help="the study id")
    pull.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: stdout)")
    pull.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _state_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--state",
        metavar="PATH|URL",
        help="the state: a SQLite file or a postgresql:// URL shared by several machines; it keeps which study "
        "each file made and the cached filters list (default: the state_url setting, PROLIFIC_STATE_URL or the "
        "profile's; else studies.sqlite3 under $XDG_STATE_HOME/prolific-client/)",
    )
    parser.add_argument("--refresh", action="store_true", help="fetch the filters list again even if cached")


def _target_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--study", metavar="ID", help="the existing study the file describes (ties them)")
    _state_options(parser)


def state_path(ctx: Context) -> StateURL:
    """``--state``, else the ``state_url`` setting, else the default state file (said on stderr)."""
    from prolific.studies._bindings import DEFAULT_FILE

    from .._store import state_location

    return state_location(ctx, ctx.args.state, default_file=DEFAULT_FILE, flag="--state", what="state")


def _show(ctx: Context, result: StudyCheck) -> None:
    if not ctx.out.as_json:
        for problem in [*result.problems, *result.warnings]:
            ctx.out.say(str(problem))
        for note in result.notes:
            ctx.out.say(f"note: {note}")


def _read(name: str) -> StudyCheck:
    from prolific.studies import check, check_text

    if name != "-":
        return check(name)
    from .._input import read_text

    label, text = read_text(name, "study")
    return check_text(text, source=label)


def cmd_check(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    result = _read(args.file)
    if args.online and result.ok:
        if args.file == "-":
            raise UsageError("studies check --online reads a file, not stdin (the file's path finds its CSV files)")
        with ctx.client() as client:
            result = client.studies.check(args.file, online=True, state=state_path(ctx), refresh=args.refresh)
    _show(ctx, result)
    errors, warnings = len(result.problems), len(result.warnings)
    verdict = "ok" if not errors else "not usable: nothing would be sent"
    out.say(f"{result.file}: {plural(errors, 'error')}, {plural(warnings, 'warning')} ({verdict})")
    out.result(None, result.to_dict())
    return EXIT_INPUT if errors else EXIT_OK


def _warnings(ctx: Context, result: StudyCheck) -> None:
    if not ctx.out.as_json:
        for problem in result.warnings:
            ctx.out.say(str(problem))
        for note in result.notes:
            ctx.out.say(f"note: {note}")


def cmd_plan(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        plan = client.studies.plan(
            args.file, state=state_path(ctx), study_id=args.study, refresh=args.refresh, max_spend=args.max_spend
        )
    _warnings(ctx, plan.check)
    for note in plan.notes:
        out.say(f"note: {note}")
    if plan.refused:
        out.say(
            f"{plural(len(plan.refused), 'change')} Prolific would refuse: apply sends nothing until the file allows"
        )
    out.result(str(plan), plan.to_dict())
    return EXIT_API if plan.refused else EXIT_OK


def cmd_apply(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        result = client.studies.apply(args.file, state=state_path(ctx), study_id=args.study, refresh=args.refresh)
    _warnings(ctx, result.plan.check)
    for note in result.plan.notes:
        out.say(f"note: {note}")
    if result.credential_pool_id:
        out.say(f"created credential pool {result.credential_pool_id} from the credentials file")
    if result.action == "created":
        human = f"created draft study {result.study_id} ({result.plan.money(result.plan.cost)} when published)"
    elif result.action == "updated":
        human = f"updated study {result.study_id}: {', '.join(result.changed)}"
    else:
        human = f"no change: study {result.study_id} matches {result.file}"
    out.result(human, result.to_dict())
    return EXIT_OK


def cmd_pull(ctx: Context) -> int:
    import json

    args, out = ctx.args, ctx.out
    if args.output and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output} exists; pass --force to overwrite it")
    with ctx.client() as client:
        text = client.studies.pull(args.study_id, format="json" if out.as_json else "yaml")
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
        out.say(f"wrote study {args.study_id} to {args.output}")
        out.result(None, {"study_id": args.study_id, "file": args.output})
        return EXIT_OK
    if out.as_json:
        out.result(None, json.loads(text))
    else:
        out.write(text)
    return EXIT_OK
