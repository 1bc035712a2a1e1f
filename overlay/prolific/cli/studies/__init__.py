"""``studies``: a study kept as a file, a study's life, a live study followed, its data taken out.

``check``, ``plan``, ``apply`` and ``pull`` work on a study file (:mod:`.files`); ``publish``,
``pause``, ``start``, ``stop``, ``add-places``, ``test``, ``duplicate``, ``delete``, ``list`` and
``show`` are a study's life (:mod:`.lifecycle`); ``watch`` and ``export`` follow a live study and
take its data out (:mod:`.watch`). Each module registers its own subcommands with
``register(actions)``; this one makes the group and lists them.
"""

from __future__ import annotations

import importlib

from .._argparse import Subparsers, group

#: The modules of the group, in the order ``--help`` lists their commands.
MODULES = [
    "files",
    "lifecycle",
    "watch",
]


def register(subparsers: Subparsers) -> None:
    """Add ``studies`` and the subcommands of each of :data:`MODULES`."""
    actions = group(
        subparsers,
        "studies",
        help="studies as code (check, plan, apply, pull a file), a study's life (publish with the cost in view, "
        "pause, start, stop, add places, test, duplicate, delete, list, show), watch a live study, export",
    )
    for name in MODULES:
        importlib.import_module(f"{__package__}.{name}").register(actions)
