"""The command context every command function gets: the parsed arguments, the output, the redactor, a client."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from ._constants import TOKEN_ENV as TOKEN_ENV
from ._errors import UsageError as UsageError
from ._output import Output
from ._redact import Redactor

if TYPE_CHECKING:
    from prolific import Prolific

# Names command modules written in parallel branches import from here (the layout before
# _constants, _errors and _format existed); new code imports each from its home module.
from ._constants import PROG as PROG
from ._errors import EXIT_API as EXIT_API
from ._errors import EXIT_INPUT as EXIT_INPUT
from ._errors import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from ._errors import EXIT_OK as EXIT_OK
from ._errors import LocalError as LocalError
from ._errors import explained
from ._format import plural

_explained = explained
_plural = plural


def __getattr__(name: str) -> Any:
    # The client class loads on first use, not with the module: offline commands and --help never
    # import httpx. (A module attribute, so tests can still replace it.)
    if name == "Prolific":
        from prolific import Prolific

        return Prolific
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        client_class: type[Prolific] = sys.modules[__name__].Prolific
        return client_class(token, base_url=self.args.base_url)
