"""``credentials``: credential pools from start to finish, in one command group.

``check`` and ``generate`` send nothing (:mod:`.files`, with ``create`` and ``add``); ``upload``
sends any number in batches with resume (:mod:`.upload`); ``list``, ``attach``, ``report``,
``capacity`` and ``reconcile`` follow a pool once it exists (:mod:`.pools`). This module declares
every subcommand's arguments.
"""

from __future__ import annotations

from prolific import DEFAULT_BATCH_SIZE

from .._argparse import Subparsers, command, count, group
from .files import cmd_add, cmd_check, cmd_create, cmd_generate
from .pools import cmd_attach, cmd_capacity, cmd_list, cmd_reconcile, cmd_report
from .upload import cmd_upload


def register(subparsers: Subparsers) -> None:
    """Add ``credentials`` and its subcommands."""
    actions = group(
        subparsers,
        "credentials",
        help="credential pools: check, create, add, upload, generate; list, attach, report, capacity, reconcile",
    )
    check = command(
        actions,
        "check",
        cmd_check,
        online=False,
        help="offline: report every problem in a credentials CSV (exit 2 if any)",
        description="Check a credentials CSV without sending anything: every bad line is reported with its "
        "line number and reason, a duplicate names both lines. Exit 2 if there is any problem.",
    )
    check.add_argument("file", metavar="FILE", help="CSV file (username,password per line; header allowed), or -")
    create = command(actions, "create", cmd_create, help="create a pool from a CSV; prints the pool id")
    create.add_argument("--workspace", metavar="ID", required=True, help="workspace id")
    create.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    add = command(actions, "add", cmd_add, help="add the credentials of a CSV to a pool")
    add.add_argument("pool_id", metavar="POOL_ID", help="the credential pool to add to (<workspace_id>_<uuid>)")
    add.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    _upload(actions)
    generate = command(
        actions,
        "generate",
        cmd_generate,
        online=False,
        help="write N fresh credentials as CSV (username,password lines)",
        description="Make N usernames (PREFIX1, PREFIX2, ...) with random passwords and write them as "
        "username,password lines (no header): to -o FILE (created with mode 600) or to stdout.",
    )
    generate.add_argument("n", metavar="N", type=count(1), help="how many")
    generate.add_argument("--prefix", metavar="P", default="participant", help="username prefix (default: participant)")
    generate.add_argument(
        "--length", metavar="L", type=count(8), default=16, help="password length, at least 8 (default: 16)"
    )
    generate.add_argument("-o", "--output", metavar="FILE", help="file to create (mode 600); default: stdout")
    generate.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _pool_commands(actions)


def _upload(actions: Subparsers) -> None:
    upload = command(
        actions,
        "upload",
        cmd_upload,
        help="upload any number of credentials in batches, with progress and resume",
        description="Validate the whole input, then upload it in batches: the first creates the pool (with "
        "--workspace), the rest are added. Progress goes to stderr. If a batch fails, the pool id, how many "
        "credentials were stored and the exact command to resume (--skip) are printed.",
    )
    target = upload.add_mutually_exclusive_group(required=True)
    target.add_argument("--workspace", metavar="ID", help="create a new pool in this workspace")
    target.add_argument("--pool", metavar="POOL_ID", help="add to this existing pool")
    upload.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    upload.add_argument(
        "--batch-size",
        metavar="N",
        type=count(1),
        default=DEFAULT_BATCH_SIZE,
        help=f"credentials per request (default: {DEFAULT_BATCH_SIZE})",
    )
    upload.add_argument(
        "--skip", metavar="N", type=count(0), default=0, help="skip the first N credentials of the input (to resume)"
    )


def _pool_commands(actions: Subparsers) -> None:
    """The commands for a pool that exists: list, attach, report, capacity, reconcile."""
    plist = command(
        actions,
        "list",
        cmd_list,
        help="list a workspace's credential pools (total, available, used)",
        description="List the credential pools of a workspace: a table of pool id, total, available and used "
        "credentials, or one JSON document with --json.",
    )
    plist.add_argument("--workspace", metavar="ID", required=True, help="workspace id")
    attach = command(
        actions,
        "attach",
        cmd_attach,
        help="attach a credential pool to a draft study",
        description="Set a draft study's credential pool. The study is read first: unless it is a draft "
        "(UNPUBLISHED) nothing is sent and the exit status is 1, with the reason.",
    )
    attach.add_argument("study_id", metavar="STUDY", help="the study id (a draft)")
    attach.add_argument(
        "pool_id", metavar="POOL", help="the credential pool id (<workspace_id>_<uuid>), of the study's workspace"
    )
    report = command(
        actions,
        "report",
        cmd_report,
        help="a study's credentials report: who used which username",
        description="The credentials report of a study with a pool: participant id, submission id, username and "
        "status (USED/UNUSED) of each credential, as a table; --csv prints the CSV exactly as Prolific sends "
        "it, --json the parsed rows and counts. The report holds no passwords.",
    )
    report.add_argument("study_id", metavar="STUDY", help="the study id")
    report.add_argument("--csv", action="store_true", help="print the report's CSV as Prolific sends it")
    capacity = command(
        actions,
        "capacity",
        cmd_capacity,
        help="check that a study's pool meets Prolific's advice of 1.5 credentials per place (exit 1 if short)",
        description="Compare a study's places with its pool: Prolific advises ceil(1.5 x places) credentials, "
        "counting those already used. Exit 0 when the pool meets the advice, 1 when it is short (the output says "
        "how many to add). --top-up generates the missing credentials, saves them to a file created with mode "
        "600 (its path is printed, the passwords never are), adds them to the pool and checks again.",
    )
    capacity.add_argument("study_id", metavar="STUDY", help="the study id")
    capacity.add_argument(
        "--top-up", action="store_true", help="generate the shortfall, save it (mode 600) and add it to the pool"
    )
    capacity.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="with --top-up: the file to create for the new credentials (default: topup-STUDY-DATE-TIME.csv here)",
    )
    capacity.add_argument(
        "--prefix", metavar="P", help="with --top-up: username prefix of the new credentials (default: topup-DATETIME-)"
    )
    capacity.add_argument(
        "--length", metavar="L", type=count(8), default=16, help="with --top-up: password length (default: 16)"
    )
    reconcile = command(
        actions,
        "reconcile",
        cmd_reconcile,
        help="join your credentials file with a study's report: who got which login",
        description="Join your own credentials file with the study's report: which participant got which username "
        "(assigned), which of your logins are unused, which usernames of the report are not in your file, and "
        "which of yours the report does not list. A table, --csv (a category column) or --json. No password is "
        "printed unless --with-passwords is given and stdout is not a terminal.",
    )
    reconcile.add_argument("study_id", metavar="STUDY", help="the study id")
    reconcile.add_argument("file", metavar="FILE", help="your credentials CSV (username,password), or - for stdin")
    reconcile.add_argument(
        "--csv", action="store_true", help="one CSV: participant_id, submission_id, username, status, category"
    )
    reconcile.add_argument(
        "--with-passwords",
        action="store_true",
        help="add each login's password from FILE (refused when stdout is a terminal: redirect it to a file)",
    )
