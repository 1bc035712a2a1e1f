"""``credentials list|attach|report|capacity|reconcile``: a pool's life after it is created."""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prolific import UploadError, UploadInterrupted
from prolific.credentials import credentials_to_csv, generate_credentials

from .._constants import PROG
from .._context import Context
from .._errors import EXIT_API, EXIT_OK, UsageError
from .._format import plural
from .._input import load_credentials
from .._output import table, write_private_file

if TYPE_CHECKING:
    from prolific import Capacity, CredentialReport, Prolific, Reconciliation, ReportRow


def cmd_list(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        pools = client.credentials.list_pools(args.workspace)
    data = [
        {"credential_pool_id": p.pool_id, "workspace_id": p.workspace_id, "total": p.total,
         "available": p.available, "used": p.used}
        for p in pools
    ]  # fmt: skip
    if not pools:
        out.say(f"workspace {args.workspace} has no credential pools")
        out.result(None, data)
        return EXIT_OK
    rows = [[p.pool_id, p.total, p.available, p.used] for p in pools]
    out.table(["POOL", "TOTAL", "AVAILABLE", "USED"], rows, data)
    return EXIT_OK


def cmd_attach(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        study = client.credentials.attach(args.study_id, args.pool_id)
    data = {
        "study_id": args.study_id,
        "credential_pool_id": study.credential_pool_id,
        "status": study.status,
        "has_credentials": study.has_credentials,
    }
    out.result(f"attached credential pool {study.credential_pool_id} to study {args.study_id} ({study.status})", data)
    return EXIT_OK


def _row_data(row: ReportRow) -> dict[str, str | None]:
    return {
        "participant_id": row.participant_id or None,
        "submission_id": row.submission_id or None,
        "username": row.username,
        "status": row.status,
    }


def _summary(report: CredentialReport) -> str:
    others = {s: n for s, n in report.statuses.items() if s not in ("USED", "UNUSED")}
    extra = "".join(f", {n:,} {s}" for s, n in sorted(others.items()))
    return f"{plural(len(report), 'credential')}: {report.used:,} used, {report.unused:,} unused{extra}"


def cmd_report(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    if args.csv and out.as_json:
        raise UsageError("credentials report: --csv and --json are exclusive (pick one)")
    with ctx.client() as client:
        if args.csv:  # as Prolific sends it
            text = client.studies.download_study_credential_report(args.study_id)
            out.write(text if not text or text.endswith("\n") else text + "\n")
            return EXIT_OK
        report = client.credentials.report(args.study_id)
    out.say(f"study {args.study_id}: {_summary(report)}")
    data = {
        "study_id": args.study_id,
        "total": len(report),
        "used": report.used,
        "unused": report.unused,
        "statuses": report.statuses,
        "rows": [_row_data(row) for row in report.rows],
    }
    header = ["PARTICIPANT", "SUBMISSION", "USERNAME", "STATUS"]
    if report.rows:
        out.table(header, report.rows, data)
    else:
        out.result(None, data)
    return EXIT_OK


def _capacity_data(c: Capacity) -> dict[str, Any]:
    return {
        "study_id": c.study_id,
        "status": c.status,
        "places": c.places,
        "credential_pool_id": c.pool_id,
        "available": c.available,
        "used": c.used,
        "required": c.required,
        "meets_advice": c.meets_advice,
        "shortfall": c.shortfall,
    }


def _capacity_text(c: Capacity) -> str:
    places = plural(c.places, "place")
    if c.pool_id is None:
        first = f"study {c.study_id} ({c.status}): {places}; no credential pool attached"
    else:
        first = (
            f"study {c.study_id} ({c.status}): {places}; pool {c.pool_id}: {c.available:,} available, {c.used:,} used"
        )
    advice = f"Prolific advises {plural(c.required, 'credential')} (1.5 per place, used ones included)"
    verdict = "the pool meets it" if c.meets_advice else f"{c.shortfall:,} short: add {c.shortfall:,}"
    return f"{first}\n{advice}: {verdict}"


def _top_up_path(args: Any) -> Path:
    if args.output:
        return Path(args.output)
    return Path(f"topup-{args.study_id}-{time.strftime('%Y%m%d-%H%M%S')}.csv")


def _top_up(ctx: Context, client: Prolific, capacity: Capacity) -> bool:
    """Generate the shortfall, save it (mode 600), add it to the pool; say where it is, never the passwords.

    False when the pool refused them: the error, the file and the command adding the rest are printed.
    """
    args, out = ctx.args, ctx.out
    assert capacity.pool_id is not None
    prefix = args.prefix if args.prefix is not None else f"topup-{time.strftime('%Y%m%d%H%M%S')}-"
    creds = generate_credentials(capacity.shortfall, prefix=prefix, password_length=args.length)
    ctx.redact.add_passwords(c.password for c in creds)
    path = _top_up_path(args)
    write_private_file(path, credentials_to_csv(creds) + "\n")
    out.say(f"wrote {plural(len(creds), 'new credential')} to {path} (mode 600: it holds passwords; keep it)")
    try:
        client.credentials.upload(creds, pool_id=capacity.pool_id)
    except UploadError as exc:
        resume = shlex.join(
            [PROG, "credentials", "upload", "--pool", capacity.pool_id, "--skip", str(exc.uploaded), str(path)]
        )
        interrupted = isinstance(exc, UploadInterrupted)
        cause = exc.__cause__ if exc.__cause__ is not None and not interrupted else exc
        message = "error: the top-up was interrupted" if interrupted else f"error: the top-up stopped: {cause}"
        out.say(message)
        out.say(
            f"the new credentials are in {path} ({exc.uploaded:,} of {len(creds):,} added); add them with: {resume}"
        )
        out.error(cause, message, credential_pool_id=capacity.pool_id, file=str(path), uploaded=exc.uploaded)
        if interrupted:
            raise  # a KeyboardInterrupt: exit 130
        return False
    out.say(f"added {plural(len(creds), 'credential')} to pool {capacity.pool_id}")
    return True


def cmd_capacity(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        capacity = client.credentials.capacity(args.study_id)
        if args.top_up and capacity.shortfall and capacity.pool_id is not None:
            out.say(_capacity_text(capacity))
            if not _top_up(ctx, client, capacity):
                return EXIT_API
            capacity = client.credentials.capacity(args.study_id)
    out.result(_capacity_text(capacity), _capacity_data(capacity))
    if capacity.pool_id is None:
        out.say(
            f"study {args.study_id} has no credential pool: create one ({PROG} credentials upload --workspace "
            f"WORKSPACE FILE) and attach it ({PROG} credentials attach {args.study_id} POOL)"
            + ("; --top-up needs a pool to add to" if args.top_up else "")
        )
    elif not capacity.meets_advice:
        out.say(
            f"add {plural(capacity.shortfall, 'credential')} to pool {capacity.pool_id} "
            f"({PROG} credentials add {capacity.pool_id} FILE), or run again with --top-up to generate them"
        )
    if capacity.meets_advice and capacity.status == "PAUSED":
        out.say(
            f"note: the study is PAUSED (a study pauses when its pool runs out): start it again with "
            f'{PROG} api publish-study id={args.study_id} --body \'{{"action": "START"}}\''
        )
    return EXIT_OK if capacity.meets_advice else EXIT_API


_CSV_HEADER = ["participant_id", "submission_id", "username", "status", "category"]


def _reconcile_rows(result: Reconciliation) -> list[tuple[str, str, str, str, str]]:
    """Every row of the result, for --csv and the table: ``(participant, submission, username, status, category)``."""
    rows = [(r.participant_id, r.submission_id, r.username, r.status, "assigned") for r in result.assigned]
    rows += [("", "", username, "UNUSED", "unused") for username in result.unused]
    rows += [(r.participant_id, r.submission_id, r.username, r.status, "not_in_file") for r in result.not_in_file]
    rows += [("", "", username, "", "not_in_report") for username in result.not_in_report]
    rows += [(r.participant_id, r.submission_id, r.username, r.status, "other") for r in result.other]
    return rows


def _password(result: Reconciliation, row: tuple[str, ...]) -> str:
    """The file's password for a row (none for a report row whose username the file lacks)."""
    return "" if row[4] == "not_in_file" else result.password(row[2])


def _reconcile_json(ctx: Context, result: Reconciliation, with_passwords: bool) -> dict[str, Any]:
    def login(username: str) -> dict[str, str]:
        return (
            {"username": username, "password": result.password(username)} if with_passwords else {"username": username}
        )

    def assigned(row: ReportRow) -> dict[str, str | None]:
        data = _row_data(row)
        del data["status"]
        if with_passwords:
            data["password"] = result.password(row.username)
        return data

    return {
        "study_id": ctx.args.study_id,
        "file": ctx.args.file,
        "counts": {
            "assigned": len(result.assigned),
            "unused": len(result.unused),
            "not_in_file": len(result.not_in_file),
            "not_in_report": len(result.not_in_report),
            "other": len(result.other),
        },
        "assigned": [assigned(row) for row in result.assigned],
        "unused": [login(username) for username in result.unused],
        "not_in_file": [_row_data(row) for row in result.not_in_file],
        "not_in_report": [login(username) for username in result.not_in_report],
        "other": [_row_data(row) for row in result.other],
    }


def cmd_reconcile(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    if args.csv and out.as_json:
        raise UsageError("credentials reconcile: --csv and --json are exclusive (pick one)")
    if args.with_passwords and getattr(sys.stdout, "isatty", lambda: False)():
        raise UsageError(
            "--with-passwords writes passwords, and stdout is a terminal: redirect it to a file "
            f"(e.g. {PROG} credentials reconcile {args.study_id} {args.file} --csv --with-passwords > logins-used.csv)"
        )
    with ctx.client() as client:
        creds = load_credentials(args.file, ctx.redact)  # validated before any request
        result = client.credentials.reconcile(args.study_id, creds, with_passwords=args.with_passwords)
    out.say(
        f"study {args.study_id} and {args.file}: {len(result.assigned):,} assigned, {len(result.unused):,} unused, "
        f"{len(result.not_in_file):,} in the report but not in the file, {len(result.not_in_report):,} in the file "
        "but not in the report" + (f", {len(result.other):,} with another status" if result.other else "")
    )
    # Passwords are written only when asked for: then the output bypasses the redactor (they ARE the output).
    write = out.data if args.with_passwords else out.write
    if out.as_json:
        write(json.dumps(_reconcile_json(ctx, result, args.with_passwords), indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    rows = _reconcile_rows(result)
    if args.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_CSV_HEADER + (["password"] if args.with_passwords else []))
        for row in rows:
            writer.writerow((*row, _password(result, row)) if args.with_passwords else row)
        write(buffer.getvalue())
        return EXIT_OK
    header = ["PARTICIPANT", "SUBMISSION", "USERNAME", "STATUS", "CATEGORY"]
    if args.with_passwords:
        header.append("PASSWORD")
        shown: list[tuple[str, ...]] = [(*row, _password(result, row)) for row in rows]
    else:
        shown = list(rows)
    if rows and args.with_passwords:  # never a terminal (refused above): plain text, as is
        write(table(header, shown) + "\n")
    elif rows:
        out.table(header, shown, None)
    return EXIT_OK
