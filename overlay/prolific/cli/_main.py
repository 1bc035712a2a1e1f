"""``main``: build the parser from the command modules, run the command, turn every failure into its exit code.

A command module (``credentials``, ``participant_groups``, ...) declares its own arguments in
``register(subparsers)``; :data:`COMMANDS` lists them in the order ``--help`` shows them. Adding a
command group is one module and one name here.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from prolific import ConfigurationError, CredentialsFormatError, InvalidArgumentError, ProlificError, __version__

from ._argparse import Parser, add_command_options, add_global_options
from ._constants import DEFAULT_URL, PROG, TOKEN_ENV, URL_ENV
from ._context import Context
from ._errors import EXIT_API, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, LocalError, UsageError, explained
from ._output import Output
from ._redact import Redactor

#: The command modules of ``prolific.cli``, in the order ``--help`` lists them; each has ``register(subparsers)``.
COMMANDS = [
    "studies",
    "credentials",
    "groups",
    "invitations",
    "submissions",
    "messages",
    "bonuses",
    "webhooks",
    "api",
    "config",
    "fake_server",
    "fake",
]


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every command (exposed for documentation and tests)."""
    parser = Parser(
        prog=PROG,
        description="The Prolific API from the command line: credential pools, participant groups, invitations, "
        "and any operation of the API (api).",
        epilog=(
            f"Authentication: export {TOKEN_ENV}=... (preferred: a token given with --token lands in your shell "
            f"history), or a profile's token_command (`{PROG} config init`). Base URL: --base-url, else ${URL_ENV}, "
            f"else the profile's, else {DEFAULT_URL}. Try it without an account: "
            f"`{PROG} fake-server`. Exit codes: 0 ok, 1 API or network error, 2 usage, configuration or input "
            "error, 130 interrupted."
        ),
    )
    add_global_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__package__}.{name}").register(subparsers)
    add_command_options(parser)
    return parser


@contextlib.contextmanager
def _logging(debug: bool, redact: Redactor) -> Iterator[None]:
    """The library's log records on stderr: retries always (INFO), every request with ``--debug``."""
    import logging  # here, not at the top: --help never needs it

    class RedactingFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return redact(super().format(record))

    logger = logging.getLogger("prolific")
    handler = logging.StreamHandler(sys.stderr)
    fmt = "%(levelname)s %(name)s: %(message)s" if debug else "note: %(message)s"
    handler.setFormatter(RedactingFormatter(fmt))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    redact = Redactor()
    redact.add_token(os.environ.get(TOKEN_ENV))
    for index, word in enumerate(argv):  # before parsing: a usage error may echo the arguments
        if word == "--token" and index + 1 < len(argv):
            redact.add_token(argv[index + 1])
        elif word.startswith("--token="):
            redact.add_token(word.partition("=")[2])
    out = Output("--json" in argv, redact)
    debug = "--debug" in argv

    def fail(code: int, exc: BaseException, message: str | None = None) -> int:
        message = message if message is not None else f"error: {explained(exc)}"
        with contextlib.suppress(Exception):
            out.say(message)
            if debug:
                import traceback

                out.stderr.write(redact(traceback.format_exc()))
            out.error(exc, message)
        return code

    try:
        args = build_parser().parse_args(argv)
        out.as_json, debug = args.json, args.debug
        with _logging(debug, redact):
            func: Callable[[Context], int] = args.func
            return func(Context(args, out, redact))
    except KeyboardInterrupt as exc:
        return fail(EXIT_INTERRUPTED, exc, "interrupted")
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (UsageError, ConfigurationError, InvalidArgumentError, CredentialsFormatError) as exc:
        return fail(EXIT_INPUT, exc)
    except (ProlificError, LocalError) as exc:  # APIError and the rest
        return fail(EXIT_API, exc)
    except BrokenPipeError:  # e.g. `prolific-client credentials generate 100 | head`
        with contextlib.suppress(Exception):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_API
    except Exception as exc:
        hint = "" if debug else " (run with --debug for the traceback)"
        return fail(EXIT_API, exc, f"error: unexpected {type(exc).__name__}: {exc}{hint}")


def run() -> None:
    """Console-script entry point: ``sys.exit(main())``."""
    sys.exit(main())
