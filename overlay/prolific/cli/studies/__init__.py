"""``studies``: a study kept as a file, and a study's life once it exists, in one command group.

``check``, ``plan``, ``apply`` and ``pull`` work on a study file (``files``); the commands of a
study's life (publish, pause, add places...) are in :mod:`.lifecycle`. Each module declares its
own subcommands' arguments in ``register(actions)``.
"""

from __future__ import annotations

from .._argparse import Subparsers, group
from . import lifecycle


def register(subparsers: Subparsers) -> None:
    """Add ``studies`` and its subcommands."""
    actions = group(
        subparsers,
        "studies",
        help="studies: publish with the cost in view, pause, start, stop, add places, test, duplicate, delete, "
        "list, show",
    )
    lifecycle.register(actions)
