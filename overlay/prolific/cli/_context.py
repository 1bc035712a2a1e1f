"""What every command shares: constants, exit codes, the CLI's own errors, the command context."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from prolific import AuthenticationError, Prolific

if TYPE_CHECKING:
    from ._output import Output, Redactor

PROG = "prolific-client"
TOKEN_ENV = "PROLIFIC_TOKEN"
URL_ENV = "PROLIFIC_URL"
DEFAULT_URL = "https://api.prolific.com"
SAMPLE_TOKEN = "fake-token"
EXIT_OK, EXIT_API, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Secrets shorter than this are not redacted: "1234" would garble every count printed.
MIN_REDACTED = 6
#: How many problems of a refused credentials file create/add/upload print (check prints all).
MAX_PROBLEMS_SHOWN = 20


class UsageError(Exception):
    """A mistake in the command line or its input files (exit 2)."""


class LocalError(Exception):
    """A local failure that is not the user's input (a port in use, a full disk): exit 1."""


def _plural(count: int, noun: str) -> str:
    """``1 credential``, ``2 credentials``; the count with thousands separators."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


class Context:
    """What every command gets: the parsed arguments, the output, the redactor."""

    def __init__(self, args: argparse.Namespace, out: Output, redact: Redactor) -> None:
        self.args = args
        self.out = out
        self.redact = redact

    def client(self) -> Prolific:
        """A client from ``--token``/``$PROLIFIC_TOKEN`` and ``--base-url``/``$PROLIFIC_URL``."""
        token = self.args.token
        if token is None and os.environ.get(TOKEN_ENV) is None:
            raise UsageError(
                f"no Prolific API token: set the {TOKEN_ENV} environment variable (or pass --token, but that "
                "leaves it in your shell history); create a token in the Prolific app under Settings > API tokens"
            )
        self.redact.add_token(token)
        return Prolific(token, base_url=self.args.base_url)


def _explained(exc: BaseException) -> str:
    """An error's message for the user, with a hint where the cause is usually local."""
    if isinstance(exc, AuthenticationError):
        return (
            f"{exc} — check the API token in ${TOKEN_ENV} (or --token): it may be mistyped, expired or "
            "revoked; create one in the Prolific app under Settings > API tokens"
        )
    return str(exc)
