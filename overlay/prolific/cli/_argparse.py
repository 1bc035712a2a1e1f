"""argparse, shared by every command module: a parser with helpful errors, and the helpers to declare commands.

A command module declares its own arguments in ``register(subparsers)``: it adds its group with
:func:`group` (or a single command with :func:`command`), each subcommand with :func:`command`
and its function. The global options (``--profile``, ``--token``, ``--base-url``, ``--json``, ``--debug``) are
added to every command afterwards by :func:`add_command_options`, so no module repeats them.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ._constants import DEFAULT_URL, PROFILE_ENV, TOKEN_ENV, URL_ENV
from ._errors import UsageError

if TYPE_CHECKING:
    from ._context import Context

#: What ``register(subparsers)`` receives and :func:`group` returns (argparse's subparsers action).
Subparsers = Any


class Parser(argparse.ArgumentParser):
    """argparse, with errors as :class:`UsageError` that name an unknown option, on the command's usage."""

    _words: list[str] | None = None
    #: False for a command that sends nothing (check, generate, fake-server): it takes no
    #: ``--token``/``--base-url`` after its name, and its help does not list them.
    online: bool = True
    #: The dest of a ``nargs="*"`` positional that also takes the words after an option
    #: (argparse stops filling a positional at the first option: ``api get-study --json id=1``).
    collect_into: str | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[Any, list[str]]:
        self._words = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and self.collect_into is not None:
            words = [word for word in extras if not word.startswith("-")]
            setattr(parsed, self.collect_into, [*(getattr(parsed, self.collect_into, None) or []), *words])
            extras = [word for word in extras if word.startswith("-")]
        if extras and self._subparsers is None:  # a command's own parser: nothing after it could take them
            self.error(self._unknown(extras) or f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def _unknown(self, words: Sequence[str]) -> str | None:
        """``unrecognized argument: --workspce (did you mean --workspace?)`` for the first unknown option."""
        known = [option for action in self._actions for option in action.option_strings]
        for word in words:
            if word == "--":
                break
            name = word.partition("=")[0]
            if not name.startswith("-") or name == "-" or name[1:].replace(".", "", 1).isdigit():
                continue  # a value, stdin, or a negative number
            if name in known or (name.startswith("--") and any(k.startswith(name) for k in known)):
                continue  # an option of this command (argparse accepts unambiguous prefixes)
            if name in ("--token", "--base-url"):
                return f"unrecognized argument: {name} (this command sends nothing to the API)"
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
            return f"unrecognized argument: {name}" + (f" (did you mean {close[0]}?)" if close else "")
        return None

    def error(self, message: str) -> NoReturn:
        # A missing required option is often a misspelt one: name the misspelling instead.
        unknown = self._unknown(self._words) if self._words is not None and self._subparsers is None else None
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {unknown or message}")


class StoreOnce(argparse.Action):
    """An option that may be given once: argparse would keep the last of two silently.

    For an option whose second use is a mistake, not an override (``webhooks subscribe --event a
    --event b`` makes one subscription, for one event type).
    """

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        seen = f"_{self.dest}_given"
        if getattr(namespace, seen, False):
            parser.error(f"{option} was given twice: give it once{f' ({self.help})' if self.help else ''}")
        setattr(namespace, seen, True)
        setattr(namespace, self.dest, values)


def count(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum or (maximum is not None and value > maximum):
            limit = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
            raise argparse.ArgumentTypeError(f"{value} is out of range (expected {limit})")
        return value

    parse.__name__ = "number"
    return parse


def _global_options(parser: argparse.ArgumentParser, *, leaf: bool, online: bool = True) -> None:
    """The options every command takes; on a subcommand they may also follow the command.

    ``online=False``: a command that sends nothing (check, generate, fake-server) takes no
    ``--token``/``--base-url`` after its name, and its help does not list them.
    """
    group = parser.add_argument_group("global options" + (" (also accepted before the command)" if leaf else ""))

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if leaf else value

    if online:
        profile_option(group, default=default(None))
        group.add_argument(
            "--token",
            default=default(None),
            help=f"API token (default: ${TOKEN_ENV}; prefer the variable: a token typed here lands in your shell "
            "history)",
        )
        group.add_argument(
            "--base-url",
            metavar="URL",
            default=default(None),
            help=f"API base URL, without /api/v1 (default: ${URL_ENV}, else {DEFAULT_URL})",
        )
    group.add_argument("--json", action="store_true", default=default(False), help="print one JSON document on stdout")
    group.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="log each request (never the token or a body) and show tracebacks",
    )


def profile_option(parser: Any, *, default: Any = argparse.SUPPRESS) -> None:
    """``--profile NAME``: the profile of the config file to use (also for commands that send nothing: ``config``)."""
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help=f"the profile of the config file to use (default: ${PROFILE_ENV}, else the file's default_profile; "
        "see `config show`)",
    )


def group(subparsers: Subparsers, name: str, *, help: str, **kwargs: Any) -> Subparsers:
    """Add the command group ``name`` (e.g. ``credentials``); returns the subparsers its commands go in."""
    parser = subparsers.add_parser(name, help=help, **kwargs)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)


def command(
    subparsers: Subparsers, name: str, func: Callable[[Context], int], *, online: bool = True, **kwargs: Any
) -> Parser:
    """Add the command ``name`` running ``func(ctx)``; ``online=False`` for one that sends nothing."""
    parser: Parser = subparsers.add_parser(name, **kwargs)
    parser.set_defaults(func=func)
    parser.online = online
    return parser


def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command parser (a leaf) under ``parser``."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield parser
    for action in subparsers:
        for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
            yield from _commands(sub)


def add_global_options(root: argparse.ArgumentParser) -> None:
    """The global options on the top-level parser (before the commands are registered)."""
    _global_options(root, leaf=False)


def add_command_options(root: argparse.ArgumentParser) -> None:
    """The global options again on every command under ``root``, after the command's own arguments."""
    for leaf in _commands(root):
        if leaf is not root and "--json" not in leaf._option_string_actions:  # not added by the module itself
            _global_options(leaf, leaf=True, online=getattr(leaf, "online", True))
