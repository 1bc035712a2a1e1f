"""``prolific-client``: the command line of this package (also ``python -m prolific``).

Built on :mod:`argparse`, the package's public API, and (for ``api``) the generated operation
registry. Results go to stdout (one JSON document with ``--json``); messages, progress and errors
go to stderr.

Modules, each importing only those listed before it: ``_constants`` (names, environment variables),
``_format`` (numbers in messages), ``_redact`` (the redactor), ``_errors`` (the CLI's errors and exit
codes), ``_input`` (files and stdin), ``_output`` (results, tables, progress), ``_context`` (what a
command gets), ``_argparse`` (the parser class and the helpers commands declare themselves with);
then one module per command group, each with ``register(subparsers)`` (``credentials``, ``groups``,
``invitations``, ``api`` with ``_values`` for its argument conversion, ``fake_server``); and ``_main``
(the list of command modules, failures to messages and exit codes). ``--help`` and the offline
commands load neither httpx nor the client: command modules import them inside their functions.

Exit codes: 0 success; 1 API or network error; 2 usage, configuration or input-file error;
130 interrupted (Ctrl-C).

The token and passwords are never printed, ``--debug`` included: everything written is scanned
and redacted (secrets shorter than 6 characters excepted: they would match ordinary words). The
one exception is ``credentials generate``, whose output *is* the passwords it was asked to make.
"""

from ._constants import PROG
from ._main import build_parser, main, run

__all__ = ["PROG", "build_parser", "main", "run"]
