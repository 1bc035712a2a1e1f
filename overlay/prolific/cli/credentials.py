"""``credentials check|create|add|upload|generate``: credential pools from CSV files."""

from __future__ import annotations

import json
import shlex
import traceback
from pathlib import Path
from typing import Any

from prolific import (
    DEFAULT_BATCH_SIZE,
    APIError,
    ConflictError,
    Credential,
    CredentialsFormatError,
    UploadError,
    credentials_to_csv,
    find_problems,
    generate_credentials,
)
from prolific.credentials import header_line

from ._context import EXIT_API, EXIT_INPUT, EXIT_OK, PROG, Context, UsageError, _explained, _plural
from ._input import _load_credentials, _read_text
from ._output import Progress, write_private_file


def cmd_check(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    try:
        label, text = _read_text(args.file, "credentials")
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
    out.say(f"{label}: {_plural(len(valid), 'valid credential')}, {_plural(len(problems), 'problem')}")
    report = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
    out.result(None, {"file": label, "credentials": len(valid), "header": header, "problems": report})
    return EXIT_INPUT if problems else EXIT_OK


def cmd_create(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=creds)
    out.say(f"created credential pool {pool_id} with {_plural(len(creds), 'credential')}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


def cmd_add(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.add(args.pool_id, credentials=creds)
    out.say(f"added {_plural(len(creds), 'credential')} to pool {pool_id}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


class _Upload:
    """One run of ``credentials upload``: what is confirmed stored, and how to resume."""

    def __init__(self, ctx: Context, total: int) -> None:
        self.ctx = ctx
        self.total = total
        self.stored = ctx.args.skip  # credentials of the input confirmed stored (or skipped)
        self.pool_id: str | None = ctx.args.pool
        self.progress = Progress(ctx.out.stderr, total)

    def confirm(self, stored: int) -> None:
        self.stored = stored
        self.progress(stored)

    def _conflict_note(self, error: UploadError | None, batch_end: int) -> str:
        """After a 409: nothing of the batch was stored; what to change, and which --skip then."""
        batch = f"credentials {self.stored + 1}-{batch_end}"
        if error is not None and error.batch_lines is not None:
            first, last = error.batch_lines
            batch += f", {'line' if first == last else 'lines'} {first}" + ("" if first == last else f"-{last}")
        if error is not None and error.rejected_count >= batch_end - self.stored:
            return (
                f"note: every username of the failed batch ({batch}) is already in the pool (stored by an "
                f"earlier run?): resume with --skip {batch_end} instead"
            )
        return (
            f"note: a 409 stores nothing of its batch ({batch}): remove or rename the usernames named above in "
            f"the file, then run the resume command; --skip counts credentials, not lines, and {self.stored} stays "
            f"right as long as the first {_plural(self.stored, 'credential')} of the file are unchanged"
        )

    def resume_command(self) -> str:
        args = self.ctx.args
        words = [PROG]
        if args.base_url:
            words += ["--base-url", args.base_url]
        words += ["credentials", "upload", "--pool", self.pool_id or "POOL_ID", "--skip", str(self.stored)]
        if args.batch_size != DEFAULT_BATCH_SIZE:
            words += ["--batch-size", str(args.batch_size)]
        if args.file.startswith("-") and args.file != "-":
            words.append("--")  # a file named like an option
        return shlex.join([*words, args.file])

    def stopped(self, cause: BaseException, *, in_flight: bool, upload_error: UploadError | None = None) -> None:
        """Say how far the upload got and how to finish it."""
        self.progress.close()
        out, args = self.ctx.out, self.ctx.args
        if args.debug and not isinstance(cause, KeyboardInterrupt):
            out.stderr.write(out.redact("".join(traceback.format_exception(cause))))
        where = f"pool {self.pool_id}" if self.pool_id else "no pool was created"
        interrupted = isinstance(cause, KeyboardInterrupt)
        reason = "" if interrupted else f": {_explained(cause)}"
        verb = "interrupted" if interrupted else "stopped"
        message = f"error: upload {verb} after {self.stored} of {_plural(self.total, 'credential')} ({where}){reason}"
        out.say(message)
        batch_end = min(self.stored + args.batch_size, self.total)
        note = None
        if self.pool_id:
            out.say(f"resume with: {self.resume_command()}")
            if args.file == "-":
                out.say("  (the input was stdin: pipe the same input into that command again)")
            if in_flight:
                note = (
                    f"note: the batch in flight (credentials {self.stored + 1}-{batch_end}) may or may not have "
                    f"been stored; if resuming gives 409 Conflict, it was: resume with --skip {batch_end} instead"
                )
            elif isinstance(cause, ConflictError):
                note = self._conflict_note(upload_error, batch_end)
        elif in_flight:
            note = (
                "note: the pool may have been created anyway; check the workspace's credential pools "
                "before running the same command again"
            )
        else:
            note = "nothing was stored; fix the cause and run the same command again"
        if note is not None:
            out.say(note)
        extra: dict[str, Any] = {
            "credential_pool_id": self.pool_id,
            "uploaded": self.stored - args.skip,
            "total": self.total,
        }
        if self.pool_id:
            shown = note.removeprefix("note: ") if note is not None else None
            extra["resume"] = {"command": self.resume_command(), "skip": self.stored, "note": shown}
        elif note is not None:
            extra["note"] = note.removeprefix("note: ")
        out.error(cause, message, **extra)


def cmd_upload(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)  # the whole input is validated first
        total = len(creds)
        if args.skip > total:
            raise UsageError(f"--skip {args.skip}: the input has only {_plural(total, 'credential')}")
        upload = _Upload(ctx, total)
        if args.skip == total:
            if upload.pool_id is None:
                raise UsageError(f"nothing to upload: --skip {args.skip} skips all {_plural(total, 'credential')}")
            out.say(f"nothing to upload: all {_plural(total, 'credential')} skipped")
            out.result(upload.pool_id, {"credential_pool_id": upload.pool_id, "uploaded": 0, "total": total})
            return EXIT_OK
        skipped = f", skipping the first {args.skip}" if args.skip else ""
        out.say(f"uploading {_plural(total - args.skip, 'credential')} in batches of {args.batch_size}{skipped}")
        base = upload.stored
        try:
            if upload.pool_id is None:
                # The first batch creates the pool: from then on its id is known, so even a
                # Ctrl-C can be resumed exactly.
                first = creds.section(args.skip, args.skip + args.batch_size)  # it keeps its file lines
                upload.pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=first)
                upload.confirm(args.skip + len(first))
            base = upload.stored
            if base < total:
                client.credentials.upload(
                    creds.section(base),
                    pool_id=upload.pool_id,
                    batch_size=args.batch_size,
                    on_progress=lambda done, _total: upload.confirm(base + done),
                )
        except UploadError as exc:
            upload.stored = base + exc.uploaded
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            upload.stopped(
                cause, in_flight=isinstance(cause, APIError) and cause.may_have_been_applied, upload_error=exc
            )
            return EXIT_API
        except APIError as exc:  # the pool-creating first batch
            upload.stopped(exc, in_flight=exc.may_have_been_applied)
            return EXIT_API
        except KeyboardInterrupt as exc:
            upload.stopped(exc, in_flight=True)
            raise
    out.say(f"uploaded {_plural(upload.stored - args.skip, 'credential')} to pool {upload.pool_id}")
    out.result(
        upload.pool_id,
        {"credential_pool_id": upload.pool_id, "uploaded": upload.stored - args.skip, "total": total},
    )
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
    out.say(f"wrote {_plural(len(creds), 'credential')} to {path} (mode 600: it holds passwords)")
    out.result(None, {"file": str(path), "credentials": len(creds)})
    return EXIT_OK
