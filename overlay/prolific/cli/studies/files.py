"""``studies check|plan|apply|pull``: a study kept as a file (check sends nothing unless ``--online``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._argparse import Subparsers, command
from .._context import Context
from .._errors import EXIT_INPUT, EXIT_OK
from .._format import plural

if TYPE_CHECKING:
    from prolific.studies import StudyCheck


def register(actions: Subparsers) -> None:
    """Add ``check`` (and the other study-file commands) to the ``studies`` group."""
    check = command(
        actions,
        "check",
        cmd_check,
        online=False,
        help="report every problem of a study file (offline); exit 2 if any",
        description="Check a study file (YAML or JSON: the create-study body, a template of Prolific's Go CLI "
        "works as it is, plus friendly keys) without sending anything: every problem at once, each with "
        "FILE:LINE:COLUMN and the key path — the schema from Prolific's document (types, enums, required fields; "
        "unknown keys refused with a did-you-mean), deprecated keys named with their replacement, the reward's "
        "unit, and the rules between fields. Exit 2 if there is any error (warnings alone exit 0).",
    )
    check.add_argument("file", metavar="FILE", help="the study file (.yaml, .yml or .json), or - for stdin")


def _show(ctx: Context, result: StudyCheck) -> None:
    out = ctx.out
    if not out.as_json:
        for problem in [*result.problems, *result.warnings]:
            out.say(str(problem))
        for note in result.notes:
            out.say(f"note: {note}")


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
    _show(ctx, result)
    errors, warnings = len(result.problems), len(result.warnings)
    verdict = "ok" if not errors else "not usable: nothing would be sent"
    out.say(f"{result.file}: {plural(errors, 'error')}, {plural(warnings, 'warning')} ({verdict})")
    out.result(None, result.to_dict())
    return EXIT_INPUT if errors else EXIT_OK
