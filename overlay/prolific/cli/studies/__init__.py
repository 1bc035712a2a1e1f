"""``studies``: a study kept as a file, and a study's life once it exists, in one command group.

``check``, ``plan``, ``apply`` and ``pull`` work on a study file (:mod:`.files`); the commands of a
study's life (publish, pause, add places...) are in :mod:`.lifecycle`. Each module declares its
own subcommands' arguments in ``register(actions)``.
"""

from __future__ import annotations

from .._argparse import Subparsers, group
from . import files


def register(subparsers: Subparsers) -> None:
    """Add ``studies`` and its subcommands."""
    actions = group(
        subparsers,
        "studies",
        help="studies as code: check, plan, apply, pull a study file",
    )
    files.register(actions)
