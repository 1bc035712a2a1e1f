"""The command context every command function gets: the parsed arguments, the output, the redactor, a client."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ._constants import TOKEN_ENV as TOKEN_ENV
from ._errors import UsageError as UsageError
from ._output import Output
from ._redact import Redactor

if TYPE_CHECKING:
    from prolific import Prolific, Settings

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
        self._settings: Settings | None = None

    def settings(self, *, run_token_command: bool = True) -> Settings:
        """The settings: ``--token``/``--base-url`` > the environment > the profile (``--profile``,
        ``$PROLIFIC_PROFILE``, the file's ``default_profile``) > defaults.

        A command reads its defaults here, e.g. ``args.workspace or ctx.settings().workspace_id``
        (``project_id``, ``max_total``, ``max_spend``, ``state_url`` likewise). The token found is
        redacted from everything the command writes from then on.
        """
        if self._settings is not None and (self._settings.token is not None or not run_token_command):
            return self._settings
        from prolific._settings import resolve

        explicit = {
            "token": (getattr(self.args, "token", None), "--token"),
            "base_url": (getattr(self.args, "base_url", None), "--base-url"),
        }
        settings = resolve(getattr(self.args, "profile", None), "--profile", explicit, run_command=run_token_command)
        self.redact.add_token(settings.token)
        self._settings = settings
        return settings

    def client(self) -> Prolific:
        """A client from the settings (:meth:`settings`); no token anywhere is a usage error saying where to put one."""
        from prolific._settings import missing_token

        settings = self.settings()
        if settings.token is None:
            raise UsageError(missing_token(settings, flag="--token, but that leaves it in your shell history"))
        client_class: type[Prolific] = sys.modules[__name__].Prolific
        if settings.profile is not None and getattr(self.args, "profile", None) is not None:
            # The client's own settings (client.settings) from the same profile.
            return client_class(settings.token, base_url=settings.base_url, profile=settings.profile)
        return client_class(settings.token, base_url=settings.base_url)
