"""``prolific-client``: the command line of this package (also ``python -m prolific``).

Built on :mod:`argparse`, the package's public API, and (for ``api``) the generated operation
registry. Results go to stdout (one JSON document with ``--json``); messages, progress and errors
go to stderr.

Modules: ``_context`` (constants, exit codes, the command context), ``_output`` (redaction, results,
progress), ``_input`` (files and stdin), one module per command group (``credentials``, ``groups``,
``invitations``, ``fake_server``, ``api`` with ``_values`` for its argument conversion), ``_parser``
(every command's options and help) and ``_main`` (failures to messages and exit codes).

Exit codes: 0 success; 1 API or network error; 2 usage, configuration or input-file error;
130 interrupted (Ctrl-C).

The token and passwords are never printed, ``--debug`` included: everything written is scanned
and redacted (secrets shorter than 6 characters excepted: they would match ordinary words). The
one exception is ``credentials generate``, whose output *is* the passwords it was asked to make.
"""

from ._context import PROG
from ._main import main, run
from ._parser import build_parser

__all__ = ["PROG", "build_parser", "main", "run"]
