"""Run one document's code blocks in order, as a reader pastes them: one Python process, one shell.

Started by test_guides.py as ``python guide_runner.py BLOCKS.json`` in a fresh working directory, with
the reader's environment (``PROLIFIC_URL`` and ``PROLIFIC_TOKEN`` from the guide's "Follow along"
section, and nothing else of this project). ``BLOCKS.json`` lists ``{"document", "line", "language",
"code"}`` in the document's order. Python blocks run in this process, one namespace for the whole
document (what a reader's REPL or notebook holds); shell blocks go, in the same order, to one ``bash -e``
kept open for the document, so a variable a block sets is there for the next, as in a terminal.

It stops at the first block that fails: the traceback (its lines are the document's own) or the
shell's output, then ``FAILED <document>:<line>`` on the last line, exit 1. Only the standard library:
what this process imports is what the reader's code imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import IO, Any

DONE = "__guide_block_done__"


class Shell:
    """One ``bash -e -o pipefail`` for the document's shell blocks; each block ``source``-d from a file."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.process: subprocess.Popen[str] | None = None

    def run(self, code: str, number: int) -> tuple[bool, str]:
        if self.process is None:
            self.process = subprocess.Popen(
                ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            )  # fmt: skip
        script = self.scratch / f"block-{number}.sh"
        script.write_text(code, encoding="utf-8")
        stdin: IO[str] | None = self.process.stdin
        stdout: IO[str] | None = self.process.stdout
        assert stdin is not None and stdout is not None
        # A block's commands read /dev/null, not the rest of this script; `set -e` ends the shell
        # at the first failing command, which is how a failed block shows here (end of output).
        stdin.write(f"source {script} < /dev/null\necho {DONE}\n")
        stdin.flush()
        output = []
        for line in stdout:
            if line.rstrip("\n") == DONE:
                return True, "".join(output)
            output.append(line)
        status = self.process.wait()
        return False, "".join(output) + f"(the shell exited {status})\n"

    def close(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


def main(blocks_file: str) -> int:
    blocks: list[dict[str, Any]] = json.loads(Path(blocks_file).read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "__main__"}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="guide-shell-") as scratch:
        shell = Shell(Path(scratch))
        try:
            for number, block in enumerate(blocks):
                where = f"{block['document']}:{block['line']}"
                print(f"--- {where} ({block['language']}) at {time.monotonic() - started:.2f} s", flush=True)
                if block["language"] == "python":
                    # The document's line numbers in tracebacks: the block's first line is `line`.
                    code = compile("\n" * (block["line"] - 1) + block["code"], block["document"], "exec")
                    try:
                        exec(code, namespace)
                    except BaseException:  # a reader's paste can raise anything, SystemExit too
                        traceback.print_exc(file=sys.stdout)
                        print(f"FAILED {where}", flush=True)
                        return 1
                    sys.stdout.flush()
                else:
                    ok, output = shell.run(block["code"], number)
                    sys.stdout.write(output)
                    if not ok:
                        print(f"FAILED {where}", flush=True)
                        return 1
        finally:
            shell.close()
    print("ALL BLOCKS RAN", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
