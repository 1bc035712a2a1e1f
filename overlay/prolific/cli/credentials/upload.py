"""``credentials upload``: any number of credentials in batches, with progress, and the exact command to resume.

The batches, the pool id (``on_pool``), the counts after a failure (``UploadError``) or a Ctrl-C
(``UploadInterrupted``) and the 409 analysis come from ``client.credentials.upload``; this module
turns them into progress on stderr, the resume command line and exit codes.
"""

from __future__ import annotations

import shlex
from typing import Any

from prolific import DEFAULT_BATCH_SIZE, APIError, ConflictError, UploadError, UploadInterrupted

from .._constants import PROG
from .._context import Context
from .._errors import EXIT_API, EXIT_OK, UsageError, explained
from .._format import of, plural
from .._input import load_credentials
from .._output import Progress


class _Upload:
    """One run of ``credentials upload``: the pool, what is confirmed stored, and how to resume."""

    def __init__(self, ctx: Context, total: int) -> None:
        self.ctx = ctx
        self.total = total
        self.stored = ctx.args.skip  # credentials of the input confirmed stored (or skipped)
        self.pool_id: str | None = ctx.args.pool
        self.progress = Progress(ctx.out.stderr, total)

    def pool_created(self, pool_id: str) -> None:
        """``on_pool``: the first batch created the pool; from now on even a Ctrl-C can be resumed exactly."""
        self.pool_id = pool_id

    def confirmed(self, done: int, _total: int) -> None:
        """``on_progress``: ``done`` credentials of this run are stored."""
        self.stored = self.ctx.args.skip + done
        self.progress(self.stored)

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

    def _batch(self, end: int, lines: tuple[int, int] | None) -> str:
        """``credentials 5-6, lines 6-7``: the failed batch, as counted by --skip and as lines of the file."""
        batch = f"credentials {self.stored + 1}-{end}"
        if lines is not None:
            first, last = lines
            batch += f", {'line' if first == last else 'lines'} {first}" + ("" if first == last else f"-{last}")
        return batch

    def _note(self, error: UploadError, cause: BaseException) -> str | None:
        """What to do about the batch that failed or was in flight, in terms of --skip."""
        interrupted = isinstance(error, UploadInterrupted)
        # A Ctrl-C is said conservatively even between batches (the library's in_flight is None):
        # from the user's side a Ctrl-C during a send and one just after it look the same.
        may_be_stored = interrupted or (isinstance(cause, APIError) and cause.may_have_been_applied)
        end = min(self.stored + self.ctx.args.batch_size, self.total)
        if isinstance(error, UploadInterrupted) and error.in_flight is not None:
            end = self.stored + len(error.in_flight)
        if not self.pool_id:
            if may_be_stored:
                return (
                    "note: the pool may have been created anyway; check the workspace's credential pools "
                    "before running the same command again"
                )
            return "nothing was stored; fix the cause and run the same command again"
        if may_be_stored:
            return (
                f"note: the batch in flight ({self._batch(end, None)}) may or may not have been stored; if resuming "
                f"gives 409 Conflict, it was: resume with --skip {end} instead"
            )
        if isinstance(cause, ConflictError):
            batch = self._batch(end, error.batch_lines)
            if error.rejected_count >= end - self.stored:  # the library's analysis: every username refused
                return (
                    f"note: every username of the failed batch ({batch}) is already in the pool (stored by an "
                    f"earlier run?): resume with --skip {end} instead"
                )
            return (
                f"note: a 409 stores nothing of its batch ({batch}): remove or rename the usernames named above in "
                f"the file, then run the resume command; --skip counts credentials, not lines, and {self.stored} "
                f"stays right as long as the first {plural(self.stored, 'credential')} of the file are unchanged"
            )
        return None

    def stopped(self, error: UploadError) -> None:
        """Say how far the upload got and how to finish it."""
        self.progress.close()
        out, args = self.ctx.out, self.ctx.args
        self.pool_id = error.pool_id or self.pool_id
        self.stored = args.skip + error.uploaded
        interrupted = isinstance(error, UploadInterrupted)
        cause = error if interrupted or error.__cause__ is None else error.__cause__
        if args.debug and not interrupted:
            import traceback

            out.stderr.write(out.redact("".join(traceback.format_exception(cause))))
        where = f"pool {self.pool_id}" if self.pool_id else "no pool was created"
        verb, reason = ("interrupted", "") if interrupted else ("stopped", f": {explained(cause)}")
        message = f"error: upload {verb} after {of(self.stored, self.total, 'credential')} ({where}){reason}"
        out.say(message)
        if self.pool_id:
            out.say(f"resume with: {self.resume_command()}")
            if args.file == "-":
                out.say("  (the input was stdin: pipe the same input into that command again)")
        note = self._note(error, cause)
        if note is not None:
            out.say(note)
        extra: dict[str, Any] = {"credential_pool_id": self.pool_id, "uploaded": error.uploaded, "total": self.total}
        if self.pool_id:
            shown = note.removeprefix("note: ") if note is not None else None
            extra["resume"] = {"command": self.resume_command(), "skip": self.stored, "note": shown}
        elif note is not None:
            extra["note"] = note.removeprefix("note: ")
        out.error(cause, message, **extra)


def cmd_upload(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = load_credentials(args.file, ctx.redact)  # the whole input is validated first
        total = len(creds)
        if args.skip > total:
            raise UsageError(f"--skip {args.skip}: the input has only {plural(total, 'credential')}")
        upload = _Upload(ctx, total)
        if args.skip == total:
            if upload.pool_id is None:
                raise UsageError(f"nothing to upload: --skip {args.skip} skips all {plural(total, 'credential')}")
            out.say(f"nothing to upload: all {plural(total, 'credential')} skipped")
            out.result(upload.pool_id, {"credential_pool_id": upload.pool_id, "uploaded": 0, "total": total})
            return EXIT_OK
        skipped = f", skipping the first {args.skip:,}" if args.skip else ""
        out.say(f"uploading {plural(total - args.skip, 'credential')} in batches of {args.batch_size:,}{skipped}")
        try:
            client.credentials.upload(
                creds.section(args.skip),  # the section keeps its file lines for the messages
                workspace_id=args.workspace,
                pool_id=args.pool,
                batch_size=args.batch_size,
                on_pool=upload.pool_created,
                on_progress=upload.confirmed,
            )
        except UploadInterrupted as exc:
            upload.stopped(exc)
            raise  # a KeyboardInterrupt: main() makes it exit 130
        except UploadError as exc:
            upload.stopped(exc)
            return EXIT_API
    out.say(f"uploaded {plural(upload.stored - args.skip, 'credential')} to pool {upload.pool_id}")
    out.result(
        upload.pool_id,
        {"credential_pool_id": upload.pool_id, "uploaded": upload.stored - args.skip, "total": total},
    )
    return EXIT_OK
