"""``credentials check|create|add|generate``: credentials from and to CSV files (check and generate send nothing)."""

from __future__ import annotations

import json
from pathlib import Path

from prolific import CredentialsFormatError
from prolific.credentials import Credential, credentials_to_csv, find_problems, generate_credentials, header_line

from .._context import Context
from .._errors import EXIT_INPUT, EXIT_OK
from .._format import plural
from .._input import load_credentials, read_text
from .._output import write_private_file


def cmd_check(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    try:
        label, text = read_text(args.file, "credentials")
    except CredentialsFormatError as exc:  # not UTF-8: a problem of the file, reported as such
        label, text = exc.source or args.file, None
        valid, problems = list[Credential](), [exc]
    if text is not None:
        valid, problems = find_problems(text, source=label)
    ctx.redact.add_passwords(c.password for c in valid)
    header = header_line(text) if text is not None else None
    if not out.as_json:
        for problem in problems:
            out.say(str(problem))
    if header is not None:
        out.say(f"{label}: line 1 ({header.strip()}) is taken as the header, not a credential")
    out.say(f"{label}: {plural(len(valid), 'valid credential')}, {plural(len(problems), 'problem')}")
    report = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
    out.result(None, {"file": label, "credentials": len(valid), "header": header, "problems": report})
    return EXIT_INPUT if problems else EXIT_OK


def cmd_create(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=creds)
    out.say(f"created credential pool {pool_id} with {plural(len(creds), 'credential')}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


def cmd_add(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.add(args.pool_id, credentials=creds)
    out.say(f"added {plural(len(creds), 'credential')} to pool {pool_id}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


def cmd_generate(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    creds = generate_credentials(args.n, prefix=args.prefix, password_length=args.length)
    if args.output in (None, "-"):
        if out.as_json:
            out.data(json.dumps([{"username": u, "password": p} for u, p in creds], indent=2) + "\n")
        else:
            out.data(credentials_to_csv(creds) + "\n")
        return EXIT_OK
    path = Path(args.output)
    write_private_file(path, credentials_to_csv(creds) + "\n", force=args.force)
    out.say(f"wrote {plural(len(creds), 'credential')} to {path} (mode 600: it holds passwords)")
    out.result(None, {"file": str(path), "credentials": len(creds)})
    return EXIT_OK
